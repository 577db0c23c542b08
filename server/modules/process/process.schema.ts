// Request and response shapes of the case process: transitions, assessment, assignment, support plan.
import { z } from 'zod';
import { zCode, zDate, zUuid } from '../../http/zod-codes.js';
import { EXPLOITATION_FORMS } from '../../../domain/codelists/exploitation-forms.js';
import { CLOSURE_REASONS } from '../../../domain/codelists/case-status.js';
import { LABOUR_SECTORS } from '../../../domain/codelists/labour-sectors.js';
import { ACTS, LEGAL_BASES, MEANS, PURPOSES } from '../../../domain/process/legal-elements.js';
import { isIndicatorId } from '../../../domain/process/indicators.js';
import { SUPPORT_NEEDS } from '../../../domain/process/support.js';
import { TRANSITIONS, type CaseTransition } from '../../../domain/process/case-transitions.js';

const version = z.number().int().positive();
const reason = z.string().trim().min(3).max(2_000);

/** A list of codes, each at most once. */
function codes<T extends z.ZodType<string>>(item: T, max: number) {
  return z
    .array(item)
    .max(max)
    .refine((a) => new Set(a).size === a.length, { message: 'contains the same code twice' });
}

export const CaseIdParams = z.object({ id: zUuid }).strict();

export const VersionBody = z.object({ version }).strict();
export const ReasonBody = z.object({ version, reason }).strict();

export const CloseBody = z
  .object({
    version,
    closedOn: zDate,
    reason: zCode(CLOSURE_REASONS),
    note: z.string().trim().max(2_000).optional(),
  })
  .strict();

export const AssignBody = z.object({ version, userId: zUuid.nullable() }).strict();

export const AssessmentBody = z
  .object({
    version,
    assessedOn: zDate,
    legalBasis: zCode(LEGAL_BASES).nullable(),
    decision: z.enum(['reason_to_assume', 'no_reason_to_assume']),
    acts: codes(zCode(ACTS), ACTS.length).default([]),
    means: codes(zCode(MEANS), MEANS.length).default([]),
    purposes: codes(zCode(PURPOSES), PURPOSES.length).default([]),
    indicators: codes(z.string().max(60).refine(isIndicatorId, { message: 'unknown indicator id' }), 100).default([]),
    exploitationForms: codes(zCode(EXPLOITATION_FORMS), EXPLOITATION_FORMS.length).default([]),
    labourSector: zCode(LABOUR_SECTORS).nullable().optional(),
    reasons: z.string().trim().min(10, 'give the reasons for the decision (at least 10 characters)').max(20_000),
  })
  .strict();

export const SupportPlanBody = z
  .object({
    needs: codes(zCode(SUPPORT_NEEDS), SUPPORT_NEEDS.length).min(1),
    plan: z.string().trim().min(1).max(20_000),
  })
  .strict();

export type CloseInput = z.infer<typeof CloseBody>;
export type AssignInput = z.infer<typeof AssignBody>;
export type AssessmentInput = z.infer<typeof AssessmentBody>;
export type SupportPlanInput = z.infer<typeof SupportPlanBody>;

const label = z.object({ sv: z.string(), en: z.string() });

export const AssessmentSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  assessedOn: z.string(),
  decision: z.string(),
  legalBasis: z.string().nullable(),
  acts: z.array(z.string()),
  means: z.array(z.string()),
  purposes: z.array(z.string()),
  indicators: z.array(z.object({ id: z.string(), form: z.string().nullable(), sv: z.string(), en: z.string() })),
  exploitationForms: z.array(z.string()),
  labourSector: z.string().nullable(),
  ageAtAssessment: z.number().nullable(),
  ageBasis: z.string(),
  isChild: z.boolean().nullable(),
  meansRequired: z.boolean(),
  reasons: z.string(),
  decider: z.object({ userId: z.string().nullable(), name: z.string().nullable() }),
  source: z.string(),
  current: z.boolean(),
  supersededBy: z.string().nullable(),
  createdAt: z.string(),
});

export const AssessmentListSchema = z.object({ items: z.array(AssessmentSchema) });

const TRANSITION_CODES = Object.keys(TRANSITIONS) as [CaseTransition, ...CaseTransition[]];

export const ProcessViewSchema = z.object({
  caseId: z.string(),
  status: z.string(),
  statusLabel: label,
  version: z.number(),
  allowedTransitions: z.array(z.enum(TRANSITION_CODES)),
  assignedUser: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** The active coordinators of the case's unit, for the coordinator; empty for everyone else. */
  assignableUsers: z.array(z.object({ id: z.string(), name: z.string() })),
  referredOn: z.string(),
  assessedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  closureReason: z.string().nullable(),
  /** false for partners and referrers: they see the status, not the assessment or age. */
  detailsVisible: z.boolean(),
  assessment: AssessmentSchema.nullable(),
  ageAtToday: z.object({ years: z.number().nullable(), basis: z.string(), isChild: z.boolean().nullable() }).nullable(),
});

export const SupportPlanSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  needs: z.array(z.object({ code: z.string(), sv: z.string(), en: z.string() })),
  plan: z.string(),
  createdBy: z.object({ userId: z.string().nullable(), name: z.string().nullable() }),
  createdAt: z.string(),
  current: z.boolean(),
});

export const SupportPlanListSchema = z.object({ items: z.array(SupportPlanSchema) });
