// Request and response shapes of the criminal-process routes.
import { z } from 'zod';
import { zCode, zDate, zUuid } from '../../http/zod-codes.js';
import { CLASSIFICATIONS, JUDGMENT_OUTCOMES, PROSECUTION_DECISIONS } from '../../../domain/process/criminal-process.js';

const sek = z.number().int().min(0).max(1_000_000_000);

export const RecordPoliceReportBody = z
  .object({
    reportedOn: zDate,
    classification: zCode(CLASSIFICATIONS),
    policeRef: z.string().trim().max(100).default(''),
    /** Defaults to whether the classification gives the person injured-party status. */
    injuredParty: z.boolean().optional(),
  })
  .strict();

export const UpdatePoliceReportBody = z
  .object({
    version: z.number().int().positive(),
    classification: zCode(CLASSIFICATIONS).optional(),
    policeRef: z.string().trim().max(100).optional(),
    injuredParty: z.boolean().optional(),
    prosecutionDecision: zCode(PROSECUTION_DECISIONS).optional(),
    prosecutionDecidedOn: zDate.nullable().optional(),
    judgmentOutcome: zCode(JUDGMENT_OUTCOMES).nullable().optional(),
    judgmentOn: zDate.nullable().optional(),
    damagesAwardedSek: sek.nullable().optional(),
  })
  .strict();

export const CaseIdParams = z.object({ id: zUuid }).strict();
export const ReportIdParams = z.object({ id: zUuid }).strict();

export type RecordPoliceReportInput = z.infer<typeof RecordPoliceReportBody>;
export type UpdatePoliceReportInput = z.infer<typeof UpdatePoliceReportBody>;

export const PoliceReportSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  groupId: z.string().nullable(),
  reportedOn: z.string(),
  classification: z.string(),
  givesInjuredPartyStatus: z.boolean(),
  policeRef: z.string(),
  injuredParty: z.boolean(),
  prosecutionDecision: z.string(),
  prosecutionDecidedOn: z.string().nullable(),
  judgmentOutcome: z.string().nullable(),
  judgmentOn: z.string().nullable(),
  damagesAwardedSek: z.number().nullable(),
  version: z.number(),
  createdAt: z.string(),
});

export const CriminalViewSchema = z.object({
  reports: z.array(PoliceReportSchema),
  flags: z.object({ noInjuredPartyStatus: z.boolean() }),
  abilities: z.object({ report: z.boolean(), updateReport: z.boolean(), recordInjuredParty: z.boolean(), recordProsecution: z.boolean() }),
});
