// SQL for referrals between organisations and the case shares they create.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { referralScope } from '../../policies/referral.policy.js';
import { identityVisible } from '../../policies/protected-identity.policy.js';
import { openUnlessCode, seal, sealUnlessCode } from '../../crypto/field-cipher.js';
import { FIELD, WITHDRAW_REASON_CODES } from '../../crypto/fields.js';
import { openRow } from '../../crypto/row.js';
import { openNames } from '../persons/person-names.js';

type Q = Kysely<DB> | Transaction<DB>;

export async function findOrganisation(q: Q, id: string) {
  return q.selectFrom('organisations').select(['id', 'name', 'kind', 'active']).where('id', '=', id).executeTakeFirst();
}

/** `viewer`: whose named-user grants decide `identity_visible` (nobody's: only unprotected persons). */
function referralQuery(q: Q, viewer: Pick<Actor, 'userId'> = { userId: null }) {
  return q
    .selectFrom('referrals')
    .innerJoin('cases', 'cases.id', 'referrals.case_id')
    .innerJoin('persons', 'persons.id', 'cases.person_id')
    .innerJoin('organisations as from_org', 'from_org.id', 'referrals.from_org_id')
    .innerJoin('organisations as to_org', 'to_org.id', 'referrals.to_org_id')
    .leftJoin('case_shares', 'case_shares.id', 'referrals.share_id')
    .select([
      'referrals.id',
      'referrals.case_id',
      'referrals.group_id',
      'referrals.from_org_id',
      'referrals.to_org_id',
      'referrals.purpose',
      'referrals.status',
      'referrals.message',
      'referrals.consent_basis',
      'referrals.consent_id',
      'referrals.share_id',
      'referrals.sent_on',
      'referrals.respond_by',
      'referrals.responded_on',
      'referrals.decline_reason',
      'referrals.completed_on',
      'referrals.withdrawn_on',
      'referrals.withdraw_reason',
      'referrals.version',
      'referrals.created_at',
      'cases.ref as case_ref',
      'cases.region as case_region',
      'cases.person_id',
      'persons.given_names',
      'persons.family_names',
      'persons.protected_identity',
      'from_org.name as from_org_name',
      'to_org.name as to_org_name',
      'to_org.kind as to_org_kind',
      'case_shares.fields as share_fields',
      'case_shares.revoked_at as share_revoked_at',
    ])
    .select(identityVisible(viewer).as('identity_visible'));
}

type StoredReferralRow = Awaited<ReturnType<ReturnType<typeof referralQuery>['execute']>>[number];

/** A referral with its free texts and the person's names opened. */
function openReferral(r: StoredReferralRow) {
  const opened = openRow(openNames(r), { message: FIELD.referralMessage, decline_reason: FIELD.referralDeclineReason });
  return { ...opened, withdraw_reason: openUnlessCode(FIELD.referralWithdrawReason, r.withdraw_reason, WITHDRAW_REASON_CODES) };
}

export type ReferralRow = ReturnType<typeof openReferral>;

export async function findReferral(q: Q, id: string): Promise<ReferralRow | undefined> {
  const row = await referralQuery(q).where('referrals.id', '=', id).executeTakeFirst();
  return row && openReferral(row);
}

export async function findReferralInScope(q: Q, actor: Actor, id: string): Promise<ReferralRow | undefined> {
  const row = await referralQuery(q).where('referrals.id', '=', id).where(referralScope(actor)).executeTakeFirst();
  return row && openReferral(row);
}

/** Unscoped, only to tell 'denied' from 'not_found' in the audit trail. */
export async function referralCase(q: Q, id: string) {
  return q
    .selectFrom('referrals')
    .innerJoin('cases', 'cases.id', 'referrals.case_id')
    .select(['referrals.case_id', 'cases.person_id'])
    .where('referrals.id', '=', id)
    .executeTakeFirst();
}

export async function referralsOfCases(q: Q, caseIds: readonly string[], onlyToOrg: string | null = null): Promise<ReferralRow[]> {
  if (caseIds.length === 0) return [];
  let query = referralQuery(q).where('referrals.case_id', 'in', caseIds);
  if (onlyToOrg) query = query.where('referrals.to_org_id', '=', onlyToOrg);
  return (await query.orderBy('referrals.created_at', 'desc').orderBy('referrals.id', 'desc').execute()).map(openReferral);
}

export async function inboxOf(q: Q, orgId: string, status: string | undefined, page: number, pageSize: number, viewer: Pick<Actor, 'userId'> = { userId: null }) {
  let query = referralQuery(q, viewer).where('referrals.to_org_id', '=', orgId);
  if (status) query = query.where('referrals.status', '=', status);
  const { total } = await q
    .selectFrom('referrals')
    .where('to_org_id', '=', orgId)
    .$if(status !== undefined, (qb) => qb.where('status', '=', status!))
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .orderBy(sql`case when referrals.status = 'sent' then 0 when referrals.status = 'accepted' then 1 else 2 end`)
    .orderBy('referrals.respond_by')
    .orderBy('referrals.created_at', 'desc')
    .orderBy('referrals.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(total), rows: rows.map(openReferral) };
}

/** Open (sent or accepted) referral for the same purpose and recipient: a second one is refused. */
export async function openReferralFor(q: Q, caseId: string, purpose: string, toOrgId: string) {
  return q
    .selectFrom('referrals')
    .select('id')
    .where('case_id', '=', caseId)
    .where('purpose', '=', purpose)
    .where('to_org_id', '=', toOrgId)
    .where('status', 'in', ['sent', 'accepted'])
    .executeTakeFirst();
}

/** Consent-based referrals that still give the recipient access or are still open. */
export async function consentReferralsToEnd(q: Q, caseId: string, purpose: string, toOrgId: string) {
  return q
    .selectFrom('referrals')
    .leftJoin('case_shares', 'case_shares.id', 'referrals.share_id')
    .select(['referrals.id', 'referrals.status', 'referrals.version', 'referrals.share_id', 'case_shares.revoked_at'])
    .where('referrals.case_id', '=', caseId)
    .where('referrals.purpose', '=', purpose)
    .where('referrals.to_org_id', '=', toOrgId)
    .where('referrals.consent_basis', '=', 'consent')
    .where((eb) => eb.or([eb('referrals.status', 'in', ['sent', 'accepted']), eb.and([eb('case_shares.id', 'is not', null), eb('case_shares.revoked_at', 'is', null)])]))
    .orderBy('referrals.created_at')
    .execute();
}

export async function insertShare(q: Q, caseId: string, orgId: string, purpose: string, fields: readonly string[]): Promise<string> {
  const { id } = await q
    .insertInto('case_shares')
    .values({ case_id: caseId, organisation_id: orgId, purpose, fields: [...fields] })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Revokes the share if still active; returns whether it was. */
export async function revokeShare(q: Q, shareId: string | null): Promise<boolean> {
  if (!shareId) return false;
  const r = await q.updateTable('case_shares').set({ revoked_at: new Date() }).where('id', '=', shareId).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface NewReferral {
  caseId: string;
  groupId: string | null;
  fromOrgId: string;
  toOrgId: string;
  purpose: string;
  message: string;
  consentBasis: string;
  consentId: string | null;
  shareId: string;
  sentOn: string;
  respondBy: string;
  sentBy: string | null;
}

export async function insertReferral(q: Q, r: NewReferral): Promise<string> {
  const { id } = await q
    .insertInto('referrals')
    .values({
      case_id: r.caseId,
      group_id: r.groupId,
      from_org_id: r.fromOrgId,
      to_org_id: r.toOrgId,
      purpose: r.purpose,
      message: seal(FIELD.referralMessage, r.message),
      consent_basis: r.consentBasis,
      consent_id: r.consentId,
      share_id: r.shareId,
      sent_on: r.sentOn,
      respond_by: r.respondBy,
      sent_by: r.sentBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export type ReferralChange = Partial<{
  status: string;
  responded_on: string;
  decline_reason: string;
  completed_on: string;
  withdrawn_on: string;
  withdraw_reason: string;
}>;

/** Optimistic update: false when the version no longer matches. */
export async function updateReferral(q: Q, id: string, version: number, change: ReferralChange): Promise<boolean> {
  const r = await q
    .updateTable('referrals')
    .set({
      ...change,
      decline_reason: change.decline_reason === undefined ? undefined : seal(FIELD.referralDeclineReason, change.decline_reason),
      withdraw_reason: change.withdraw_reason === undefined ? undefined : sealUnlessCode(FIELD.referralWithdrawReason, change.withdraw_reason, WITHDRAW_REASON_CODES),
      version: version + 1,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The referral now rests on another basis (a child's case to social services after consent ended). */
export async function rebaseReferral(q: Q, id: string, version: number, basis: string): Promise<boolean> {
  const r = await q
    .updateTable('referrals')
    .set({ consent_basis: basis, consent_id: null, version: version + 1, updated_at: new Date() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Serialises consent changes and referral sends on one case: a send that read 'given' cannot
 * commit a new share after a concurrent withdrawal has revoked the others.
 */
export async function lockCaseForSharing(q: Q, caseId: string): Promise<void> {
  await q.selectFrom('cases').select('id').where('id', '=', caseId).forUpdate().execute();
}
