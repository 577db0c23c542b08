// Sending referrals from the coordinator to an organisation, and listing a case's referrals.
// Sending creates the case share that makes the case visible to the recipient, limited to
// exactly the field groups the purpose needs.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import { RuleError, ValidationError, type FieldIssue } from '../../http/errors.js';
import { onCase, type CaseContext } from '../cases/case.access.js';
import { addCaseEvent } from '../cases/case.repository.js';
import { today } from '../cases/case.service.js';
import { canSendReferral, seesAllReferralsOfCase } from '../../policies/referral.policy.js';
import { PURPOSE_RULES, recipientFits, type ReferralPurpose } from '../../../domain/process/referral-purposes.js';
import { addDays } from '../../../domain/process/permits.js';
import { findReferral, insertReferral, insertShare, lockCaseForSharing, openReferralFor, referralsOfCases } from './referral.repository.js';
import { presentReferral, type ReferralView } from './referral.presenter.js';
import { checkSharing, loadRecipient, presentSharingCheck, type Recipient } from './sharing.js';
import type { SendReferralInput } from './referral.schema.js';

export interface SendOnCaseInput extends SendReferralInput {
  groupId?: string | null;
}

/** Checks that hold for the recipient whatever the case: it exists, fits the purpose. */
export async function checkRecipient(ctx: Pick<CaseContext, 'trx'>, input: { toOrgId: string; purpose: ReferralPurpose }): Promise<Recipient> {
  const recipient = await loadRecipient(ctx.trx, input.toOrgId, 'toOrgId');
  if (!recipientFits(input.purpose, recipient.kind)) {
    throw new RuleError('recipient_kind_mismatch', `An organisation of kind ${recipient.kind} cannot receive a referral for ${input.purpose}`, [
      { path: 'toOrgId', message: `must be of kind ${PURPOSE_RULES[input.purpose].recipients.join(' or ')}` },
    ]);
  }
  return recipient;
}

export type CaseProblem = { code: 'consent_required' | 'referral_already_open' | 'case_closed'; path: string; message: string };

/** The per-case reasons a referral cannot be sent (empty when it can), plus the sharing basis found. */
export async function caseProblems(ctx: CaseContext, purpose: ReferralPurpose, recipient: Recipient, on: string) {
  const problems: CaseProblem[] = [];
  if (ctx.row.status === 'closed') problems.push({ code: 'case_closed', path: 'caseId', message: 'the case is closed' });
  const check = await checkSharing(ctx.trx, ctx.row, purpose, recipient, on);
  if (!check.ok) problems.push({ code: 'consent_required', path: 'consent', message: check.reason });
  if (await openReferralFor(ctx.trx, ctx.row.id, purpose, recipient.id)) {
    problems.push({ code: 'referral_already_open', path: 'toOrgId', message: 'an open referral for this purpose to this organisation exists' });
  }
  return { problems, check };
}

/** Sends one referral on an already loaded case, inside the caller's transaction. */
export async function sendReferralOnCase(ctx: CaseContext, input: SendOnCaseInput): Promise<ReferralView> {
  const { trx, actor, row } = ctx;
  const sentOn = today();
  if (input.respondBy !== undefined && input.respondBy < sentOn) {
    throw new ValidationError('The answer cannot be due before the referral is sent', [{ path: 'respondBy', message: `cannot be before ${sentOn}` }]);
  }
  if (!actor.organisationId) throw new RuleError('no_organisation', 'Only a member of an organisation can send referrals');
  const recipient = await checkRecipient(ctx, input);
  await lockCaseForSharing(trx, row.id);
  const { problems, check } = await caseProblems(ctx, input.purpose, recipient, sentOn);
  if (problems.length > 0 || !check.ok) {
    const first = problems[0]!;
    const fields: FieldIssue[] = problems.map((p) => ({ path: p.path, message: p.message }));
    throw new RuleError(first.code, `The referral cannot be sent: ${problems.map((p) => p.message).join('; ')}`, fields);
  }
  const rule = PURPOSE_RULES[input.purpose];
  const respondBy = input.respondBy ?? addDays(sentOn, rule.respondWithinDays);
  const shareId = await insertShare(trx, row.id, recipient.id, input.purpose, rule.fields);
  const referralId = await insertReferral(trx, {
    caseId: row.id,
    groupId: input.groupId ?? null,
    fromOrgId: actor.organisationId,
    toOrgId: recipient.id,
    purpose: input.purpose,
    message: input.message ?? '',
    consentBasis: check.basis,
    consentId: check.consentId,
    shareId,
    sentOn,
    respondBy,
    sentBy: actor.userId,
  });
  await addCaseEvent(trx, actor, row.id, 'referral_sent', {
    referralId,
    purpose: input.purpose,
    toOrgId: recipient.id,
    toOrgName: recipient.name,
    consentBasis: check.basis,
    respondBy,
    ...(input.groupId ? { groupId: input.groupId } : {}),
  });
  await recordAudit(trx, actor, {
    action: 'referral.send',
    resourceType: 'case',
    resourceId: row.id,
    caseId: row.id,
    personId: row.person_id,
    details: {
      referralId,
      after: {
        purpose: input.purpose,
        toOrgId: recipient.id,
        status: 'sent',
        consentBasis: check.basis,
        consentId: check.consentId,
        shareId,
        fields: rule.fields,
        sentOn,
        respondBy,
        message: input.message ? '[text]' : '',
        groupId: input.groupId ?? null,
      },
    },
  });
  return presentReferral((await findReferral(trx, referralId))!, sentOn, 'coordinator');
}

export async function sendReferral(db: Kysely<DB>, actor: Actor, caseId: string, input: SendReferralInput): Promise<ReferralView> {
  return onCase(
    db,
    actor,
    caseId,
    { auditAction: 'referral.send', allowed: canSendReferral, forbiddenMessage: 'Only the coordinator of the case region sends referrals' },
    (ctx) => sendReferralOnCase(ctx, input),
  );
}

/** The coordinator sees every referral of the case; a recipient organisation only its own. */
export async function listCaseReferrals(db: Kysely<DB>, actor: Actor, caseId: string): Promise<{ items: ReferralView[] }> {
  return onCase(db, actor, caseId, { auditAction: 'case.read', allowed: (ctx) => ctx.abilities.read, auditRead: { section: 'referrals' } }, async (ctx) => {
    const all = seesAllReferralsOfCase(ctx);
    const rows = all ? await referralsOfCases(ctx.trx, [caseId]) : actor.organisationId ? await referralsOfCases(ctx.trx, [caseId], actor.organisationId) : [];
    const on = today();
    return { items: rows.map((r) => presentReferral(r, on, all ? 'coordinator' : 'recipient')) };
  });
}

/** Preview for the UI: would a referral for `purpose` to `toOrgId` be allowed now, and on what basis? */
export async function previewSharing(db: Kysely<DB>, actor: Actor, caseId: string, input: { purpose: ReferralPurpose; toOrgId: string }) {
  return onCase(db, actor, caseId, { auditAction: 'case.read', allowed: canSendReferral, auditRead: { section: 'sharing_basis' } }, async (ctx) => {
    const recipient = await loadRecipient(ctx.trx, input.toOrgId, 'toOrgId');
    const check = await checkSharing(ctx.trx, ctx.row, input.purpose, recipient, today());
    return presentSharingCheck(input.purpose, recipient, check);
  });
}
