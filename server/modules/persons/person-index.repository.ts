// SQL behind the match index: the persons it holds, the generation of the persons table and
// the change log written by the triggers of migration 0006.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { PERSON_MATCH_COLUMNS, type PersonMatchRow } from './person-record.js';
import { openNames } from './person-names.js';
import { Slicer } from './person-index.slices.js';

type Q = Kysely<DB> | Transaction<DB>;

export interface IndexState {
  generation: number;
  prunedThrough: number;
}

export async function indexState(q: Q): Promise<IndexState> {
  const row = await q.selectFrom('person_index_state').select(['generation', 'pruned_through']).where('id', '=', 1).executeTakeFirstOrThrow();
  return { generation: Number(row.generation), prunedThrough: Number(row.pruned_through) };
}

const PAGE = 1_000;

function matchRows(q: Q) {
  return q.selectFrom('persons').select(PERSON_MATCH_COLUMNS).where('persons.erased_at', 'is', null);
}

/** A row of loadMatchRows as stored, names still sealed. */
export type StoredMatchRow = Awaited<ReturnType<ReturnType<typeof matchRows>['execute']>>[number];

/**
 * Persons that can be matched (erased identities are not), ordered by id, names still sealed: all
 * of them, or only `ids`. All are read through a cursor, PAGE rows at a time, with a yield to the
 * event loop between pages: the embedded database answers in one chain of promises, without I/O,
 * and would otherwise hold the loop for the whole table. In a transaction (repeatable read for one
 * snapshot) the cursor lives in it; otherwise in one of its own.
 */
export async function fetchMatchRows(q: Q, ids?: readonly string[]): Promise<StoredMatchRow[]> {
  if (ids !== undefined) {
    return matchRows(q).where('persons.id', '=', sql<string>`any(${ids}::uuid[])`).orderBy('persons.id').execute();
  }
  if (!q.isTransaction) return q.transaction().execute((trx) => fetchMatchRows(trx));
  const out: StoredMatchRow[] = [];
  await sql`declare person_match_rows no scroll cursor for ${matchRows(q).orderBy('persons.id')}`.execute(q);
  for (;;) {
    const { rows } = await sql<StoredMatchRow>`fetch ${sql.raw(String(PAGE))} from person_match_rows`.execute(q);
    for (const row of rows) out.push(row);
    if (rows.length < PAGE) break;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  await sql`close person_match_rows`.execute(q);
  return out;
}

/** The names of stored rows decrypted, in memory, yielding to the event loop between slices. */
export async function openMatchRows(rows: readonly StoredMatchRow[], slicer = new Slicer()): Promise<PersonMatchRow[]> {
  const out: PersonMatchRow[] = [];
  for (const row of rows) {
    out.push(openNames(row));
    if (slicer.due) await slicer.pause();
  }
  return out;
}

/** Persons that can be matched (erased identities are not); all, or only `ids`. Names are decrypted here, in memory. */
export async function loadMatchRows(q: Q, ids?: readonly string[]): Promise<PersonMatchRow[]> {
  return openMatchRows(await fetchMatchRows(q, ids));
}

export async function changedPersonIds(q: Q, after: number, through: number): Promise<string[]> {
  const rows = await q
    .selectFrom('person_index_changes')
    .select('person_id')
    .distinct()
    .where('generation', '>', after)
    .where('generation', '<=', through)
    .execute();
  return rows.map((r) => r.person_id);
}

/**
 * Drops log entries older than `keepDays`; an index that had not read them rebuilds itself
 * (it sees pruned_through above its generation).
 */
export async function pruneIndexChanges(q: Q, keepDays = 2): Promise<number> {
  const cutoff = await q
    .selectFrom('person_index_changes')
    .select((eb) => eb.fn.max('generation').as('through'))
    .where('changed_at', '<', sql<Date>`now() - make_interval(days => ${keepDays})`)
    .executeTakeFirst();
  const through = Number(cutoff?.through ?? 0);
  if (through === 0) return 0;
  await q
    .updateTable('person_index_state')
    .set({ pruned_through: sql<number>`greatest(pruned_through, ${through})` })
    .where('id', '=', 1)
    .execute();
  const deleted = await q.deleteFrom('person_index_changes').where('generation', '<=', through).executeTakeFirst();
  return Number(deleted.numDeletedRows);
}
