// One worker of the parallel batch: prepares the same records as the main thread (token ids come
// out identical, as preparation is deterministic) and collects its shard's blocked pairs, which
// need no model, while the main thread fits one; then scores them under the fitted model and
// sends them back as transferable typed arrays.

import { parentPort, workerData } from 'node:worker_threads';
import type { Today } from '../../domain/matching/birth-date';
import type { BlockingOptions } from '../../domain/matching/blocking';
import { collectBlockedPairs, scoreBlockedPairs } from '../../domain/matching/candidate-pairs';
import type { Shard } from '../../domain/matching/candidate-pairs';
import type { MatchModel } from '../../domain/matching/model';
import { prepareAll } from '../../domain/matching/prepare';
import { TokenTable } from '../../domain/matching/token-table';
import type { MatchRecord } from '../../domain/matching/types';

export interface WorkerInput {
  records: MatchRecord[];
  today: Today;
  shard: Shard;
  blocking?: BlockingOptions;
}

const input = workerData as WorkerInput;
const table = new TokenTable();
const prepared = prepareAll(input.records, table, { today: input.today });
const blocked = collectBlockedPairs(prepared, table, input.blocking, input.shard);

parentPort?.once('message', (model: MatchModel) => {
  const result = scoreBlockedPairs(prepared, table, model, blocked);
  const a = result.a.slice(0, result.count);
  const b = result.b.slice(0, result.count);
  const weight = result.weight.slice(0, result.count);
  const pattern = result.pattern.slice(0, result.count);
  const patternCounts = result.patternCounts.slice();
  parentPort?.postMessage({ a, b, weight, pattern, count: result.count, patternCounts }, [a.buffer, b.buffer, weight.buffer, pattern.buffer, patternCounts.buffer]);
});
