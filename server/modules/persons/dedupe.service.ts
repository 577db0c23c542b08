// The batch over all persons (nightly, or `lots persons dedupe`): every pair scoring at or
// above the review band (0.80) goes into the review queue with its explanation. Idempotent:
// a pair is stored once (lower id first); re-running refreshes the score of an open pair and
// never touches a decided one, so a "not the same" or a merge is never reopened. An open pair
// offered only through a third person (corroboration) is withdrawn when a run no longer offers
// it, and a "not the same" pair never supports one. Loading and
// writing run here, on the main thread; the model fit, the scan and the explanations (tens of
// seconds at 100,000 persons) run in a worker thread, so the server keeps answering meanwhile.
import { sql, type Kysely, type Transaction } from 'kysely';
import { todayFrom, type Today } from '../../../domain/matching/birth-date.js';
import { systemActor } from '../../auth/actor.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { DB } from '../../db/schema.js';
import type { DedupePairs, DedupeProgress, PairRow } from './dedupe-pairs.js';
import type { DedupeWorkerInput, DedupeWorkerMessage } from './dedupe-worker.js';
import { loadMatchRows, pruneIndexChanges } from './person-index.repository.js';
import type { PersonMatchRow } from './person-record.js';
import { regionsOf } from './person.repository.js';
import { startWorker } from './start-worker.js';

export type { DedupeProgress, DedupeStage } from './dedupe-pairs.js';

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
  /**
   * Open pairs offered before only through a third person, which this run no longer offers (a
   * support was marked "not the same", or the records changed): taken out of the queue.
   */
  withdrawn: number;
  model: 'fitted' | 'reference';
  seconds: number;
}

const CHUNK = 500;

export interface WorkerPairs extends DedupePairs {
  /** The worker's thread id (never the main thread's 0). */
  threadId: number;
  /** Time the worker spent computing, in milliseconds. */
  computeMs: number;
}

/**
 * dedupePairs (fit, scan, finish, explain) in a worker thread, so the event loop stays free:
 * rows in, pair rows out, progress forwarded. Rejects with the worker's message when it fails;
 * the worker is terminated either way.
 */
export function dedupePairsInWorker(rows: PersonMatchRow[], today: Today, onProgress?: (p: DedupeProgress) => void, different: [string, string][] = []): Promise<WorkerPairs> {
  return new Promise<WorkerPairs>((resolve, reject) => {
    const input: DedupeWorkerInput = { rows, today, different };
    const worker = startWorker(new URL('./dedupe-worker.js', import.meta.url), input);
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      worker.removeAllListeners('message');
      worker
        .terminate()
        .catch(() => undefined)
        .finally(outcome);
    };
    worker.on('message', (m: DedupeWorkerMessage) => {
      if (m.type === 'progress') onProgress?.(m.progress);
      else if (m.type === 'done') settle(() => resolve({ ...m.result, threadId: m.threadId, computeMs: m.computeMs }));
      else settle(() => reject(new Error(m.message)));
    });
    worker.on('error', (err) => settle(() => reject(err)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the duplicate search worker stopped (exit code ${code}) before it finished`))));
  });
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

/** The pairs coordinators marked "not the same", as person ids. */
async function notSamePairs(db: Kysely<DB>): Promise<[string, string][]> {
  const rows = await db.selectFrom('person_match_candidates').select(['person_a', 'person_b']).where('status', '=', 'not_same').execute();
  return rows.map((r) => [r.person_a, r.person_b]);
}

/**
 * Deletes the open pairs whose stored explanation rests on a third person and which this run
 * did not offer again. Pairs scored on their own records stay as they are (see the note on
 * re-running above); a decided pair is never touched.
 */
async function withdrawUnsupported(trx: Transaction<DB>, offered: readonly PairRow[]): Promise<number> {
  const keep = new Set(offered.map((p) => `${p.person_a} ${p.person_b}`));
  const corroborated = await trx
    .selectFrom('person_match_candidates')
    .select(['id', 'person_a', 'person_b'])
    .where('status', '=', 'open')
    .where(sql<boolean>`explanation ? 'corroboration'`)
    // A pair a merge once closed (and an unmerge reopened) stays: the merge's record points at it.
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('person_merges').select('person_merges.id').whereRef('person_merges.candidate_id', '=', 'person_match_candidates.id'))))
    .execute();
  const stale = corroborated.filter((r) => !keep.has(`${r.person_a} ${r.person_b}`)).map((r) => r.id);
  for (let i = 0; i < stale.length; i += CHUNK) {
    await trx.deleteFrom('person_match_candidates').where('id', 'in', stale.slice(i, i + CHUNK)).execute();
  }
  return stale.length;
}

export async function runDedupe(db: Kysely<DB>, onProgress?: (p: DedupeProgress) => void): Promise<DedupeResult> {
  const started = performance.now();
  const rows = await loadMatchRows(db);
  const persons = rows.length;
  onProgress?.({ stage: 'load', done: persons, total: persons });
  const different = await notSamePairs(db);
  const { pairs, comparedPairs, fitted } = await dedupePairsInWorker(rows, todayFrom(new Date()), onProgress, different);
  const actor = systemActor('dedupe');
  const written = await db.transaction().execute(async (trx) => {
    const counts = await writePairs(trx, pairs, onProgress);
    const withdrawn = await withdrawUnsupported(trx, pairs);
    const result: DedupeResult = {
      persons,
      comparedPairs,
      pairs: pairs.length,
      ...counts,
      alreadyDecided: pairs.length - counts.inserted - counts.updated,
      withdrawn,
      model: fitted ? 'fitted' : 'reference',
      seconds: 0,
    };
    await recordAudit(trx, actor, { action: 'person.dedupe', resourceType: 'system', details: { ...result, seconds: undefined } });
    await pruneIndexChanges(trx);
    return result;
  });
  return { ...written, seconds: Number(((performance.now() - started) / 1000).toFixed(2)) };
}
