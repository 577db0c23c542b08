// `lots backup FILE`: a logical dump of every table, the same on PGlite and PostgreSQL, taken
// in one read-only, repeatable-read transaction (a consistent snapshot). Each row is PostgreSQL's
// own row_to_json text, written verbatim and read back with json_populate_recordset, so every
// value keeps its exact type: timestamps to the microsecond, numerics, arrays, jsonb.
import { sql, type Kysely, type Transaction } from 'kysely';
import { systemActor } from '../auth/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { chainAuditEvents } from '../audit/audit.chain.js';
import type { DB } from '../db/schema.js';
import type { DatabaseKind } from '../db/database.js';
import { readCatalog, type TableInfo } from './backup.catalog.js';
import { writeEncrypted } from './backup.container.js';

export const BACKUP_FORMAT = 'lots-backup/1';
const PAGE = 2_000;

export interface Manifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  database: DatabaseKind;
  migrations: string[];
  tables: (TableInfo & { rows: number })[];
  sequences: { name: string; lastValue: number; isCalled: boolean }[];
}

export async function executedMigrations(db: Kysely<DB> | Transaction<DB>): Promise<string[]> {
  const r = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return r.rows.map((x) => x.name);
}

/** The rows of one table as row_to_json text, page by page in primary-key order (keyset). */
async function* tableRows(trx: Transaction<DB>, t: TableInfo): AsyncGenerator<string> {
  const table = sql.table(t.name);
  const order = sql.join(t.primaryKey.map((c) => sql`x.${sql.id(c)}`));
  let last: string | null = null;
  for (;;) {
    const after: ReturnType<typeof sql> = last === null
      ? sql`true`
      : sql`(${order}) > (select ${sql.join(t.primaryKey.map((c) => sql`r.${sql.id(c)}`))} from json_populate_record(null::${table}, ${last}::json) r)`;
    const page = await sql<{ j: string }>`select row_to_json(x)::text as j from ${table} x where ${after} order by ${order} limit ${PAGE}`.execute(trx);
    for (const row of page.rows) yield row.j;
    if (page.rows.length < PAGE) return;
    last = page.rows[page.rows.length - 1]!.j;
  }
}

export async function createBackup(
  db: Kysely<DB>,
  kind: DatabaseKind,
  path: string,
  key: Buffer,
  opts: { onProgress?: (done: number, total: number) => void } = {},
): Promise<{ manifest: Manifest; bytes: number }> {
  // Recorded first, so the backup holds the record of its own making.
  await db.transaction().execute((trx) => recordAudit(trx, systemActor('backup'), { action: 'backup.create', resourceType: 'system', details: { file: path.split('/').pop() } }));
  // Every committed event linked into the chain before the snapshot (server/audit/audit.chain.ts).
  await chainAuditEvents(db);
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      await sql`set transaction read only`.execute(trx);
      const catalog = await readCatalog(trx);
      if (catalog.tables.some((t) => t.primaryKey.length === 0)) throw new Error('every table needs a primary key to be backed up page by page');
      const tables: Manifest['tables'] = [];
      for (const t of catalog.tables) {
        const { n } = (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(t.name)}`.execute(trx)).rows[0]!;
        tables.push({ ...t, rows: n });
      }
      const sequences: Manifest['sequences'] = [];
      for (const name of catalog.sequences) {
        const s = (await sql<{ last_value: number; is_called: boolean }>`select last_value, is_called from ${sql.table(name)}`.execute(trx)).rows[0]!;
        sequences.push({ name, lastValue: Number(s.last_value), isCalled: s.is_called });
      }
      const manifest: Manifest = { format: BACKUP_FORMAT, createdAt: new Date().toISOString(), database: kind, migrations: await executedMigrations(trx), tables, sequences };
      const total = tables.reduce((n, t) => n + t.rows, 0);
      async function* lines(): AsyncGenerator<string> {
        yield JSON.stringify({ manifest });
        let done = 0;
        for (const t of tables) {
          yield JSON.stringify({ table: t.name, rows: t.rows });
          let n = 0;
          for await (const row of tableRows(trx, t)) {
            n += 1;
            yield row;
            if (++done % 500 === 0) opts.onProgress?.(done, total);
          }
          if (n !== t.rows) throw new Error(`table ${t.name} changed during the backup (${n} rows, expected ${t.rows})`);
        }
        opts.onProgress?.(done, total);
        yield JSON.stringify({ end: { tables: tables.length, rows: total } });
      }
      const { bytes } = await writeEncrypted(path, key, lines());
      return { manifest, bytes };
    });
}
