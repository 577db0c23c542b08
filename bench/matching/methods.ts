// The pair-scoring methods the benchmark compares: the Fellegi–Sunter engine (single-threaded
// and on two worker threads) and privacy-preserving Bloom-filter Dice. The PostgreSQL pg_trgm
// baseline is in pg-trgm-baseline.ts (run.ts calls it on the same records).

import { prepareAll } from '../../domain/matching/prepare';
import type { Today } from '../../domain/matching/birth-date';
import { matchBatch } from '../../domain/matching/batch';
import { createClkEncoder } from '../../domain/matching/bloom';
import { createHardener } from '../../domain/matching/bloom-hardening';
import type { Hardening } from '../../domain/matching/bloom-hardening';
import { scanCandidatePairs } from '../../domain/matching/candidate-pairs';
import { dice } from '../../domain/matching/dice';
import { TokenTable } from '../../domain/matching/token-table';
import { DEFAULT_BANDS } from '../../domain/matching/types';
import type { MatchRecord } from '../../domain/matching/types';
import type { PairScoringMethod, ScoredPair } from './evaluate';
import { nodeHmac } from './node-hmac';
import { matchBatchParallel } from './parallel-batch';

/** `corroborate: false` scores every pair on its own records only (no third record, corroborate.ts). */
export function fellegiSunter(today: Today, threads = 1, corroborate = true): PairScoringMethod {
  const name = threads > 1 ? `Fellegi–Sunter, ${threads} threads` : 'Fellegi–Sunter';
  return {
    name: corroborate ? name : `${name}, each pair on its own records`,
    bands: DEFAULT_BANDS,
    async scorePairs(records) {
      const options = { today, minBand: 'none' as const, corroborate };
      const result = threads > 1 ? await matchBatchParallel(records, { ...options, threads }) : matchBatch(records, options);
      return result.pairs.map((p) => ({ idA: p.recordIdA, idB: p.recordIdB, score: p.score }));
    },
  };
}

/**
 * Dice bands per hardening, chosen on a separate generator seed (11, 25,000 records), not on the
 * benchmark's own data: review where about 60 % of offered pairs are duplicates, auto-flag where
 * more than 90 % are. Hardening changes the scale of Dice, so each needs its own.
 */
export const DICE_BANDS: Readonly<Record<Hardening, { review: number; autoFlag: number }>> = {
  none: { review: 0.76, autoFlag: 0.84 },
  balance: { review: 0.8, autoFlag: 0.86 },
  diffusion: { review: 0.61, autoFlag: 0.68 },
};

/**
 * Bloom-filter linkage: records are encoded once with a keyed CLK, then hardened each way;
 * candidate pairs come from the same blocking as the engine (in a real exchange the blocking
 * keys are sent as keyed hashes, which keeps equal keys equal), and each pair is scored by Dice.
 */
export function bloomDiceScores(records: readonly MatchRecord[], today: Today, secret: Uint8Array): { encodeSeconds: number; scores: Record<Hardening, ScoredPair[]> } {
  const start = performance.now();
  const encoder = createClkEncoder(nodeHmac, secret, { today });
  const clks = records.map((r) => encoder.encode(r));
  const encodeSeconds = (performance.now() - start) / 1000;
  const table = new TokenTable();
  const candidates = scanCandidatePairs(prepareAll(records, table, { today }), table, null);
  const scores = {} as Record<Hardening, ScoredPair[]>;
  for (const hardening of ['none', 'balance', 'diffusion'] as const) {
    const harden = createHardener(nodeHmac, secret, encoder.layout.bits, hardening);
    const filters = clks.map(harden);
    const out: ScoredPair[] = [];
    for (let k = 0; k < candidates.count; k++) {
      const i = candidates.a[k] as number;
      const j = candidates.b[k] as number;
      out.push({ idA: (records[i] as MatchRecord).id, idB: (records[j] as MatchRecord).id, score: dice(filters[i] as Uint32Array, filters[j] as Uint32Array) });
    }
    scores[hardening] = out;
  }
  return { encodeSeconds, scores };
}
