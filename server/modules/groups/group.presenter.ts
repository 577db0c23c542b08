// Shapes a group and its members: the shared facts once, then per person the case status,
// consents in force, open referrals, permits and police reports, so a coordinator handling
// forty people sees at a glance who still lacks what.
import { isActive, type PermitState } from '../../../domain/process/permits.js';
import { inForce, type ConsentRow } from '../referrals/consent.repository.js';
import type { ReferralRow } from '../referrals/referral.repository.js';
import { isOverdue } from '../referrals/referral.presenter.js';
import type { GroupRow, membersInScope, permitsOfCases, policeReportsOfCases } from './group.repository.js';

type MemberRow = Awaited<ReturnType<typeof membersInScope>>[number];
type PermitRow = Awaited<ReturnType<typeof permitsOfCases>>[number];
type ReportRow = Awaited<ReturnType<typeof policeReportsOfCases>>[number];

export function presentGroupFacts(g: GroupRow) {
  return {
    id: g.id,
    name: g.name,
    region: g.region,
    place: g.place,
    employer: g.employer,
    foundOn: g.found_on,
    inspection: g.inspection,
    notes: g.notes,
    version: g.version,
    createdAt: new Date(g.created_at).toISOString(),
  };
}

function byCase<T extends { case_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) m.set(r.case_id, [...(m.get(r.case_id) ?? []), r]);
  return m;
}

export interface MemberData {
  members: MemberRow[];
  consents: ConsentRow[];
  referrals: ReferralRow[];
  permits: PermitRow[];
  reports: ReportRow[];
}

export function presentMembers(d: MemberData, today: string) {
  const consents = byCase(inForce(d.consents));
  const referrals = byCase(d.referrals.filter((r) => r.status === 'sent' || r.status === 'accepted'));
  const permits = byCase(d.permits);
  const reports = byCase(d.reports);
  return d.members.map((m) => {
    const label = `${m.given_names} ${m.family_names}`.trim();
    // Latest application per kind (rows arrive newest first).
    const latestPermits = (permits.get(m.id) ?? []).filter((p, i, all) => all.findIndex((q) => q.kind === p.kind) === i);
    return {
      caseId: m.id,
      ref: m.ref,
      status: m.status,
      personLabel: m.identity_visible !== true || label === '' ? null : label,
      protectedIdentity: m.protected_identity,
      assignedUser: m.assigned_user_id ? { id: m.assigned_user_id, name: m.assigned_name ?? '' } : null,
      addedAt: new Date(m.added_at).toISOString(),
      consents: (consents.get(m.id) ?? []).map((c) => ({
        purpose: c.purpose,
        recipient: { id: c.recipient_org_id, name: c.recipient_name },
        status: c.status,
        recordedOn: c.recorded_on,
      })),
      openReferrals: (referrals.get(m.id) ?? []).map((r) => ({
        id: r.id,
        purpose: r.purpose,
        to: { id: r.to_org_id, name: r.to_org_name },
        status: r.status,
        sentOn: r.sent_on,
        respondBy: r.respond_by,
        overdue: isOverdue(r, today),
        consentBasis: r.consent_basis,
      })),
      permits: latestPermits.map((p) => ({
        id: p.id,
        kind: p.kind,
        decision: p.decision,
        submittedOn: p.submitted_on,
        decidedOn: p.decided_on,
        validUntil: p.valid_until,
        active: isActive({ kind: p.kind as PermitState['kind'], decision: p.decision as PermitState['decision'], validUntil: p.valid_until }, today),
      })),
      policeReports: (reports.get(m.id) ?? []).map((r) => ({ id: r.id, reportedOn: r.reported_on, classification: r.classification, injuredParty: r.injured_party })),
    };
  });
}
