// The worker thread that fits the match index's model (person-index.ts starts it): receives the
// persons' match records in chunks, fits the model to them (person-model.ts, seconds at 100,000
// persons) and sends back the model alone, which is plain data. The records are prepared and
// filed on the main thread, in slices, meanwhile. No database access and no keys here.
import { parentPort, threadId, workerData } from 'node:worker_threads';
import type { Today } from '../../../domain/matching/birth-date.js';
import type { MatchModel } from '../../../domain/matching/model.js';
import type { MatchRecord } from '../../../domain/matching/types.js';
import { modelForRecords } from './person-model.js';

export interface FitWorkerInput {
  today: Today;
}

export type FitWorkerRequest = { type: 'records'; records: MatchRecord[] } | { type: 'fit' };

export type FitWorkerMessage =
  | { type: 'done'; model: MatchModel; fitted: boolean; threadId: number; computeMs: number }
  | { type: 'failed'; message: string };

const port = parentPort;
if (port === null) throw new Error('person-fit-worker.ts runs as a worker thread (see person-index.ts)');
const post = (m: FitWorkerMessage) => port.postMessage(m);
const { today } = workerData as FitWorkerInput;
const records: MatchRecord[] = [];
port.on('message', (m: FitWorkerRequest) => {
  if (m.type === 'records') {
    for (const r of m.records) records.push(r);
    return;
  }
  try {
    const started = performance.now();
    const { model, fitted } = modelForRecords(records, today);
    post({ type: 'done', model, fitted, threadId, computeMs: performance.now() - started });
  } catch (err: unknown) {
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
});
