// Fitting the model to the data at hand: u-probabilities from random record pairs (almost all
// of which are different people) and name term frequencies. The prior is fitted in prior-em.ts.

import { compareRecords, emptyComparison } from './compare';
import { NAME_ALIAS } from './compare-names';
import { FIELD_SPECS, NAME_CONDITIONED_FIELDS, namesAgreeFor } from './model';
import type { FieldName, TermFrequencies } from './model';
import type { PreparedRecord } from './prepare';
import { createRandom, randomInt } from './prng';
import type { TokenTable } from './token-table';

export interface EstimateUOptions {
  /** Random pairs to compare; 200,000 gives u to about ±1 % at u = 0.01. */
  samplePairs?: number;
  seed?: number;
}

export interface UEstimate {
  /** u per field; for birth, among comparisons of two trusted dates. */
  u: Record<FieldName, number[]>;
  /** u of the name-predicted fields among the sampled pairs whose names agree. */
  uWhenNamesAgree: Partial<Record<FieldName, number[]>>;
  /** u of birth levels among comparisons of one estimated date with one that is not. */
  uBirthEstimated: number[];
  /** u of birth levels among comparisons of two estimated dates. */
  uBirthBothEstimated: number[];
  /** Names: u of the alias level split by what the match rests on [spelling, partial]. */
  uAlias: { given: [number, number]; family: [number, number] };
}

function laplaceCounts(): Record<FieldName, number[]> {
  const counts = {} as Record<FieldName, number[]>;
  for (const spec of FIELD_SPECS) counts[spec.name] = spec.levels.map(() => 1);
  return counts;
}

function shares(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((x) => x / total);
}

/**
 * u per field and level from random pairs. Counts get one added per level (Laplace), so a level
 * never seen among random pairs gets u ≈ 1 / samples instead of zero.
 */
export function estimateU(records: readonly PreparedRecord[], table: TokenTable, options: EstimateUOptions = {}): UEstimate {
  const samples = options.samplePairs ?? 200_000;
  const random = createRandom(options.seed ?? 20240601);
  const counts = laplaceCounts();
  const conditioned = laplaceCounts();
  const birthEstimated = laplaceCounts().birth;
  const birthBothEstimated = laplaceCounts().birth;
  const aliasKinds = { given: [0.5, 0.5], family: [0.5, 0.5] };
  const n = records.length;
  const scratch = emptyComparison();
  if (n >= 2) {
    for (let s = 0; s < samples; s++) {
      const i = randomInt(random, n);
      let j = randomInt(random, n - 1);
      if (j >= i) j++;
      const { levels, birthEstimated: estimated, birthBothEstimated: both } = compareRecords(table, records[i] as PreparedRecord, records[j] as PreparedRecord, scratch);
      for (const spec of FIELD_SPECS) {
        const level = levels[spec.name];
        if (level === null) continue;
        if (spec.name === 'birth' && estimated) (both ? birthBothEstimated : birthEstimated)[level]! += 1;
        else (counts[spec.name] as number[])[level]! += 1;
        if (namesAgreeFor(spec.name, levels.given, levels.family)) (conditioned[spec.name] as number[])[level]! += 1;
      }
      if (levels.given === NAME_ALIAS) aliasKinds.given[scratch.names.givenAlias === 'spelling' ? 0 : 1]! += 1;
      if (levels.family === NAME_ALIAS) aliasKinds.family[scratch.names.familyAlias === 'spelling' ? 0 : 1]! += 1;
    }
  }
  const u = {} as Record<FieldName, number[]>;
  for (const spec of FIELD_SPECS) u[spec.name] = shares(counts[spec.name]);
  const uWhenNamesAgree: Partial<Record<FieldName, number[]>> = {};
  for (const field of NAME_CONDITIONED_FIELDS) uWhenNamesAgree[field] = shares(conditioned[field]);
  // The alias level's u split in proportion to the kinds seen (so the two still sum to it).
  const split = (field: 'given' | 'family'): [number, number] => {
    const [spelling, partial] = aliasKinds[field] as [number, number];
    const alias = u[field][NAME_ALIAS] as number;
    return [(alias * spelling) / (spelling + partial), (alias * partial) / (spelling + partial)];
  };
  return { u, uWhenNamesAgree, uBirthEstimated: shares(birthEstimated), uBirthBothEstimated: shares(birthBothEstimated), uAlias: { given: split('given'), family: split('family') } };
}

/**
 * The smallest share of people a name value is taken to have. A value seen once or twice in a
 * sample is not as rare as 1/n suggests (many such values are spelling variants, typing slips or
 * rare combinations of common names), so agreement on it is never counted rarer than one person
 * in 10,000. This is Splink's minimum u for term frequencies; 1 in 100,000 was used before and
 * over-rated agreement on such values.
 */
export const MIN_FREQUENCY = 1e-4;

/** Counts of records carrying each whole given and family value (primary names only). */
export function termFrequencies(records: readonly PreparedRecord[]): TermFrequencies {
  const given = new Map<string, number>();
  const family = new Map<string, number>();
  for (const r of records) {
    if (r.givenValue !== '') given.set(r.givenValue, (given.get(r.givenValue) ?? 0) + 1);
    if (r.familyValue !== '') family.set(r.familyValue, (family.get(r.familyValue) ?? 0) + 1);
  }
  const n = Math.max(1, records.length);
  return { given, family, total: n, floor: Math.max(1 / n, MIN_FREQUENCY) };
}
