// Fault proof: `kill -9` during a large import, then restart. The real CLI (`lots import cases`)
// imports 100,000 synthetic case records into a database that already holds an earlier import;
// when its progress bar shows it is writing cases, the process is killed with SIGKILL. The
// database is then opened again (migrations, readiness, audit chain): it holds exactly what it
// held before, and importing the same file again succeeds.
//
// On the embedded database this proves PGlite's WAL recovery: the killed process had the data
// directory open with a transaction half-written. On PostgreSQL it proves the server rolls the
// dead client's transaction back. Each variant runs in its own suite: PGlite in `npm test`,
// PostgreSQL in `npm test` with TEST_DATABASE_URL (describe.runIf below; the other one is
// registered as skipped, on purpose).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/database.js';
import { isMigrated, migrateToLatest } from '../db/migrate.js';
import { verifyAuditChain } from '../audit/audit.verify.js';
import { writeCaseFile } from '../../domain/statistics/case-csv.js';
import { syntheticRecords } from '../../domain/statistics/synthetic-records.js';
import { runLots, startLots } from './faults-cli.js';
import { storageProblems } from './faults-storage-check.js';

const ADMIN_URL = process.env.TEST_DATABASE_URL;
const ROWS = 100_000;

interface Counts {
  cases: number;
  persons: number;
  assessments: number;
  audit: number;
}

async function counts(database: Database): Promise<Counts> {
  const r = await sql<Counts>`select (select count(*) from cases)::int as cases, (select count(*) from persons)::int as persons,
    (select count(*) from assessments)::int as assessments, (select count(*) from audit_events)::int as audit`.execute(database.db);
  return r.rows[0]!;
}

/** Opens the database as `lots serve` would after the crash: migrations, readiness, audit chain. */
async function reopen(open: () => Promise<Database>): Promise<Counts> {
  const database = await open();
  try {
    await migrateToLatest(database.db);
    expect(await isMigrated(database.db)).toBe(true);
    await sql`select 1`.execute(database.db);
    const chain = await verifyAuditChain(database.db);
    expect(chain.ok).toBe(true);
    return await counts(database);
  } finally {
    await database.close();
  }
}

function scenario(kind: 'pglite' | 'postgres') {
  // Set up in beforeAll: a skipped suite's body still runs at collection, its hooks do not.
  let dir = '';
  let large = '';
  let env: Record<string, string> = {};
  let open: () => Promise<Database> = async () => {
    throw new Error('not set up');
  };
  let drop = async () => {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), `lots-fault-kill-${kind}-`));
    const small = join(dir, 'earlier.csv');
    large = join(dir, 'large.csv');
    writeFileSync(small, writeCaseFile(syntheticRecords(11, { years: [2021], count: 500 })));
    writeFileSync(large, writeCaseFile(syntheticRecords(12, { years: [2022, 2023, 2024], count: ROWS })));
    if (kind === 'pglite') {
      env = { LOTS_DATA_DIR: join(dir, 'data') };
      open = () => openDatabase({ dataDir: join(dir, 'data', 'pglite') });
    } else {
      const name = `lots_fault_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: ADMIN_URL });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const url = new URL(ADMIN_URL!);
      url.pathname = `/${name}`;
      env = { DATABASE_URL: url.toString() };
      open = () => openDatabase({ url: url.toString(), poolSize: 2 });
      drop = async () => {
        const a = new pg.Client({ connectionString: ADMIN_URL });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      };
    }
    // An earlier import, so "what it held before" is not simply empty.
    const earlier = await runLots(['import', 'cases', small], env);
    expect(earlier.code, earlier.output).toBe(0);
  });

  afterAll(async () => {
    await drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps nothing of an import killed with SIGKILL half-way, and imports again afterwards', { timeout: 200_000 }, async () => {
    const before = await reopen(open);
    expect(before.cases).toBe(500);

    const killed = startLots(['import', 'cases', large], env);
    // Progress runs to 3 × rows: validated (1×), persons written (2×), cases written (3×, in
    // batches of 5,000). Kill once all persons and the first batches of cases (with their
    // assessments and timeline events) are written inside the import's open transaction.
    const killAt = ROWS * 2 + 10_000;
    const deadline = Date.now() + 90_000;
    let seen = killed.progress();
    while ((seen?.done ?? 0) < killAt) {
      if (killed.child.exitCode !== null) throw new Error(`the import ended before it could be killed: ${killed.output().slice(-500)}`);
      if (Date.now() > deadline) throw new Error(`no progress past ${seen?.done ?? 0}: ${killed.output().slice(-500)}`);
      await new Promise((r) => setTimeout(r, 25));
      seen = killed.progress();
    }
    killed.child.kill('SIGKILL');
    const end = await killed.exited;
    expect(end.signal).toBe('SIGKILL');
    expect(seen!.done).toBeLessThan(seen!.total);

    // Opened again: exactly what it held before, nothing of the killed import.
    const after = await reopen(open);
    expect(after).toEqual(before);
    // And amcheck finds every table and index of the recovered directory intact.
    if (kind === 'pglite') expect(await storageProblems(join(dir, 'data', 'pglite'))).toEqual([]);

    // The same file imports completely.
    const again = await runLots(['import', 'cases', large], env);
    expect(again.code, again.output).toBe(0);
    expect(again.output).toMatch(new RegExp(`imported ${ROWS} rows: ${ROWS} new cases`));
    const final = await reopen(open);
    expect(final.cases).toBe(before.cases + ROWS);
    expect(final.assessments).toBeGreaterThan(before.assessments);
  });
}

// PGlite suite only: with TEST_DATABASE_URL set the PostgreSQL variant below runs instead.
describe.runIf(!ADMIN_URL)('kill -9 during a large import (embedded PGlite)', () => scenario('pglite'));
// PostgreSQL suite only (TEST_DATABASE_URL set); skipped in the PGlite suite.
describe.runIf(Boolean(ADMIN_URL))('kill -9 during a large import (PostgreSQL)', () => scenario('postgres'));
