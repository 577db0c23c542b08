// Undoing a merge: the merged-away person comes back exactly as it was (its stored row), its
// cases (with their assessments and permits, including any added since) move back to it, and
// the kept person's fields return to their values before the merge, except a field someone
// changed since the merge, which keeps its newer value and is reported. The candidate pair is
// open again, as it was before the merge.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../http/errors.js';
import { canOnPersons } from '../../policies/person.policy.js';
import { addCaseEvent } from '../cases/case.repository.js';
import { decideCandidate, userNames } from './candidate.repository.js';
import { REVIEW_FORBIDDEN } from './candidate.service.js';
import { MERGED_COLUMNS } from './merge-fields.js';
import { jsonValue, presentMerge } from './merge.presenter.js';
import {
  externalRefTaken,
  findMergeInScope,
  mergeExists,
  moveCasesBack,
  personExists,
  restoreColumns,
  restorePerson,
  snapshotPerson,
  type PersonSnapshot,
} from './merge.repository.js';
import type { MergeView } from './candidate.schema.js';

const same = (x: unknown, y: unknown) => JSON.stringify(x ?? null) === JSON.stringify(y ?? null);

export async function unmergePersons(db: Kysely<DB>, actor: Actor, mergeId: string): Promise<{ merge: MergeView; notRestored: string[] }> {
  if (!canOnPersons(actor, 'review')) throw new ForbiddenError(REVIEW_FORBIDDEN);
  const result = await db.transaction().execute(async (trx) => {
    const row = await findMergeInScope(trx, actor, mergeId, { lock: true });
    if (!row) {
      const exists = await mergeExists(trx, mergeId);
      await recordAudit(trx, actor, { action: 'person.unmerge', outcome: exists ? 'denied' : 'not_found', resourceType: 'person', resourceId: mergeId });
      return null;
    }
    if (row.unmerged_at !== null) throw new ConflictError('already_unmerged', 'This merge has already been undone');
    const removed = jsonValue<PersonSnapshot>(row.removed_person);
    const keptBefore = jsonValue<PersonSnapshot>(row.kept_before);
    const keptAfter = jsonValue<PersonSnapshot>(row.kept_after);
    if (await personExists(trx, row.removed_person_id)) throw new ConflictError('person_exists', 'The merged-away person exists again; nothing to restore');
    if (await externalRefTaken(trx, removed.external_ref)) {
      throw new ConflictError('external_ref_taken', 'Another person now holds the external reference of the merged-away person; resolve that first');
    }
    const keptNow = await snapshotPerson(trx, row.kept_person_id);

    await restorePerson(trx, removed);
    await moveCasesBack(trx, row.moved_case_ids, row.kept_person_id, row.removed_person_id);
    const restorable = MERGED_COLUMNS.filter((c) => same(keptNow[c], keptAfter[c]));
    const notRestored = MERGED_COLUMNS.filter((c) => !same(keptNow[c], keptAfter[c]) && !same(keptNow[c], keptBefore[c]));
    await restoreColumns(trx, row.kept_person_id, keptBefore, restorable, Number(keptNow.version));
    await trx.updateTable('person_merges').set({ unmerged_at: new Date(), unmerged_by: actor.userId }).where('id', '=', row.id).execute();
    if (row.candidate_id !== null) {
      const cand = await trx.selectFrom('person_match_candidates').select('version').where('id', '=', row.candidate_id).forUpdate().executeTakeFirst();
      if (cand) await decideCandidate(trx, row.candidate_id, cand.version, { status: 'open', decidedBy: null, mergeId: null });
    }
    const cases = await trx
      .selectFrom('cases')
      .select('id')
      .where('person_id', 'in', [row.kept_person_id, row.removed_person_id])
      .orderBy('id')
      .execute();
    for (const c of cases) {
      await addCaseEvent(trx, actor, c.id, 'person_unmerged', { mergeId: row.id, keptPersonId: row.kept_person_id, restoredPersonId: row.removed_person_id });
    }
    const details = {
      mergeId: row.id,
      keptPersonId: row.kept_person_id,
      restoredPersonId: row.removed_person_id,
      movedBackCaseIds: row.moved_case_ids,
      notRestored,
      before: { person: '[redacted]' },
      after: { person: '[changed]' },
    };
    await recordAudit(trx, actor, { action: 'person.unmerge', resourceType: 'person', resourceId: row.id, personId: row.kept_person_id, details });
    await recordAudit(trx, actor, { action: 'person.unmerge', resourceType: 'person', resourceId: row.id, personId: row.removed_person_id, details });
    const fresh = await findMergeInScope(trx, actor, row.id);
    const kept = await snapshotPerson(trx, row.kept_person_id);
    const view = presentMerge(fresh ?? { ...row, unmerged_at: new Date(), unmerged_by: actor.userId }, kept, await userNames(trx, [row.merged_by, actor.userId]));
    return { merge: view, notRestored: [...notRestored] };
  });
  if (!result) throw new NotFoundError('merge');
  return result;
}
