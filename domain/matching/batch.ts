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
import { compareRecords } from './compare';
import { corroborate } from './corroborate';
import type { IndexedPair } from './corroborate';
import { prepareAll } from './prepare';
import type { PreparedRecord } from './prepare';
import { logOdds, probabilityFromWeight, scoreComparison } from './score';
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
  /**
   * Present when the score rests on a third record (corroborate.ts): the score is then the lower
   * bound supports[0] + supports[1] − 1, and `direct` what the two records alone scored.
   */
  corroboration?: { via: string; supports: readonly [number, number]; direct: number };
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
  /** Raise pairs that a third record corroborates (corroborate.ts); on unless false. */
  corroborate?: boolean;
  /** Pairs of record ids known to be different people: they neither support nor receive corroboration. */
  different?: ReadonlyArray<readonly [string, string]>;
  /** Whether a record (by id) may be the third record of a corroboration; all may unless given. */
  mayCorroborate?: (id: string) => boolean;
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
 * refit.ts), each pair's weight moved to the fitted m; then corroboration through third
 * records (unless turned off), probabilities, bands, sorting.
 */
export function finishBatch(prepared: readonly PreparedRecord[], table: TokenTable, model: MatchModel, candidates: CandidatePairs, options: BatchOptions = {}): BatchResult {
  let fitted = model;
  let w = candidates.weight;
  if (options.model === undefined) {
    const refit = refitToCandidates(model, candidates, (prepared.length * (prepared.length - 1)) / 2);
    fitted = refit.model;
    w = refit.weights;
  }
  const priorWeight = logOdds(fitted.prior);
  const minRank = BAND_RANK[options.minBand ?? 'review'];
  const raised = options.corroborate === false ? new Map<number, Raised>() : corroborations(prepared, table, fitted, candidates, w, options);
  // Within a pair, the record that came first in the input is A, whatever order blocking used;
  // pairs are sorted by weight, then by input positions, so the output never depends on how
  // the scan was split.
  const rows: Row[] = [];
  const floor = weightFloor(minRank, fitted.bands);
  for (let k = 0; k < candidates.count; k++) {
    const x = candidates.a[k] as number;
    const y = candidates.b[k] as number;
    const first = Math.min(x, y);
    const second = Math.max(x, y);
    const up = raised.size === 0 ? undefined : raised.get(pairKey(first, second));
    if (up !== undefined) continue; // added below, with the raised score
    const weight = priorWeight + (w[k] as number);
    if (weight < floor) continue; // far below the lowest band returned: no need to exponentiate
    if (BAND_RANK[bandFor(probabilityFromWeight(weight), fitted.bands)] >= minRank) rows.push({ first, second, weight });
  }
  for (const r of raised.values()) if (BAND_RANK[bandFor(probabilityFromWeight(r.weight), fitted.bands)] >= minRank) rows.push(r);
  rows.sort((p, q) => q.weight - p.weight || p.first - q.first || p.second - q.second);
  const pairs = rows.map((r): BatchPair => {
    const score = probabilityFromWeight(r.weight);
    const pair: BatchPair = { recordIdA: (prepared[r.first] as PreparedRecord).id, recordIdB: (prepared[r.second] as PreparedRecord).id, score, weight: r.weight, band: bandFor(score, fitted.bands) };
    return r.corroboration === undefined ? pair : { ...pair, corroboration: r.corroboration };
  });
  return { pairs, candidatePairs: candidates.count, model: fitted };
}

/**
 * A weight below which no pair reaches the rank `minRank`, with a margin so that rounding in
 * logOdds never drops a pair the exact test (probability against the band) would keep; pairs
 * above it still take that test. −∞ when every pair is returned or a band is not a probability
 * strictly between 0 and 1.
 */
function weightFloor(minRank: number, bands: BandThresholds): number {
  if (minRank === 0) return -Infinity;
  const lowest = minRank === BAND_RANK.auto_flag ? bands.autoFlag : Math.min(bands.review, bands.autoFlag);
  if (!(lowest > 0 && lowest < 1)) return -Infinity;
  return logOdds(lowest) - 1e-6;
}

interface Row {
  first: number;
  second: number;
  weight: number;
  corroboration?: NonNullable<BatchPair['corroboration']>;
}

type Raised = Row & { corroboration: NonNullable<BatchPair['corroboration']> };

function pairKey(a: number, b: number): number {
  return a < b ? a * 0x100000000 + b : b * 0x100000000 + a;
}

/**
 * One step of corroboration (corroborate.ts) over the scored candidates, by pair key: the pairs
 * a third record raises, with the bound as their weight. The supports are the candidates at or
 * above the review band; a raised pair may be a candidate or one that blocking missed.
 */
function corroborations(prepared: readonly PreparedRecord[], table: TokenTable, model: MatchModel, candidates: CandidatePairs, w: Float64Array, options: BatchOptions): Map<number, Raised> {
  const priorWeight = logOdds(model.prior);
  // A support must reach the review band itself; compared as a field weight, so the loop over
  // every candidate does no exponentiation (probability ≥ band ⇔ weight ≥ its log-odds − prior).
  const minWeight = logOdds(model.bands.review) - priorWeight - 1e-9;
  const supports: IndexedPair[] = [];
  for (let k = 0; k < candidates.count; k++) {
    const weight = w[k] as number;
    if (weight >= minWeight) supports.push({ a: candidates.a[k] as number, b: candidates.b[k] as number, probability: probabilityFromWeight(priorWeight + weight) });
  }
  const known = options.different ?? [];
  const byId = known.length === 0 ? new Map<string, number>() : new Map(prepared.map((p, i) => [p.id, i]));
  const different = new Set<number>();
  for (const [x, y] of known) {
    const i = byId.get(x);
    const j = byId.get(y);
    if (i !== undefined && j !== undefined) different.add(pairKey(i, j));
  }
  const directs = new Map<number, number>();
  const found = corroborate(supports, {
    threshold: model.bands.review,
    different: (a, b) => different.has(pairKey(a, b)),
    mayCorroborate: options.mayCorroborate === undefined ? undefined : (r) => (options.mayCorroborate as (id: string) => boolean)((prepared[r] as PreparedRecord).id),
    direct: (a, b) => {
      const pa = prepared[a] as PreparedRecord;
      const pb = prepared[b] as PreparedRecord;
      const score = scoreComparison(model, compareRecords(table, pa, pb), pa, pb);
      directs.set(pairKey(a, b), score.probability);
      return { probability: score.probability, contradicted: score.contributions.some((c) => c.weight < 0) };
    },
  });
  const out = new Map<number, Raised>();
  for (const c of found) {
    const k = pairKey(c.a, c.b);
    out.set(k, {
      first: c.a,
      second: c.b,
      weight: logOdds(c.probability),
      corroboration: { via: (prepared[c.via] as PreparedRecord).id, supports: c.supports, direct: directs.get(k) ?? 0 },
    });
  }
  return out;
}

export function matchBatch(records: readonly MatchRecord[], options: BatchOptions = {}): BatchResult {
  const { prepared, table, model } = prepareBatch(records, options);
  const candidates = scanCandidatePairs(prepared, table, model, options.blocking);
  return finishBatch(prepared, table, model, candidates, options);
}
