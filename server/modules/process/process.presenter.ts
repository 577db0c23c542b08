// Shapes assessments, support plans and the process summary of a case for the API.
import { CASE_STATUSES, type CaseStatus } from '../../../domain/codelists/case-status.js';
import { labelOf } from '../../../domain/codelists/codelist.js';
import { INDICATORS } from '../../../domain/process/indicators.js';
import { SUPPORT_NEEDS } from '../../../domain/process/support.js';
import type { CaseTransition } from '../../../domain/process/case-transitions.js';
import { CHILD_AGE_LIMIT, type AgeBasis } from '../../../domain/age.js';
import type { AssessmentRow, SupportPlanRow } from './process.repository.js';

const INDICATOR_BY_ID = new Map(INDICATORS.map((i) => [i.id, i]));

export function presentAssessment(r: AssessmentRow) {
  return {
    id: r.id,
    caseId: r.case_id,
    assessedOn: r.assessed_on,
    decision: r.decision,
    legalBasis: r.legal_basis,
    acts: r.acts,
    means: r.means,
    purposes: r.purposes,
    // An id no longer in the checklist still shows, labelled by its id.
    indicators: r.indicators.map((id) => {
      const i = INDICATOR_BY_ID.get(id);
      return { id, form: i?.form ?? null, sv: i?.sv ?? id, en: i?.en ?? id };
    }),
    exploitationForms: r.exploitation_forms,
    labourSector: r.labour_sector,
    ageAtAssessment: r.age_at_assessment,
    ageBasis: r.age_basis,
    isChild: r.is_child,
    meansRequired: r.means_required,
    reasons: r.reasons,
    decider: { userId: r.decider_user_id, name: r.decider_name },
    source: r.source,
    current: r.superseded_by === null,
    supersededBy: r.superseded_by,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export type AssessmentView = ReturnType<typeof presentAssessment>;

export function presentSupportPlan(r: SupportPlanRow, current: boolean) {
  return {
    id: r.id,
    caseId: r.case_id,
    needs: r.needs.map((code) => ({ code, sv: labelOf(SUPPORT_NEEDS, code, 'sv'), en: labelOf(SUPPORT_NEEDS, code, 'en') })),
    plan: r.plan,
    createdBy: { userId: r.created_by, name: r.author_name },
    createdAt: new Date(r.created_at).toISOString(),
    current,
  };
}

export interface ProcessFacts {
  caseId: string;
  status: CaseStatus;
  version: number;
  referredOn: string;
  assessedOn: string | null;
  closedOn: string | null;
  closureReason: string | null;
  assignedUser: { id: string; name: string } | null;
  assignableUsers: { id: string; name: string }[];
  allowedTransitions: CaseTransition[];
}

export function presentProcess(
  f: ProcessFacts,
  details: { assessment: AssessmentRow | null; age: { years: number | null; basis: AgeBasis } } | null,
) {
  return {
    caseId: f.caseId,
    status: f.status,
    statusLabel: { sv: labelOf(CASE_STATUSES, f.status, 'sv'), en: labelOf(CASE_STATUSES, f.status, 'en') },
    version: f.version,
    allowedTransitions: f.allowedTransitions,
    assignedUser: f.assignedUser,
    assignableUsers: f.assignableUsers,
    referredOn: f.referredOn,
    assessedOn: f.assessedOn,
    closedOn: f.closedOn,
    closureReason: f.closureReason,
    detailsVisible: details !== null,
    assessment: details?.assessment ? presentAssessment(details.assessment) : null,
    ageAtToday: details ? { years: details.age.years, basis: details.age.basis, isChild: details.age.years === null ? null : details.age.years < CHILD_AGE_LIMIT } : null,
  };
}

export type ProcessView = ReturnType<typeof presentProcess>;
