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
import type { BatchPair } from '../../../domain/matching/batch.js';
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

/**
 * `different`: pairs of person ids a coordinator marked "not the same"; they neither support nor
 * receive corroboration through a third person (domain/matching/corroborate.ts).
 */
export function dedupePairs(rows: readonly PersonMatchRow[], today: Today, onProgress?: (p: DedupeProgress) => void, different: ReadonlyArray<readonly [string, string]> = []): DedupePairs {
  const pm = modelForRecords(rows.map(matchRecordOfRow), today);
  onProgress?.({ stage: 'fit', done: 1, total: 1 });
  const scanned = scanCandidatePairs(pm.prepared, pm.table, pm.model);
  onProgress?.({ stage: 'scan', done: scanned.count, total: scanned.count });
  // A protected identity never corroborates a pair: its reviewers could tell from the supports
  // that such a record exists (the pairs it is in are shown only to its named users).
  const protectedIds = new Set(rows.filter((r) => r.protected_identity).map((r) => r.id));
  const mayCorroborate = (id: string) => !protectedIds.has(id);
  const batch = finishBatch(pm.prepared, pm.table, pm.model, scanned, { model: pm.model, minBand: 'review', different, mayCorroborate });
  const byId = new Map<string, PreparedRecord>(pm.prepared.map((p) => [p.id, p]));
  const pairs: PairRow[] = [];
  batch.pairs.forEach((p, k) => {
    const [x, y] = p.recordIdA < p.recordIdB ? [p.recordIdA, p.recordIdB] : [p.recordIdB, p.recordIdA];
    const a = byId.get(x) as PreparedRecord;
    const b = byId.get(y) as PreparedRecord;
    // The evidence of the two records themselves; a corroborated pair adds what raised it.
    const score = scoreComparison(pm.model, compareRecords(pm.table, a, b), a, b);
    const c = p.corroboration;
    const band = c === undefined ? score.band : p.band;
    if (band !== 'none') {
      const explanation = { ...explanationOf(score), ...(c === undefined ? {} : { corroboration: corroborationOf(c, x === p.recordIdA) }) };
      pairs.push({ person_a: x, person_b: y, probability: c === undefined ? score.probability : p.score, band, explanation: JSON.stringify(explanation) });
    }
    if (k % 1000 === 999) onProgress?.({ stage: 'explain', done: k + 1, total: batch.pairs.length });
  });
  onProgress?.({ stage: 'explain', done: batch.pairs.length, total: batch.pairs.length });
  return { pairs, comparedPairs: scanned.count, fitted: pm.fitted };
}

/** What the stored explanation keeps of a corroboration, supports in the stored pair's order. */
export interface StoredCorroboration {
  via: string;
  /** P(person_a = via) and P(via = person_b). */
  supports: [number, number];
  /** What the two persons' own records score. */
  direct: number;
}

function corroborationOf(c: NonNullable<BatchPair['corroboration']>, sameOrder: boolean): StoredCorroboration {
  const supports: [number, number] = sameOrder ? [c.supports[0], c.supports[1]] : [c.supports[1], c.supports[0]];
  const round = (x: number) => Number(x.toFixed(4));
  return { via: c.via, supports: [round(supports[0]), round(supports[1])], direct: round(c.direct) };
}
