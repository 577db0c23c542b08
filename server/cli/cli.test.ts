// The `lots` command end to end on an embedded database in a temporary directory.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'lots-cli-'));
const env = { ...process.env, LOTS_DATA_DIR: dir, DATABASE_URL: '' };

async function lots(args: string[], input?: string) {
  const child = run('npx', ['tsx', 'server/cli/main.ts', ...args], { env, cwd: process.cwd(), timeout: 120_000 });
  if (input !== undefined) {
    child.child.stdin?.end(input);
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lots CLI', () => {
  it('migrates, seeds, manages organisations and users, and verifies the audit trail', async () => {
    expect((await lots(['migrate'])).stdout).toMatch(/applied: 0001-foundation/);
    const seeded = await lots(['seed-demo', '--cases', '3']);
    expect(seeded.code).toBe(0);
    expect(seeded.stdout).toMatch(/koordinator\.stockholm/);
    expect((await lots(['seed-demo'])).stderr).toMatch(/already has organisations/);

    const added = await lots(['orgs', 'add', '--name', 'Socialtjänsten Åsele testkommun', '--kind', 'social_services', '--municipality', '2463']);
    expect(added.code).toBe(0);
    const orgId = /created organisation ([0-9a-f-]{36})/.exec(added.stdout)![1]!;
    const list = await lots(['orgs', 'list']);
    expect(list.stdout).toMatch(/Socialtjänsten Åsele testkommun/);

    const user = await lots(['users', 'add', '--username', 'test.user', '--name', 'Test Användare', '--org', orgId, '--roles', 'first_responder,social_services', '--password-stdin'], 'a-long-enough-password\n');
    expect(user.code, user.stderr).toBe(0);
    const wrongRole = await lots(['users', 'add', '--username', 'x.user', '--name', 'X', '--org', orgId, '--roles', 'coordinator']);
    expect(wrongRole.code).toBe(1);
    expect(wrongRole.stderr).toMatch(/roles\.0: role coordinator does not fit/);
    const weak = await lots(['users', 'set-password', 'test.user'], 'short\n');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/at least 12 characters/);
    const token = await lots(['users', 'add-token', 'test.user', '--name', 'integration']);
    expect(token.stdout.trim()).toMatch(/^lots_[A-Za-z0-9_-]{40,}$/);

    const verify = await lots(['audit', 'verify']);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/audit trail intact: \d+ events checked/);
  }, 240_000);

  it('explains itself and refuses bad options clearly', async () => {
    const help = await lots(['users', 'add', '--help']);
    expect(help.stdout).toMatch(/--username <username>/);
    const bad = await lots(['orgs', 'add', '--name', 'X', '--kind', 'spaceship']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/Allowed choices are/);
  }, 120_000);
});
