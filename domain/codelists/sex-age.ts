// Sex and age group of a person, and the rows of the "persons identified, by sex and age" table
// (DOMAIN.md §5, §7 Table 2). `htcds` on SEXES is the HTCDS v2.0 value of `prs_Gender`.
import type { CodeEntry } from './codelist.js';

export const HTCDS_GENDER_FIELD = 'prs_Gender';

export const SEXES = [
  { code: 'female', sv: 'kvinna', en: 'woman', htcds: 'Feminine' },
  { code: 'male', sv: 'man', en: 'man', htcds: 'Masculine' },
  { code: 'other', sv: 'annan könsidentitet', en: 'other gender identity', htcds: 'NonConforming' },
  { code: 'unknown', sv: 'okänt', en: 'unknown', htcds: 'NonSpecifiedUnknown' },
] as const satisfies readonly CodeEntry[];

export type Sex = (typeof SEXES)[number]['code'];

/** Child = under 18 at the time of identification (DOMAIN.md §4); see age.ts for the rules. */
export const AGE_GROUPS = [
  { code: 'adult', sv: 'vuxen', en: 'adult' },
  { code: 'child', sv: 'barn', en: 'child' },
  { code: 'unknown', sv: 'okänd ålder', en: 'unknown age' },
] as const satisfies readonly CodeEntry[];

export type AgeGroup = (typeof AGE_GROUPS)[number]['code'];

/**
 * Table rows in published order: four adult leaves, their subtotal, four child leaves, their
 * subtotal, the total. The published table has no "other gender identity" row for children; we
 * keep one so that no child falls out of the sum.
 */
export const SEX_AGE_TABLE_ROWS = [
  { code: 'women', sv: 'kvinnor', en: 'women' },
  { code: 'men', sv: 'män', en: 'men' },
  { code: 'other_adult', sv: 'annan könsidentitet', en: 'other gender identity' },
  { code: 'unknown_adult', sv: 'okänt kön (vuxna)', en: 'unknown sex (adults)' },
  { code: 'adults', sv: 'vuxna totalt', en: 'adults total' },
  { code: 'girls', sv: 'flickor', en: 'girls' },
  { code: 'boys', sv: 'pojkar', en: 'boys' },
  { code: 'other_child', sv: 'annan könsidentitet (barn)', en: 'other gender identity (children)' },
  { code: 'unknown_child', sv: 'okänt kön (barn)', en: 'unknown sex (children)' },
  { code: 'children', sv: 'barn totalt', en: 'children total' },
  { code: 'total', sv: 'totalt', en: 'total' },
] as const satisfies readonly CodeEntry[];

export type SexAgeRow = (typeof SEX_AGE_TABLE_ROWS)[number]['code'];
export type SexAgeLeafRow = Exclude<SexAgeRow, 'adults' | 'children' | 'total'>;

const ADULT_ROW: Record<Sex, SexAgeLeafRow> = {
  female: 'women',
  male: 'men',
  other: 'other_adult',
  unknown: 'unknown_adult',
};

const CHILD_ROW: Record<Sex, SexAgeLeafRow> = {
  female: 'girls',
  male: 'boys',
  other: 'other_child',
  unknown: 'unknown_child',
};

/**
 * The leaf row a person is counted in. Unknown age counts as adult: the published tables have no
 * unknown-age row, so a person is counted as a child only when the evidence says under 18. Where
 * age is uncertain but there is reason to believe the person is a child, directive 2011/36/EU
 * art. 13(2) presumes a child: the assessment records that as an estimated age, which then counts
 * here. The statistics counting rules rely on this mapping; change them together.
 */
export function sexAgeRow(sex: Sex, age: AgeGroup): SexAgeLeafRow {
  return age === 'child' ? CHILD_ROW[sex] : ADULT_ROW[sex];
}
