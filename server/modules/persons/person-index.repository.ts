// SQL behind the match index: the persons it holds, the generation of the persons table and
// the change log written by the triggers of migration 0006.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { PERSON_MATCH_COLUMNS, type PersonMatchRow } from './person-record.js';
import { openNames } from './person-names.js';

type Q = Kysely<DB> | Transaction<DB>;

export interface IndexState {
  generation: number;
  prunedThrough: number;
}

export async function indexState(q: Q): Promise<IndexState> {
  const row = await q.selectFrom('person_index_state').select(['generation', 'pruned_through']).where('id', '=', 1).executeTakeFirstOrThrow();
  return { generation: Number(row.generation), prunedThrough: Number(row.pruned_through) };
}

/** Persons that can be matched (erased identities are not); all, or only `ids`. Names are decrypted here, in memory. */
export async function loadMatchRows(q: Q, ids?: readonly string[]): Promise<PersonMatchRow[]> {
  let query = q.selectFrom('persons').select(PERSON_MATCH_COLUMNS).where('persons.erased_at', 'is', null);
  if (ids !== undefined) query = query.where('persons.id', '=', sql<string>`any(${ids}::uuid[])`);
  return (await query.orderBy('persons.id').execute()).map(openNames);
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
