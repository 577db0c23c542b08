// Backup and restore: a backup restores into a fresh database with the same rows, byte for byte,
// and an audit chain that verifies, on PGlite and on PostgreSQL (and PostgreSQL → PGlite); a
// tampered, truncated or foreign-key file is refused before the database is touched.
import { randomBytes, createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../db/schema.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { verifyAuditChain } from '../audit/audit.verify.js';
import { createTestApp, createTestDatabase, signIn, type TestApp, type TestDatabase } from '../test/harness.js';
import { createFullCase } from '../proof/full-case.js';
import { readCatalog } from './backup.catalog.js';
import { loadBackupKey } from './backup.container.js';
import { createBackup } from './backup.dump.js';
import { restoreBackup, verifyBackup } from './backup.restore.js';

const dir = mkdtempSync(join(tmpdir(), 'lots-backup-'));
const key = randomBytes(32);
const file = join(dir, 'lots.backup');
let source: TestApp;
const targets: TestDatabase[] = [];

async function fresh(): Promise<TestDatabase> {
  const d = await createTestDatabase();
  targets.push(d);
  return d;
}

/** Every table's rows as sorted text, per table. */
async function contents(db: Kysely<DB>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of (await readCatalog(db)).tables) {
    const rows = await sql<{ j: string }>`select row_to_json(x)::text as j from ${sql.table(t.name)} x`.execute(db);
    out[t.name] = rows.rows.map((r) => r.j).sort();
  }
  return out;
}

beforeAll(async () => {
  source = await createTestApp({ cases: 8 });
  const c = await signIn(source.app, 'koordinator.stockholm');
  const full = await createFullCase(source.database.db, c, { tag: 'Backup', close: false });
  // A re-assessment, so a row references another row of its own table (superseded_by).
  const version = async () => (await c.get(`/api/v1/cases/${full.id}`)).json<{ version: number }>().version;
  expect((await c.post(`/api/v1/cases/${full.id}/reassess`, { version: await version(), reason: 'Nya uppgifter om arbetsgivaren.' })).statusCode).toBe(200);
  const again = await c.post(`/api/v1/cases/${full.id}/assessments`, {
    version: await version(), assessedOn: '2026-04-01', legalBasis: 'exploitation_4_1b', decision: 'reason_to_assume', means: ['deception'], purposes: ['forced_labour'], exploitationForms: ['labour'], labourSector: 'A', reasons: 'Ny bedömning efter nya uppgifter.',
  });
  expect(again.statusCode, again.body).toBe(200);
  await createBackup(source.database.db, source.database.kind, file, key);
}, 240_000);
afterAll(async () => {
  for (const d of targets) await d.drop();
  await source?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores every row into a fresh database, identical, with an audit chain that verifies', async () => {
    const target = await fresh();
    const r = await restoreBackup(target.db, file, key);
    const before = await contents(source.database.db);
    const after = await contents(target.db);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const t of Object.keys(before)) {
      if (t === 'audit_events') continue;
      expect(after[t], t).toEqual(before[t]);
    }
    // The restore itself is the one audit event more.
    expect(after.audit_events!.filter((e) => !before.audit_events!.includes(e))).toHaveLength(1);
    expect(after.audit_events!.filter((e) => !before.audit_events!.includes(e))[0]).toContain('backup.restore');
    expect(before.assessments!.some((a) => /"superseded_by":"[0-9a-f-]{36}"/.test(a))).toBe(true);
    expect(r.rows).toBe(Object.values(before).reduce((n, rows) => n + rows.length, 0));
    expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true });
    // Sequences continue where they were: the next case reference does not collide.
    const seq = async (db: Kysely<DB>) => (await sql<{ v: number }>`select last_value as v from case_ref_seq`.execute(db)).rows[0]!.v;
    expect(await seq(target.db)).toBe(await seq(source.database.db));
  });

  it('restores into an embedded PGlite database too (from PostgreSQL when run against it): one format', async () => {
    const pglite = await openDatabase({ dataDir: 'memory://' });
    try {
      await migrateToLatest(pglite.db);
      await restoreBackup(pglite.db, file, key);
      expect(await verifyAuditChain(pglite.db)).toMatchObject({ ok: true });
      const n = async (db: Kysely<DB>) => (await sql<{ n: number }>`select count(*)::int as n from cases`.execute(db)).rows[0]!.n;
      expect(await n(pglite.db)).toBe(await n(source.database.db));
    } finally {
      await pglite.close();
    }
  });

  it('refuses a database that is not empty, and replaces it with --force', async () => {
    const target = await fresh();
    await restoreBackup(target.db, file, key);
    await expect(restoreBackup(target.db, file, key)).rejects.toThrow(/not empty: .*audit_events/);
    await restoreBackup(target.db, file, key, { force: true });
    expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true });
    const cases = (await sql<{ n: number }>`select count(*)::int as n from cases`.execute(target.db)).rows[0]!.n;
    expect(cases).toBe(9);
  });

  it('refuses a damaged, truncated, altered or foreign file before touching the database', async () => {
    const target = await fresh();
    const bytes = readFileSync(file);
    const damaged = Buffer.from(bytes);
    damaged[Math.floor(damaged.length / 2)]! ^= 0xff;
    writeFileSync(join(dir, 'damaged'), damaged);
    await expect(restoreBackup(target.db, join(dir, 'damaged'), key)).rejects.toThrow(/SHA-256 checksum: the file is truncated or has been altered/);
    writeFileSync(join(dir, 'truncated'), bytes.subarray(0, bytes.length - 1000));
    await expect(restoreBackup(target.db, join(dir, 'truncated'), key)).rejects.toThrow(/truncated/);
    // An attacker who alters the ciphertext and recomputes the checksum still fails the GCM tag.
    const forged = Buffer.from(bytes.subarray(0, bytes.length - 32));
    forged[forged.length - 100]! ^= 0x01;
    writeFileSync(join(dir, 'forged'), Buffer.concat([forged, createHash('sha256').update(forged).digest()]));
    await expect(restoreBackup(target.db, join(dir, 'forged'), key)).rejects.toThrow(/could not be authenticated/);
    await expect(restoreBackup(target.db, file, randomBytes(32))).rejects.toThrow(/encrypted with another key/);
    await expect(verifyBackup(join(dir, 'nothing'), key)).rejects.toThrow(/no such file/);
    const rows = (await sql<{ n: number }>`select count(*)::int as n from audit_events`.execute(target.db)).rows[0]!.n;
    expect(rows).toBe(0);
  });

  it('needs a key, never overwrites a file, and stores nothing readable', async () => {
    await expect(loadBackupKey({})).rejects.toThrow(/no backup key: set LOTS_BACKUP_KEY/);
    await expect(loadBackupKey({ LOTS_BACKUP_KEY: 'c2hvcnQ=' })).rejects.toThrow(/exactly 32 bytes/);
    expect(await loadBackupKey({ LOTS_BACKUP_KEY: key.toString('base64') })).toEqual(key);
    writeFileSync(join(dir, 'keyfile'), `${key.toString('base64')}\n`);
    expect(await loadBackupKey({ LOTS_BACKUP_KEY_FILE: join(dir, 'keyfile') })).toEqual(key);
    await expect(createBackup(source.database.db, source.database.kind, file, key)).rejects.toThrow(/exists already/);
    const text = readFileSync(file).toString('latin1');
    expect(text).not.toContain('PloyBackup');
    expect(text).not.toContain('Koordinator');
  });
});
