// Request and response shapes of the permit routes.
import { z } from 'zod';
import { zCode, zDate, zUuid } from '../../http/zod-codes.js';
import { PERMIT_APPLICANTS, PERMIT_KINDS } from '../../../domain/process/permits.js';

const version = z.number().int().positive();

export const ApplyPermitBody = z
  .object({
    kind: zCode(PERMIT_KINDS),
    applicantOrgId: zUuid,
    applicantKind: zCode(PERMIT_APPLICANTS),
    viaCoordinator: z.boolean().default(false),
    submittedOn: zDate,
    note: z.string().trim().max(2_000).default(''),
  })
  .strict();

export const DecidePermitBody = z
  .object({
    version,
    decision: z.enum(['granted', 'refused']),
    decidedOn: zDate,
    /** Witness permits only, required when granted. A reflection period runs 30 days from decidedOn. */
    validFrom: zDate.optional(),
    validUntil: zDate.optional(),
  })
  .strict();

export const ExtendPermitBody = z.object({ version, decidedOn: zDate, validUntil: zDate }).strict();

export const WithdrawPermitBody = z.object({ version, withdrawnOn: zDate }).strict();

export const PermitIdParams = z.object({ id: zUuid }).strict();
export const CaseIdParams = z.object({ id: zUuid }).strict();

export type ApplyPermitInput = z.infer<typeof ApplyPermitBody>;
export type DecidePermitInput = z.infer<typeof DecidePermitBody>;
export type ExtendPermitInput = z.infer<typeof ExtendPermitBody>;
export type WithdrawPermitInput = z.infer<typeof WithdrawPermitBody>;

export const PermitStatusSchema = z.enum(['pending', 'granted', 'expired', 'refused', 'withdrawn']);

export const PermitSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: z.string(),
  applicantOrganisation: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  applicantKind: z.string(),
  viaCoordinator: z.boolean(),
  submittedOn: z.string(),
  decision: z.enum(['pending', 'granted', 'refused', 'withdrawn']),
  decidedOn: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  status: PermitStatusSchema,
  active: z.boolean(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  dayOfPeriod: z.number().nullable(),
  daysLeft: z.number().nullable(),
  extensions: z.array(z.object({ id: z.string(), decidedOn: z.string(), validUntil: z.string() })),
  note: z.string(),
  version: z.number(),
  createdAt: z.string(),
});

export const PermitListSchema = z.object({
  permits: z.array(PermitSchema),
  abilities: z.object({ apply: z.boolean(), decide: z.boolean(), extend: z.boolean() }),
});
