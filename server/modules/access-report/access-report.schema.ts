// Request and response shapes of the data-subject access report. Codes are the stable English
// codes of the codelists (the PDF shows their Swedish or English labels).
import { z } from 'zod';
import { zUuid } from '../../http/zod-codes.js';

export const PersonIdParams = z.object({ id: zUuid }).strict();

export const AccessReportQuery = z
  .object({
    format: z.enum(['json', 'pdf']).default('json'),
    lang: z.enum(['sv', 'en']).default('sv'),
  })
  .strict();

const org = z.object({ id: z.string(), name: z.string(), kind: z.string() }).nullable();
const date = z.string().nullable();

const CaseReport = z.object({
  ref: z.string(),
  region: z.string(),
  municipality: z.object({ code: z.string(), name: z.string().nullable() }).nullable(),
  status: z.string(),
  referralSource: z.string(),
  referredOn: z.string(),
  assessedOn: date,
  closedOn: date,
  closureReason: z.string().nullable(),
  exploitationForms: z.array(z.string()),
  labourSector: z.string().nullable(),
  summary: z.string(),
  imported: z.boolean(),
  erasedAt: date,
  referringOrganisation: org,
  responsibleOrganisation: org,
  createdAt: z.string(),
  updatedAt: z.string(),
  timeline: z.array(z.object({ at: z.string(), kind: z.string(), organisation: org, data: z.record(z.string(), z.unknown()) })),
  assessments: z.array(
    z.object({
      assessedOn: z.string(),
      decision: z.string(),
      legalBasis: z.string().nullable(),
      acts: z.array(z.string()),
      means: z.array(z.string()),
      purposes: z.array(z.string()),
      indicators: z.array(z.string()),
      exploitationForms: z.array(z.string()),
      labourSector: z.string().nullable(),
      ageAtAssessment: z.number().nullable(),
      isChild: z.boolean().nullable(),
      reasons: z.string(),
      current: z.boolean(),
    }),
  ),
  consents: z.array(z.object({ purpose: z.string(), recipient: org, status: z.string(), recordedOn: z.string(), givenBy: z.string(), note: z.string() })),
  referrals: z.array(
    z.object({
      purpose: z.string(),
      from: org,
      to: org,
      status: z.string(),
      message: z.string(),
      consentBasis: z.string(),
      sentOn: z.string(),
      respondBy: z.string(),
      respondedOn: date,
      declineReason: z.string().nullable(),
      completedOn: date,
      withdrawnOn: date,
      withdrawReason: z.string().nullable(),
    }),
  ),
  permits: z.array(
    z.object({
      kind: z.string(),
      applicant: org,
      applicantKind: z.string(),
      submittedOn: z.string(),
      decision: z.string(),
      decidedOn: date,
      validFrom: date,
      validUntil: date,
      withdrawnOn: date,
      note: z.string(),
      extensions: z.array(z.object({ decidedOn: z.string(), validUntil: z.string() })),
    }),
  ),
  policeReports: z.array(
    z.object({
      reportedOn: z.string(),
      classification: z.string(),
      policeRef: z.string(),
      injuredParty: z.boolean(),
      prosecutionDecision: z.string(),
      prosecutionDecidedOn: date,
      judgmentOutcome: z.string().nullable(),
      judgmentOn: date,
      damagesAwardedSek: z.number().nullable(),
    }),
  ),
  nsp: z.array(z.object({ enrolledOn: z.string(), endedOn: date, supportTypes: z.array(z.string()), accompanyingChildren: z.number(), childrenInHomeCountry: z.number() })),
  amp: z.array(
    z.object({
      appliedOn: z.string(),
      decision: z.string(),
      decidedOn: date,
      returnCountry: z.string().nullable(),
      returnedOn: date,
      accompanyingFamily: z.number(),
      accompanyingChildren: z.number(),
      followups: z.array(z.object({ on: date, satisfaction: z.number().nullable(), sustainable: z.boolean().nullable() })),
    }),
  ),
  compensation: z.array(z.object({ kind: z.string(), filedOn: z.string(), amountClaimedSek: z.number().nullable(), decision: z.string(), decidedOn: date, amountAwardedSek: z.number().nullable() })),
  supportPlans: z.array(z.object({ createdAt: z.string(), needs: z.array(z.string()), plan: z.string() })),
  sharedWith: z.array(z.object({ organisation: org, purpose: z.string(), fields: z.array(z.string()), from: z.string(), until: date })),
  groups: z.array(z.object({ name: z.string(), joinedAt: z.string() })),
  /** Ordinary case notes; AKC information (Act 2024:307) is never in this report. */
  notes: z.array(z.object({ at: z.string(), organisation: org, text: z.string() })),
});

export const AccessReportSchema = z.object({
  format: z.literal('lots.access-report/1'),
  producedAt: z.string(),
  producedBy: z.object({ organisation: z.string(), region: z.string().nullable() }),
  person: z.object({
    id: z.string(),
    givenNames: z.string(),
    familyNames: z.string(),
    aliases: z.array(z.string()),
    sex: z.string(),
    birthDate: date,
    birthYear: z.number().nullable(),
    estimatedAge: z.number().nullable(),
    estimatedAgeOn: date,
    citizenships: z.array(z.string()),
    protectedIdentity: z.boolean(),
    recordedBy: org,
    createdAt: z.string(),
    updatedAt: z.string(),
    erasedAt: date,
  }),
  cases: z.array(CaseReport),
  /** Who read or changed the person's data: time, action, outcome and organisation only. */
  accessLog: z.array(z.object({ at: z.string(), action: z.string(), outcome: z.string(), organisation: org, caseRef: z.string().nullable() })),
  retention: z.array(z.object({ rule: z.string(), applies: z.string(), years: z.number(), description: z.string() })),
});

export type AccessReport = z.infer<typeof AccessReportSchema>;
export type CaseReportView = z.infer<typeof CaseReport>;
