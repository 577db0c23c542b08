// Fitting the model to the data at hand: u-probabilities from random record pairs (almost all
// of which are different people) and name term frequencies. The prior is fitted in prior-em.ts.

import { compareRecords, emptyComparison } from './compare';
import { ALIAS_KINDS, aliasKindIndex, NAME_ALIAS } from './compare-names';
import { familyOnlyFor, FIELD_SPECS, NAME_CONDITIONED_FIELDS, namesAgreeFor } from './model';
import type { BirthU, FieldName, TermFrequencies } from './model';
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
  /** Names: u of the alias level split by what the match rests on (ALIAS_KINDS). */
  uAlias: { given: number[]; family: number[] };
  /** u of birth levels among pairs sharing a family name but not a given name (see familyOnlyFor). */
  uBirthWhenFamilyOnly: BirthU;
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
  // A quarter of a pair per kind, so a kind never seen keeps a small share of the level's u.
  const aliasKinds = { given: ALIAS_KINDS.map(() => 0.25), family: ALIAS_KINDS.map(() => 0.25) };
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
        if (namesAgreeFor(spec.name, levels.given, levels.family, scratch.names.givenAlias)) (conditioned[spec.name] as number[])[level]! += 1;
      }
      if (levels.given === NAME_ALIAS) aliasKinds.given[aliasKindIndex(scratch.names.givenAlias ?? 'partial')]! += 1;
      if (levels.family === NAME_ALIAS) aliasKinds.family[aliasKindIndex(scratch.names.familyAlias ?? 'partial')]! += 1;
    }
  }
  const u = {} as Record<FieldName, number[]>;
  for (const spec of FIELD_SPECS) u[spec.name] = shares(counts[spec.name]);
  const uWhenNamesAgree: Partial<Record<FieldName, number[]>> = {};
  for (const field of NAME_CONDITIONED_FIELDS) uWhenNamesAgree[field] = shares(conditioned[field]);
  // The alias level's u split in proportion to the kinds seen (so the two still sum to it).
  const split = (field: 'given' | 'family'): number[] => {
    const kinds = aliasKinds[field];
    const total = kinds.reduce((a, b) => a + b, 0);
    const alias = u[field][NAME_ALIAS] as number;
    return kinds.map((k) => (alias * k) / total);
  };
  return {
    u,
    uWhenNamesAgree,
    uBirthEstimated: shares(birthEstimated),
    uBirthBothEstimated: shares(birthBothEstimated),
    uAlias: { given: split('given'), family: split('family') },
    uBirthWhenFamilyOnly: estimateRelativesBirthU(records, table, Math.ceil(samples / 2), random),
  };
}

/**
 * u of the birth levels among pairs of records with the same family name (the whole value) whose
 * given names do not agree: relatives far more often than random pairs are, and almost never one
 * person (a duplicate's given names agree). Pairs are drawn at random from all such pairs, or all
 * of them taken when there are fewer than `samples`. Counts start at one per level, as above.
 */
function estimateRelativesBirthU(records: readonly PreparedRecord[], table: TokenTable, samples: number, random: () => number): BirthU {
  const counts = { trusted: laplaceCounts().birth, estimated: laplaceCounts().birth, estimatedBoth: laplaceCounts().birth };
  const groups = new Map<string, number[]>();
  records.forEach((r, i) => {
    if (r.familyValue === '') return;
    const group = groups.get(r.familyValue);
    if (group === undefined) groups.set(r.familyValue, [i]);
    else group.push(i);
  });
  const shared = [...groups.values()].filter((g) => g.length > 1);
  const cumulative: number[] = [];
  let total = 0;
  for (const g of shared) {
    total += (g.length * (g.length - 1)) / 2;
    cumulative.push(total);
  }
  const scratch = emptyComparison();
  const count = (i: number, j: number): void => {
    const c = compareRecords(table, records[i] as PreparedRecord, records[j] as PreparedRecord, scratch);
    const level = c.levels.birth;
    if (level === null || !familyOnlyFor(c.levels.given, c.levels.family)) return;
    const target = !c.birthEstimated ? counts.trusted : c.birthBothEstimated ? counts.estimatedBoth : counts.estimated;
    target[level]! += 1;
  };
  if (total <= samples) {
    for (const g of shared) for (let a = 0; a < g.length; a++) for (let b = a + 1; b < g.length; b++) count(g[a] as number, g[b] as number);
  } else {
    for (let s = 0; s < samples; s++) {
      const x = random() * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((cumulative[mid] as number) > x) hi = mid;
        else lo = mid + 1;
      }
      const g = shared[lo] as number[];
      const a = randomInt(random, g.length);
      let b = randomInt(random, g.length - 1);
      if (b >= a) b++;
      count(g[a] as number, g[b] as number);
    }
  }
  return { trusted: shares(counts.trusted), estimated: shares(counts.estimated), estimatedBoth: shares(counts.estimatedBoth) };
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
