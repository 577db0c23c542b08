// Fitting a model to a population of records: u-probabilities and name frequencies from the
// records themselves, expert m-probabilities, and the prior by EM over blocked pairs of a sample.
// The result is what the lookup index and the batch score with.

import type { Today } from './birth-date';
import type { BlockingOptions } from './blocking';
import { scanCandidatePairs } from './candidate-pairs';
import { refitToCandidates } from './refit';
import { estimateU, termFrequencies } from './estimate';
import { modelFrom } from './model';
import type { MatchModel } from './model';
import { prepareAll } from './prepare';
import type { PreparedRecord } from './prepare';
import { createRandom } from './prng';
import { TokenTable } from './token-table';
import type { BandThresholds, MatchRecord } from './types';

export interface FitOptions {
  today?: Today;
  /** Random pairs for u-estimation. */
  samplePairs?: number;
  seed?: number;
  /** A known prior; when absent it is estimated. */
  prior?: number;
  /** Records sampled to estimate the prior; a random subset keeps the per-pair rate unbiased. */
  priorSampleSize?: number;
  bands?: BandThresholds;
  blocking?: BlockingOptions;
}

export interface FittedModel {
  model: MatchModel;
  table: TokenTable;
  prepared: PreparedRecord[];
}

/** m, u and term frequencies, with a placeholder prior to be replaced by `withPrior`. */
export function fitFieldParameters(prepared: readonly PreparedRecord[], table: TokenTable, options: FitOptions = {}): MatchModel {
  const { u, uWhenNamesAgree, uBirthEstimated, uBirthBothEstimated, uAlias, uBirthWhenFamilyOnly } = estimateU(prepared, table, { samplePairs: options.samplePairs, seed: options.seed });
  return modelFrom(u, options.prior ?? 1e-6, {
    termFrequencies: termFrequencies(prepared),
    bands: options.bands,
    uWhenNamesAgree,
    uBirthEstimated,
    uBirthBothEstimated,
    uAlias,
    uBirthWhenFamilyOnly,
  });
}

export function withPrior(model: MatchModel, prior: number): MatchModel {
  return { ...model, prior };
}

function sample<T>(items: readonly T[], size: number, seed: number): T[] {
  if (items.length <= size) return [...items];
  const copy = [...items];
  const random = createRandom(seed);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, size);
}

export function fitModel(records: readonly MatchRecord[], options: FitOptions = {}): FittedModel {
  const table = new TokenTable();
  const prepared = prepareAll(records, table, { today: options.today });
  const model = fitFieldParameters(prepared, table, options);
  if (options.prior !== undefined) return { model, table, prepared };
  const subset = sample(prepared, options.priorSampleSize ?? 20_000, (options.seed ?? 1) + 1);
  const pairs = scanCandidatePairs(subset, table, model, options.blocking);
  const total = (subset.length * (subset.length - 1)) / 2;
  return { model: refitToCandidates(model, pairs, total).model, table, prepared };
}
