// `lots keys` end to end on an embedded database in a temporary directory: the key file created
// on first start, generate (never over an existing file), --add, rotate, status, and the clear
// errors of a process without the right key.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'lots-keys-cli-'));
const keyFile = join(dir, 'data', 'data-keys.json');

async function lots(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'server/cli/main.ts', ...args], {
      env: { ...process.env, LOTS_DATA_DIR: join(dir, 'data'), DATABASE_URL: '', LOTS_DATA_KEYS: '', LOTS_DATA_KEY_FILE: '', ...env },
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

describe('lots keys', () => {
  it('creates the key file on first start, adds a key and rotates every value to it', async () => {
    const seeded = await lots(['seed-demo', '--cases', '3']);
    expect(seeded.code, seeded.stderr).toBe(0);
    expect(seeded.stderr).toContain(`Created the data encryption key file ${keyFile} (mode 0600)`);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const first = (JSON.parse(readFileSync(keyFile, 'utf8')) as { current: string }).current;

    const added = await lots(['keys', 'generate', '--add']);
    expect(added.code, added.stderr).toBe(0);
    const second = (JSON.parse(readFileSync(keyFile, 'utf8')) as { current: string }).current;
    expect(added.stdout).toContain(`added data key "${second}" to ${keyFile} and made it current (2 keys in the file)`);

    const rotated = await lots(['keys', 'rotate']);
    expect(rotated.code, rotated.stderr).toBe(0);
    const values = Number(new RegExp(`re-encrypted (\\d+) values in \\d+ rows under data key "${second}"`).exec(rotated.stdout)?.[1]);
    expect(values).toBeGreaterThanOrEqual(9); // three demo persons' names and their cases' summaries at least
    expect(rotated.stdout).toContain(`no value is under "${first}" any more`);
    const status = await lots(['keys', 'status']);
    expect(status.stdout).toContain(`values: "${second}" (current): ${values}`);
    expect(status.stdout).toContain(`registered in the database: "${second}"`);
    expect((await lots(['keys', 'rotate'])).stdout).toContain('nothing to re-encrypt');
  }, 300_000);

  it('refuses to start with a key file that lacks the data`s key, or without one', async () => {
    const other = join(dir, 'other.json');
    const made = await lots(['keys', 'generate', '--file', other]);
    expect(made.stdout).toMatch(/created .*other\.json \(mode 0600\) with data key "[0-9a-f]{8}"/);
    const refused = await lots(['keys', 'status'], { LOTS_DATA_KEY_FILE: other });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/error: this database holds values encrypted under data key "[0-9a-f]{8}", which LOTS_DATA_KEY_FILE \(.*other\.json\) does not hold/);
    const missing = await lots(['orgs', 'list'], { LOTS_DATA_KEY_FILE: join(dir, 'nowhere.json') });
    expect(missing.stderr).toMatch(/error: cannot read the data key file .*nowhere\.json/);
    const postgres = await lots(['keys', 'generate'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(postgres.stderr).toMatch(/name the key file with --file/);
  }, 300_000);
});
