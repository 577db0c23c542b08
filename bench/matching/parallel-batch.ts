// The batch on several cores: the main thread prepares the records and fits the model while
// helper workers prepare their own copies; then the main thread and each helper scan one shard
// of the candidate pairs, and the main thread merges them and finishes (prior, probabilities,
// bands). The result is exactly matchBatch's. This is the shape the CLI can take over; it lives
// here because domain/ is pure.

import { Worker } from 'node:worker_threads';
import { finishBatch, prepareBatch } from '../../domain/matching/batch';
import type { BatchOptions, BatchResult } from '../../domain/matching/batch';
import { mergeCandidatePairs, scanCandidatePairs } from '../../domain/matching/candidate-pairs';
import type { CandidatePairs } from '../../domain/matching/candidate-pairs';
import type { MatchRecord } from '../../domain/matching/types';
import type { WorkerInput } from './batch-worker';

/**
 * The main thread's share of the candidate scan, by thread count: with two threads an even split
 * left it idle for a quarter of its scan, waiting for the helper (which scores the pairs it
 * collected, then sends them). Measured on 25,000 records; an even split otherwise.
 */
const SHARE_OF_MAIN: Readonly<Record<number, number>> = { 2: 0.56 };

/** `threads` counts the main thread: 2 means the main thread and one helper. */
export async function matchBatchParallel(records: readonly MatchRecord[], options: BatchOptions & { threads: number; today: NonNullable<BatchOptions['today']> }): Promise<BatchResult> {
  const shards = Math.max(1, options.threads);
  const first = SHARE_OF_MAIN[shards];
  const helpers = Array.from({ length: shards - 1 }, (_, k) => {
    const input: WorkerInput = { records: [...records], today: options.today, shard: { index: k + 1, count: shards, first }, blocking: options.blocking };
    // Helpers load TypeScript through tsx's loader, as the benchmark itself is run; Node 20 does
    // not pass --import on to workers, so a two-line bootstrap registers it.
    const entry = JSON.stringify(new URL('./batch-worker.ts', import.meta.url).href);
    const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${entry}); });`;
    return new Worker(bootstrap, { eval: true, workerData: input });
  });
  try {
    const { prepared, table, model } = prepareBatch(records, options);
    const pending = helpers.map(
      (worker) =>
        new Promise<CandidatePairs>((resolve, reject) => {
          worker.once('message', (part: CandidatePairs) => resolve(part));
          worker.once('error', reject);
          worker.postMessage(model);
        }),
    );
    const own = scanCandidatePairs(prepared, table, model, options.blocking, { index: 0, count: shards, first });
    const parts = [own, ...(await Promise.all(pending))];
    return finishBatch(prepared, table, model, mergeCandidatePairs(parts), options);
  } finally {
    await Promise.all(helpers.map((w) => w.terminate()));
  }
}
