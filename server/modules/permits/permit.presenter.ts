// Shapes a permit application for the UI: its status today, the day of the period and the days
// left, and its extensions.
import { daysBetween, reflectionDay, type PermitState } from '../../../domain/process/permits.js';
import type { ExtensionRow, PermitRow } from './permit.repository.js';

export type PermitStatus = 'pending' | 'granted' | 'expired' | 'refused' | 'withdrawn';

export function permitStatus(decision: string, validUntil: string | null, today: string): PermitStatus {
  switch (decision) {
    case 'granted':
      return validUntil !== null && validUntil < today ? 'expired' : 'granted';
    case 'refused':
    case 'withdrawn':
      return decision;
    default:
      return 'pending';
  }
}

export function presentPermit(r: PermitRow, extensions: readonly ExtensionRow[], today: string) {
  const status = permitStatus(r.decision, r.valid_until, today);
  return {
    id: r.id,
    caseId: r.case_id,
    kind: r.kind,
    applicantOrganisation: { id: r.applicant_org_id, name: r.applicant_org_name, kind: r.applicant_org_kind },
    applicantKind: r.applicant_kind,
    viaCoordinator: r.via_coordinator,
    submittedOn: r.submitted_on,
    decision: r.decision as PermitState['decision'],
    decidedOn: r.decided_on,
    withdrawnOn: r.withdrawn_on,
    status,
    active: status === 'pending' || status === 'granted',
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    dayOfPeriod: status === 'granted' ? reflectionDay(r.valid_from, r.valid_until, today) : null,
    // Whole days after today that the permit still runs: 0 on its last valid day.
    daysLeft: status === 'granted' && r.valid_until ? daysBetween(today, r.valid_until) : null,
    extensions: extensions.filter((e) => e.application_id === r.id).map((e) => ({ id: e.id, decidedOn: e.decided_on, validUntil: e.valid_until })),
    note: r.note,
    version: r.version,
    createdAt: r.created_at.toISOString(),
  };
}

export type PermitView = ReturnType<typeof presentPermit>;
