// The duplicate search's CPU work runs in a worker thread: the same pairs, probabilities and
// explanations as on the main thread, progress forwarded, failures rejected with the worker's
// message, and the main thread's event loop left free meanwhile.
import { threadId as mainThreadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { Today } from '../../../domain/matching/birth-date.js';
import { dedupePairs, type DedupeProgress } from './dedupe-pairs.js';
import { dedupePairsInWorker } from './dedupe.service.js';
import { FIT_MIN_RECORDS } from './person-model.js';
import type { PersonMatchRow } from './person-record.js';
import { syntheticRows } from './synthetic-persons.test-helpers.js';

const today: Today = { year: 2026, month: 4, day: 1 };

describe('dedupePairsInWorker', () => {
  it('computes in another thread exactly what the main thread computes, fitted or not', async () => {
    for (const rows of [syntheticRows(60), syntheticRows(FIT_MIN_RECORDS + 500, 11)]) {
      const progress: DedupeProgress[] = [];
      const inWorker = await dedupePairsInWorker(rows, today, (p) => progress.push(p));
      const here = dedupePairs(rows, today);
      expect(inWorker.threadId).not.toBe(mainThreadId);
      expect(inWorker.pairs.length).toBeGreaterThan(0);
      expect({ pairs: inWorker.pairs, comparedPairs: inWorker.comparedPairs, fitted: inWorker.fitted }).toEqual(here);
      expect(inWorker.fitted).toBe(rows.length >= FIT_MIN_RECORDS);
      expect([...new Set(progress.map((p) => p.stage))]).toEqual(['fit', 'scan', 'explain']);
      expect(progress.at(-1)).toMatchObject({ stage: 'explain', done: progress.at(-1)?.total });
    }
  });

  it("rejects with the worker's error message", async () => {
    const rows = [...syntheticRows(10), null] as unknown as PersonMatchRow[];
    let message = '';
    try {
      dedupePairs(rows, today);
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).not.toBe('');
    await expect(dedupePairsInWorker(rows, today)).rejects.toThrow(message);
  });

  it("leaves the main thread's event loop free while the worker computes", async () => {
    // A timer on the main thread measures the longest gap between its ticks. On the main thread
    // the computation would hold the loop for all of it; in the worker the longest gap is a small
    // part of it (the bound is deliberately lax: a gap under half the worker's computing time).
    const rows = syntheticRows(8_000, 5);
    let last = performance.now();
    let longestGap = 0;
    let ticks = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
      ticks++;
    }, 5);
    try {
      const result = await dedupePairsInWorker(rows, today);
      expect(result.threadId).not.toBe(mainThreadId);
      expect(result.computeMs).toBeGreaterThan(200);
      expect(ticks).toBeGreaterThan(0);
      expect(longestGap).toBeLessThan(result.computeMs / 2);
    } finally {
      clearInterval(timer);
    }
  });
});
