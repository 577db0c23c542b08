// `lots persons match` (plain and --pprl) on a small CSV with a malformed row, odd names and a
// future birth date, and `lots persons dedupe` on an empty register, run as the real command.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { newPprlSecret } from './pprl-secret.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'lots-persons-'));
const env = { ...process.env, LOTS_DATA_DIR: dir, DATABASE_URL: '', LOTS_PPRL_SECRET: newPprlSecret() };

async function lots(args: string[]) {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'server/cli/main.ts', ...args], { env, cwd: process.cwd(), timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const input = join(dir, 'persons.csv');
writeFileSync(
  input,
  [
    'record_id,given_names,family_names,birth_date,birth_year,sex,citizenship',
    'r1,Ioana,Popescu,1990-05-17,,f,RO',
    'r2,Ioana,Popesku,1990-05-17,,f,RO',
    'r3,Olena,Kovalenko,1985-02-11',
    'r4,Olena,Kovalenko,1985-02-11,,f,UA',
    'r5,Olena,Kovalenko,1985-02-11,,female,UKR',
    'r6,Amina,Hassan,2001-06-30,,f,SO',
    'r7,!!!,...,,,,',
    'r8,,,,,,',
    'r9,Malai,Testperson,2099-01-01,,f,TH',
    'r10,Somchai,Jaidee,1992-08-03,,m,TH',
    'r11,Somchai,Jaidee,1992-08-03,,m,TH',
    '',
  ].join('\n'),
);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function pairsOf(file: string): string[] {
  const [header, ...rows] = readFileSync(file, 'utf8').trim().split('\n');
  expect(header).toBe('record_id_a,record_id_b,score,band');
  return rows.map((r) => r.split(',').slice(0, 2).join('-'));
}

describe('lots persons match', () => {
  it('writes the likely pairs and reports the malformed row by its line', async () => {
    const output = join(dir, 'pairs.csv');
    const r = await lots(['persons', 'match', '--input', input, '--output', output]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/skipped: line 4: expected 7 fields, found 4/);
    expect(r.stdout).toMatch(/10 records read \(1 skipped\)/);
    const pairs = pairsOf(output);
    expect(pairs).toEqual(expect.arrayContaining(['r1-r2', 'r4-r5', 'r10-r11']));
    expect(pairs.some((p) => /r6|r7|r8|r9/.test(p))).toBe(false);
  }, 180_000);

  it('with --pprl scores Bloom-filter encodings by Dice', async () => {
    const output = join(dir, 'pairs-pprl.csv');
    const r = await lots(['persons', 'match', '--input', input, '--output', output, '--pprl']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/bloom-filter dice/);
    const pairs = pairsOf(output);
    expect(pairs).toEqual(expect.arrayContaining(['r4-r5', 'r10-r11']));
    expect(pairs.some((p) => /r6|r7|r8/.test(p))).toBe(false);
  }, 180_000);

  it('explains a missing file and a missing option', async () => {
    expect((await lots(['persons', 'match', '--input', join(dir, 'nope.csv'), '--output', join(dir, 'x.csv')])).stderr).toMatch(/error: .*no such file/i);
    expect((await lots(['persons', 'match', '--input', input])).stderr).toMatch(/--output/);
  }, 180_000);
});

describe('lots persons dedupe', () => {
  it('runs on the embedded database', async () => {
    const r = await lots(['persons', 'dedupe']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^0 persons, 0 pairs compared .*0 new/m);
  }, 180_000);
});
