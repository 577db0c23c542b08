// The referral form's data: its draft state, the checks made before sending (so most mistakes
// get a Swedish or English message at once), and the request body the API takes.
import type { TFunction } from 'i18next';
import { COUNTRY_CODES, countryName, REFERRAL_SOURCES, type Lang, type Sex } from '../../domain/index.js';
import type { FieldErrors } from './field-errors.js';
import { isIsoDate, todayIso } from './format.js';

export interface ReferralDraft {
  givenNames: string;
  familyNames: string;
  aliases: string;
  sex: Sex;
  birthDate: string;
  birthYear: string;
  estimatedAge: string;
  citizenships: string[];
  citizenshipText: string;
  protectedIdentity: boolean;
  municipalityCode: string;
  referralSource: string;
  referredOn: string;
  exploitationForms: string[];
  summary: string;
}

/** Input names, matching the API's field paths. */
export const REFERRAL_FIELDS = [
  'person.givenNames',
  'person.familyNames',
  'person.aliases',
  'person.sex',
  'person.birthDate',
  'person.birthYear',
  'person.estimatedAge',
  'person.citizenships',
  'person.protectedIdentity',
  'municipalityCode',
  'referralSource',
  'referredOn',
  'exploitationForms',
  'summary',
] as const;

const PERSON_KEYS = new Set<keyof ReferralDraft>(['givenNames', 'familyNames', 'aliases', 'sex', 'birthDate', 'birthYear', 'estimatedAge', 'citizenships', 'citizenshipText', 'protectedIdentity']);

/** The input name (and error key) a draft value belongs to. */
export function fieldNameOf(key: keyof ReferralDraft): string {
  if (key === 'citizenshipText') return 'person.citizenships';
  return PERSON_KEYS.has(key) ? `person.${key}` : key;
}

/** The referral source an organisation of this kind most likely is; the user may change it. */
const SOURCE_BY_ORG_KIND: Record<string, string> = {
  social_services: 'social_services',
  police: 'police',
  prosecution: 'prosecution',
  migration_agency: 'migration_agency',
  akc: 'akc_inspection',
  health_care: 'health_care',
  school: 'school',
  civil_society: 'civil_society',
  nsp_provider: 'civil_society',
  regional_coordination: 'own_outreach',
};

export function emptyReferral(organisationKind: string): ReferralDraft {
  const source = SOURCE_BY_ORG_KIND[organisationKind] ?? '';
  return {
    givenNames: '',
    familyNames: '',
    aliases: '',
    sex: 'unknown',
    birthDate: '',
    birthYear: '',
    estimatedAge: '',
    citizenships: [],
    citizenshipText: '',
    protectedIdentity: false,
    municipalityCode: '',
    referralSource: REFERRAL_SOURCES.some((s) => s.code === source) ? source : '',
    referredOn: todayIso(),
    exploitationForms: [],
    summary: '',
  };
}

/**
 * Country codes from what the user typed: codes ("TH") or names in either language, comma
 * separated. Returns the codes and the pieces that matched no country.
 */
export function resolveCountries(text: string, lang: Lang): { codes: string[]; unknown: string[] } {
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const raw of text.split(',')) {
    const piece = raw.trim();
    if (piece === '') continue;
    const upper = piece.toUpperCase();
    const lower = piece.toLocaleLowerCase(lang);
    const code =
      COUNTRY_CODES.find((c) => c === upper) ??
      COUNTRY_CODES.find((c) => countryName(c, lang).toLocaleLowerCase(lang) === lower) ??
      COUNTRY_CODES.find((c) => countryName(c, lang === 'sv' ? 'en' : 'sv').toLocaleLowerCase(lang) === lower);
    if (code) codes.push(code);
    else unknown.push(piece);
  }
  return { codes, unknown };
}

function wholeNumber(text: string): number | null {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}

export function validateReferral(d: ReferralDraft, t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  const today = todayIso();
  const thisYear = Number(today.slice(0, 4));

  const birthDate = d.birthDate.trim();
  const referredOn = d.referredOn.trim();
  if (birthDate !== '' && (!isIsoDate(birthDate) || birthDate > today)) errors['person.birthDate'] = t('referral.errDate');
  if (d.birthYear.trim() !== '') {
    const year = wholeNumber(d.birthYear);
    if (year === null || year < 1900 || year > thisYear) errors['person.birthYear'] = t('referral.errBirthYear');
  }
  if (d.estimatedAge.trim() !== '') {
    const age = wholeNumber(d.estimatedAge);
    if (age === null || age > 120) errors['person.estimatedAge'] = t('referral.errEstimatedAge');
  }
  const ageFields = [birthDate, d.birthYear.trim(), d.estimatedAge.trim()].filter((v) => v !== '');
  if (ageFields.length > 1 && !errors['person.birthDate']) errors['person.birthDate'] = t('referral.errAgeOnlyOne');
  if (d.citizenships.length > 5) errors['person.citizenships'] = t('referral.errTooManyCountries');
  if (d.municipalityCode === '') errors.municipalityCode = t('referral.errMunicipality');
  if (d.referralSource === '') errors.referralSource = t('referral.errSource');
  if (!isIsoDate(referredOn)) errors.referredOn = t('referral.errDate');
  else if (referredOn > today) errors.referredOn = t('referral.errFutureDate');
  return errors;
}

export function referralBody(d: ReferralDraft) {
  return {
    person: {
      givenNames: d.givenNames.trim(),
      familyNames: d.familyNames.trim(),
      aliases: d.aliases
        .split(',')
        .map((a) => a.trim())
        .filter((a) => a !== ''),
      sex: d.sex,
      birthDate: d.birthDate.trim() === '' ? null : d.birthDate.trim(),
      birthYear: wholeNumber(d.birthYear),
      estimatedAge: wholeNumber(d.estimatedAge),
      citizenships: d.citizenships,
      protectedIdentity: d.protectedIdentity,
    },
    municipalityCode: d.municipalityCode,
    referralSource: d.referralSource,
    referredOn: d.referredOn.trim(),
    exploitationForms: d.exploitationForms,
    summary: d.summary.trim(),
  };
}
