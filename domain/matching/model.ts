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
   * For birth dates: expert m when one date is an estimate (1 January, imputed, a year alone)
   * and the other is not. Such a comparison can only reach "same year".
   */
  readonly mEstimated?: readonly number[];
  /** For birth dates: expert m when both dates are estimates (each may be two years out). */
  readonly mBothEstimated?: readonly number[];
  /**
   * For names: the expert m of the "alias or phonetic" level split by what the match rests on
   * (spelling, partial; see AliasKind in compare-names.ts), summing to the level's m.
   */
  readonly mAlias?: readonly [number, number];
}

const NAME_LEVELS = ['exact', 'alias or phonetic', 'Jaro-Winkler ≥ 0.92', 'Jaro-Winkler ≥ 0.88', 'other'];
/** Index of "alias or phonetic" in NAME_LEVELS; at or below it two names count as agreeing. */
const NAME_ALIAS_LEVEL = 1;

export const FIELD_SPECS: readonly FieldSpec[] = [
  { name: 'given', levels: NAME_LEVELS, m: [0.52, 0.33, 0.08, 0.04, 0.03], mAlias: [0.22, 0.11] },
  { name: 'family', levels: NAME_LEVELS, m: [0.55, 0.28, 0.08, 0.04, 0.05], mAlias: [0.17, 0.11] },
  {
    name: 'birth',
    levels: ['exact', 'same year and month', 'same year', 'within 2 years (4 if both estimated)', 'other'],
    m: [0.8, 0.05, 0.05, 0.06, 0.04],
    mEstimated: [0.001, 0.001, 0.55, 0.4, 0.048],
    mBothEstimated: [0.001, 0.001, 0.35, 0.58, 0.068],
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
  /** m and u for comparisons of an estimated birth date with one that is not (birth only). */
  readonly estimated?: { readonly m: readonly number[]; readonly u: readonly number[] };
  /** m and u for comparisons of two estimated birth dates (birth only); absent, `estimated` applies. */
  readonly estimatedBoth?: { readonly m: readonly number[]; readonly u: readonly number[] };
  /**
   * Names: m and u of the alias level by what the match rests on, [spelling, partial]; each pair
   * sums to the level's m and u. Absent, the level's own m and u apply.
   */
  readonly alias?: { readonly m: readonly [number, number]; readonly u: readonly [number, number] };
}

export type AliasParameters = Readonly<Partial<Record<'given' | 'family', readonly [number, number]>>>;

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
    /** u of birth-date levels among comparisons of one estimated date with one that is not. */
    uBirthEstimated?: readonly number[];
    /** m of those levels (default: expert). */
    mBirthEstimated?: readonly number[];
    /** u of birth-date levels among comparisons of two estimated dates. */
    uBirthBothEstimated?: readonly number[];
    /** m of those levels (default: expert). */
    mBirthBothEstimated?: readonly number[];
    /** Names: u of the alias level split [spelling, partial]; without it the level is not split. */
    uAlias?: AliasParameters;
    /** Names: m of the alias level split (default: expert). */
    mAlias?: AliasParameters;
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
    const mEstimated = options.mBirthEstimated ?? spec.mEstimated;
    const uBoth = options.uBirthBothEstimated;
    const mBoth = options.mBirthBothEstimated ?? spec.mBothEstimated;
    let full: FieldParameters = params;
    if (mEstimated !== undefined && uEstimated !== undefined) full = { ...full, estimated: { m: mEstimated, u: uEstimated } };
    if (mBoth !== undefined && uBoth !== undefined) full = { ...full, estimatedBoth: { m: mBoth, u: uBoth } };
    if (spec.name === 'given' || spec.name === 'family') {
      const uAlias = options.uAlias?.[spec.name];
      const mAlias = options.mAlias?.[spec.name] ?? spec.mAlias;
      if (uAlias !== undefined && mAlias !== undefined) full = { ...full, m: withAliasSum(m, mAlias), u: withAliasSum(uField, uAlias), alias: { m: mAlias, u: uAlias } };
    }
    fields[spec.name] = full;
  }
  return { fields, prior, termFrequencies: options.termFrequencies ?? null, bands: options.bands ?? DEFAULT_BANDS };
}

/** A level list whose alias level (index 1) is the sum of a split. */
function withAliasSum(values: readonly number[], split: readonly [number, number]): number[] {
  const out = [...values];
  out[1] = split[0] + split[1];
  return out;
}

/** The same model with other m-values (as EM fitted them), u and everything else unchanged. */
export function withM(
  model: MatchModel,
  m: Readonly<Record<FieldName, readonly number[]>>,
  birth: { estimated?: readonly number[]; estimatedBoth?: readonly number[] } = {},
  alias: AliasParameters = {},
): MatchModel {
  const fields = {} as Record<FieldName, FieldParameters>;
  for (const spec of FIELD_SPECS) {
    const params = model.fields[spec.name];
    let values = m[spec.name];
    if (values.length !== spec.levels.length) throw new RangeError(`field ${spec.name} needs ${spec.levels.length} levels`);
    const split = spec.name === 'given' || spec.name === 'family' ? alias[spec.name] : undefined;
    if (split !== undefined) values = withAliasSum(values, split);
    let next: FieldParameters = { ...params, m: values };
    if (params.alias !== undefined) next = { ...next, alias: { m: split ?? params.alias.m, u: params.alias.u } };
    if (params.estimated !== undefined) next = { ...next, estimated: { m: birth.estimated ?? params.estimated.m, u: params.estimated.u } };
    if (params.estimatedBoth !== undefined) next = { ...next, estimatedBoth: { m: birth.estimatedBoth ?? params.estimatedBoth.m, u: params.estimatedBoth.u } };
    fields[spec.name] = next;
  }
  return { ...model, fields };
}

/** m and u of a name level, using the alias split when the model has one and the kind is known. */
export function nameLevelParameters(params: FieldParameters, level: number, kind: 'spelling' | 'partial' | null): { m: number; u: number } {
  if (level === 1 && kind !== null && params.alias !== undefined) {
    const k = kind === 'spelling' ? 0 : 1;
    return { m: params.alias.m[k], u: params.alias.u[k] };
  }
  return { m: params.m[level] as number, u: params.u[level] as number };
}

/** The birth parameters a comparison uses: of trusted dates, one estimated, or both estimated. */
export function birthParameters(params: FieldParameters, estimated: boolean, bothEstimated: boolean): { m: readonly number[]; u: readonly number[]; basis: 'level' | 'estimated_date' } {
  if (estimated && bothEstimated && params.estimatedBoth !== undefined) return { ...params.estimatedBoth, basis: 'estimated_date' };
  if (estimated && params.estimated !== undefined) return { ...params.estimated, basis: 'estimated_date' };
  return { m: params.m, u: params.u, basis: 'level' };
}
