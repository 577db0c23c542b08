// The prior P(match) by expectation maximisation over the blocked candidate pairs. Within blocks,
// different people agree on names far more often than random pairs do, so the non-match side
// needs its own level shares there ("u within blocks"); they are fitted together with the share
// of matches λ, while m stays at the documented expert values. Blocking is assumed to keep
// nearly all true pairs, so the prior over all pairs is λ × candidates / all pairs.
//
// Comparison vectors are counted by pattern first: there are at most a few thousand distinct
// patterns, so each EM step costs nothing next to the comparisons themselves.

import type { Comparison } from './compare';
import { FIELD_SPECS } from './model';
import type { FieldName, FieldSpec, MatchModel } from './model';

/**
 * The fields as EM sees them: birth is split into trusted and estimated comparisons, which have
 * different expert m-values; each pair has a level in one of the two and "missing" in the other.
 */
interface EmField {
  spec: FieldSpec;
  estimated: boolean;
}

const EM_FIELDS: readonly EmField[] = FIELD_SPECS.flatMap((spec) =>
  spec.mEstimated === undefined ? [{ spec, estimated: false }] : [{ spec, estimated: false }, { spec, estimated: true }],
);

/** One slot per level plus one for "missing", per field. */
const RADICES = EM_FIELDS.map((f) => f.spec.levels.length + 1);

export const PATTERN_COUNT = RADICES.reduce((a, b) => a * b, 1);

function levelIn(field: EmField, c: Comparison): number | null {
  const level = c.levels[field.spec.name as FieldName];
  if (field.spec.mEstimated === undefined) return level;
  return c.birthEstimated === field.estimated ? level : null;
}

/** A comparison vector as one small integer. */
export function patternOf(c: Comparison): number {
  let pattern = 0;
  for (let f = EM_FIELDS.length - 1; f >= 0; f--) {
    const field = EM_FIELDS[f] as EmField;
    const level = levelIn(field, c);
    pattern = pattern * (RADICES[f] as number) + (level === null ? field.spec.levels.length : level);
  }
  return pattern;
}

function decode(pattern: number): number[] {
  const out: number[] = [];
  let rest = pattern;
  for (let f = 0; f < EM_FIELDS.length; f++) {
    const radix = RADICES[f] as number;
    out.push(rest % radix);
    rest = Math.floor(rest / radix);
  }
  return out;
}

function expertM(field: EmField, model: MatchModel, level: number): number {
  const params = model.fields[field.spec.name];
  const m = field.estimated ? params.estimated?.m : params.m;
  return (m?.[level] as number | undefined) ?? 0;
}

export interface PatternPrior {
  prior: number;
  /** Share of candidate pairs that are matches. */
  withinCandidates: number;
  iterations: number;
}

export function estimatePriorFromPatterns(counts: ArrayLike<number>, model: MatchModel, totalPairs: number, maxIterations = 200): PatternPrior {
  const patterns: number[][] = [];
  const weights: number[] = [];
  let candidates = 0;
  for (let p = 0; p < counts.length; p++) {
    const c = counts[p] as number;
    if (c === 0) continue;
    patterns.push(decode(p));
    weights.push(c);
    candidates += c;
  }
  if (candidates === 0 || totalPairs <= 0) return { prior: 1e-6, withinCandidates: 0, iterations: 0 };
  // P(pattern | match) from the expert m; a missing value is equally likely in both classes.
  const mOf = patterns.map((levels) =>
    levels.reduce((product, level, f) => {
      const field = EM_FIELDS[f] as EmField;
      return level === field.spec.levels.length ? product : product * expertM(field, model, level);
    }, 1),
  );
  // Start u within blocks from the plain level shares, which is what it would be with no matches.
  let u = EM_FIELDS.map((field, f) => shares(patterns, weights, f, field.spec.levels.length, () => 1));
  let lambda = 0.01;
  let iterations = 0;
  const responsibility = new Float64Array(patterns.length);
  for (; iterations < maxIterations; iterations++) {
    let matched = 0;
    for (let k = 0; k < patterns.length; k++) {
      const levels = patterns[k] as number[];
      let uProduct = 1;
      for (let f = 0; f < levels.length; f++) {
        const level = levels[f] as number;
        if (level < (u[f] as number[]).length) uProduct *= (u[f] as number[])[level] as number;
      }
      const pm = lambda * (mOf[k] as number);
      const r = pm / (pm + (1 - lambda) * uProduct);
      responsibility[k] = r;
      matched += r * (weights[k] as number);
    }
    const next = Math.min(0.5, Math.max(1e-9, matched / candidates));
    u = EM_FIELDS.map((field, f) => shares(patterns, weights, f, field.spec.levels.length, (k) => 1 - (responsibility[k] as number)));
    const converged = Math.abs(next - lambda) < 1e-9;
    lambda = next;
    if (converged) break;
  }
  const prior = Math.min(0.5, Math.max(1e-12, (lambda * candidates) / totalPairs));
  return { prior, withinCandidates: lambda, iterations };
}

/** Level shares of one field over the patterns, each weighted by count × `share(k)`; missing skipped. */
function shares(patterns: readonly number[][], weights: readonly number[], field: number, levels: number, share: (k: number) => number): number[] {
  const sums = new Array<number>(levels).fill(1e-9);
  for (let k = 0; k < patterns.length; k++) {
    const level = (patterns[k] as number[])[field] as number;
    if (level < levels) sums[level] = (sums[level] as number) + (weights[k] as number) * share(k);
  }
  const total = sums.reduce((a, b) => a + b, 0);
  return sums.map((s) => s / total);
}
