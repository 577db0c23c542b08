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
  const from = Math.floor((order.length * shard.index) / shard.count);
  const to = Math.floor((order.length * (shard.index + 1)) / shard.count);
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
