// Referrals between organisations: what each purpose is for, which kinds of organisation may
// receive it, and which field groups of the case the recipient sees. The consent rule lives here
// too: sharing needs the person's consent for exactly that purpose and recipient, except that a
// child's case may always be shared with social services (their duty under the Social Services
// Act, as under the UK's rule for children).
import type { CodeEntry } from '../codelists/codelist.js';
import type { OrganisationKind } from '../codelists/organisation-kinds.js';

export const REFERRAL_PURPOSES = [
  { code: 'protected_housing', sv: 'skyddat boende', en: 'protected housing' },
  { code: 'social_services_assistance', sv: 'bistånd från socialtjänsten', en: 'social services assistance' },
  { code: 'nsp_support', sv: 'stöd i NSP', en: 'NSP support' },
  { code: 'amp_return', sv: 'återvändande via ÅMP', en: 'return through ÅMP' },
  { code: 'reflection_period_application', sv: 'ansökan om betänketid', en: 'reflection period application' },
  { code: 'police_report', sv: 'polisanmälan', en: 'police report' },
  { code: 'health_care', sv: 'hälso- och sjukvård', en: 'health care' },
  { code: 'legal_advice', sv: 'juridisk rådgivning', en: 'legal advice' },
  { code: 'interpreter', sv: 'tolk', en: 'interpreter' },
  { code: 'other', sv: 'annat', en: 'other' },
] as const satisfies readonly CodeEntry[];
export type ReferralPurpose = (typeof REFERRAL_PURPOSES)[number]['code'];

/** The field groups of a case that a share can grant (see server/modules/cases/case.presenter.ts). */
export type SharedField = 'person.name' | 'person.birth' | 'person.sex' | 'person.citizenships' | 'case.forms' | 'case.summary';

interface PurposeRule {
  recipients: readonly OrganisationKind[];
  fields: readonly SharedField[];
  /** Days the recipient has to accept or decline. */
  respondWithinDays: number;
}

const ALL_KINDS: readonly OrganisationKind[] = [
  'regional_coordination', 'social_services', 'police', 'prosecution', 'migration_agency', 'akc',
  'nsp_provider', 'iom', 'national_coordinator', 'health_care', 'school', 'civil_society',
];

export const PURPOSE_RULES: Record<ReferralPurpose, PurposeRule> = {
  protected_housing: { recipients: ['social_services', 'nsp_provider'], fields: ['person.name', 'person.sex', 'person.birth'], respondWithinDays: 1 },
  social_services_assistance: { recipients: ['social_services'], fields: ['person.name', 'person.sex', 'person.birth', 'person.citizenships', 'case.forms', 'case.summary'], respondWithinDays: 3 },
  nsp_support: { recipients: ['nsp_provider'], fields: ['person.name', 'person.sex', 'person.birth', 'person.citizenships', 'case.forms'], respondWithinDays: 3 },
  amp_return: { recipients: ['iom'], fields: ['person.name', 'person.sex', 'person.birth', 'person.citizenships'], respondWithinDays: 7 },
  // Only a social welfare board, the police or the prosecution may apply (Aliens Act ch. 5 § 15).
  reflection_period_application: { recipients: ['social_services', 'police', 'prosecution'], fields: ['person.name', 'person.sex', 'person.birth', 'person.citizenships', 'case.forms', 'case.summary'], respondWithinDays: 2 },
  police_report: { recipients: ['police'], fields: ['person.name', 'person.sex', 'person.birth', 'person.citizenships', 'case.forms', 'case.summary'], respondWithinDays: 5 },
  health_care: { recipients: ['health_care'], fields: ['person.name', 'person.sex', 'person.birth'], respondWithinDays: 2 },
  legal_advice: { recipients: ['civil_society', 'nsp_provider'], fields: ['person.name', 'case.forms'], respondWithinDays: 5 },
  interpreter: { recipients: ['civil_society', 'social_services', 'health_care'], fields: ['person.name'], respondWithinDays: 2 },
  other: { recipients: ALL_KINDS, fields: ['person.name'], respondWithinDays: 7 },
};

export function recipientFits(purpose: ReferralPurpose, kind: OrganisationKind): boolean {
  return PURPOSE_RULES[purpose].recipients.includes(kind);
}

export type ConsentStatus = 'given' | 'refused' | 'withdrawn';

export const CONSENT_STATUSES = [
  { code: 'given', sv: 'samtycke lämnat', en: 'consent given' },
  { code: 'refused', sv: 'samtycke nekat', en: 'consent refused' },
  { code: 'withdrawn', sv: 'samtycke återkallat', en: 'consent withdrawn' },
] as const satisfies readonly CodeEntry[];

export type ConsentBasis = 'consent' | 'child_social_services';

/**
 * On what basis a case may be shared for this purpose with this kind of recipient, or why not.
 * `latestConsent` is the newest consent record for exactly this purpose and recipient.
 */
export function sharingBasis(input: {
  isChild: boolean | null;
  recipientKind: OrganisationKind;
  latestConsent: ConsentStatus | null;
}): { ok: true; basis: ConsentBasis } | { ok: false; reason: string } {
  if (input.latestConsent === 'given') return { ok: true, basis: 'consent' };
  if (input.isChild === true && input.recipientKind === 'social_services') return { ok: true, basis: 'child_social_services' };
  if (input.latestConsent === 'withdrawn') return { ok: false, reason: 'the person has withdrawn consent for this purpose and recipient' };
  if (input.latestConsent === 'refused') return { ok: false, reason: 'the person has refused consent for this purpose and recipient' };
  return { ok: false, reason: 'no consent is recorded for this purpose and recipient' };
}

export const REFERRAL_STATUSES = [
  { code: 'sent', sv: 'skickad', en: 'sent' },
  { code: 'accepted', sv: 'accepterad', en: 'accepted' },
  { code: 'declined', sv: 'avböjd', en: 'declined' },
  { code: 'completed', sv: 'slutförd', en: 'completed' },
  { code: 'withdrawn', sv: 'återtagen', en: 'withdrawn' },
] as const satisfies readonly CodeEntry[];
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number]['code'];

const REFERRAL_MOVES: Record<'accept' | 'decline' | 'complete' | 'withdraw', readonly ReferralStatus[]> = {
  accept: ['sent'],
  decline: ['sent'],
  complete: ['accepted'],
  withdraw: ['sent', 'accepted'],
};

export function canMoveReferral(from: ReferralStatus, move: keyof typeof REFERRAL_MOVES): boolean {
  return REFERRAL_MOVES[move].includes(from);
}
