// The Fellegi–Sunter model: which fields are compared, their levels, the expert m-probabilities
// (how often a true duplicate lands on each level) and the shape of a fitted model. Why each
// m-value was chosen is in docs/matching.md; u-probabilities come from data (estimate-u.ts).

import { ALIAS_KINDS, aliasKindIndex } from './compare-names';
import type { AliasKind } from './compare-names';
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
   * (spelling, subset, typo, partial: ALIAS_KINDS in compare-names.ts), summing to the level's m.
   */
  readonly mAlias?: readonly number[];
}

const NAME_LEVELS = ['exact', 'alias, phonetic or one typing slip', 'Jaro-Winkler ≥ 0.92', 'Jaro-Winkler ≥ 0.88', 'other'];
/** Index of "alias or phonetic" in NAME_LEVELS; at or below it two names count as agreeing. */
const NAME_ALIAS_LEVEL = 1;

export const FIELD_SPECS: readonly FieldSpec[] = [
  { name: 'given', levels: NAME_LEVELS, m: [0.52, 0.37, 0.04, 0.03, 0.04], mAlias: [0.2, 0.06, 0.07, 0.04] },
  { name: 'family', levels: NAME_LEVELS, m: [0.55, 0.32, 0.05, 0.03, 0.05], mAlias: [0.15, 0.07, 0.07, 0.03] },
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
   * often the same citizenship. Using plain u there would count the same evidence twice (see
   * namesAgreeFor for the conditions).
   */
  readonly uWhenNamesAgree?: readonly number[];
  /** m and u for comparisons of an estimated birth date with one that is not (birth only). */
  readonly estimated?: { readonly m: readonly number[]; readonly u: readonly number[] };
  /** m and u for comparisons of two estimated birth dates (birth only); absent, `estimated` applies. */
  readonly estimatedBoth?: { readonly m: readonly number[]; readonly u: readonly number[] };
  /**
   * Birth only: u among pairs that share a family name but not a given name, for two trusted
   * dates, one estimated and both estimated. Siblings, and above all twins, share a surname and
   * often a birth year or date; taking the date as independent of the surname counted a twin's
   * shared date as if a stranger had it (see familyOnlyFor).
   */
  readonly uWhenFamilyOnly?: BirthU;
  /**
   * Names: m and u of the alias level by what the match rests on, one per ALIAS_KINDS (spelling,
   * subset, typo, partial); each sums to the level's m and u. Absent, the level's own m and u apply.
   */
  readonly alias?: { readonly m: readonly number[]; readonly u: readonly number[] };
}

/** u of the birth levels for two trusted dates, one estimated, and both estimated. */
export interface BirthU {
  readonly trusted: readonly number[];
  readonly estimated: readonly number[];
  readonly estimatedBoth: readonly number[];
}

/** Per name field, the alias level split by kind (one value per ALIAS_KINDS). */
export type AliasParameters = Readonly<Partial<Record<'given' | 'family', readonly number[]>>>;

/**
 * The fields whose u is conditioned on the names, and the condition. Sex: the given names are
 * one name (exact, the same name in another spelling or form, or one side's names all in the
 * other's); two names one slip apart or only alike in sound are often names of the other sex
 * (Maria / Mario), so there sex keeps its plain u. Citizenship: either name agrees in any way.
 */
export function namesAgreeFor(field: FieldName, given: number | null, family: number | null, givenKind: AliasKind | null = null): boolean {
  if (field === 'sex') return given === 0 || (given === NAME_ALIAS_LEVEL && (givenKind === 'spelling' || givenKind === 'subset'));
  const givenAgrees = given !== null && given <= NAME_ALIAS_LEVEL;
  if (field === 'citizenship') return givenAgrees || (family !== null && family <= NAME_ALIAS_LEVEL);
  return false;
}

/**
 * Whether two records share a family name (exact or alias) but not a given name (a given-name
 * level below alias): the pairs where the birth date's u is that of relatives, not strangers.
 */
export function familyOnlyFor(given: number | null, family: number | null): boolean {
  return given !== null && given > NAME_ALIAS_LEVEL && family !== null && family <= NAME_ALIAS_LEVEL;
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
    /** u of birth-date levels among pairs sharing a family name but not a given name. */
    uBirthWhenFamilyOnly?: BirthU;
    /** Names: u of the alias level split by kind (ALIAS_KINDS); without it the level is not split. */
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
    if (spec.name === 'birth' && options.uBirthWhenFamilyOnly !== undefined) {
      for (const values of Object.values(options.uBirthWhenFamilyOnly)) {
        if (values.length !== spec.levels.length) throw new RangeError(`field ${spec.name} needs ${spec.levels.length} levels`);
      }
      full = { ...full, uWhenFamilyOnly: options.uBirthWhenFamilyOnly };
    }
    if (spec.name === 'given' || spec.name === 'family') {
      const uAlias = options.uAlias?.[spec.name];
      const mAlias = options.mAlias?.[spec.name] ?? spec.mAlias;
      for (const split of [uAlias, mAlias]) {
        if (split !== undefined && split.length !== ALIAS_KINDS.length) throw new RangeError(`field ${spec.name} needs ${ALIAS_KINDS.length} alias kinds`);
      }
      if (uAlias !== undefined && mAlias !== undefined) full = { ...full, m: withAliasSum(m, mAlias), u: withAliasSum(uField, uAlias), alias: { m: mAlias, u: uAlias } };
    }
    fields[spec.name] = full;
  }
  return { fields, prior, termFrequencies: options.termFrequencies ?? null, bands: options.bands ?? DEFAULT_BANDS };
}

/** A level list whose alias level (index 1) is the sum of a split. */
function withAliasSum(values: readonly number[], split: readonly number[]): number[] {
  const out = [...values];
  out[1] = split.reduce((a, b) => a + b, 0);
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

/** u alone of a name level, as nameLevelParameters gives it; without an object, for the per-pair path. */
export function nameLevelU(params: FieldParameters, level: number, kind: AliasKind | null): number {
  if (level === 1 && kind !== null && params.alias !== undefined) return params.alias.u[aliasKindIndex(kind)] as number;
  return params.u[level] as number;
}

/** m and u of a name level, using the alias split when the model has one and the kind is known. */
export function nameLevelParameters(params: FieldParameters, level: number, kind: AliasKind | null): { m: number; u: number } {
  if (level === 1 && kind !== null && params.alias !== undefined) {
    const k = aliasKindIndex(kind);
    return { m: params.alias.m[k] as number, u: params.alias.u[k] as number };
  }
  return { m: params.m[level] as number, u: params.u[level] as number };
}

/**
 * The birth parameters a comparison uses: of trusted dates, one estimated, or both estimated;
 * with `familyOnly` (see familyOnlyFor) and a model that has it, the u of relatives.
 */
export function birthParameters(
  params: FieldParameters,
  estimated: boolean,
  bothEstimated: boolean,
  familyOnly = false,
): { m: readonly number[]; u: readonly number[]; basis: 'level' | 'estimated_date' | 'names_agree' } {
  // Which of the three kinds of comparison applies: the model may lack the estimated ones.
  const kind = estimated && bothEstimated && params.estimatedBoth !== undefined ? 'estimatedBoth' : estimated && params.estimated !== undefined ? 'estimated' : 'trusted';
  const chosen = kind === 'trusted' ? { m: params.m, u: params.u } : (params[kind] as { m: readonly number[]; u: readonly number[] });
  const relatives = params.uWhenFamilyOnly;
  if (familyOnly && relatives !== undefined) return { m: chosen.m, u: relatives[kind], basis: 'names_agree' };
  return { m: chosen.m, u: chosen.u, basis: kind === 'trusted' ? 'level' : 'estimated_date' };
}
