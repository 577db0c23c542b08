// The trust commands of the `lots` CLI end to end on embedded databases in temporary
// directories: backup (refused without a key), backup-verify, restore into a fresh data
// directory, and the retention rules and dry run.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'lots-cli-trust-'));
const key = randomBytes(32).toString('base64');

async function lots(dataDir: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'server/cli/main.ts', ...args], {
      env: { ...process.env, LOTS_DATA_DIR: join(dir, dataDir), DATABASE_URL: '', LOTS_BACKUP_KEY: key, ...env },
      cwd: process.cwd(),
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lots backup / restore / retention', () => {
  it('backs up, verifies and restores into a fresh data directory', async () => {
    expect((await lots('a', ['seed-demo', '--cases', '3'])).code).toBe(0);
    const file = join(dir, 'a.backup');
    const noKey = await lots('a', ['backup', file], { LOTS_BACKUP_KEY: '' });
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toMatch(/no backup key/);
    const made = await lots('a', ['backup', file]);
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(/backup written to .*: \d+ tables, \d+ rows/);
    expect((await lots('a', ['backup-verify', file])).stdout).toMatch(/is intact/);
    // Names and free texts stay encrypted in the backup; their key is not in it.
    const noDataKey = await lots('b', ['restore', file]);
    expect(noDataKey.code).toBe(1);
    expect(noDataKey.stderr).toMatch(/encrypted under data key "[^"]+", and no data key is configured: set LOTS_DATA_KEY_FILE.*nothing was restored/);
    const restored = await lots('b', ['restore', file], { LOTS_DATA_KEY_FILE: join(dir, 'a', 'data-keys.json') });
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/audit trail intact: \d+ events verified/);
  }, 300_000);

  it('shows the retention rules and lists what is due without changing anything', async () => {
    const rules = await lots('a', ['retention', 'rules']);
    expect(rules.stdout).toMatch(/closed_case: closed \+ 3 years/);
    const dry = await lots('a', ['retention', 'run', '--dry-run']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/retention dry run for \d{4}-\d{2}-\d{2}/);
    expect(dry.stdout).toMatch(/nothing was changed/);
    const ahead = await lots('a', ['retention', 'run', '--today', '2099-01-01']);
    expect(ahead.code).toBe(1);
    expect(ahead.stderr).toMatch(/only with --dry-run/);
  }, 120_000);
});
