// Request and response shapes of the case routes.
import { z } from 'zod';
import { zCode, zDate, zUuid } from '../../http/zod-codes.js';
import { EXPLOITATION_FORMS } from '../../../domain/codelists/exploitation-forms.js';
import { REFERRAL_SOURCES } from '../../../domain/codelists/referral-sources.js';
import { SEXES } from '../../../domain/codelists/sex-age.js';
import { POLICE_REGIONS } from '../../../domain/codelists/police-regions.js';
import { CASE_STATUSES } from '../../../domain/codelists/case-status.js';
import { COUNTRY_CODES } from '../../../domain/codelists/countries.js';

const name = z.string().trim().max(200);
const country = z.enum(COUNTRY_CODES as [string, ...string[]]);

export const PersonInput = z
  .object({
    givenNames: name.default(''),
    familyNames: name.default(''),
    aliases: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
    sex: zCode(SEXES).default('unknown'),
    birthDate: zDate.nullable().optional(),
    birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
    estimatedAge: z.number().int().min(0).max(120).nullable().optional(),
    citizenships: z.array(country).max(5).default([]),
    protectedIdentity: z.boolean().default(false),
  })
  .strict();

export const CreateCaseBody = z
  .object({
    person: PersonInput,
    municipalityCode: z.string().regex(/^\d{4}$/, 'must be a four-digit municipality code'),
    referralSource: zCode(REFERRAL_SOURCES),
    referredOn: zDate,
    exploitationForms: z.array(zCode(EXPLOITATION_FORMS)).max(11).default([]),
    summary: z.string().max(10_000).default(''),
  })
  .strict();

export const UpdateCaseBody = z
  .object({
    version: z.number().int().positive(),
    municipalityCode: z.string().regex(/^\d{4}$/).optional(),
    referralSource: zCode(REFERRAL_SOURCES).optional(),
    referredOn: zDate.optional(),
    exploitationForms: z.array(zCode(EXPLOITATION_FORMS)).max(11).optional(),
    summary: z.string().max(10_000).optional(),
    person: PersonInput.partial().strict().optional(),
  })
  .strict();

export const TransferCaseBody = z
  .object({
    version: z.number().int().positive(),
    region: zCode(POLICE_REGIONS),
    reason: z.string().trim().min(3).max(2_000),
  })
  .strict();

export const AddInformationBody = z.object({ text: z.string().trim().min(1).max(10_000) }).strict();

export const CaseIdParams = z.object({ id: zUuid }).strict();

export const ListCasesQuery = z
  .object({
    status: zCode(CASE_STATUSES).optional(),
    region: zCode(POLICE_REGIONS).optional(),
    q: z.string().trim().max(100).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

export type CreateCaseInput = z.infer<typeof CreateCaseBody>;
export type UpdateCaseInput = z.infer<typeof UpdateCaseBody>;
export type TransferCaseInput = z.infer<typeof TransferCaseBody>;
export type ListCasesInput = z.infer<typeof ListCasesQuery>;

export const CaseAbilitiesSchema = z.object({ read: z.boolean(), update: z.boolean(), transfer: z.boolean(), addInformation: z.boolean(), coordinate: z.boolean() });

export const CaseListItemSchema = z.object({
  id: z.string(),
  ref: z.string(),
  status: z.string(),
  region: z.string(),
  municipalityCode: z.string().nullable(),
  referralSource: z.string(),
  referredOn: z.string(),
  assessedOn: z.string().nullable(),
  personLabel: z.string().nullable(),
  protectedIdentity: z.boolean(),
  updatedAt: z.string(),
});

export const CaseListSchema = z.object({ total: z.number(), page: z.number(), pageSize: z.number(), items: z.array(CaseListItemSchema) });

export const CaseViewSchema = z.object({
  id: z.string(),
  ref: z.string(),
  status: z.string(),
  region: z.string(),
  municipalityCode: z.string().nullable(),
  referralSource: z.string(),
  referredOn: z.string(),
  assessedOn: z.string().nullable(),
  exploitationForms: z.array(z.string()),
  summary: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
  access: z.enum(['full', 'assigned', 'shared', 'referrer']),
  person: z.object({
    id: z.string(),
    protectedIdentity: z.boolean(),
    givenNames: z.string().nullable(),
    familyNames: z.string().nullable(),
    aliases: z.array(z.string()),
    sex: z.string().nullable(),
    birthDate: z.string().nullable(),
    birthYear: z.number().nullable(),
    estimatedAge: z.number().nullable(),
    citizenships: z.array(z.string()),
    version: z.number(),
  }),
  timeline: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      kind: z.string(),
      actorName: z.string().nullable(),
      actorOrganisation: z.string().nullable(),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
  abilities: CaseAbilitiesSchema,
});

export const TransferResultSchema = z.object({ transferred: z.boolean(), region: z.string(), case: CaseViewSchema.nullable() });
