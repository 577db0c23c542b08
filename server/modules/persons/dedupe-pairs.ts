// The CPU-heavy part of the duplicate search, with no database access: fit the model to the
// persons, scan the candidate pairs, finish the batch and explain every pair at or above the
// review band. Plain data in (match rows, today) and out (pair rows, counts), so it runs the same
// on the main thread and in the worker of dedupe-worker.ts.
import { finishBatch } from '../../../domain/matching/batch.js';
import type { Today } from '../../../domain/matching/birth-date.js';
import { scanCandidatePairs } from '../../../domain/matching/candidate-pairs.js';
import { compareRecords } from '../../../domain/matching/compare.js';
import type { PreparedRecord } from '../../../domain/matching/prepare.js';
import { scoreComparison } from '../../../domain/matching/score.js';
import { modelForRecords } from './person-model.js';
import { explanationOf } from './person.presenter.js';
import { matchRecordOfRow, type PersonMatchRow } from './person-record.js';

export type DedupeStage = 'load' | 'fit' | 'scan' | 'explain' | 'write';

export interface DedupeProgress {
  stage: DedupeStage;
  done: number;
  total: number;
}

export interface PairRow {
  person_a: string;
  person_b: string;
  probability: number;
  band: 'auto_flag' | 'review';
  explanation: string;
}

export interface DedupePairs {
  pairs: PairRow[];
  /** Pairs the blocking let through and the model scored. */
  comparedPairs: number;
  fitted: boolean;
}

export function dedupePairs(rows: readonly PersonMatchRow[], today: Today, onProgress?: (p: DedupeProgress) => void): DedupePairs {
  const pm = modelForRecords(rows.map(matchRecordOfRow), today);
  onProgress?.({ stage: 'fit', done: 1, total: 1 });
  const scanned = scanCandidatePairs(pm.prepared, pm.table, pm.model);
  onProgress?.({ stage: 'scan', done: scanned.count, total: scanned.count });
  const batch = finishBatch(pm.prepared, pm.model, scanned, { model: pm.model, minBand: 'review' });
  const byId = new Map<string, PreparedRecord>(pm.prepared.map((p) => [p.id, p]));
  const pairs: PairRow[] = [];
  batch.pairs.forEach((p, k) => {
    const [x, y] = p.recordIdA < p.recordIdB ? [p.recordIdA, p.recordIdB] : [p.recordIdB, p.recordIdA];
    const a = byId.get(x) as PreparedRecord;
    const b = byId.get(y) as PreparedRecord;
    const score = scoreComparison(pm.model, compareRecords(pm.table, a, b), a, b);
    if (score.band !== 'none') {
      pairs.push({ person_a: x, person_b: y, probability: score.probability, band: score.band, explanation: JSON.stringify(explanationOf(score)) });
    }
    if (k % 1000 === 999) onProgress?.({ stage: 'explain', done: k + 1, total: batch.pairs.length });
  });
  onProgress?.({ stage: 'explain', done: batch.pairs.length, total: batch.pairs.length });
  return { pairs, comparedPairs: scanned.count, fitted: pm.fitted };
}
