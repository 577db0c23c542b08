// Request and response shapes of the support routes: NSP, ÅMP and compensation.
import { z } from 'zod';
import { zCode, zDate, zUuid } from '../../http/zod-codes.js';
import { AMP_DECISIONS, COMPENSATION_DECISIONS, COMPENSATION_KINDS, NSP_SUPPORT_TYPES } from '../../../domain/process/support.js';
import { COUNTRY_CODES } from '../../../domain/codelists/countries.js';

const count = z.number().int().min(0).max(100);
const sek = z.number().int().min(0).max(1_000_000_000);
const country = z.enum(COUNTRY_CODES as [string, ...string[]]);
const satisfaction = z.number().int().min(1).max(5);

export const IdParams = z.object({ id: zUuid }).strict();

export const EnrolNspBody = z
  .object({
    enrolledOn: zDate,
    supportTypes: z.array(zCode(NSP_SUPPORT_TYPES)).max(NSP_SUPPORT_TYPES.length).default([]),
    accompanyingChildren: count.default(0),
    childrenInHomeCountry: count.default(0),
    endedOn: zDate.nullable().optional(),
  })
  .strict();

export const UpdateNspBody = z
  .object({
    enrolledOn: zDate.optional(),
    supportTypes: z.array(zCode(NSP_SUPPORT_TYPES)).max(NSP_SUPPORT_TYPES.length).optional(),
    accompanyingChildren: count.optional(),
    childrenInHomeCountry: count.optional(),
    endedOn: zDate.nullable().optional(),
    version: z.number().int().positive(),
  })
  .strict();

export const ApplyAmpBody = z
  .object({
    appliedOn: zDate,
    returnCountry: country,
    accompanyingFamily: count.default(0),
    accompanyingChildren: count.default(0),
  })
  .strict();

export const UpdateAmpBody = z
  .object({
    version: z.number().int().positive(),
    appliedOn: zDate.optional(),
    returnCountry: country.optional(),
    accompanyingFamily: count.optional(),
    accompanyingChildren: count.optional(),
    decision: zCode(AMP_DECISIONS).optional(),
    decidedOn: zDate.nullable().optional(),
    returnedOn: zDate.nullable().optional(),
    followup1On: zDate.nullable().optional(),
    followup1Satisfaction: satisfaction.nullable().optional(),
    followup1Sustainable: z.boolean().nullable().optional(),
    followup2On: zDate.nullable().optional(),
    followup2Satisfaction: satisfaction.nullable().optional(),
    followup2Sustainable: z.boolean().nullable().optional(),
  })
  .strict();

export const FileCompensationBody = z.object({ kind: zCode(COMPENSATION_KINDS), filedOn: zDate, amountClaimedSek: sek.nullable().optional() }).strict();

export const UpdateCompensationBody = z
  .object({
    decision: zCode(COMPENSATION_DECISIONS).optional(),
    decidedOn: zDate.nullable().optional(),
    amountAwardedSek: sek.nullable().optional(),
    amountClaimedSek: sek.nullable().optional(),
    version: z.number().int().positive(),
  })
  .strict();

export type EnrolNspInput = z.infer<typeof EnrolNspBody>;
export type UpdateNspInput = z.infer<typeof UpdateNspBody>;
export type ApplyAmpInput = z.infer<typeof ApplyAmpBody>;
export type UpdateAmpInput = z.infer<typeof UpdateAmpBody>;
export type FileCompensationInput = z.infer<typeof FileCompensationBody>;
export type UpdateCompensationInput = z.infer<typeof UpdateCompensationBody>;

export const NspSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  enrolledOn: z.string(),
  endedOn: z.string().nullable(),
  ongoing: z.boolean(),
  supportTypes: z.array(z.string()),
  accompanyingChildren: z.number(),
  childrenInHomeCountry: z.number(),
  version: z.number(),
  createdAt: z.string(),
});

export const AmpSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  appliedOn: z.string(),
  decision: z.string(),
  decidedOn: z.string().nullable(),
  returnCountry: z.string().nullable(),
  accompanyingFamily: z.number(),
  accompanyingChildren: z.number(),
  returnedOn: z.string().nullable(),
  followup1DueOn: z.string().nullable(),
  followup1On: z.string().nullable(),
  followup1Satisfaction: z.number().nullable(),
  followup1Sustainable: z.boolean().nullable(),
  followup2DueOn: z.string().nullable(),
  followup2On: z.string().nullable(),
  followup2Satisfaction: z.number().nullable(),
  followup2Sustainable: z.boolean().nullable(),
  version: z.number(),
  createdAt: z.string(),
});

export const CompensationSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: z.string(),
  filedOn: z.string(),
  amountClaimedSek: z.number().nullable(),
  decision: z.string(),
  decidedOn: z.string().nullable(),
  amountAwardedSek: z.number().nullable(),
  version: z.number(),
  createdAt: z.string(),
});

const sections = z.object({ nsp: z.boolean(), amp: z.boolean(), compensation: z.boolean() });

export const SupportViewSchema = z.object({
  nsp: z.array(NspSchema),
  amp: z.array(AmpSchema),
  compensation: z.array(CompensationSchema),
  visible: sections,
  abilities: sections,
});
