// The identified-persons counts, kept incrementally (migration 0010). Writers leave the ids of
// the persons whose counted facts may have changed in statistics_changes (statement triggers on
// assessments, cases and persons; a null id asks for everything). A read first brings the kept
// state up to date:
//   1. the facts (statistics_person_years) of the changed persons are recomputed from their
//      assessments, cases and person rows;
//   2. the counts (statistics_counts) of the years whose facts changed are regrouped from the
//      facts of those years.
// A refresh runs alone (advisory lock) in one REPEATABLE READ snapshot: it deletes the change rows
// that snapshot sees and stores the facts and counts of that same snapshot, so a change committed
// meanwhile is left for the next read to pick up. The counts are stored as grouped (with the
// combinations of "multiple" persons); expandEachForm() derives the each-form table on reading.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { FACT_COLUMNS, countsOfFactsSql, expandEachForm, personYearFactsSql, type CountRow } from './statistics.repository.js';

const REFRESH_LOCK = 74_210_101;
const ALL_YEARS = { from: 1900, to: 2200 };
/** Above this many changed persons (a large import), everything is recomputed at once. */
const FULL_REFRESH_PERSONS = 200_000;

export type RefreshKind = 'none' | 'incremental' | 'full';

export async function countsAreStale(db: Kysely<DB>): Promise<boolean> {
  const r = await db.selectFrom('statistics_changes').select('id').limit(1).executeTakeFirst();
  return r !== undefined;
}

/** Brings the kept facts and counts up to date; says what it had to do. */
export async function refreshIdentifiedCounts(db: Kysely<DB>): Promise<RefreshKind> {
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${REFRESH_LOCK})`.execute(conn);
    try {
      return await conn
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => {
          const changed = await sql<{ n: number; everything: boolean; persons: string[] | null }>`
            with d as (delete from statistics_changes returning person_id)
            select count(*)::int as n, bool_or(person_id is null) as everything,
              array_agg(distinct person_id) filter (where person_id is not null) as persons
            from d`.execute(trx);
          const c = changed.rows[0];
          if (!c || c.n === 0) return 'none'; // refreshed by someone else meanwhile
          // The person-year sort and the grouping sets fit in memory instead of spilling to disk.
          await sql`set local work_mem = '256MB'`.execute(trx);
          const persons = c.persons ?? [];
          if (c.everything || persons.length > FULL_REFRESH_PERSONS) {
            await rebuildEverything(trx);
            return 'full';
          }
          const years = await refreshFacts(trx, persons);
          await regroupYears(trx, years);
          return 'incremental';
        });
    } finally {
      await sql`select pg_advisory_unlock(${REFRESH_LOCK})`.execute(conn);
    }
  });
}

/** Recomputes the facts of the given persons; returns the years whose facts changed. */
async function refreshFacts(trx: Transaction<DB>, persons: readonly string[]): Promise<number[]> {
  if (persons.length === 0) return [];
  const before = await sql<{ y: number }>`delete from statistics_person_years where person_id = any(${persons}::uuid[]) returning y`.execute(trx);
  const after = await sql<{ y: number }>`insert into statistics_person_years (${FACT_COLUMNS})
    ${personYearFactsSql({ persons })} returning y`.execute(trx);
  return [...new Set([...before.rows, ...after.rows].map((r) => r.y))];
}

/** Regroups the counts of the given years from their facts. */
async function regroupYears(trx: Transaction<DB>, years: readonly number[]): Promise<void> {
  if (years.length === 0) return;
  await sql`delete from statistics_counts where y = any(${years}::int[])`.execute(trx);
  const facts = sql`(select * from statistics_person_years where y = any(${years}::int[]))`;
  await sql`insert into statistics_counts (y, region, dim, code, n) ${countsOfFactsSql(facts)}`.execute(trx);
}

/** Recomputes every fact and every count from the case data (after the migration, a truncate, a large import). */
async function rebuildEverything(trx: Transaction<DB>): Promise<void> {
  // Only a refresh (under the lock) reads the facts, so the non-MVCC truncate is safe here.
  await sql`truncate statistics_person_years`.execute(trx);
  await sql`insert into statistics_person_years (${FACT_COLUMNS}) ${personYearFactsSql({ years: ALL_YEARS })}`.execute(trx);
  await sql`delete from statistics_counts`.execute(trx);
  await sql`insert into statistics_counts (y, region, dim, code, n) ${countsOfFactsSql(sql`statistics_person_years`)}`.execute(trx);
}

/** Asks the next read to recompute everything from the case data (as after a restore). */
export async function invalidateIdentifiedCounts(db: Kysely<DB>): Promise<void> {
  await sql`insert into statistics_changes (person_id) values (null)`.execute(db);
}

/** Regroups the counts of the given years from the kept facts, now (the benchmark's middle figure). */
export async function regroupIdentifiedCounts(db: Kysely<DB>, years: readonly number[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`set local work_mem = '256MB'`.execute(trx);
    await regroupYears(trx, years);
  });
}

// One refresh at a time per process and database: a reader that comes while one runs waits for
// the next one (which sees its writes) instead of holding a pooled connection on the advisory
// lock; every reader that came meanwhile shares that next one. Under load (bench/load: 20
// analysts among 200 sessions) the waiting readers otherwise took the whole pool.
interface Refreshes {
  running: Promise<RefreshKind> | null;
  next: Promise<RefreshKind> | null;
}
const refreshes = new WeakMap<Kysely<DB>, Refreshes>();

export function refreshShared(db: Kysely<DB>): Promise<RefreshKind> {
  let r = refreshes.get(db);
  if (!r) refreshes.set(db, (r = { running: null, next: null }));
  const state = r;
  if (!state.running) {
    state.running = refreshIdentifiedCounts(db).finally(() => {
      state.running = null;
    });
    return state.running;
  }
  state.next ??= state.running
    .catch(() => undefined)
    .then(() => {
      state.next = null;
      return refreshShared(db);
    });
  return state.next;
}

/** Counts of the years from..to, brought up to date first if the data changed. */
export async function identifiedCounts(db: Kysely<DB>, from: number, to: number): Promise<CountRow[]> {
  if (await countsAreStale(db)) await refreshShared(db);
  const rows = await db.selectFrom('statistics_counts').select(['y', 'region', 'dim', 'code', 'n']).where('y', '>=', from).where('y', '<=', to).execute();
  return expandEachForm(rows);
}
