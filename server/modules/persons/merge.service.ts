// Merging two person records a coordinator has judged to be the same human being: the kept
// person takes the chosen values and both persons' names, every case of the other person (with
// its assessments and permits) moves to it, and the other person's row is deleted after a full
// snapshot is stored in person_merges, so that unmerge.service.ts can restore it exactly. Never
// automatic. Refused (422) while both persons have an active reflection period.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import { ConflictError, ForbiddenError, NotFoundError, RuleError, VersionConflictError } from '../../http/errors.js';
import { canMergePair, canOnPersons, coordinatorRegion } from '../../policies/person.policy.js';
import { findActiveReflection } from '../permits/permit.service.js';
import { lockPersonsForPermits } from '../permits/permit.repository.js';
import { addCaseEvent } from '../cases/case.repository.js';
import { today } from '../cases/case.service.js';
import { decideCandidate, userNames } from './candidate.repository.js';
import { loadCandidate, reflectionConflictMessage, REVIEW_FORBIDDEN } from './candidate.service.js';
import type { ListMergesInput, MergeInput, MergeView } from './candidate.schema.js';
import { mergedValues } from './merge-fields.js';
import { deletePerson, findMergesInScope, lockPersons, movePersonRefs, sealSnapshot, snapshotPerson, updatePerson, type PersonSnapshot } from './merge.repository.js';
import { openNames } from './person-names.js';
import { presentMerge } from './merge.presenter.js';
import { casesInRegion } from './person.repository.js';

type Outcome = { kind: 'not_found' } | { kind: 'refused'; message: string } | { kind: 'merged'; view: MergeView };

export async function mergeCandidate(db: Kysely<DB>, actor: Actor, candidateId: string, input: MergeInput): Promise<MergeView> {
  if (!canOnPersons(actor, 'review')) throw new ForbiddenError(REVIEW_FORBIDDEN);
  const outcome = await db.transaction().execute(async (trx): Promise<Outcome> => {
    const cand = await loadCandidate(trx, actor, candidateId, 'person.merge', true);
    if (!cand) return { kind: 'not_found' };
    if (cand.version !== input.version) throw new VersionConflictError('candidate pair');
    if (cand.status !== 'open') throw new ConflictError('candidate_decided', `This pair was already decided (${cand.status})`);
    const persons = await lockPersons(trx, [cand.person_a, cand.person_b]);
    const a = persons.get(cand.person_a);
    const b = persons.get(cand.person_b);
    if (!a || !b) throw new ConflictError('person_gone', 'One of the two persons was merged into another person since this pair was found');
    if (a.version !== input.personVersions.a || b.version !== input.personVersions.b) throw new VersionConflictError('person');
    const cases = await casesInRegion(trx, [a.id, b.id], coordinatorRegion(actor));
    if (!canMergePair(actor, { a: (cases.get(a.id)?.length ?? 0) > 0, b: (cases.get(b.id)?.length ?? 0) > 0 })) {
      throw new ForbiddenError('Both persons must have a case in your region to be merged there: transfer one case first, or mark the pair as not the same');
    }
    const [kept, removed] = input.keep === 'personA' ? [a, b] : [b, a];

    // The duplicate-application guard's lock: no reflection application slips in meanwhile.
    await lockPersonsForPermits(trx, [a.id, b.id]);
    if ((await findActiveReflection(trx, a.id, today())) && (await findActiveReflection(trx, b.id, today()))) {
      await recordAudit(trx, actor, {
        action: 'person.merge',
        outcome: 'denied',
        resourceType: 'person',
        resourceId: candidateId,
        personId: kept.id,
        details: { candidateId, keptPersonId: kept.id, removedPersonId: removed.id, reason: 'two_active_reflection_periods' },
      });
      return { kind: 'refused', message: reflectionConflictMessage() };
    }

    const { values, choices } = mergedValues(a, b, input.keep, input.fields);
    const removedSnapshot = await snapshotPerson(trx, removed.id);
    const keptBefore = await snapshotPerson(trx, kept.id);
    await updatePerson(trx, kept.id, kept.version, values);
    const keptAfter = await snapshotPerson(trx, kept.id);
    const moved = await movePersonRefs(trx, removed.id, kept.id);
    await deletePerson(trx, removed.id);
    const merge = await trx
      .insertInto('person_merges')
      .values({
        candidate_id: cand.id,
        kept_person_id: kept.id,
        removed_person_id: removed.id,
        removed_person: JSON.stringify(sealSnapshot(removedSnapshot)),
        kept_before: JSON.stringify(sealSnapshot(keptBefore)),
        kept_after: JSON.stringify(sealSnapshot(keptAfter)),
        moved_case_ids: moved.caseIds,
        moved_assessment_ids: moved.assessmentIds,
        moved_permit_ids: moved.permitIds,
        fields: JSON.stringify({ keep: input.keep, ...choices }),
        merged_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (!(await decideCandidate(trx, cand.id, cand.version, { status: 'merged', decidedBy: actor.userId, mergeId: merge.id }))) {
      throw new VersionConflictError('candidate pair');
    }
    const allCases = await trx.selectFrom('cases').select('id').where('person_id', '=', kept.id).orderBy('id').execute();
    for (const c of allCases) {
      await addCaseEvent(trx, actor, c.id, 'person_merged', { mergeId: merge.id, keptPersonId: kept.id, removedPersonId: removed.id });
    }
    const details = {
      mergeId: merge.id,
      candidateId: cand.id,
      keptPersonId: kept.id,
      removedPersonId: removed.id,
      fields: { keep: input.keep, ...choices },
      movedCaseIds: moved.caseIds,
      before: { keptCases: allCases.length - moved.caseIds.length, removedCases: moved.caseIds.length, person: '[redacted]' },
      after: { keptCases: allCases.length, removedCases: 0, person: '[changed]' },
    };
    // One event per person, so that each person's access report shows the merge.
    await recordAudit(trx, actor, { action: 'person.merge', resourceType: 'person', resourceId: merge.id, personId: kept.id, details });
    await recordAudit(trx, actor, { action: 'person.merge', resourceType: 'person', resourceId: merge.id, personId: removed.id, details });
    const row = {
      id: merge.id,
      candidate_id: cand.id,
      kept_person_id: kept.id,
      removed_person_id: removed.id,
      removed_person: removedSnapshot,
      kept_before: keptBefore,
      kept_after: keptAfter,
      moved_case_ids: moved.caseIds,
      fields: { keep: input.keep, ...choices },
      merged_by: actor.userId,
      merged_at: new Date(),
      unmerged_by: null,
      unmerged_at: null,
    };
    return { kind: 'merged', view: presentMerge(row, keptAfter, await userNames(trx, [actor.userId])) };
  });
  if (outcome.kind === 'not_found') throw new NotFoundError('candidate pair');
  if (outcome.kind === 'refused') throw new RuleError('merge_two_reflection_periods', outcome.message);
  return outcome.view;
}

export async function listMerges(db: Kysely<DB>, actor: Actor, input: ListMergesInput) {
  if (!canOnPersons(actor, 'review')) throw new ForbiddenError(REVIEW_FORBIDDEN);
  return db.transaction().execute(async (trx) => {
    const { total, rows } = await findMergesInScope(trx, actor, input.page, input.pageSize);
    const users = await userNames(trx, rows.flatMap((r) => [r.merged_by, r.unmerged_by]));
    const items = [];
    for (const r of rows) {
      const kept = await trx.selectFrom('persons').select(['given_names', 'family_names', 'protected_identity']).where('id', '=', r.kept_person_id).executeTakeFirst();
      items.push(presentMerge(r, kept ? (openNames(kept) as PersonSnapshot) : null, users));
    }
    await recordAudit(trx, actor, {
      action: 'person.merges',
      resourceType: 'person',
      details: { page: input.page, mergeIds: items.map((i) => i.id), shownPersonIds: rows.flatMap((r) => [r.kept_person_id, r.removed_person_id]) },
    });
    return { total, page: input.page, pageSize: input.pageSize, items };
  });
}
