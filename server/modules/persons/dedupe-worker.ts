// The worker thread of the duplicate search (dedupe.service.ts starts it): runs dedupePairs on
// the rows it was given, reports progress on the way and sends the pairs back. No database
// access here; loading and writing stay on the main thread.
import { parentPort, threadId, workerData } from 'node:worker_threads';
import type { Today } from '../../../domain/matching/birth-date.js';
import { dedupePairs, type DedupePairs, type DedupeProgress } from './dedupe-pairs.js';
import type { PersonMatchRow } from './person-record.js';

export interface DedupeWorkerInput {
  rows: PersonMatchRow[];
  today: Today;
  /** Pairs of person ids marked "not the same" (see dedupePairs). */
  different?: [string, string][];
}

export type DedupeWorkerMessage =
  | { type: 'progress'; progress: DedupeProgress }
  | { type: 'done'; result: DedupePairs; threadId: number; computeMs: number }
  | { type: 'failed'; message: string; stack?: string };

const port = parentPort;
if (port === null) throw new Error('dedupe-worker.ts runs as a worker thread (see dedupe.service.ts)');
const post = (m: DedupeWorkerMessage) => port.postMessage(m);
const input = workerData as DedupeWorkerInput;
try {
  const started = performance.now();
  const result = dedupePairs(input.rows, input.today, (progress) => post({ type: 'progress', progress }), input.different);
  post({ type: 'done', result, threadId, computeMs: performance.now() - started });
} catch (err: unknown) {
  post({ type: 'failed', message: err instanceof Error ? err.message : String(err), stack: err instanceof Error ? err.stack : undefined });
}
