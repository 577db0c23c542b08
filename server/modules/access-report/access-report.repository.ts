// SQL of the access report: the person (inside the report scope), every case of the person in
// every region, every record of those cases, and the audit events about them.
import { sql, type Transaction } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { accessReportScope } from '../../policies/access-report.policy.js';
import { identityVisible } from '../../policies/protected-identity.policy.js';
import { open } from '../../crypto/field-cipher.js';
import { NOTE_TEXT_FIELD } from '../notes/notes.repository.js';
import { openUnlessCode } from '../../crypto/field-cipher.js';
import { FIELD, openEventData, WITHDRAW_REASON_CODES } from '../../crypto/fields.js';
import { openRow, openRows } from '../../crypto/row.js';
import { openNames } from '../persons/person-names.js';

type Trx = Transaction<DB>;

export async function personInReportScope(trx: Trx, actor: Actor, personId: string) {
  const row = await trx
    .selectFrom('persons')
    .selectAll()
    .select(identityVisible(actor).as('identity_visible'))
    .where('persons.id', '=', personId)
    .where(accessReportScope(actor))
    .executeTakeFirst();
  return row && openNames(row);
}

/** Unscoped existence check, only to tell 'denied' from 'not_found' in the audit trail. */
export async function personExists(trx: Trx, personId: string): Promise<boolean> {
  return (await trx.selectFrom('persons').select('id').where('id', '=', personId).executeTakeFirst()) !== undefined;
}

export async function organisationNames(trx: Trx): Promise<Map<string, { name: string; kind: string }>> {
  const rows = await trx.selectFrom('organisations').select(['id', 'name', 'kind']).execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, kind: r.kind }]));
}

export async function casesOfPerson(trx: Trx, personId: string) {
  const rows = await trx
    .selectFrom('cases')
    .leftJoin('municipalities', 'municipalities.code', 'cases.municipality_code')
    .select([
      'cases.id', 'cases.ref', 'cases.region', 'cases.municipality_code', 'municipalities.name as municipality_name', 'cases.responsible_org_id',
      'cases.referring_org_id', 'cases.status', 'cases.referral_source', 'cases.referred_on', 'cases.assessed_on', 'cases.closed_on',
      'cases.closure_reason', 'cases.exploitation_forms', 'cases.labour_sector', 'cases.summary', 'cases.imported', 'cases.created_at',
      'cases.updated_at', 'cases.erased_at',
    ])
    .where('cases.person_id', '=', personId)
    .orderBy('cases.referred_on')
    .orderBy('cases.ref')
    .execute();
  return openRows(rows, { summary: FIELD.caseSummary });
}

/** Every record of the given cases, table by table. */
export async function recordsOfCases(trx: Trx, caseIds: string[]) {
  if (caseIds.length === 0) caseIds = ['00000000-0000-0000-0000-000000000000'];
  const ids = caseIds;
  const events = (await trx.selectFrom('case_events').select(['case_id', 'at', 'kind', 'actor_org_id', 'data']).where('case_id', 'in', ids).orderBy('id').execute()).map((e) => ({
    ...e,
    data: openEventData(e.kind, e.data) as unknown,
  }));
  const assessments = openRows(await trx.selectFrom('assessments').selectAll().where('case_id', 'in', ids).orderBy('assessed_on').orderBy('created_at').execute(), {
    reasons: FIELD.assessmentReasons,
  });
  const consents = openRows(await trx.selectFrom('consents').selectAll().where('case_id', 'in', ids).orderBy('created_at').execute(), { note: FIELD.consentNote });
  const referrals = (await trx.selectFrom('referrals').selectAll().where('case_id', 'in', ids).orderBy('created_at').execute()).map((r) => ({
    ...openRow(r, { message: FIELD.referralMessage, decline_reason: FIELD.referralDeclineReason }),
    withdraw_reason: openUnlessCode(FIELD.referralWithdrawReason, r.withdraw_reason, WITHDRAW_REASON_CODES),
  }));
  const permits = openRows(await trx.selectFrom('permit_applications').selectAll().where('case_id', 'in', ids).orderBy('submitted_on').execute(), { note: FIELD.permitNote });
  const extensions = await trx
    .selectFrom('permit_extensions')
    .innerJoin('permit_applications', 'permit_applications.id', 'permit_extensions.application_id')
    .select(['permit_extensions.application_id', 'permit_extensions.decided_on', 'permit_extensions.valid_until'])
    .where('permit_applications.case_id', 'in', ids)
    .orderBy('permit_extensions.decided_on')
    .execute();
  const policeReports = openRows(await trx.selectFrom('police_reports').selectAll().where('case_id', 'in', ids).orderBy('reported_on').execute(), { police_ref: FIELD.policeRef });
  const nsp = await trx.selectFrom('nsp_enrolments').selectAll().where('case_id', 'in', ids).orderBy('enrolled_on').execute();
  const amp = await trx.selectFrom('amp_returns').selectAll().where('case_id', 'in', ids).orderBy('applied_on').execute();
  const compensation = await trx.selectFrom('compensation_claims').selectAll().where('case_id', 'in', ids).orderBy('filed_on').execute();
  const supportPlans = openRows(await trx.selectFrom('support_plans').selectAll().where('case_id', 'in', ids).orderBy('created_at').execute(), { plan: FIELD.supportPlan });
  const shares = await trx
    .selectFrom('case_shares')
    .select(['case_id', 'organisation_id', 'purpose', 'fields', 'created_at', 'revoked_at'])
    .where('case_id', 'in', ids)
    .orderBy('created_at')
    .execute();
  // A group's own notes may concern other people: only its name and when the case joined.
  const groups = await trx
    .selectFrom('case_group_members')
    .innerJoin('case_groups', 'case_groups.id', 'case_group_members.group_id')
    .select(['case_group_members.case_id', 'case_groups.name', 'case_group_members.added_at'])
    .where('case_group_members.case_id', 'in', ids)
    .execute();
  // Ordinary case notes only. AKC information (Act 2024:307) is never in a report a regional
  // coordinator produces: the coordinator may not see it (docs/security.md, "AKC information").
  const notes = (
    await trx
      .selectFrom('case_notes')
      .select(['case_id', 'created_at', 'author_org_id', 'text', 'erased_at'])
      .where('case_id', 'in', ids)
      .where('legal_basis', '=', 'ordinary')
      .orderBy('created_at')
      .orderBy('id')
      .execute()
  ).map((n) => ({ ...n, text: open(NOTE_TEXT_FIELD, n.text) }));
  return { events, assessments, consents, referrals, permits, extensions, policeReports, nsp, amp, compensation, supportPlans, shares, groups, notes };
}

export type CaseRecords = Awaited<ReturnType<typeof recordsOfCases>>;

/**
 * Who read or changed the person's data: events naming the person or one of their cases,
 * and case lists that showed one of the cases. Only time, action, outcome and organisation
 * leave this function: the actor's name and the event details may concern other people.
 */
export async function auditEventsAboutPerson(trx: Trx, personId: string, caseIds: string[]) {
  return trx
    .selectFrom('audit_events')
    .select(['at', 'action', 'outcome', 'actor_org_id', 'case_id'])
    .where((eb) =>
      eb.or([
        eb('person_id', '=', personId),
        ...(caseIds.length > 0
          ? [eb('case_id', 'in', caseIds), eb.and([eb('action', '=', 'case.list'), sql<boolean>`details->'caseIds' ?| ${sql.val(caseIds)}::text[]`])]
          : []),
      ]),
    )
    // Nothing that tells of AKC information: its writes and reads carry their legal basis.
    .where(sql<boolean>`coalesce(details->>'legalBasis', '') <> 'akc_2024_307'`)
    .orderBy('seq')
    .execute();
}
