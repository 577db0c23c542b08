// The review queue: list candidate pairs, open one with its evidence, and close one as "not the
// same person". Reads of persons are audited (ids only); a pair outside the coordinator's scope
// answers 404 like a missing one, and the attempt is audited as denied.
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import type { AuditAction } from '../../audit/audit-events.js';
import { recordAudit } from '../../audit/audit.service.js';
import { ConflictError, ForbiddenError, NotFoundError, VersionConflictError } from '../../http/errors.js';
import { canDecideNotSame, canMergePair, canOnPersons, coordinatorRegion } from '../../policies/person.policy.js';
import { findActiveReflection } from '../permits/permit.service.js';
import { today } from '../cases/case.service.js';
import { candidateExists, decideCandidate, findCandidateInScope, findCandidatesInScope, pairsInScope, userNames, type CandidateRow } from './candidate.repository.js';
import { conflictsOf, detailOf, explanationFrom, presentCandidate, presentCorroboration, supportPairsOf, type SideFacts } from './candidate.presenter.js';
import type { ListCandidatesInput, NotSameInput } from './candidate.schema.js';
import { casesInRegion, personRows, regionsOf } from './person.repository.js';

type Trx = Transaction<DB>;

export const REVIEW_FORBIDDEN = 'Only regional coordinators review possible duplicate persons';

export async function sideFacts(trx: Trx, actor: Actor, ids: readonly string[]): Promise<SideFacts> {
  const unique = [...new Set(ids)];
  return { rows: await personRows(trx, unique, actor), cases: await casesInRegion(trx, unique, coordinatorRegion(actor)), regions: await regionsOf(trx, unique) };
}

function shownIds(items: { personA: { personId: string; label: string | null; inYourRegion: boolean }; personB: { personId: string; label: string | null; inYourRegion: boolean } }[]): string[] {
  return items.flatMap((i) => [i.personA, i.personB]).filter((s) => s.inYourRegion).map((s) => s.personId);
}

export async function listCandidates(db: Kysely<DB>, actor: Actor, input: ListCandidatesInput) {
  if (!canOnPersons(actor, 'review')) throw new ForbiddenError(REVIEW_FORBIDDEN);
  return db.transaction().execute(async (trx) => {
    const { total, rows } = await findCandidatesInScope(trx, actor, input);
    const facts = await sideFacts(trx, actor, rows.flatMap((r) => [r.person_a, r.person_b]));
    const items = rows.map((r) => presentCandidate(r, facts));
    await recordAudit(trx, actor, {
      action: 'person.candidates',
      resourceType: 'person',
      details: { status: input.status, page: input.page, candidateIds: items.map((i) => i.id), shownPersonIds: [...new Set(shownIds(items))] },
    });
    return { total, page: input.page, pageSize: input.pageSize, items };
  });
}

/** Loads a pair in scope inside `trx`; out of scope is audited (denied / not_found) and null. */
export async function loadCandidate(trx: Trx, actor: Actor, id: string, action: AuditAction, lock = false): Promise<CandidateRow | null> {
  const row = await findCandidateInScope(trx, actor, id, { lock });
  if (row) return row;
  const exists = await candidateExists(trx, id);
  await recordAudit(trx, actor, { action, outcome: exists ? 'denied' : 'not_found', resourceType: 'person', resourceId: id });
  return null;
}

/** The pair's full view for this coordinator, built inside `trx` (the caller audits the read). */
export async function candidateView(trx: Trx, actor: Actor, row: CandidateRow) {
  const facts = await sideFacts(trx, actor, [row.person_a, row.person_b]);
  const base = presentCandidate(row, facts);
  const a = facts.rows.get(row.person_a);
  const b = facts.rows.get(row.person_b);
  const visible = { a: base.personA.inYourRegion, b: base.personB.inYourRegion };
  const open = row.status === 'open' && a !== undefined && b !== undefined;
  let mergeBlocked: string | null = null;
  if (open && visible.a && visible.b && (await findActiveReflection(trx, row.person_a, today())) && (await findActiveReflection(trx, row.person_b, today()))) {
    mergeBlocked = reflectionConflictMessage();
  }
  const names = await userNames(trx, [row.decided_by]);
  const explanation = explanationFrom(row.explanation);
  const c = explanation.corroboration;
  const corroboration = c === null ? null : presentCorroboration(row, c, await pairsInScope(trx, actor, supportPairsOf(row, c)));
  return {
    ...base,
    updatedAt: (row.updated_at instanceof Date ? row.updated_at : new Date(row.updated_at)).toISOString(),
    decidedBy: row.decided_by ? (names.get(row.decided_by) ?? null) : null,
    mergeId: row.merge_id,
    weight: explanation.weight,
    priorWeight: explanation.priorWeight,
    evidence: explanation.evidence,
    corroboration,
    personADetail: detailOf(row.person_a, facts),
    personBDetail: detailOf(row.person_b, facts),
    conflicts: a !== undefined && b !== undefined && visible.a && visible.b ? conflictsOf(a, b) : [],
    abilities: { merge: open && canMergePair(actor, visible), notSame: open && canDecideNotSame(actor, visible) },
    mergeBlocked,
  };
}

export async function getCandidate(db: Kysely<DB>, actor: Actor, id: string) {
  if (!canOnPersons(actor, 'review')) throw new ForbiddenError(REVIEW_FORBIDDEN);
  const result = await db.transaction().execute(async (trx) => {
    const row = await loadCandidate(trx, actor, id, 'person.read');
    if (!row) return null;
    const view = await candidateView(trx, actor, row);
    await recordAudit(trx, actor, {
      action: 'person.read',
      resourceType: 'person',
      resourceId: row.id,
      details: { candidateId: row.id, shownPersonIds: shownIds([view]) },
    });
    return view;
  });
  if (!result) throw new NotFoundError('candidate pair');
  return result;
}

export function reflectionConflictMessage(): string {
  return 'Both persons have an active reflection period (pending or granted): resolve one of the two permits before merging';
}

export async function markNotSame(db: Kysely<DB>, actor: Actor, id: string, input: NotSameInput) {
  if (!canOnPersons(actor, 'review')) throw new ForbiddenError(REVIEW_FORBIDDEN);
  const found = await db.transaction().execute(async (trx) => {
    const row = await loadCandidate(trx, actor, id, 'person.not_same', true);
    if (!row) return null;
    if (row.version !== input.version) throw new VersionConflictError('candidate pair');
    if (row.status !== 'open') throw new ConflictError('candidate_decided', `This pair was already decided (${row.status})`);
    const facts = await sideFacts(trx, actor, [row.person_a, row.person_b]);
    const visible = { a: (facts.cases.get(row.person_a)?.length ?? 0) > 0, b: (facts.cases.get(row.person_b)?.length ?? 0) > 0 };
    if (!canDecideNotSame(actor, visible)) throw new ForbiddenError('You may not decide this pair');
    if (!(await decideCandidate(trx, row.id, row.version, { status: 'not_same', decidedBy: actor.userId, mergeId: null }))) {
      throw new VersionConflictError('candidate pair');
    }
    await recordAudit(trx, actor, {
      action: 'person.not_same',
      resourceType: 'person',
      resourceId: row.id,
      details: { candidateId: row.id, personIds: [row.person_a, row.person_b], before: { status: 'open' }, after: { status: 'not_same' } },
    });
    const fresh = await findCandidateInScope(trx, actor, row.id);
    return fresh ? candidateView(trx, actor, fresh) : null;
  });
  if (!found) throw new NotFoundError('candidate pair');
  return found;
}
