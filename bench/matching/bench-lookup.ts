// Registration-time lookup: an index of 100,000 invented persons, then new registrations looked
// up one at a time, as the registration form would. Reports the index build time, latency
// percentiles, and how often an earlier registration of the same person was offered.

import type { Today } from '../../domain/matching/birth-date';
import { fitModel } from '../../domain/matching/fit';
import { MatchIndex } from '../../domain/matching/match-index';
import { generateDataset } from './generate';

export interface LookupBench {
  indexed: number;
  queries: number;
  buildSeconds: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Of the queries whose person was already indexed, the share offered (review band or above). */
  found: number;
  /** Of the queries whose person was not indexed, the share offered anyone at all. */
  falseOffers: number;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number;
}

export function benchLookup(today: Today, indexed = 100_000, queries = 2_000, seed = 21): LookupBench {
  const data = generateDataset({ records: indexed + queries, seed });
  const stored = data.slice(0, indexed);
  const asked = data.slice(indexed);
  const start = performance.now();
  const { model, table, prepared } = fitModel(
    stored.map((l) => l.record),
    { today },
  );
  const index = new MatchIndex(model, table, { today });
  for (const r of prepared) index.addPrepared(r);
  const buildSeconds = (performance.now() - start) / 1000;
  const entityOf = new Map(stored.map((l) => [l.record.id, l.entity]));
  const known = new Set(stored.map((l) => l.entity));
  const times: number[] = [];
  let shouldFind = 0;
  let didFind = 0;
  let strangers = 0;
  let offeredToStrangers = 0;
  // A few warm-up lookups so the timings measure steady state, not compilation.
  for (const l of asked.slice(0, 50)) index.lookup(l.record);
  for (const l of asked) {
    const t = performance.now();
    const hits = index.lookup(l.record);
    times.push(performance.now() - t);
    if (known.has(l.entity)) {
      shouldFind++;
      if (hits.some((h) => entityOf.get(h.record.id) === l.entity)) didFind++;
    } else {
      strangers++;
      if (hits.length > 0) offeredToStrangers++;
    }
  }
  times.sort((a, b) => a - b);
  return {
    indexed,
    queries,
    buildSeconds,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
    max: times[times.length - 1] as number,
    found: shouldFind === 0 ? 1 : didFind / shouldFind,
    falseOffers: strangers === 0 ? 0 : offeredToStrangers / strangers,
  };
}
