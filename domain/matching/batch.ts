// The batch core: every likely duplicate pair within a set of records, scored and banded. The
// model is fitted to the batch itself unless one is given; the prior comes from EM over the
// batch's own candidate pairs, so no pair is compared twice. Pure: the CLI adds files and output,
// and may run the candidate scan in shards on several threads (see bench/matching/parallel-batch.ts).

import type { Today } from './birth-date';
import type { BlockingOptions } from './blocking';
import { scanCandidatePairs } from './candidate-pairs';
import type { CandidatePairs } from './candidate-pairs';
import { fitFieldParameters } from './fit';
import { refitToCandidates } from './refit';
import type { MatchModel } from './model';
import { prepareAll } from './prepare';
import type { PreparedRecord } from './prepare';
import { logOdds, probabilityFromWeight } from './score';
import { TokenTable } from './token-table';
import { bandFor } from './types';
import type { Band, BandThresholds, MatchRecord } from './types';

export interface BatchPair {
  recordIdA: string;
  recordIdB: string;
  /** Match probability. */
  score: number;
  weight: number;
  band: Band;
}

export interface BatchOptions {
  /** A model fitted elsewhere (for example on the whole register); else fitted to this batch. */
  model?: MatchModel;
  /** The lowest band returned; 'none' returns every candidate pair (for evaluation). */
  minBand?: Band;
  today?: Today;
  bands?: BandThresholds;
  samplePairs?: number;
  seed?: number;
  blocking?: BlockingOptions;
}

export interface BatchResult {
  pairs: BatchPair[];
  candidatePairs: number;
  model: MatchModel;
}

const BAND_RANK: Readonly<Record<Band, number>> = { none: 0, review: 1, auto_flag: 2 };


/** The first step of a batch: records prepared and the field parameters fitted (or given). */
export function prepareBatch(records: readonly MatchRecord[], options: BatchOptions = {}): { prepared: PreparedRecord[]; table: TokenTable; model: MatchModel } {
  const table = new TokenTable();
  const prepared = prepareAll(records, table, { today: options.today });
  const model = options.model ?? fitFieldParameters(prepared, table, options);
  return { prepared, table, model };
}

/**
 * The last step: unless the model was given, m and the prior fitted to the candidates (see
 * refit.ts), each pair's weight moved to the fitted m; then probabilities, bands, sorting.
 */
export function finishBatch(prepared: readonly PreparedRecord[], model: MatchModel, candidates: CandidatePairs, options: BatchOptions = {}): BatchResult {
  let fitted = model;
  let w = candidates.weight;
  if (options.model === undefined) {
    const refit = refitToCandidates(model, candidates, (prepared.length * (prepared.length - 1)) / 2);
    fitted = refit.model;
    w = refit.weights;
  }
  const priorWeight = logOdds(fitted.prior);
  const minRank = BAND_RANK[options.minBand ?? 'review'];
  // Within a pair, the record that came first in the input is A, whatever order blocking used;
  // pairs are sorted by weight, then by input positions, so the output never depends on how
  // the scan was split.
  const kept: number[] = [];
  const first = new Int32Array(candidates.count);
  const second = new Int32Array(candidates.count);
  for (let k = 0; k < candidates.count; k++) {
    const x = candidates.a[k] as number;
    const y = candidates.b[k] as number;
    first[k] = Math.min(x, y);
    second[k] = Math.max(x, y);
    const score = probabilityFromWeight(priorWeight + (w[k] as number));
    if (BAND_RANK[bandFor(score, fitted.bands)] >= minRank) kept.push(k);
  }
  kept.sort((p, q) => (w[q] as number) - (w[p] as number) || (first[p] as number) - (first[q] as number) || (second[p] as number) - (second[q] as number));
  const pairs = kept.map((k): BatchPair => {
    const weight = priorWeight + (w[k] as number);
    const score = probabilityFromWeight(weight);
    const a = prepared[first[k] as number] as PreparedRecord;
    const b = prepared[second[k] as number] as PreparedRecord;
    return { recordIdA: a.id, recordIdB: b.id, score, weight, band: bandFor(score, fitted.bands) };
  });
  return { pairs, candidatePairs: candidates.count, model: fitted };
}

export function matchBatch(records: readonly MatchRecord[], options: BatchOptions = {}): BatchResult {
  const { prepared, table, model } = prepareBatch(records, options);
  const candidates = scanCandidatePairs(prepared, table, model, options.blocking);
  return finishBatch(prepared, model, candidates, options);
}
