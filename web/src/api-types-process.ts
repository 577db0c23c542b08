// Shapes of the referral mechanism's answers (process, referrals and consent, permits, criminal
// process, support, tasks, groups, anonymous notifications), as the server's presenters build them.
import type { CaseTransition } from '../../domain/process/case-transitions.js';

export interface Bilingual {
  sv: string;
  en: string;
}

export interface Assessment {
  id: string;
  caseId: string;
  assessedOn: string;
  decision: 'reason_to_assume' | 'no_reason_to_assume' | string;
  legalBasis: string | null;
  acts: string[];
  means: string[];
  purposes: string[];
  indicators: { id: string; form: string | null; sv: string; en: string }[];
  exploitationForms: string[];
  labourSector: string | null;
  ageAtAssessment: number | null;
  ageBasis: string;
  isChild: boolean | null;
  meansRequired: boolean;
  reasons: string;
  decider: { userId: string | null; name: string | null };
  source: string;
  current: boolean;
  supersededBy: string | null;
  createdAt: string;
}

export interface ProcessView {
  caseId: string;
  status: string;
  statusLabel: Bilingual;
  version: number;
  allowedTransitions: CaseTransition[];
  assignedUser: { id: string; name: string } | null;
  /** The active coordinators of the case's unit (for the coordinator; empty otherwise). */
  assignableUsers: { id: string; name: string }[];
  referredOn: string;
  assessedOn: string | null;
  closedOn: string | null;
  closureReason: string | null;
  detailsVisible: boolean;
  assessment: Assessment | null;
  ageAtToday: { years: number | null; basis: string; isChild: boolean | null } | null;
}

export interface SupportPlan {
  id: string;
  caseId: string;
  needs: ({ code: string } & Bilingual)[];
  plan: string;
  createdBy: { userId: string | null; name: string | null };
  createdAt: string;
  current: boolean;
}

export interface OrgRef {
  id: string;
  name: string;
}

export type ConsentBasis = 'consent' | 'child_social_services';

export interface Consent {
  id: string;
  purpose: string;
  recipient: OrgRef & { kind: string };
  status: string;
  recordedOn: string;
  givenBy: string;
  note: string;
  recordedBy: string | null;
  createdAt: string;
}

export interface ConsentList {
  inForce: Consent[];
  history: Consent[];
}

export interface Referral {
  id: string;
  caseId: string;
  caseRef: string;
  groupId: string | null;
  purpose: string;
  status: string;
  message: string | null;
  consentBasis: ConsentBasis;
  consentId: string | null;
  from: OrgRef;
  to: OrgRef & { kind: string };
  sentOn: string;
  respondBy: string;
  overdue: boolean;
  respondedOn: string | null;
  declineReason: string | null;
  completedOn: string | null;
  withdrawnOn: string | null;
  withdrawReason: string | null;
  share: { active: boolean; fields: string[] };
  version: number;
}

export interface SharingBasis {
  purpose: string;
  toOrgId: string;
  recipientFits: boolean;
  isChild: boolean | null;
  latestConsent: string | null;
  ok: boolean;
  basis: ConsentBasis | null;
  reason: string | null;
  fields: string[];
  respondWithinDays: number;
}

export interface InboxItem {
  id: string;
  caseId: string;
  caseRef: string;
  purpose: string;
  status: string;
  sentOn: string;
  respondBy: string;
  overdue: boolean;
  from: OrgRef;
  consentBasis: ConsentBasis;
  personLabel: string | null;
  message: string | null;
  version: number;
}

export interface Task {
  id: string;
  kind: string;
  kindLabel: Bilingual;
  caseId: string | null;
  caseRef: string | null;
  dueOn: string;
  overdue: boolean;
  status: 'open' | 'done';
  organisationId: string;
  userId: string | null;
  assignedToMe: boolean;
  data: Record<string, unknown>;
  createdAt: string;
  doneAt: string | null;
  closedAutomatically: boolean;
}

export interface Permit {
  id: string;
  caseId: string;
  kind: string;
  applicantOrganisation: OrgRef & { kind: string };
  applicantKind: string;
  viaCoordinator: boolean;
  submittedOn: string;
  decision: 'pending' | 'granted' | 'refused' | 'withdrawn';
  decidedOn: string | null;
  withdrawnOn: string | null;
  status: 'pending' | 'granted' | 'expired' | 'refused' | 'withdrawn';
  active: boolean;
  validFrom: string | null;
  validUntil: string | null;
  dayOfPeriod: number | null;
  daysLeft: number | null;
  extensions: { id: string; decidedOn: string; validUntil: string }[];
  note: string;
  version: number;
  createdAt: string;
}

export interface PermitList {
  permits: Permit[];
  abilities: { apply: boolean; decide: boolean; extend: boolean };
}

export interface PoliceReport {
  id: string;
  caseId: string;
  groupId: string | null;
  reportedOn: string;
  classification: string;
  givesInjuredPartyStatus: boolean;
  policeRef: string;
  injuredParty: boolean;
  prosecutionDecision: string;
  prosecutionDecidedOn: string | null;
  judgmentOutcome: string | null;
  judgmentOn: string | null;
  damagesAwardedSek: number | null;
  version: number;
  createdAt: string;
}

export interface CriminalView {
  reports: PoliceReport[];
  flags: { noInjuredPartyStatus: boolean };
  abilities: { report: boolean; updateReport: boolean; recordInjuredParty: boolean; recordProsecution: boolean };
}

export interface NspEnrolment {
  id: string;
  caseId: string;
  enrolledOn: string;
  endedOn: string | null;
  ongoing: boolean;
  supportTypes: string[];
  accompanyingChildren: number;
  childrenInHomeCountry: number;
  version: number;
  createdAt: string;
}

export interface AmpReturn {
  id: string;
  caseId: string;
  appliedOn: string;
  decision: string;
  decidedOn: string | null;
  returnCountry: string | null;
  accompanyingFamily: number;
  accompanyingChildren: number;
  returnedOn: string | null;
  followup1DueOn: string | null;
  followup1On: string | null;
  followup1Satisfaction: number | null;
  followup1Sustainable: boolean | null;
  followup2DueOn: string | null;
  followup2On: string | null;
  followup2Satisfaction: number | null;
  followup2Sustainable: boolean | null;
  version: number;
  createdAt: string;
}

export interface CompensationClaim {
  id: string;
  caseId: string;
  kind: string;
  filedOn: string;
  amountClaimedSek: number | null;
  decision: string;
  decidedOn: string | null;
  amountAwardedSek: number | null;
  version: number;
  createdAt: string;
}

export interface SupportSections {
  nsp: boolean;
  amp: boolean;
  compensation: boolean;
}

export interface SupportView {
  nsp: NspEnrolment[];
  amp: AmpReturn[];
  compensation: CompensationClaim[];
  visible: SupportSections;
  abilities: SupportSections;
}

export interface GroupFacts {
  id: string;
  name: string;
  region: string;
  place: string;
  employer: string;
  foundOn: string | null;
  inspection: string;
  notes: string;
  version: number;
  createdAt: string;
  memberCount: number;
}

export interface GroupMember {
  caseId: string;
  ref: string;
  status: string;
  personLabel: string | null;
  protectedIdentity: boolean;
  assignedUser: { id: string; name: string } | null;
  addedAt: string;
  consents: { purpose: string; recipient: OrgRef; status: string; recordedOn: string }[];
  openReferrals: { id: string; purpose: string; to: OrgRef; status: string; sentOn: string; respondBy: string; overdue: boolean; consentBasis: string }[];
  permits: { id: string; kind: string; decision: string; submittedOn: string; decidedOn: string | null; validUntil: string | null; active: boolean }[];
  policeReports: { id: string; reportedOn: string; classification: string; injuredParty: boolean }[];
}

export interface GroupView extends GroupFacts {
  members: GroupMember[];
}

export interface BulkResult {
  groupId: string;
  action: 'assign' | 'referrals' | 'police_report';
  results: { caseId: string; ref: string; ok: true; id: string | null }[];
}

export interface AnonymousNotification {
  id: string;
  region: string;
  municipalityCode: string | null;
  notifiedOn: string;
  reason: string;
  referralSource: string;
  sex: string;
  ageGroup: string;
  exploitationForms: string[];
  citizenship: string | null;
}

export interface CodeCount {
  code: string;
  count: number;
}

export interface AnonymousCounts {
  region: string | null;
  year: number | null;
  total: number;
  byYear: { year: number; count: number }[];
  byRegion: CodeCount[];
  byForm: CodeCount[];
  bySex: CodeCount[];
  byAgeGroup: CodeCount[];
  bySexAge: CodeCount[];
  byReason: CodeCount[];
  byReferralSource: CodeCount[];
}
