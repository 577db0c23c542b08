// Consent per purpose and recipient organisation. Records are appended (the history stays);
// the newest per purpose and recipient is in force. When a consent in force stops being
// 'given', every consent-based referral for that purpose and recipient ends: its share is
// revoked at once and an open referral moves to 'withdrawn' (reason 'consent_withdrawn') —
// except a child's case referred to social services, which needs no consent: that referral
// stays and now rests on the child exemption.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import { RuleError, ValidationError, VersionConflictError, type FieldIssue } from '../../http/errors.js';
import { onCase, type CaseContext } from '../cases/case.access.js';
import { addCaseEvent } from '../cases/case.repository.js';
import { today } from '../cases/case.service.js';
import { canReadConsents, canRecordConsent } from '../../policies/referral.policy.js';
import { recipientFits, sharingBasis, PURPOSE_RULES } from '../../../domain/process/referral-purposes.js';
import { consentsOfCases, findConsent, inForce, insertConsent, latestConsent } from './consent.repository.js';
import { consentReferralsToEnd, lockCaseForSharing, rebaseReferral, revokeShare } from './referral.repository.js';
import { applyReferralMove } from './referral-moves.service.js';
import { presentConsent } from './referral.presenter.js';
import { isChildOn, loadRecipient } from './sharing.js';
import type { RecordConsentInput } from './consent.schema.js';

export const CONSENT_WITHDRAWN_REASON = 'consent_withdrawn';

export async function recordConsentOnCase(ctx: CaseContext, input: RecordConsentInput) {
  const { trx, actor, row } = ctx;
  const issues: FieldIssue[] = [];
  if (input.recordedOn > today()) issues.push({ path: 'recordedOn', message: 'cannot be in the future' });
  if (input.recordedOn < row.referred_on) issues.push({ path: 'recordedOn', message: `cannot be before the case was referred (${row.referred_on})` });
  if (issues.length > 0) throw new ValidationError('The consent has invalid fields', issues);
  const recipient = await loadRecipient(trx, input.recipientOrgId, 'recipientOrgId');
  if (!recipientFits(input.purpose, recipient.kind)) {
    throw new RuleError('recipient_kind_mismatch', `An organisation of kind ${recipient.kind} cannot receive referrals for ${input.purpose}`, [
      { path: 'recipientOrgId', message: `must be of kind ${PURPOSE_RULES[input.purpose].recipients.join(' or ')}` },
    ]);
  }
  await lockCaseForSharing(trx, row.id);
  const current = await latestConsent(trx, row.id, input.purpose, recipient.id);
  if (current && input.recordedOn < current.recorded_on) {
    throw new ValidationError('The consent is dated before the record in force', [
      { path: 'recordedOn', message: `cannot be before ${current.recorded_on}, the date of the record in force` },
    ]);
  }
  if (input.status === 'withdrawn' && current?.status !== 'given') {
    throw new RuleError('nothing_to_withdraw', 'Only a consent that has been given can be withdrawn', [
      { path: 'status', message: `the consent in force is ${current?.status ?? 'not recorded'}` },
    ]);
  }
  const consentId = await insertConsent(trx, {
    caseId: row.id,
    purpose: input.purpose,
    recipientOrgId: recipient.id,
    status: input.status,
    recordedOn: input.recordedOn,
    givenBy: input.givenBy,
    note: input.note ?? '',
    recordedBy: actor.userId,
  });

  // The consent event first, then the referrals it ends, so the timeline reads in order.
  await addCaseEvent(trx, actor, row.id, 'consent_recorded', {
    consentId,
    purpose: input.purpose,
    recipientOrgId: recipient.id,
    recipientName: recipient.name,
    status: input.status,
    givenBy: input.givenBy,
    recordedOn: input.recordedOn,
  });

  const withdrawnReferralIds: string[] = [];
  const revokedShareIds: string[] = [];
  const rebasedReferralIds: string[] = [];
  if (current?.status === 'given' && input.status !== 'given') {
    // A child's case may go to social services without consent: such referrals stay, on that basis.
    const remaining = sharingBasis({ isChild: isChildOn(row, today()), recipientKind: recipient.kind, latestConsent: input.status });
    for (const r of await consentReferralsToEnd(trx, row.id, input.purpose, recipient.id)) {
      if (remaining.ok) {
        if (!(await rebaseReferral(trx, r.id, r.version, remaining.basis))) throw new VersionConflictError('referral');
        await addCaseEvent(trx, actor, row.id, 'referral_basis_changed', { referralId: r.id, consentBasis: remaining.basis });
        rebasedReferralIds.push(r.id);
      } else if (r.status === 'sent' || r.status === 'accepted') {
        const { shareRevoked } = await applyReferralMove(
          trx,
          actor,
          { ...r, case_id: row.id, person_id: row.person_id, purpose: input.purpose, to_org_id: recipient.id },
          'withdraw',
          { version: r.version, systemReason: CONSENT_WITHDRAWN_REASON },
        );
        withdrawnReferralIds.push(r.id);
        if (shareRevoked && r.share_id) revokedShareIds.push(r.share_id);
      } else if (await revokeShare(trx, r.share_id)) {
        revokedShareIds.push(r.share_id!);
      }
    }
  }
  await recordAudit(trx, actor, {
    action: 'consent.record',
    resourceType: 'case',
    resourceId: row.id,
    caseId: row.id,
    personId: row.person_id,
    details: {
      consentId,
      before: current ? { status: current.status, recordedOn: current.recorded_on } : null,
      after: { purpose: input.purpose, recipientOrgId: recipient.id, status: input.status, recordedOn: input.recordedOn, givenBy: input.givenBy, note: input.note ? '[text]' : '' },
      withdrawnReferralIds,
      revokedShareIds,
      rebasedReferralIds,
    },
  });
  return { consent: presentConsent(await findConsent(trx, consentId)), withdrawnReferralIds, revokedShareIds, rebasedReferralIds };
}

export async function recordConsent(db: Kysely<DB>, actor: Actor, caseId: string, input: RecordConsentInput) {
  return onCase(
    db,
    actor,
    caseId,
    { auditAction: 'consent.record', allowed: canRecordConsent, forbiddenMessage: 'Only the coordinator of the case region records consent' },
    (ctx) => recordConsentOnCase(ctx, input),
  );
}

export async function listConsents(db: Kysely<DB>, actor: Actor, caseId: string) {
  return onCase(db, actor, caseId, { auditAction: 'case.read', allowed: canReadConsents, auditRead: { section: 'consents' } }, async (ctx) => {
    const rows = await consentsOfCases(ctx.trx, [caseId]);
    return { inForce: inForce(rows).map(presentConsent), history: rows.map(presentConsent) };
  });
}
