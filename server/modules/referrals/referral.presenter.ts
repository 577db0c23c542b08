// Shapes referrals and consent records for the API. The person's name appears in an inbox
// only while the referral's share is active and grants person.name (and the identity is not
// protected, or the reader is one of its named users); otherwise the recipient sees the case
// reference alone.
import type { ConsentRow } from './consent.repository.js';
import type { ReferralRow } from './referral.repository.js';

export function isOverdue(r: { status: string; respond_by: string }, today: string): boolean {
  return r.status === 'sent' && r.respond_by < today;
}

function shareActive(r: ReferralRow): boolean {
  return r.share_id !== null && r.share_fields !== null && r.share_revoked_at === null;
}

/**
 * `viewer` is 'coordinator' for the case's coordinators, 'recipient' for the receiving
 * organisation: a recipient whose share is gone (declined, withdrawn) no longer sees the message.
 */
export function presentReferral(r: ReferralRow, today: string, viewer: 'coordinator' | 'recipient') {
  return {
    id: r.id,
    caseId: r.case_id,
    caseRef: r.case_ref,
    groupId: r.group_id,
    purpose: r.purpose,
    status: r.status,
    message: viewer === 'coordinator' || shareActive(r) ? r.message : null,
    consentBasis: r.consent_basis as 'consent' | 'child_social_services',
    consentId: r.consent_id,
    from: { id: r.from_org_id, name: r.from_org_name },
    to: { id: r.to_org_id, name: r.to_org_name, kind: r.to_org_kind },
    sentOn: r.sent_on,
    respondBy: r.respond_by,
    overdue: isOverdue(r, today),
    respondedOn: r.responded_on,
    declineReason: r.decline_reason,
    completedOn: r.completed_on,
    withdrawnOn: r.withdrawn_on,
    withdrawReason: r.withdraw_reason,
    share: { active: shareActive(r), fields: r.share_fields ?? [] },
    version: r.version,
  };
}

export type ReferralView = ReturnType<typeof presentReferral>;

export function presentInboxItem(r: ReferralRow, today: string) {
  const seesName = shareActive(r) && (r.share_fields ?? []).includes('person.name') && r.identity_visible === true;
  const label = `${r.given_names} ${r.family_names}`.trim();
  return {
    id: r.id,
    caseId: r.case_id,
    caseRef: r.case_ref,
    purpose: r.purpose,
    status: r.status,
    sentOn: r.sent_on,
    respondBy: r.respond_by,
    overdue: isOverdue(r, today),
    from: { id: r.from_org_id, name: r.from_org_name },
    consentBasis: r.consent_basis as 'consent' | 'child_social_services',
    personLabel: seesName && label !== '' ? label : null,
    message: shareActive(r) ? r.message : null,
    version: r.version,
  };
}

export function presentConsent(c: ConsentRow) {
  return {
    id: c.id,
    purpose: c.purpose,
    recipient: { id: c.recipient_org_id, name: c.recipient_name, kind: c.recipient_kind },
    status: c.status,
    recordedOn: c.recorded_on,
    givenBy: c.given_by,
    note: c.note,
    recordedBy: c.recorded_by_name,
    createdAt: new Date(c.created_at).toISOString(),
  };
}
