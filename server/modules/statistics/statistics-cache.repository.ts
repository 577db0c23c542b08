// The identified-persons counts, kept computed in statistics_counts for every year at once and
// recomputed only when assessments, cases or persons have changed since (statement triggers leave
// a row in statistics_changes; see migration 0003). A refresh runs alone (advisory lock) in one
// REPEATABLE READ snapshot: it deletes the change rows that snapshot sees and stores the counts of
// that same snapshot, so a change committed meanwhile is left for the next read to pick up.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { identifiedSql, expandEachForm, type CountRow } from './statistics.repository.js';

const REFRESH_LOCK = 74_210_101;
const ALL_YEARS = { from: 1900, to: 2200 };

export async function countsAreStale(db: Kysely<DB>): Promise<boolean> {
  const r = await db.selectFrom('statistics_changes').select('id').limit(1).executeTakeFirst();
  return r !== undefined;
}

/** Recomputes the stored counts if anything changed; returns true when it did. */
export async function refreshIdentifiedCounts(db: Kysely<DB>): Promise<boolean> {
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${REFRESH_LOCK})`.execute(conn);
    try {
      return await conn
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => {
          const gone = await sql<{ n: number }>`with d as (delete from statistics_changes returning 1) select count(*)::int as n from d`.execute(trx);
          if ((gone.rows[0]?.n ?? 0) === 0) return false; // refreshed by someone else meanwhile
          // The person-year sort and the grouping sets fit in memory instead of spilling to disk.
          await sql`set local work_mem = '256MB'`.execute(trx);
          const rows = expandEachForm((await identifiedSql(ALL_YEARS.from, ALL_YEARS.to).execute(trx)).rows.filter((r) => r.code !== null));
          await sql`delete from statistics_counts`.execute(trx);
          for (let i = 0; i < rows.length; i += 10_000) {
            const b = rows.slice(i, i + 10_000);
            await sql`insert into statistics_counts (y, region, dim, code, n)
              select * from unnest(${b.map((r) => r.y)}::int[], ${b.map((r) => r.region)}::text[], ${b.map((r) => r.dim)}::text[], ${b.map((r) => r.code)}::text[], ${b.map((r) => r.n)}::int[])`.execute(trx);
          }
          return true;
        });
    } finally {
      await sql`select pg_advisory_unlock(${REFRESH_LOCK})`.execute(conn);
    }
  });
}

/** Counts of the years from..to, recomputed first if the data changed. */
export async function identifiedCounts(db: Kysely<DB>, from: number, to: number): Promise<CountRow[]> {
  if (await countsAreStale(db)) await refreshIdentifiedCounts(db);
  return db.selectFrom('statistics_counts').select(['y', 'region', 'dim', 'code', 'n']).where('y', '>=', from).where('y', '<=', to).execute();
}
