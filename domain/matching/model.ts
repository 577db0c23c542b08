// The Fellegi–Sunter model: which fields are compared, their levels, the expert m-probabilities
// (how often a true duplicate lands on each level) and the shape of a fitted model. Why each
// m-value was chosen is in docs/matching.md; u-probabilities come from data (estimate-u.ts).

import { DEFAULT_BANDS } from './types';
import type { BandThresholds } from './types';

export type FieldName = 'given' | 'family' | 'birth' | 'sex' | 'citizenship' | 'contact' | 'document';

export interface FieldSpec {
  readonly name: FieldName;
  /** One label per level, best first; a comparison result is an index into this list. */
  readonly levels: readonly string[];
  /** Expert P(level | same person), summing to 1. */
  readonly m: readonly number[];
  /**
   * For birth dates: expert m when either date is estimated (1 January, imputed, a year alone).
   * Such a comparison can only reach "same year", and its agreement is weaker evidence.
   */
  readonly mEstimated?: readonly number[];
}

const NAME_LEVELS = ['exact', 'alias or phonetic', 'Jaro-Winkler ≥ 0.92', 'Jaro-Winkler ≥ 0.88', 'other'];
/** Index of "alias or phonetic" in NAME_LEVELS; at or below it two names count as agreeing. */
const NAME_ALIAS_LEVEL = 1;

export const FIELD_SPECS: readonly FieldSpec[] = [
  { name: 'given', levels: NAME_LEVELS, m: [0.52, 0.33, 0.08, 0.04, 0.03] },
  { name: 'family', levels: NAME_LEVELS, m: [0.55, 0.28, 0.08, 0.04, 0.05] },
  {
    name: 'birth',
    levels: ['exact', 'same year and month', 'same year', 'within 2 years (4 if estimated)', 'other'],
    m: [0.8, 0.05, 0.05, 0.06, 0.04],
    mEstimated: [0.001, 0.001, 0.42, 0.52, 0.058],
  },
  { name: 'sex', levels: ['same', 'different'], m: [0.97, 0.03] },
  { name: 'citizenship', levels: ['overlap', 'no overlap'], m: [0.9, 0.1] },
  { name: 'contact', levels: ['shared phone or e-mail', 'none shared'], m: [0.35, 0.65] },
  { name: 'document', levels: ['shared number', 'none shared'], m: [0.6, 0.4] },
];


export interface FieldParameters {
  readonly m: readonly number[];
  readonly u: readonly number[];
  /**
   * u among pairs whose names already agree, for the fields that names predict: a shared given
   * name implies the same sex, a shared name of either kind the same naming tradition and so
   * often the same citizenship. Using plain u there would count the same evidence twice.
   */
  readonly uWhenNamesAgree?: readonly number[];
  /** m and u for comparisons of estimated birth dates (birth only). */
  readonly estimated?: { readonly m: readonly number[]; readonly u: readonly number[] };
}

/** The fields whose u is conditioned on the names, and the condition. */
export function namesAgreeFor(field: FieldName, given: number | null, family: number | null): boolean {
  const givenAgrees = given !== null && given <= NAME_ALIAS_LEVEL;
  if (field === 'sex') return givenAgrees;
  if (field === 'citizenship') return givenAgrees || (family !== null && family <= NAME_ALIAS_LEVEL);
  return false;
}

export const NAME_CONDITIONED_FIELDS: readonly FieldName[] = ['sex', 'citizenship'];

/** How many records carry each whole name value (sorted folded tokens). */
export interface TermFrequencies {
  readonly given: ReadonlyMap<string, number>;
  readonly family: ReadonlyMap<string, number>;
  /** The number of records counted. */
  readonly total: number;
  /** The smallest frequency used, so a value seen once is not treated as impossibly rare. */
  readonly floor: number;
}

export interface MatchModel {
  readonly fields: Readonly<Record<FieldName, FieldParameters>>;
  /** P(two records drawn at random are the same person). */
  readonly prior: number;
  readonly termFrequencies: TermFrequencies | null;
  readonly bands: BandThresholds;
}

/** A model from explicit u-values, for tests and for callers that fitted u elsewhere. */
export function modelFrom(
  u: Readonly<Record<FieldName, readonly number[]>>,
  prior: number,
  options: {
    termFrequencies?: TermFrequencies | null;
    bands?: BandThresholds;
    m?: Partial<Record<FieldName, readonly number[]>>;
    uWhenNamesAgree?: Partial<Record<FieldName, readonly number[]>>;
    /** u of birth-date levels among comparisons involving an estimated date. */
    uBirthEstimated?: readonly number[];
  } = {},
): MatchModel {
  const fields = {} as Record<FieldName, FieldParameters>;
  for (const spec of FIELD_SPECS) {
    const m = options.m?.[spec.name] ?? spec.m;
    const uField = u[spec.name];
    const conditioned = options.uWhenNamesAgree?.[spec.name];
    for (const values of [m, uField, conditioned ?? uField]) {
      if (values.length !== spec.levels.length) throw new RangeError(`field ${spec.name} needs ${spec.levels.length} levels`);
    }
    const params: FieldParameters = conditioned === undefined ? { m, u: uField } : { m, u: uField, uWhenNamesAgree: conditioned };
    const uEstimated = options.uBirthEstimated;
    fields[spec.name] = spec.mEstimated !== undefined && uEstimated !== undefined ? { ...params, estimated: { m: spec.mEstimated, u: uEstimated } } : params;
  }
  return { fields, prior, termFrequencies: options.termFrequencies ?? null, bands: options.bands ?? DEFAULT_BANDS };
}
