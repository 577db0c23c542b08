// The counting rules of the national statistics (DOMAIN.md §5, §7), as bilingual text the UI
// and the report show beside each table, and as a pure reference implementation. The SQL in
// server/modules/statistics computes the same thing over the whole database; tests check the
// two against each other.
import type { FormTableRow } from '../codelists/exploitation-forms.js';
import { sexAgeRow, type AgeGroup, type Sex, type SexAgeLeafRow } from '../codelists/sex-age.js';
import type { Label } from './dimensions.js';

export interface CountingRule {
  code: string;
  /** Which tables the rule applies to ("all" or table/dimension codes). */
  appliesTo: readonly string[];
  sv: string;
  en: string;
}

export const COUNTING_RULES: readonly CountingRule[] = [
  { code: 'identified_in_year', appliesTo: ['all'], sv: 'En person räknas som identifierad år Å när en bedömning om "anledning att anta" är daterad år Å. Bara gällande bedömningar räknas: en bedömning som ersatts av en senare omprövning räknas inte.', en: 'A person counts as identified in year Y when a "reason to assume" assessment is dated in Y. Only current assessments count: one replaced by a later re-assessment does not.' },
  { code: 'once_per_year', appliesTo: ['all'], sv: 'En person som identifierats flera gånger samma år räknas en gång, efter sin senaste bedömning det året (ärendets region, hänvisande aktör, former och bransch tas från den).', en: 'A person identified more than once in a year counts once, by their latest assessment that year (region, referral source, forms and sector are taken from it).' },
  { code: 'multiple_forms', appliesTo: ['form'], sv: 'En person med mer än en exploateringsform räknas en gång, i raden "multipel exploatering".', en: 'A person with more than one form of exploitation counts once, in the row "multiple exploitation".' },
  { code: 'forms_each', appliesTo: ['forms_each'], sv: 'I tabellen över varje exploateringsform räknas en person i varje form som registrerats; raderna summerar därför inte till totalen, som räknar varje person en gång.', en: 'In the table of each form of exploitation a person counts in every form recorded; the rows therefore do not add up to the total, which counts each person once.' },
  { code: 'not_reported', appliesTo: ['form', 'forms_each', 'sector'], sv: 'Ingen registrerad form (eller bransch) redovisas som "ej redovisat".', en: 'No recorded form (or sector) is counted as "not reported".' },
  { code: 'age', appliesTo: ['sex_age'], sv: 'Barn eller vuxen avgörs av åldern vid bedömningen: från födelsedatum, annars födelseår (räknat som 1 juli), annars uppskattad ålder, annars okänd. Barn är under 18 år. Okänd ålder räknas som vuxen.', en: 'Child or adult is decided by age at assessment: from the birth date, else the birth year (counted as 1 July), else the estimated age, else unknown. A child is under 18. Unknown age counts as adult.' },
  { code: 'sex', appliesTo: ['sex_age'], sv: 'Kön redovisas som kvinnor/män/annan könsidentitet/okänt för vuxna och flickor/pojkar/annan könsidentitet/okänt för barn.', en: 'Sex is women/men/other gender identity/unknown for adults and girls/boys/other gender identity/unknown for children.' },
  { code: 'region', appliesTo: ['region'], sv: 'Region är polisregionen för ärendet med personens senaste bedömning under året. Regionerna summerar till riket.', en: 'Region is the police region of the case holding the person\'s latest assessment of the year. The regions add up to the nation.' },
  { code: 'citizenship', appliesTo: ['citizenship'], sv: 'En person med flera medborgarskap räknas efter det först angivna.', en: 'A person with several citizenships counts by the first recorded.' },
  { code: 'sector', appliesTo: ['sector'], sv: 'Branschtabellen omfattar personer vars former omfattar arbetskraft, ensam eller tillsammans med andra former; bransch enligt SNI 2007/ISIC Rev.4 avdelning.', en: 'The sector table covers persons whose forms include labour, alone or with other forms; sector as an ISIC Rev.4 section.' },
  { code: 'source', appliesTo: ['source'], sv: 'Hänvisande aktör är den som hänvisade ärendet till regionkoordinatorn.', en: 'Source of referral is whoever referred the case to the regional coordinator.' },
  { code: 'nsp', appliesTo: ['nsp'], sv: 'NSP (tabell 3): personer som beviljats stöd under året, räknade en gång per år, med ålder vid beviljandet; medföljande barn räknas i totalen, barn kvar i hemlandet redovisas för sig.', en: 'NSP (Table 3): persons granted support in the year, counted once a year, with age at enrolment; accompanying children count in the total, children left in the home country are shown apart.' },
  { code: 'amp', appliesTo: ['amp'], sv: 'ÅMP (tabell 4): nya personer som beviljats deltagande under året, med ålder vid beslutet; medföljande familjemedlemmar och barn redovisas för sig.', en: 'ÅMP (Table 4): new persons admitted in the year, with age at the decision; accompanying family members and children are shown apart.' },
  { code: 'permits', appliesTo: ['permits', 'permit_applicants'], sv: 'Tillstånd (tabell 5–6): beviljade tillstånd för betänketid och för bevisperson, inklusive förlängningar, räknas som tillstånd och inte som personer, efter beslutsdag.', en: 'Permits (Tables 5–6): reflection-period and witness permits granted, including extensions, are counted as permits, not persons, by decision date.' },
];

export function rulesFor(table: string): CountingRule[] {
  return COUNTING_RULES.filter((r) => r.appliesTo.includes('all') || r.appliesTo.includes(table));
}

export function ruleText(rule: CountingRule): Label {
  return { sv: rule.sv, en: rule.en };
}

/** The row of the form table a person counts in. */
export function formRow(forms: readonly string[]): FormTableRow {
  const distinct = [...new Set(forms)];
  if (distinct.length === 0) return 'not_reported';
  if (distinct.length > 1) return 'multiple';
  return distinct[0] as FormTableRow;
}

export function ageGroupOf(isChild: boolean | null): AgeGroup {
  return isChild === null ? 'unknown' : isChild ? 'child' : 'adult';
}

/** One assessment as the counting rules see it (reference implementation and tests). */
export interface AssessmentFact {
  personId: string;
  assessedOn: string;
  /** Tie-break for two assessments on the same day: the later-recorded wins. */
  seq: number;
  decision: 'reason_to_assume' | 'no_reason_to_assume';
  current: boolean;
  forms: readonly string[];
  sector: string | null;
  isChild: boolean | null;
  region: string;
  source: string;
  sex: Sex;
  citizenships: readonly string[];
}

export interface PersonYear extends AssessmentFact {
  year: number;
}

/** The person-years the rules count: latest current "reason to assume" per person and year. */
export function identifiedPersonYears(facts: readonly AssessmentFact[]): PersonYear[] {
  const best = new Map<string, PersonYear>();
  for (const f of facts) {
    if (f.decision !== 'reason_to_assume' || !f.current) continue;
    const year = Number(f.assessedOn.slice(0, 4));
    const key = `${f.personId}|${year}`;
    const seen = best.get(key);
    if (!seen || f.assessedOn > seen.assessedOn || (f.assessedOn === seen.assessedOn && f.seq > seen.seq)) best.set(key, { ...f, year });
  }
  return [...best.values()];
}

/** The row codes a person-year counts in for a dimension (several for forms_each, none for sector when not labour). */
export function rowsOf(p: PersonYear, by: string): string[] {
  switch (by) {
    case 'form':
      return [formRow(p.forms)];
    case 'forms_each':
      return p.forms.length === 0 ? ['not_reported'] : [...new Set(p.forms)];
    case 'sex_age':
      return [sexAgeRow(p.sex, ageGroupOf(p.isChild)) satisfies SexAgeLeafRow];
    case 'region':
      return [p.region];
    case 'citizenship':
      return [p.citizenships[0] ?? 'unknown'];
    case 'sector':
      return p.forms.includes('labour') ? [p.sector ?? 'not_reported'] : [];
    case 'source':
      return [p.source];
    default:
      throw new RangeError(`unknown dimension ${by}`);
  }
}
