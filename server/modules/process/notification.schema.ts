// Anonymous or declined notifications: counts only. Every field is a code or a date, so no name
// or free text can be sent; unknown fields are refused (strict objects).
import { z } from 'zod';
import { zCode, zDate } from '../../http/zod-codes.js';
import { EXPLOITATION_FORMS } from '../../../domain/codelists/exploitation-forms.js';
import { REFERRAL_SOURCES } from '../../../domain/codelists/referral-sources.js';
import { AGE_GROUPS, SEXES } from '../../../domain/codelists/sex-age.js';
import { COUNTRY_CODES } from '../../../domain/codelists/countries.js';

export const NOTIFICATION_REASONS = ['declined', 'anonymous'] as const;

export const AnonymousNotificationBody = z
  .object({
    notifiedOn: zDate,
    reason: z.enum(NOTIFICATION_REASONS),
    municipalityCode: z.string().regex(/^\d{4}$/, 'must be a four-digit municipality code'),
    referralSource: zCode(REFERRAL_SOURCES),
    sex: zCode(SEXES),
    ageGroup: zCode(AGE_GROUPS),
    exploitationForms: z
      .array(zCode(EXPLOITATION_FORMS))
      .max(EXPLOITATION_FORMS.length)
      .refine((a) => new Set(a).size === a.length, { message: 'contains the same code twice' })
      .default([]),
    citizenship: z.enum(COUNTRY_CODES as [string, ...string[]]).nullable().optional(),
  })
  .strict();

export type AnonymousNotificationInput = z.infer<typeof AnonymousNotificationBody>;

export const AnonymousCountsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }).strict();

export const AnonymousNotificationSchema = z.object({
  id: z.string(),
  region: z.string(),
  municipalityCode: z.string().nullable(),
  notifiedOn: z.string(),
  reason: z.string(),
  referralSource: z.string(),
  sex: z.string(),
  ageGroup: z.string(),
  exploitationForms: z.array(z.string()),
  citizenship: z.string().nullable(),
});

const counts = z.array(z.object({ code: z.string(), count: z.number() }));

/** Each breakdown lists every code of its list (zeros included), in codelist order. */
export const AnonymousCountsSchema = z.object({
  region: z.string().nullable(),
  year: z.number().nullable(),
  total: z.number(),
  byYear: z.array(z.object({ year: z.number(), count: z.number() })),
  byRegion: counts,
  byForm: counts,
  bySex: counts,
  byAgeGroup: counts,
  bySexAge: counts,
  byReason: counts,
  byReferralSource: counts,
});
