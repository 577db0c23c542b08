// SQL for the review queue. Every read goes through candidateScope(actor): a coordinator sees a
// pair when at least one of its persons has a case in the coordinator's region.
import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { candidateScope } from '../../policies/person.policy.js';
import type { ListCandidatesInput } from './candidate.schema.js';

type Q = Kysely<DB> | Transaction<DB>;

const CANDIDATE_COLUMNS = [
  'person_match_candidates.id',
  'person_match_candidates.person_a',
  'person_match_candidates.person_b',
  'person_match_candidates.probability',
  'person_match_candidates.band',
  'person_match_candidates.explanation',
  'person_match_candidates.status',
  'person_match_candidates.regions_a',
  'person_match_candidates.regions_b',
  'person_match_candidates.created_at',
  'person_match_candidates.updated_at',
  'person_match_candidates.decided_by',
  'person_match_candidates.decided_at',
  'person_match_candidates.merge_id',
  'person_match_candidates.version',
] as const;

function scoped(q: Q, actor: Actor) {
  return q.selectFrom('person_match_candidates').where(candidateScope(actor));
}

/**
 * An open pair whose person was merged away is hidden (not closed): if the merge is undone,
 * the pair is back. Decided pairs are listed whatever became of their persons.
 */
function bothExist(eb: ExpressionBuilder<DB, 'person_match_candidates'>) {
  const exists = (column: 'person_match_candidates.person_a' | 'person_match_candidates.person_b') =>
    eb.exists(eb.selectFrom('persons').select(sql.lit(1).as('one')).whereRef('persons.id', '=', column));
  return eb.or([eb('person_match_candidates.status', '<>', 'open'), eb.and([exists('person_match_candidates.person_a'), exists('person_match_candidates.person_b')])]);
}

export async function findCandidatesInScope(q: Q, actor: Actor, input: ListCandidatesInput) {
  let query = scoped(q, actor).where(bothExist);
  if (input.status !== 'all') query = query.where('person_match_candidates.status', '=', input.status);
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .select(CANDIDATE_COLUMNS)
    .orderBy('person_match_candidates.probability', 'desc')
    .orderBy('person_match_candidates.created_at')
    .orderBy('person_match_candidates.id')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute();
  return { total: Number(total), rows };
}

export type CandidateRow = Awaited<ReturnType<typeof findCandidatesInScope>>['rows'][number];

export async function findCandidateInScope(q: Q, actor: Actor, id: string, opts: { lock?: boolean } = {}) {
  const query = scoped(q, actor).select(CANDIDATE_COLUMNS).where('person_match_candidates.id', '=', id);
  return (opts.lock ? query.forUpdate() : query).executeTakeFirst();
}

/** The pairs of these person ids (each lower id first) that the actor may see: id and status. */
export async function pairsInScope(q: Q, actor: Actor, pairs: readonly (readonly [string, string])[]) {
  if (pairs.length === 0) return [];
  return scoped(q, actor)
    .select(['person_match_candidates.id', 'person_match_candidates.person_a', 'person_match_candidates.person_b', 'person_match_candidates.status'])
    .where((eb) => eb.or(pairs.map(([a, b]) => eb.and([eb('person_match_candidates.person_a', '=', a), eb('person_match_candidates.person_b', '=', b)]))))
    .execute();
}

export async function candidateExists(q: Q, id: string): Promise<boolean> {
  return (await q.selectFrom('person_match_candidates').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function decideCandidate(
  trx: Transaction<DB>,
  id: string,
  version: number,
  change: { status: 'open' | 'merged' | 'not_same'; decidedBy: string | null; mergeId: string | null },
): Promise<boolean> {
  const open = change.status === 'open';
  const result = await trx
    .updateTable('person_match_candidates')
    .set({
      status: change.status,
      decided_by: open ? null : change.decidedBy,
      decided_at: open ? null : new Date(),
      merge_id: change.mergeId,
      version: version + 1,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function userNames(q: Q, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => x !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await q.selectFrom('users').select(['id', 'display_name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
