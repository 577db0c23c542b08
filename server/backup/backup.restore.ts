// `lots restore FILE`: checks the file (checksum, key, authenticity, completeness) before touching
// the database, then restores into an empty, migrated database of the same schema in ONE
// transaction: rows verbatim (the audit chain included, so it still verifies), the tables' own
// triggers lifted meanwhile, self-references filled in after their rows exist, sequences set
// where they were. A database with content is refused unless `force`, which first empties it
// (the audit trail too: it is replaced).
import { sql, type Kysely, type Transaction } from 'kysely';
import { systemActor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { verifyAuditChain } from '../audit/audit.verify.js';
import type { DB } from '../db/schema.js';
import { readCatalog } from './backup.catalog.js';
import { BackupError, readEncrypted } from './backup.container.js';
import { BACKUP_FORMAT, executedMigrations, type Manifest } from './backup.dump.js';
import { assertKeysFit, compareKeys } from '../crypto/data-keys.js';
import { activeKeyring, keyringLoaded } from '../crypto/keyring.js';

type Trx = Transaction<DB>;
const BATCH_ROWS = 500;
const BATCH_CHARS = 4_000_000;
/** Tables that hold content: a database with rows in any of them is not empty. */
const CONTENT_TABLES = ['organisations', 'users', 'persons', 'cases', 'audit_events'];

/**
 * Names and free texts are restored as they were stored, encrypted (server/crypto/). Their keys
 * are not in the backup: a restore that this process could not read is refused before commit.
 */
async function checkDataKeys(trx: Trx): Promise<void> {
  const registered = await trx.selectFrom('data_keys').select('kid').execute();
  if (registered.length === 0) return;
  if (!keyringLoaded()) {
    throw new BackupError(
      `the backup's names and free texts are encrypted under data key${registered.length > 1 ? 's' : ''} ${registered.map((r) => `"${r.kid}"`).join(', ')}, and no data key is configured: ` +
        'set LOTS_DATA_KEY_FILE (or LOTS_DATA_KEYS) to the key file of the system the backup came from; nothing was restored',
    );
  }
  try {
    assertKeysFit(await compareKeys(trx, activeKeyring()), 'the configured keyring');
  } catch (e) {
    throw new BackupError(`${(e as Error).message}; nothing was restored`);
  }
}

/** Reads the backup's lines in order: the manifest, each table's marker and rows, the end. */
function lineReader(onRows: (table: Manifest['tables'][number], rows: string[]) => Promise<void>) {
  let manifest: Manifest | null = null;
  let tableIndex = -1;
  let left = 0;
  let batch: string[] = [];
  let chars = 0;
  let ended = false;
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    chars = 0;
    await onRows(manifest!.tables[tableIndex]!, rows);
  };
  return {
    async line(line: string) {
      if (ended) throw new BackupError('the backup has data after its end marker');
      if (manifest === null) {
        const m = (JSON.parse(line) as { manifest?: Manifest }).manifest;
        if (!m || m.format !== BACKUP_FORMAT) throw new BackupError('the backup does not start with a Lots manifest');
        manifest = m;
        return;
      }
      if (left > 0) {
        batch.push(line);
        chars += line.length;
        left -= 1;
        if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS || left === 0) await flush();
        return;
      }
      const marker = JSON.parse(line) as { table?: string; rows?: number; end?: { rows: number } };
      if (marker.end) {
        if (tableIndex !== manifest.tables.length - 1) throw new BackupError('the backup ends before all its tables');
        ended = true;
        return;
      }
      tableIndex += 1;
      const expected = manifest.tables[tableIndex];
      if (!expected || marker.table !== expected.name || marker.rows !== expected.rows) throw new BackupError(`the backup is out of order at table ${String(marker.table)}`);
      left = expected.rows;
    },
    result(): Manifest {
      if (!manifest || !ended) throw new BackupError('the backup is incomplete: it has no end marker');
      return manifest;
    },
  };
}

/** Checks the whole file without touching any database; returns its manifest. */
export async function verifyBackup(path: string, key: Buffer): Promise<Manifest> {
  const reader = lineReader(async () => undefined);
  await readEncrypted(path, key, (l) => reader.line(l));
  return reader.result();
}

async function checkTarget(db: Kysely<DB>, manifest: Manifest, force: boolean): Promise<void> {
  const migrations = await executedMigrations(db);
  if (migrations.join() !== [...manifest.migrations].sort().join()) {
    throw new BackupError(`the backup was made at migrations [${manifest.migrations.join(', ')}]; this database has [${migrations.join(', ')}]: restore with the Lots version that made it, then migrate`);
  }
  const catalog = await readCatalog(db);
  const here = new Map(catalog.tables.map((t) => [t.name, t.columns.map((c) => `${c.name}:${c.type}`).join()]));
  for (const t of manifest.tables) {
    if (here.get(t.name) !== t.columns.map((c) => `${c.name}:${c.type}`).join()) throw new BackupError(`table ${t.name} differs between the backup and this database`);
  }
  // A migration may seed bookkeeping rows (a counter, a state row): emptiness means no content.
  const busy: string[] = [];
  for (const name of CONTENT_TABLES) {
    const { n } = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(name)}`.execute(db)).rows[0]!;
    if (n > 0) busy.push(`${name} (${n})`);
  }
  if (busy.length > 0 && !force) throw new BackupError(`the database is not empty: ${busy.join(', ')}; restore goes into an empty, migrated database (or use --force to replace everything in it)`);
}

/**
 * Lifts the tables' own triggers for the restore (foreign keys stay enforced): the rows go in as
 * they were, without the append-only guard refusing the emptying, and without change-log
 * triggers (the persons index) logging the restore as fresh writes; their tables are restored
 * verbatim too. ALTER TABLE is transactional: a failed restore leaves the triggers as they were.
 */
async function setTriggers(trx: Trx, manifest: Manifest, on: boolean): Promise<void> {
  for (const t of manifest.tables) await sql`alter table ${sql.table(t.name)} ${sql.raw(on ? 'enable' : 'disable')} trigger user`.execute(trx);
}

/** Empties every table the backup covers (rows a migration seeded, or all with --force). */
async function emptyTables(trx: Trx, manifest: Manifest): Promise<void> {
  await sql`truncate ${sql.join(manifest.tables.map((t) => sql.table(t.name)))} cascade`.execute(trx);
}

async function insertRows(trx: Trx, t: Manifest['tables'][number], rows: string[], later: Map<string, string[]>): Promise<void> {
  const table = sql.table(t.name);
  const json = `[${rows.join(',')}]`;
  const cols = t.columns.map((c) => c.name);
  const select = cols.map((c) => (t.selfReferences.includes(c) ? sql`null` : sql`r.${sql.id(c)}`));
  await sql`insert into ${table} (${sql.join(cols.map((c) => sql.id(c)))}) select ${sql.join(select)} from json_populate_recordset(null::${table}, ${json}::json) r`.execute(trx);
  if (t.selfReferences.length > 0) {
    const pending = later.get(t.name) ?? [];
    for (const row of rows) {
      const values = JSON.parse(row) as Record<string, unknown>;
      if (t.selfReferences.some((c) => values[c] !== null)) pending.push(row);
    }
    later.set(t.name, pending);
  }
}

async function fillSelfReferences(trx: Trx, manifest: Manifest, later: Map<string, string[]>): Promise<void> {
  for (const [name, rows] of later) {
    const t = manifest.tables.find((x) => x.name === name)!;
    for (let i = 0; i < rows.length; i += BATCH_ROWS) {
      const json = `[${rows.slice(i, i + BATCH_ROWS).join(',')}]`;
      const table = sql.table(name);
      await sql`update ${table} x set ${sql.join(t.selfReferences.map((c) => sql`${sql.id(c)} = r.${sql.id(c)}`))}
        from json_populate_recordset(null::${table}, ${json}::json) r
        where ${sql.join(t.primaryKey.map((c) => sql`x.${sql.id(c)} = r.${sql.id(c)}`), sql` and `)}`.execute(trx);
    }
  }
}

export async function restoreBackup(
  db: Kysely<DB>,
  path: string,
  key: Buffer,
  opts: { force?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ manifest: Manifest; rows: number; auditEvents: number }> {
  const manifest = await verifyBackup(path, key);
  await checkTarget(db, manifest, opts.force === true);
  const total = manifest.tables.reduce((n, t) => n + t.rows, 0);
  const result = await db.transaction().execute(async (trx) => {
    await setTriggers(trx, manifest, false);
    await emptyTables(trx, manifest);
    const later = new Map<string, string[]>();
    let done = 0;
    const reader = lineReader(async (t, rows) => {
      await insertRows(trx, t, rows, later);
      done += rows.length;
      opts.onProgress?.(done, total);
    });
    await readEncrypted(path, key, (l) => reader.line(l));
    reader.result();
    await fillSelfReferences(trx, manifest, later);
    for (const s of manifest.sequences) await sql`select setval(${s.name}::regclass, ${s.lastValue}, ${s.isCalled})`.execute(trx);
    await setTriggers(trx, manifest, true);
    for (const t of manifest.tables) {
      const { n } = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t.name)}`.execute(trx)).rows[0]!;
      if (n !== t.rows) throw new BackupError(`table ${t.name} has ${n} rows after the restore, the backup ${t.rows}; nothing was restored`);
    }
    const chain = await verifyAuditChain(trx);
    if (!chain.ok) throw new BackupError(`the restored audit trail does not verify (event #${chain.brokenAtSeq}: ${chain.reason}); nothing was restored`);
    await checkDataKeys(trx);
    return { rows: done, auditEvents: chain.checked };
  });
  await db.transaction().execute((trx) =>
    recordAudit(trx, systemActor('restore'), { action: 'backup.restore', resourceType: 'system', details: { file: path.split('/').pop(), madeAt: manifest.createdAt, from: manifest.database, rows: result.rows, force: opts.force === true } }),
  );
  return { manifest, ...result };
}
