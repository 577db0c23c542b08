// Shapes NSP enrolments, ÅMP returns (with the follow-ups' due dates) and compensation claims.
import { ampFollowupsDue } from '../../../domain/process/support.js';
import type { AmpRow, CompensationRow, NspRow } from './support.repository.js';

export function presentNsp(r: NspRow) {
  return {
    id: r.id,
    caseId: r.case_id,
    enrolledOn: r.enrolled_on,
    endedOn: r.ended_on,
    ongoing: r.ended_on === null,
    supportTypes: r.support_types,
    accompanyingChildren: r.accompanying_children,
    childrenInHomeCountry: r.children_in_home_country,
    version: r.version,
    createdAt: r.created_at.toISOString(),
  };
}

export function presentAmp(r: AmpRow) {
  const due = r.returned_on ? ampFollowupsDue(r.returned_on) : null;
  return {
    id: r.id,
    caseId: r.case_id,
    appliedOn: r.applied_on,
    decision: r.decision,
    decidedOn: r.decided_on,
    returnCountry: r.return_country,
    accompanyingFamily: r.accompanying_family,
    accompanyingChildren: r.accompanying_children,
    returnedOn: r.returned_on,
    followup1DueOn: due?.first ?? null,
    followup1On: r.followup1_on,
    followup1Satisfaction: r.followup1_satisfaction,
    followup1Sustainable: r.followup1_sustainable,
    followup2DueOn: due?.second ?? null,
    followup2On: r.followup2_on,
    followup2Satisfaction: r.followup2_satisfaction,
    followup2Sustainable: r.followup2_sustainable,
    version: r.version,
    createdAt: r.created_at.toISOString(),
  };
}

export function presentCompensation(r: CompensationRow) {
  return {
    id: r.id,
    caseId: r.case_id,
    kind: r.kind,
    filedOn: r.filed_on,
    amountClaimedSek: r.amount_claimed_sek,
    decision: r.decision,
    decidedOn: r.decided_on,
    amountAwardedSek: r.amount_awarded_sek,
    version: r.version,
    createdAt: r.created_at.toISOString(),
  };
}

export type NspView = ReturnType<typeof presentNsp>;
export type AmpView = ReturnType<typeof presentAmp>;
export type CompensationView = ReturnType<typeof presentCompensation>;
