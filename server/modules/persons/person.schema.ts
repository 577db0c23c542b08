// Request and response shapes shared by the persons routes: the registration-time check, the
// evidence of a scored pair, and a person as a coordinator sees it.
import { z } from 'zod';
import { zCode, zDate } from '../../http/zod-codes.js';
import { SEXES } from '../../../domain/codelists/sex-age.js';

const name = z.string().trim().max(200);

/** What the referral form knows before saving. Names may be empty; nothing here is refused for being odd. */
export const CheckPersonBody = z
  .object({
    givenNames: name.default(''),
    familyNames: name.default(''),
    aliases: z.array(z.string().trim().max(200)).max(20).default([]),
    birthDate: zDate.nullable().optional(),
    birthYear: z.number().int().min(0).max(9999).nullable().optional(),
    estimatedAge: z.number().int().min(0).max(150).nullable().optional(),
    sex: zCode(SEXES).nullable().optional(),
    citizenships: z.array(z.string().trim().regex(/^[A-Za-z]{2,3}$/, 'must be a two- or three-letter country code')).max(10).default([]),
  })
  .strict();
export type CheckPersonInput = z.infer<typeof CheckPersonBody>;

export const MATCH_FIELDS = ['given', 'family', 'birth', 'sex', 'citizenship'] as const;

export const EvidenceSchema = z.object({
  field: z.enum(MATCH_FIELDS),
  /** Index into the field's comparison levels, best first; null when either side lacks the value. */
  level: z.number().int().nullable(),
  label: z.string(),
  agreement: z.enum(['agree', 'partial', 'disagree', 'missing']),
  /** log2(m/u): how many bits this field adds to (or takes from) the match weight. */
  weight: z.number(),
  m: z.number().nullable(),
  u: z.number().nullable(),
  basis: z.enum(['level', 'name_frequency', 'names_agree', 'estimated_date']).nullable(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const PersonCaseSchema = z.object({ id: z.string(), ref: z.string(), status: z.string(), region: z.string() });

/** A person the actor may see: names are null for a protected identity, as on the case page. */
export const PersonDetailSchema = z.object({
  id: z.string(),
  givenNames: z.string().nullable(),
  familyNames: z.string().nullable(),
  aliases: z.array(z.string()),
  sex: z.string(),
  birthDate: z.string().nullable(),
  birthYear: z.number().nullable(),
  estimatedAge: z.number().nullable(),
  citizenships: z.array(z.string()),
  protectedIdentity: z.boolean(),
  version: z.number(),
  /** The person's cases in the actor's region. */
  cases: z.array(PersonCaseSchema),
});
export type PersonDetail = z.infer<typeof PersonDetailSchema>;

export const MatchSchema = z.object({
  personId: z.string(),
  probability: z.number(),
  band: z.enum(['auto_flag', 'review']),
  evidence: z.array(EvidenceSchema),
  person: PersonDetailSchema,
});

export const SIGNALS = ['possible_match', 'none'] as const;
export type Signal = (typeof SIGNALS)[number];

/**
 * The same keys for everyone, with and without a match. `matches` is filled only for a regional
 * coordinator, and only with persons who have a case in the coordinator's region.
 */
export const CheckResultSchema = z.object({
  signal: z.enum(SIGNALS),
  message: z.string(),
  matches: z.array(MatchSchema),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;
