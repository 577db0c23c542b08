// The breakdowns ("by") of the identified-persons tables and their rows in fixed, documented
// order. Each row is a leaf, a subtotal of the leaves that name it as parent, or the total.
// The order is the published one (FORM_TABLE_ROWS, SEX_AGE_TABLE_ROWS); lists without a
// published order follow their codelist, and citizenship follows ISO 3166 code order.
import type { CodeEntry, Lang } from '../codelists/codelist.js';
import { EXPLOITATION_FORMS, FORM_TABLE_ROWS } from '../codelists/exploitation-forms.js';
import { SEX_AGE_TABLE_ROWS } from '../codelists/sex-age.js';
import { POLICE_REGIONS } from '../codelists/police-regions.js';
import { REFERRAL_SOURCES } from '../codelists/referral-sources.js';
import { countryName } from '../codelists/countries.js';
import { LABOUR_SECTORS } from './labour-sectors.js';

export const STAT_DIMENSIONS = ['form', 'forms_each', 'sex_age', 'region', 'citizenship', 'sector', 'source'] as const;
export type StatDimension = (typeof STAT_DIMENSIONS)[number];

export type RowKind = 'leaf' | 'subtotal' | 'total' | 'memo';

export interface Label {
  sv: string;
  en: string;
}

export interface RowDef {
  code: string;
  label: Label;
  kind: RowKind;
  /** The subtotal row this leaf adds into; null when it adds straight into the total. */
  parent: string | null;
}

export interface DimensionDef {
  by: StatDimension;
  title: Label;
  /** Header of the first CSV column. */
  rows: RowDef[];
  /** False when a person may count in several rows (forms_each): rows do not sum to the total. */
  additive: boolean;
  /** What the total row counts, when it is not simply "all persons identified". */
  totalNote?: Label;
}

const leaf = (e: CodeEntry, parent: string | null = null): RowDef => ({ code: e.code, label: { sv: e.sv, en: e.en }, kind: 'leaf', parent });
const TOTAL: RowDef = { code: 'total', label: { sv: 'totalt', en: 'total' }, kind: 'total', parent: null };
const NOT_REPORTED: CodeEntry = { code: 'not_reported', sv: 'ej redovisat', en: 'not reported' };
export const UNKNOWN_CITIZENSHIP: CodeEntry = { code: 'unknown', sv: 'okänt medborgarskap', en: 'citizenship unknown' };

const SEX_AGE_PARENT: Record<string, string | null> = {
  women: 'adults', men: 'adults', other_adult: 'adults', unknown_adult: 'adults',
  girls: 'children', boys: 'children', other_child: 'children', unknown_child: 'children',
};

function sexAgeRows(): RowDef[] {
  return SEX_AGE_TABLE_ROWS.map((r) => {
    if (r.code === 'total') return TOTAL;
    if (r.code === 'adults' || r.code === 'children') return { code: r.code, label: { sv: r.sv, en: r.en }, kind: 'subtotal' as const, parent: null };
    return leaf(r, SEX_AGE_PARENT[r.code] ?? null);
  });
}

/** Country rows: the codes seen, in code order, then unknown and total. */
export function citizenshipRows(codes: Iterable<string>): RowDef[] {
  const seen = [...new Set(codes)].filter((c) => c !== 'unknown').sort();
  return [
    ...seen.map((c) => ({ code: c, label: { sv: countryName(c, 'sv'), en: countryName(c, 'en') }, kind: 'leaf' as const, parent: null })),
    leaf(UNKNOWN_CITIZENSHIP),
    TOTAL,
  ];
}

const TITLES: Record<StatDimension, Label> = {
  form: { sv: 'Identifierade personer efter exploateringsform', en: 'Persons identified, by form of exploitation' },
  forms_each: { sv: 'Identifierade personer efter varje exploateringsform (en person kan räknas i flera rader)', en: 'Persons identified, by each form of exploitation (a person may count in several rows)' },
  sex_age: { sv: 'Identifierade personer efter kön och ålder', en: 'Persons identified, by sex and age' },
  region: { sv: 'Identifierade personer efter polisregion', en: 'Persons identified, by police region' },
  citizenship: { sv: 'Identifierade personer efter medborgarskap', en: 'Persons identified, by citizenship' },
  sector: { sv: 'Personer identifierade med arbetskraftsexploatering, efter bransch (SNI/ISIC)', en: 'Persons identified with labour exploitation, by sector (ISIC)' },
  source: { sv: 'Identifierade personer efter hänvisande aktör', en: 'Persons identified, by source of referral' },
};

/** The rows of a dimension; citizenship needs the country codes present in the data. */
export function dimensionDef(by: StatDimension, countries: Iterable<string> = []): DimensionDef {
  const title = TITLES[by];
  switch (by) {
    case 'form':
      return { by, title, additive: true, rows: FORM_TABLE_ROWS.map((r) => (r.code === 'total' ? TOTAL : leaf(r))) };
    case 'forms_each':
      return {
        by,
        title,
        additive: false,
        rows: [...EXPLOITATION_FORMS.map((f) => leaf(f)), leaf(NOT_REPORTED), TOTAL],
        totalNote: { sv: 'Totalt antal personer; varje person räknas en gång i totalen men i varje form den utsatts för.', en: 'Total persons; each person counts once in the total but in every form recorded for them.' },
      };
    case 'sex_age':
      return { by, title, additive: true, rows: sexAgeRows() };
    case 'region':
      return { by, title, additive: true, rows: [...POLICE_REGIONS.map((r) => leaf(r)), TOTAL] };
    case 'citizenship':
      return { by, title, additive: true, rows: citizenshipRows(countries), totalNote: { sv: 'Personer räknas efter första angivna medborgarskap.', en: 'Persons count by their first recorded citizenship.' } };
    case 'sector':
      return {
        by,
        title,
        additive: true,
        rows: [...LABOUR_SECTORS.map((s) => leaf(s)), leaf(NOT_REPORTED), TOTAL],
        totalNote: { sv: 'Personer vars exploateringsformer omfattar arbetskraft (ensam eller med andra former).', en: 'Persons whose forms of exploitation include labour (alone or with other forms).' },
      };
    case 'source':
      return { by, title, additive: true, rows: [...REFERRAL_SOURCES.map((s) => leaf(s)), TOTAL] };
  }
}

export function labelIn(label: Label, lang: Lang): string {
  return label[lang];
}
