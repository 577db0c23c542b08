// The batch over all persons (nightly, or `lots persons dedupe`): every pair scoring at or
// above the review band (0.80) goes into the review queue with its explanation. Idempotent:
// a pair is stored once (lower id first); re-running refreshes the score of an open pair and
// never touches a decided one, so a "not the same" or a merge is never reopened.
import type { Kysely, Transaction } from 'kysely';
import { finishBatch } from '../../../domain/matching/batch.js';
import { scanCandidatePairs } from '../../../domain/matching/candidate-pairs.js';
import { compareRecords } from '../../../domain/matching/compare.js';
import type { PreparedRecord } from '../../../domain/matching/prepare.js';
import { scoreComparison } from '../../../domain/matching/score.js';
import { systemActor } from '../../auth/actor.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { DB } from '../../db/schema.js';
import { loadMatchRows, pruneIndexChanges } from './person-index.repository.js';
import { modelForRecords } from './person-model.js';
import { explanationOf } from './person.presenter.js';
import { matchRecordOfRow } from './person-record.js';
import { regionsOf } from './person.repository.js';

export type DedupeStage = 'load' | 'fit' | 'scan' | 'explain' | 'write';

export interface DedupeProgress {
  stage: DedupeStage;
  done: number;
  total: number;
}

export interface DedupeResult {
  persons: number;
  /** Pairs the blocking let through and the model scored. */
  comparedPairs: number;
  /** Pairs at or above the review band. */
  pairs: number;
  inserted: number;
  updated: number;
  /** Pairs already decided (merged or not the same), left alone. */
  alreadyDecided: number;
  model: 'fitted' | 'reference';
  seconds: number;
}

const CHUNK = 500;

interface PairRow {
  person_a: string;
  person_b: string;
  probability: number;
  band: 'auto_flag' | 'review';
  explanation: string;
}

async function writePairs(trx: Transaction<DB>, pairs: readonly PairRow[], onProgress?: (p: DedupeProgress) => void) {
  let inserted = 0;
  let updated = 0;
  for (let i = 0; i < pairs.length; i += CHUNK) {
    const chunk = pairs.slice(i, i + CHUNK);
    const regions = await regionsOf(trx, [...new Set(chunk.flatMap((p) => [p.person_a, p.person_b]))]);
    const rows = await trx
      .insertInto('person_match_candidates')
      .values(chunk.map((p) => ({ ...p, regions_a: regions.get(p.person_a) ?? [], regions_b: regions.get(p.person_b) ?? [] })))
      .onConflict((oc) =>
        oc
          .columns(['person_a', 'person_b'])
          .doUpdateSet((eb) => ({
            probability: eb.ref('excluded.probability'),
            band: eb.ref('excluded.band'),
            explanation: eb.ref('excluded.explanation'),
            regions_a: eb.ref('excluded.regions_a'),
            regions_b: eb.ref('excluded.regions_b'),
            updated_at: new Date(),
          }))
          .where('person_match_candidates.status', '=', 'open'),
      )
      // A fresh row has created_at = updated_at (both now()); an updated one has a later updated_at.
      .returning(['created_at', 'updated_at'])
      .execute();
    for (const r of rows) {
      if (new Date(r.created_at).getTime() === new Date(r.updated_at).getTime()) inserted++;
      else updated++;
    }
    onProgress?.({ stage: 'write', done: Math.min(pairs.length, i + CHUNK), total: pairs.length });
  }
  return { inserted, updated };
}

export async function runDedupe(db: Kysely<DB>, onProgress?: (p: DedupeProgress) => void): Promise<DedupeResult> {
  const started = performance.now();
  const rows = await loadMatchRows(db);
  onProgress?.({ stage: 'load', done: rows.length, total: rows.length });
  const pm = modelForRecords(rows.map(matchRecordOfRow));
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
  const actor = systemActor('dedupe');
  const written = await db.transaction().execute(async (trx) => {
    const counts = await writePairs(trx, pairs, onProgress);
    const result: DedupeResult = {
      persons: rows.length,
      comparedPairs: scanned.count,
      pairs: pairs.length,
      ...counts,
      alreadyDecided: pairs.length - counts.inserted - counts.updated,
      model: pm.fitted ? 'fitted' : 'reference',
      seconds: 0,
    };
    await recordAudit(trx, actor, { action: 'person.dedupe', resourceType: 'system', details: { ...result, seconds: undefined } });
    await pruneIndexChanges(trx);
    return result;
  });
  return { ...written, seconds: Number(((performance.now() - started) / 1000).toFixed(2)) };
}
