// Corruption check for the fault proofs: PostgreSQL's amcheck over an embedded data directory,
// every B-tree index checked against its table (every heap tuple must be found in the index)
// and every table's heap pages verified. Returns the problems found; none is the expected answer.
import { PGlite } from '@electric-sql/pglite';
import { amcheck } from '@electric-sql/pglite/contrib/amcheck';

export async function storageProblems(dataDir: string): Promise<string[]> {
  const pg = await PGlite.create(dataDir, { extensions: { amcheck } });
  try {
    await pg.exec('create extension if not exists amcheck');
    const problems: string[] = [];
    const indexes = await pg.query<{ oid: number; name: string }>(`
      select c.oid::int as oid, c.relname as name from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am am on am.oid = c.relam
      where am.amname = 'btree' and c.relpersistence <> 't' and i.indisready and i.indisvalid`);
    for (const { oid, name } of indexes.rows) {
      try {
        await pg.query(`select bt_index_check($1::oid, true)`, [oid]);
      } catch (err) {
        problems.push(`index ${name}: ${(err as Error).message}`);
      }
    }
    const heap = await pg.query<{ relname: string; blkno: number; msg: string }>(`
      select c.relname, v.blkno, v.msg from pg_class c cross join lateral verify_heapam(c.oid) v
      where c.relkind in ('r', 'm', 't') and c.relpersistence <> 't'`);
    for (const r of heap.rows) problems.push(`table ${r.relname} block ${r.blkno}: ${r.msg}`);
    if (indexes.rows.length === 0) problems.push('no index was checked');
    return problems;
  } finally {
    await pg.close();
  }
}
