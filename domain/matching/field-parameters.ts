// Which m and u apply to one field of one comparison: the level's own, the u conditioned on the
// names agreeing (sex, citizenship), the parameters for estimated birth dates, or a u adjusted
// for how common the compared names are. Shared by the fast batch weight and the explanation.

import type { Comparison } from './compare';
import { NAME_OTHER } from './compare-names';
import { birthParameters, familyOnlyFor, nameLevelParameters, nameLevelU, namesAgreeFor } from './model';
import type { FieldName, MatchModel } from './model';
import type { FrequencyMemo, PreparedRecord } from './prepare';

/** Where the u of a contribution came from, for the reviewer's explanation. */
export type UBasis = 'level' | 'name_frequency' | 'names_agree' | 'estimated_date';

/**
 * How likely another record is to carry this whole name value, as given or family name: the
 * count less the record itself (u is about other people), over all records, never below the floor.
 */
function frequency(model: MatchModel, value: string): number {
  const tf = model.termFrequencies;
  if (tf === null) return 0;
  const count = Math.max(tf.given.get(value) ?? 0, tf.family.get(value) ?? 0);
  return Math.max((count - 1) / tf.total, tf.floor);
}

/** A record's given, family and whole-name frequencies, memoised per model (0 for an empty value). */
function memoFor(model: MatchModel, r: PreparedRecord): FrequencyMemo {
  const memo = r.frequencyMemo;
  if (memo.model !== model) {
    memo.model = model;
    memo.given = r.givenValue === '' ? 0 : frequency(model, r.givenValue);
    memo.family = r.familyValue === '' ? 0 : frequency(model, r.familyValue);
    memo.full = r.fullValue === '' ? 0 : frequency(model, r.fullValue);
  }
  return memo;
}

/**
 * How much of the name-frequency adjustment is applied (Splink's tf_adjustment_weight): u is
 * the level's u times (frequency-adjusted u / level's u) to this power. At 1 a name seen twice
 * among 25,000 records outweighs a matching birth date; at 0.75 agreement on a rare name still
 * counts for more than on a common one, but a rare spelling or an unusual combination of common
 * names no longer decides a pair on its own (see docs/matching.md for what was measured).
 */
export const TF_ADJUSTMENT_WEIGHT = 0.75;

/**
 * The u of a name level for these two names, adjusted for how common they are; 0 when the model
 * has no frequencies or either value is empty (then the level's own u applies). As in Splink,
 * the frequency is the larger of the two values compared (the more common spelling decides how
 * surprising agreement is), and a level below exact scales its u by that frequency relative to
 * the exact level's u. The adjustment is applied at TF_ADJUSTMENT_WEIGHT.
 */
export function nameU(model: MatchModel, field: 'given' | 'family', level: number, c: Comparison, a: PreparedRecord, b: PreparedRecord): number {
  const tf = model.termFrequencies;
  if (tf === null || level >= NAME_OTHER) return 0;
  const ma = memoFor(model, a);
  const mb = memoFor(model, b);
  let fa = field === 'given' ? ma.given : ma.family;
  let fb = field === 'given' ? mb.given : mb.family;
  switch (c.names.alignment) {
    case 'straight':
      break;
    case 'swapped':
      fb = field === 'given' ? mb.family : mb.given;
      break;
    case 'one_field_a':
      fa = ma.full;
      break;
    case 'one_field_b':
      fb = mb.full;
      break;
  }
  if (fa === 0 || fb === 0) return 0;
  const params = model.fields[field];
  const uLevel = nameLevelU(params, level, field === 'given' ? c.names.givenAlias : c.names.familyAlias);
  const adjusted = (uLevel * Math.max(fa, fb)) / (params.u[0] as number);
  return uLevel ** (1 - TF_ADJUSTMENT_WEIGHT) * adjusted ** TF_ADJUSTMENT_WEIGHT;
}

export interface Parameters {
  m: number;
  u: number;
  basis: UBasis;
}

/** m and u for a field at its (non-null) level in this comparison. */
export function parametersFor(model: MatchModel, field: FieldName, level: number, c: Comparison, a: PreparedRecord, b: PreparedRecord): Parameters {
  const params = model.fields[field];
  const m = params.m[level] as number;
  const u = params.u[level] as number;
  if (field === 'given' || field === 'family') {
    const own = nameLevelParameters(params, level, field === 'given' ? c.names.givenAlias : c.names.familyAlias);
    const adjusted = nameU(model, field, level, c, a, b);
    return adjusted > 0 ? { m: own.m, u: adjusted, basis: 'name_frequency' } : { m: own.m, u: own.u, basis: 'level' };
  }
  if (field === 'birth') {
    const birth = birthParameters(params, c.birthEstimated, c.birthBothEstimated, familyOnlyFor(c.levels.given, c.levels.family));
    return { m: birth.m[level] as number, u: birth.u[level] as number, basis: birth.basis };
  }
  if (params.uWhenNamesAgree !== undefined && namesAgreeFor(field, c.levels.given, c.levels.family, c.names.givenAlias)) {
    return { m, u: params.uWhenNamesAgree[level] as number, basis: 'names_agree' };
  }
  return { m, u, basis: 'level' };
}
