// SQL of the case process. Callers have already loaded the case in the actor's scope (onCase),
// so these queries take a case id that is known to be visible.
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import type { AssessmentsTable, CasesTable, DB } from '../../db/schema.js';
import { VersionConflictError } from '../../http/errors.js';
import { seal, type Sealed } from '../../crypto/field-cipher.js';
import { FIELD } from '../../crypto/fields.js';
import { openRow } from '../../crypto/row.js';

type Q = Kysely<DB> | Transaction<DB>;

/** The case as the process sees it now (the shared case row lacks the process columns, and may be stale after a write). */
export async function processColumns(q: Q, caseId: string) {
  return q
    .selectFrom('cases')
    .leftJoin('users', 'users.id', 'cases.assigned_user_id')
    .select([
      'cases.id',
      'cases.status',
      'cases.version',
      'cases.referred_on',
      'cases.assessed_on',
      'cases.assigned_user_id',
      'users.display_name as assigned_name',
      'cases.closed_on',
      'cases.closure_reason',
      'cases.labour_sector',
      'cases.exploitation_forms',
      'cases.responsible_org_id',
    ])
    .where('cases.id', '=', caseId)
    .executeTakeFirstOrThrow();
}

/** Updates the case if it still has `version`; 409 when someone else changed it first. */
export async function updateCaseAtVersion(q: Q, caseId: string, version: number, set: Updateable<CasesTable>): Promise<number> {
  const res = await q
    .updateTable('cases')
    .set({ ...set, version: version + 1, updated_at: new Date() })
    .where('id', '=', caseId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw new VersionConflictError('case');
  return version + 1;
}

const ASSESSMENT_COLUMNS = [
  'id', 'case_id', 'person_id', 'assessed_on', 'decision', 'legal_basis', 'acts', 'means', 'purposes', 'indicators',
  'exploitation_forms', 'labour_sector', 'age_at_assessment', 'age_basis', 'is_child', 'means_required', 'reasons',
  'decider_user_id', 'decider_name', 'source', 'superseded_by', 'created_at',
] as const;

const openAssessment = <R extends { reasons: Sealed }>(r: R) => openRow(r, { reasons: FIELD.assessmentReasons });

export async function currentAssessment(q: Q, caseId: string) {
  const row = await q
    .selectFrom('assessments')
    .select(ASSESSMENT_COLUMNS)
    .where('case_id', '=', caseId)
    .where('superseded_by', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && openAssessment(row);
}

export type AssessmentRow = NonNullable<Awaited<ReturnType<typeof currentAssessment>>>;

/** All assessments of a case, newest first. */
export async function assessmentsOf(q: Q, caseId: string): Promise<AssessmentRow[]> {
  return (await q.selectFrom('assessments').select(ASSESSMENT_COLUMNS).where('case_id', '=', caseId).orderBy('created_at', 'desc').orderBy('id').execute()).map(openAssessment);
}

/** Inserts the new assessment (its reasons in plain text, sealed here) and marks every earlier current one as superseded by it. */
export async function insertAssessment(q: Q, plain: Omit<Insertable<AssessmentsTable>, 'reasons'> & { reasons: string }): Promise<AssessmentRow> {
  const values: Insertable<AssessmentsTable> = { ...plain, reasons: seal(FIELD.assessmentReasons, plain.reasons) };
  const row = openAssessment(await q.insertInto('assessments').values(values).returning(ASSESSMENT_COLUMNS).executeTakeFirstOrThrow());
  await q
    .updateTable('assessments')
    .set({ superseded_by: row.id })
    .where('case_id', '=', values.case_id)
    .where('superseded_by', 'is', null)
    .where('id', '!=', row.id)
    .execute();
  return row;
}

export async function findUserWithRoles(q: Q, userId: string) {
  const user = await q.selectFrom('users').select(['id', 'display_name', 'organisation_id', 'active']).where('id', '=', userId).executeTakeFirst();
  if (!user) return null;
  const roles = await q.selectFrom('user_roles').select('role').where('user_id', '=', userId).execute();
  return { id: user.id, name: user.display_name, organisationId: user.organisation_id, active: user.active, roles: roles.map((r) => r.role) };
}

export async function insertSupportPlan(q: Q, values: { case_id: string; needs: string[]; plan: string; created_by: string | null }) {
  return q.insertInto('support_plans').values({ ...values, plan: seal(FIELD.supportPlan, values.plan) }).returning('id').executeTakeFirstOrThrow();
}

/** Support plans of a case, newest first, with the author's name. */
export async function supportPlansOf(q: Q, caseId: string) {
  const rows = await q
    .selectFrom('support_plans')
    .leftJoin('users', 'users.id', 'support_plans.created_by')
    .select(['support_plans.id', 'support_plans.case_id', 'support_plans.needs', 'support_plans.plan', 'support_plans.created_by', 'support_plans.created_at', 'users.display_name as author_name'])
    .where('support_plans.case_id', '=', caseId)
    .orderBy('support_plans.created_at', 'desc')
    .orderBy('support_plans.id')
    .execute();
  return rows.map((r) => openRow(r, { plan: FIELD.supportPlan }));
}

export type SupportPlanRow = Awaited<ReturnType<typeof supportPlansOf>>[number];

/** The active coordinators of a coordination unit: the people a case of that unit can be assigned to. */
export async function assignableUsers(q: Q, coordinationUnitId: string): Promise<{ id: string; name: string }[]> {
  return q
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select(['users.id', 'users.display_name as name'])
    .where('users.organisation_id', '=', coordinationUnitId)
    .where('users.active', '=', true)
    .where('user_roles.role', '=', 'coordinator')
    .orderBy('users.display_name')
    .orderBy('users.id')
    .execute();
}
