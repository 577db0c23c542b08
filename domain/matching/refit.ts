// Fitting m and the prior to a scan of candidate pairs, and moving the pairs' weights to the
// fitted m. The scan scores pairs under the model it was given (expert m); EM then fits m in
// sessions (prior-em.ts), each pair's weight is moved by the difference in log2 m of its pattern,
// and the prior is the one at which the model expects as many duplicates as its own
// probabilities add up to over the candidates: λ = Σ P(match | pair) / all pairs. That fixed
// point uses the same weights as the scores (name frequencies included), which EM over patterns
// cannot, so the probabilities are consistent with the prior they were computed with.

import type { CandidatePairs } from './candidate-pairs';
import { withM } from './model';
import type { MatchModel } from './model';
import { fitMAndPrior, logMOfPattern } from './prior-em';
import type { MFit } from './prior-em';
import { logOdds, probabilityFromWeight } from './score';

/** The candidates' field weights under `to`, from their weights under `from` (which differ only in m). */
export function reweighted(candidates: CandidatePairs, from: MatchModel, to: MatchModel): Float64Array {
  const shift = new Map<number, number>();
  const out = new Float64Array(candidates.count);
  for (let k = 0; k < candidates.count; k++) {
    const pattern = candidates.pattern[k] as number;
    let d = shift.get(pattern);
    if (d === undefined) {
      d = logMOfPattern(to, pattern) - logMOfPattern(from, pattern);
      shift.set(pattern, d);
    }
    out[k] = (candidates.weight[k] as number) + d;
  }
  return out;
}

/**
 * The prior at which the expected number of duplicates among all pairs equals the sum of the
 * candidates' match probabilities (pairs outside the candidates taken as certainly different).
 */
/** Weights are counted in bins of 1/256 bit between −64 and +64 bits for the prior's fixed point. */
const BINS_PER_BIT = 256;
const RANGE = 64;

/**
 * The prior at which the expected number of duplicates among all pairs equals the sum of the
 * candidates' match probabilities (pairs outside the candidates taken as certainly different).
 * The weights are counted into narrow bins first, so each step of the fixed point costs a few
 * thousand operations, not one per pair, and the result does not depend on the pairs' order.
 */
export function selfConsistentPrior(weights: ArrayLike<number>, count: number, totalPairs: number, start: number): number {
  const histogram = new Float64Array(2 * RANGE * BINS_PER_BIT + 1);
  for (let k = 0; k < count; k++) {
    const w = Math.max(-RANGE, Math.min(RANGE, weights[k] as number));
    const bin = Math.round((w + RANGE) * BINS_PER_BIT);
    histogram[bin] = (histogram[bin] as number) + 1;
  }
  const used: number[] = [];
  for (let bin = 0; bin < histogram.length; bin++) if ((histogram[bin] as number) > 0) used.push(bin);
  let prior = Math.min(0.5, Math.max(1e-12, start));
  for (let iteration = 0; iteration < 500; iteration++) {
    const priorWeight = logOdds(prior);
    let expected = 0;
    for (const bin of used) expected += (histogram[bin] as number) * probabilityFromWeight(priorWeight + bin / BINS_PER_BIT - RANGE);
    const next = Math.min(0.5, Math.max(1e-12, expected / totalPairs));
    const done = Math.abs(next - prior) < 1e-6 * prior;
    prior = next;
    if (done) break;
  }
  return prior;
}

export interface Refit {
  model: MatchModel;
  /** The candidates' field weights under the fitted model. */
  weights: Float64Array;
  fit: MFit;
}

/** m by EM and the self-consistent prior for a model whose u was fitted to these records. */
export function refitToCandidates(model: MatchModel, candidates: CandidatePairs, totalPairs: number): Refit {
  const fit = fitMAndPrior(candidates.patternCounts, model, totalPairs);
  const fitted = withM(model, fit.m, {}, fit.alias);
  const weights = reweighted(candidates, model, fitted);
  const prior = selfConsistentPrior(weights, candidates.count, totalPairs, fit.prior);
  return { model: { ...fitted, prior }, weights, fit };
}
