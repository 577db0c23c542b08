// What a backup covers, read from the database catalogue so new tables are included without
// anyone remembering to: every table of the public schema in foreign-key order, with columns,
// types, primary key and self-references, and every sequence. Left out: Kysely's migration
// bookkeeping (the restore target is migrated by the same code) and the municipalities, which
// are reference data written by `migrate` from domain/reference.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

export const EXCLUDED_TABLES = new Set(['kysely_migration', 'kysely_migration_lock', 'municipalities']);

export interface TableInfo {
  name: string;
  columns: { name: string; type: string }[];
  primaryKey: string[];
  /** Columns referencing the same table: inserted empty, filled in once all rows exist. */
  selfReferences: string[];
}

export async function readCatalog(db: Kysely<DB>): Promise<{ tables: TableInfo[]; sequences: string[] }> {
  const tables = (
    await sql<{ name: string }>`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db)
  ).rows
    .map((r) => r.name)
    .filter((n) => !EXCLUDED_TABLES.has(n));
  const columns = (
    await sql<{ table_name: string; column_name: string; data_type: string; udt_name: string }>`
      select table_name, column_name, data_type, udt_name from information_schema.columns
      where table_schema = 'public' and is_generated = 'NEVER' order by table_name, ordinal_position`.execute(db)
  ).rows;
  const keys = (
    await sql<{ table_name: string; column_name: string }>`
      select k.table_name, k.column_name from information_schema.table_constraints c
      join information_schema.key_column_usage k on k.constraint_name = c.constraint_name and k.table_schema = c.table_schema and k.table_name = c.table_name
      where c.table_schema = 'public' and c.constraint_type = 'PRIMARY KEY' order by k.table_name, k.ordinal_position`.execute(db)
  ).rows;
  const fks = (
    await sql<{ child: string; parent: string; column_name: string }>`
      select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent, a.attname as column_name
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
      where c.contype = 'f' and n.nspname = 'public'`.execute(db)
  ).rows.map((r) => ({ ...r, child: r.child.replace(/^"|"$/g, ''), parent: r.parent.replace(/^"|"$/g, '') }));
  const sequences = (
    await sql<{ name: string }>`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'S' and n.nspname = 'public' order by c.relname`.execute(db)
  ).rows.map((r) => r.name);

  const infos = new Map<string, TableInfo>(
    tables.map((name) => [
      name,
      {
        name,
        columns: columns.filter((c) => c.table_name === name).map((c) => ({ name: c.column_name, type: c.data_type === 'ARRAY' ? `${c.udt_name.replace(/^_/, '')}[]` : c.udt_name })),
        primaryKey: keys.filter((k) => k.table_name === name).map((k) => k.column_name),
        selfReferences: fks.filter((f) => f.child === name && f.parent === name).map((f) => f.column_name),
      },
    ]),
  );
  // Parents before children (Kahn's algorithm); a cycle between tables would need deferred keys.
  const parents = new Map(tables.map((t) => [t, new Set(fks.filter((f) => f.child === t && f.parent !== t && infos.has(f.parent)).map((f) => f.parent))]));
  const ordered: TableInfo[] = [];
  while (parents.size > 0) {
    const ready = [...parents.entries()].filter(([, ps]) => ps.size === 0).map(([t]) => t).sort();
    if (ready.length === 0) throw new Error(`foreign keys form a cycle between ${[...parents.keys()].join(', ')}`);
    for (const t of ready) {
      ordered.push(infos.get(t)!);
      parents.delete(t);
      for (const ps of parents.values()) ps.delete(t);
    }
  }
  return { tables: ordered, sequences };
}
