// Shapes the rows of the access report into the report: every record of every case of the
// person, with organisations named; staff identities and other people's data left out.
import type { Person } from '../../db/schema.js';
import type { RetentionRule } from '../retention/retention.config.js';
import type { auditEventsAboutPerson, casesOfPerson, CaseRecords } from './access-report.repository.js';
import type { AccessReport, CaseReportView } from './access-report.schema.js';

type Orgs = Map<string, { name: string; kind: string }>;
type CaseRow = Awaited<ReturnType<typeof casesOfPerson>>[number];
type AuditRow = Awaited<ReturnType<typeof auditEventsAboutPerson>>[number];

const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

function orgOf(orgs: Orgs, id: string | null) {
  if (!id) return null;
  const o = orgs.get(id);
  return o ? { id, name: o.name, kind: o.kind } : { id, name: id, kind: 'unknown' };
}

/** Timeline data without staff identities (the assignee's name and user ids). */
function eventData(kind: string, data: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries((data ?? {}) as Record<string, unknown>)) {
    if (/userid$/i.test(k) || k === 'sentBy') continue;
    if (kind === 'assigned' && k === 'name') continue;
    out[k] = v;
  }
  return out;
}

function presentCase(c: CaseRow, r: CaseRecords, orgs: Orgs): CaseReportView {
  const of = <T extends { case_id: string }>(rows: T[]) => rows.filter((x) => x.case_id === c.id);
  return {
    ref: c.ref,
    region: c.region,
    municipality: c.municipality_code ? { code: c.municipality_code, name: c.municipality_name } : null,
    status: c.status,
    referralSource: c.referral_source,
    referredOn: c.referred_on,
    assessedOn: c.assessed_on,
    closedOn: c.closed_on,
    closureReason: c.closure_reason,
    exploitationForms: c.exploitation_forms,
    labourSector: c.labour_sector,
    summary: c.summary,
    imported: c.imported,
    erasedAt: isoOrNull(c.erased_at),
    referringOrganisation: orgOf(orgs, c.referring_org_id),
    responsibleOrganisation: orgOf(orgs, c.responsible_org_id),
    createdAt: iso(c.created_at),
    updatedAt: iso(c.updated_at),
    timeline: of(r.events).map((e) => ({ at: iso(e.at), kind: e.kind, organisation: orgOf(orgs, e.actor_org_id), data: eventData(e.kind, e.data) })),
    assessments: of(r.assessments).map((a) => ({
      assessedOn: a.assessed_on,
      decision: a.decision,
      legalBasis: a.legal_basis,
      acts: a.acts,
      means: a.means,
      purposes: a.purposes,
      indicators: a.indicators,
      exploitationForms: a.exploitation_forms,
      labourSector: a.labour_sector,
      ageAtAssessment: a.age_at_assessment,
      isChild: a.is_child,
      reasons: a.reasons,
      current: a.superseded_by === null,
    })),
    consents: of(r.consents).map((x) => ({ purpose: x.purpose, recipient: orgOf(orgs, x.recipient_org_id), status: x.status, recordedOn: x.recorded_on, givenBy: x.given_by, note: x.note })),
    referrals: of(r.referrals).map((x) => ({
      purpose: x.purpose,
      from: orgOf(orgs, x.from_org_id),
      to: orgOf(orgs, x.to_org_id),
      status: x.status,
      message: x.message,
      consentBasis: x.consent_basis,
      sentOn: x.sent_on,
      respondBy: x.respond_by,
      respondedOn: x.responded_on,
      declineReason: x.decline_reason,
      completedOn: x.completed_on,
      withdrawnOn: x.withdrawn_on,
      withdrawReason: x.withdraw_reason,
    })),
    permits: of(r.permits).map((p) => ({
      kind: p.kind,
      applicant: orgOf(orgs, p.applicant_org_id),
      applicantKind: p.applicant_kind,
      submittedOn: p.submitted_on,
      decision: p.decision,
      decidedOn: p.decided_on,
      validFrom: p.valid_from,
      validUntil: p.valid_until,
      withdrawnOn: p.withdrawn_on,
      note: p.note,
      extensions: r.extensions.filter((e) => e.application_id === p.id).map((e) => ({ decidedOn: e.decided_on, validUntil: e.valid_until })),
    })),
    policeReports: of(r.policeReports).map((p) => ({
      reportedOn: p.reported_on,
      classification: p.classification,
      policeRef: p.police_ref,
      injuredParty: p.injured_party,
      prosecutionDecision: p.prosecution_decision,
      prosecutionDecidedOn: p.prosecution_decided_on,
      judgmentOutcome: p.judgment_outcome,
      judgmentOn: p.judgment_on,
      damagesAwardedSek: p.damages_awarded_sek,
    })),
    nsp: of(r.nsp).map((n) => ({ enrolledOn: n.enrolled_on, endedOn: n.ended_on, supportTypes: n.support_types, accompanyingChildren: n.accompanying_children, childrenInHomeCountry: n.children_in_home_country })),
    amp: of(r.amp).map((a) => ({
      appliedOn: a.applied_on,
      decision: a.decision,
      decidedOn: a.decided_on,
      returnCountry: a.return_country,
      returnedOn: a.returned_on,
      accompanyingFamily: a.accompanying_family,
      accompanyingChildren: a.accompanying_children,
      followups: [
        { on: a.followup1_on, satisfaction: a.followup1_satisfaction, sustainable: a.followup1_sustainable },
        { on: a.followup2_on, satisfaction: a.followup2_satisfaction, sustainable: a.followup2_sustainable },
      ].filter((f) => f.on !== null),
    })),
    compensation: of(r.compensation).map((x) => ({ kind: x.kind, filedOn: x.filed_on, amountClaimedSek: x.amount_claimed_sek, decision: x.decision, decidedOn: x.decided_on, amountAwardedSek: x.amount_awarded_sek })),
    supportPlans: of(r.supportPlans).map((p) => ({ createdAt: iso(p.created_at), needs: p.needs, plan: p.plan })),
    sharedWith: of(r.shares).map((s) => ({ organisation: orgOf(orgs, s.organisation_id), purpose: s.purpose, fields: s.fields, from: iso(s.created_at), until: isoOrNull(s.revoked_at) })),
    groups: of(r.groups).map((g) => ({ name: g.name, joinedAt: iso(g.added_at) })),
    notes: of(r.notes).map((n) => ({ at: iso(n.created_at), organisation: orgOf(orgs, n.author_org_id), text: n.text })),
  };
}

export function presentAccessReport(input: {
  person: Person;
  cases: CaseRow[];
  records: CaseRecords;
  audit: AuditRow[];
  orgs: Orgs;
  producedBy: { organisation: string; region: string | null };
  retention: RetentionRule[];
}): AccessReport {
  const { person: p, orgs } = input;
  const refById = new Map(input.cases.map((c) => [c.id, c.ref]));
  return {
    format: 'lots.access-report/1',
    producedAt: new Date().toISOString(),
    producedBy: input.producedBy,
    person: {
      id: p.id,
      givenNames: p.given_names,
      familyNames: p.family_names,
      aliases: p.aliases,
      sex: p.sex,
      birthDate: p.birth_date,
      birthYear: p.birth_year,
      estimatedAge: p.estimated_age,
      estimatedAgeOn: p.estimated_age_on,
      citizenships: p.citizenships,
      protectedIdentity: p.protected_identity,
      recordedBy: orgOf(orgs, p.created_by_org),
      createdAt: iso(p.created_at),
      updatedAt: iso(p.updated_at),
      erasedAt: isoOrNull(p.erased_at),
    },
    cases: input.cases.map((c) => presentCase(c, input.records, orgs)),
    accessLog: input.audit.map((a) => ({
      at: iso(a.at),
      action: a.action,
      outcome: a.outcome,
      organisation: orgOf(orgs, a.actor_org_id),
      caseRef: a.case_id ? (refById.get(a.case_id) ?? null) : null,
    })),
    retention: input.retention.map((r) => ({ rule: r.id, applies: r.applies, years: r.years, description: r.description })),
  };
}
