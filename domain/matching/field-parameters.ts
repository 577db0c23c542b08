// Which m and u apply to one field of one comparison: the level's own, the u conditioned on the
// names agreeing (sex, citizenship), the parameters for estimated birth dates, or a u adjusted
// for how common the compared names are. Shared by the fast batch weight and the explanation.

import type { Comparison } from './compare';
import { NAME_OTHER } from './compare-names';
import { namesAgreeFor } from './model';
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
 * The larger frequency of the two whole values a name level compared (the more common spelling
 * decides how surprising agreement is); 0 when either is empty or the model has no frequencies.
 */
export function nameFrequency(model: MatchModel, field: 'given' | 'family', c: Comparison, a: PreparedRecord, b: PreparedRecord): number {
  if (model.termFrequencies === null) return 0;
  const ma = memoFor(model, a);
  const mb = memoFor(model, b);
  const ownA = field === 'given' ? ma.given : ma.family;
  const ownB = field === 'given' ? mb.given : mb.family;
  const otherB = field === 'given' ? mb.family : mb.given;
  let fa = ownA;
  let fb = ownB;
  switch (c.names.alignment) {
    case 'straight':
      break;
    case 'swapped':
      fb = otherB;
      break;
    case 'one_field_a':
      fa = ma.full;
      break;
    case 'one_field_b':
      fb = mb.full;
      break;
  }
  return fa === 0 || fb === 0 ? 0 : Math.max(fa, fb);
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
    // Splink's adjustment: the level's average u scaled by how much more or less common these
    // names are than the average exact agreement.
    const tf = level < NAME_OTHER ? nameFrequency(model, field, c, a, b) : 0;
    if (tf > 0) return { m, u: (u * tf) / (params.u[0] as number), basis: 'name_frequency' };
    return { m, u, basis: 'level' };
  }
  if (field === 'birth' && c.birthEstimated && params.estimated !== undefined) {
    return { m: params.estimated.m[level] as number, u: params.estimated.u[level] as number, basis: 'estimated_date' };
  }
  if (params.uWhenNamesAgree !== undefined && namesAgreeFor(field, c.levels.given, c.levels.family)) {
    return { m, u: params.uWhenNamesAgree[level] as number, basis: 'names_agree' };
  }
  return { m, u, basis: 'level' };
}
