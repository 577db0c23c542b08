// Every blocked candidate pair of a set of prepared records, optionally with its field weight
// (the Bayes factor in bits, without the prior). Stored in growable typed arrays: a batch of
// 25,000 records yields about a million pairs, and an object per pair would dominate the time.
// The work can be split into shards that give exactly the pairs of the unsplit run between
// them, so a caller with worker threads can use several cores.

import { BlockingIndex } from './blocking';
import type { BlockingOptions } from './blocking';
import { compareRecords, emptyComparison } from './compare';
import type { MatchModel } from './model';
import { localityOrder } from './prepare';
import type { PreparedRecord } from './prepare';
import { PATTERN_COUNT, patternOf } from './prior-em';
import type { TokenTable } from './token-table';
import { fieldWeight } from './weights';

export interface CandidatePairs {
  /** Indexes into the records; each unordered pair appears once. */
  a: Int32Array;
  b: Int32Array;
  /** Field weights, when scanned with a model; otherwise zeros. */
  weight: Float64Array;
  /** Each pair's comparison pattern (see prior-em.ts), when scanned with a model; otherwise zeros. */
  pattern: Uint32Array;
  count: number;
  /** How many candidate pairs had each comparison pattern (see prior-em.ts); empty without a model. */
  patternCounts: Uint32Array;
}

export interface Shard {
  index: number;
  count: number;
  /**
   * The part of the locality order shard 0 takes (the rest is split evenly); 1 / count unless
   * given. The main thread scans its shard with the model at hand, while a helper has to score
   * pairs it collected earlier and send them back, so an even split left the main thread waiting.
   */
  first?: number;
}

/** Where shard `index` starts in a locality order of `length` records (the end of the last is `length`). */
function shardStart(length: number, shard: Shard, index: number): number {
  if (index <= 0) return 0;
  if (index >= shard.count) return length;
  const first = shard.first ?? 1 / shard.count;
  return Math.floor(length * (first + ((1 - first) * (index - 1)) / (shard.count - 1)));
}

class PairBuffer {
  a = new Int32Array(1024);
  b = new Int32Array(1024);
  weight = new Float64Array(1024);
  pattern = new Uint32Array(1024);
  count = 0;

  push(i: number, j: number, w: number, pattern: number): void {
    if (this.count === this.a.length) {
      const grow = <T extends Int32Array | Uint32Array | Float64Array>(x: T, make: (n: number) => T): T => {
        const next = make(x.length * 2);
        next.set(x);
        return next;
      };
      this.a = grow(this.a, (n) => new Int32Array(n));
      this.b = grow(this.b, (n) => new Int32Array(n));
      this.weight = grow(this.weight, (n) => new Float64Array(n));
      this.pattern = grow(this.pattern, (n) => new Uint32Array(n));
    }
    this.a[this.count] = i;
    this.b[this.count] = j;
    this.weight[this.count] = w;
    this.pattern[this.count] = pattern;
    this.count++;
  }
}

/**
 * Blocked pairs of `records`, scored when a model is given. Records are visited in locality
 * order (similar names together, which keeps the token data in the processor's cache); each is
 * looked up among those visited before it, then added. A shard looks up only its stretch of the
 * order but adds every record before it too, so shards together give the same pairs as one run.
 */
export function scanCandidatePairs(
  records: readonly PreparedRecord[],
  table: TokenTable,
  model: MatchModel | null,
  blocking: BlockingOptions = {},
  shard: Shard = { index: 0, count: 1 },
): CandidatePairs {
  const index = new BlockingIndex(table, blocking);
  const out = new PairBuffer();
  const scratch = emptyComparison();
  const patternCounts = new Uint32Array(model === null ? 0 : PATTERN_COUNT);
  const order = localityOrder(records);
  // A shard looks up one contiguous stretch of the locality order: names that sit together
  // share token pairs, whose levels each thread would otherwise work out again in its own cache.
  const from = shardStart(order.length, shard, shard.index);
  const to = shardStart(order.length, shard, shard.index + 1);
  for (let position = 0; position < order.length; position++) {
    const i = order[position] as number;
    const record = records[i] as PreparedRecord;
    if (position >= to) break; // later records are never looked up by this shard, nor needed as partners
    if (position >= from) {
      const count = index.collect(record);
      const found = index.found;
      for (let k = 0; k < count; k++) {
        const j = found[k] as number;
        if (model === null) {
          out.push(i, j, 0, 0);
          continue;
        }
        const other = records[j] as PreparedRecord;
        const comparison = compareRecords(table, record, other, scratch);
        const pattern = patternOf(comparison);
        out.push(i, j, fieldWeight(model, comparison, record, other), pattern);
        patternCounts[pattern] = (patternCounts[pattern] ?? 0) + 1;
      }
    }
    index.add(i, record);
  }
  return { a: out.a, b: out.b, weight: out.weight, pattern: out.pattern, count: out.count, patternCounts };
}

/** A shard's blocked pairs, in scan order, not yet scored. */
export interface BlockedPairs {
  a: Int32Array;
  b: Int32Array;
  count: number;
}

/**
 * The pairs scanCandidatePairs would score, without a model. A helper thread collects them while
 * the main thread is still fitting the model, which blocking does not need, and scores them when
 * the model arrives (scoreBlockedPairs): the same pairs in the same order as the fused scan.
 */
export function collectBlockedPairs(records: readonly PreparedRecord[], table: TokenTable, blocking: BlockingOptions = {}, shard: Shard = { index: 0, count: 1 }): BlockedPairs {
  const { a, b, count } = scanCandidatePairs(records, table, null, blocking, shard);
  return { a, b, count };
}

/** Score collected pairs under a model, as scanCandidatePairs with that model would have. */
export function scoreBlockedPairs(records: readonly PreparedRecord[], table: TokenTable, model: MatchModel, pairs: BlockedPairs): CandidatePairs {
  const { count } = pairs;
  const weight = new Float64Array(count);
  const pattern = new Uint32Array(count);
  const patternCounts = new Uint32Array(PATTERN_COUNT);
  const scratch = emptyComparison();
  for (let k = 0; k < count; k++) {
    const record = records[pairs.a[k] as number] as PreparedRecord;
    const other = records[pairs.b[k] as number] as PreparedRecord;
    const comparison = compareRecords(table, record, other, scratch);
    const p = patternOf(comparison);
    weight[k] = fieldWeight(model, comparison, record, other);
    pattern[k] = p;
    patternCounts[p] = (patternCounts[p] as number) + 1;
  }
  return { a: pairs.a, b: pairs.b, weight, pattern, count, patternCounts };
}

/** Join the shards of one scan. */
export function mergeCandidatePairs(parts: readonly CandidatePairs[]): CandidatePairs {
  const count = parts.reduce((n, p) => n + p.count, 0);
  const a = new Int32Array(count);
  const b = new Int32Array(count);
  const weight = new Float64Array(count);
  const pattern = new Uint32Array(count);
  const patternCounts = new Uint32Array(parts[0]?.patternCounts.length ?? 0);
  let offset = 0;
  for (const p of parts) {
    a.set(p.a.subarray(0, p.count), offset);
    b.set(p.b.subarray(0, p.count), offset);
    weight.set(p.weight.subarray(0, p.count), offset);
    pattern.set(p.pattern.subarray(0, p.count), offset);
    for (let k = 0; k < patternCounts.length; k++) patternCounts[k] = (patternCounts[k] as number) + (p.patternCounts[k] as number);
    offset += p.count;
  }
  return { a, b, weight, pattern, count, patternCounts };
}
