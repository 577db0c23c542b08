// The registration-time match index: every person in memory (domain/matching MatchIndex), built
// on first use and kept in step with the persons table through its change log (migration
// 0006): before each lookup the index reads the table's generation; when it moved, it reads the
// ids logged since and re-adds those persons (a changed or deleted person's old entry is left
// in the engine's index but no longer counts). The model is refitted in the background, while
// the current index keeps answering, once a fifth of the index has changed or it is a day old;
// the new index is caught up with the changes made while it was built, then swapped in. An
// index that missed pruned log entries is rebuilt before it answers. One build or refresh at a
// time per database; callers wait for it.
//
// A build never holds the event loop for long (seconds at 100,000 persons in one piece): the
// model is fitted in a worker thread (person-fit-worker.ts), and decrypting, preparing and
// filing the records run on the main thread in slices (person-index.slices.ts).
import type { Worker } from 'node:worker_threads';
import type { Kysely } from 'kysely';
import { todayFrom, type Today } from '../../../domain/matching/birth-date.js';
import { doubleMetaphone } from '../../../domain/matching/double-metaphone.js';
import { MatchIndex } from '../../../domain/matching/match-index.js';
import type { MatchModel } from '../../../domain/matching/model.js';
import { tokeniseName } from '../../../domain/matching/normalise.js';
import { prepareRecord, type PreparedRecord } from '../../../domain/matching/prepare.js';
import type { PairScore } from '../../../domain/matching/score.js';
import { TokenTable } from '../../../domain/matching/token-table.js';
import type { MatchRecord } from '../../../domain/matching/types.js';
import type { DB } from '../../db/schema.js';
import type { FitWorkerInput, FitWorkerMessage, FitWorkerRequest } from './person-fit-worker.js';
import { FIT_MIN_RECORDS, referenceModel } from './person-model.js';
import { matchRecordOfRow } from './person-record.js';
import { changedPersonIds, fetchMatchRows, indexState, openMatchRows } from './person-index.repository.js';
import { Slicer } from './person-index.slices.js';
import { startWorker } from './start-worker.js';

const MAX_AGE_MS = 24 * 60 * 60 * 1000;
const REFIT_SHARE = 0.2;
const REFIT_MIN_CHANGES = 500;
/** After a failed background refit, the next attempt waits this long. */
const REFIT_RETRY_MS = 60_000;
/** Records per message to the fit worker: each message is copied on the main thread. */
const SEND_CHUNK = 2_000;

export interface PersonHit {
  personId: string;
  protectedIdentity: boolean;
  score: PairScore;
}

interface Entry {
  record: MatchRecord;
  protectedIdentity: boolean;
}

/** Where the model was fitted: the worker's thread id and its computing time (null: the reference model, no fit). */
export interface FitInfo {
  threadId: number;
  computeMs: number;
}

export class PersonIndex {
  private changes = 0;

  constructor(
    readonly model: MatchModel,
    private readonly index: MatchIndex,
    private readonly entries: Map<string, Entry>,
    public generation: number,
    readonly fittedSize: number,
    readonly builtAt: number,
    readonly fitted: boolean,
    readonly fit: FitInfo | null = null,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Whether enough has changed since the fit (or enough time passed) to fit again. */
  get needsRefit(): boolean {
    return this.changes > Math.max(REFIT_MIN_CHANGES, REFIT_SHARE * this.fittedSize) || Date.now() - this.builtAt > MAX_AGE_MS;
  }

  /**
   * Persons as they are now: `rows` holds the current row of each id still present. The rows are
   * prepared and filed in slices; the entries, which decide what a lookup returns, change only at
   * the end, at once, so a lookup between two slices sees the index as it was.
   */
  async apply(ids: readonly string[], rows: readonly { id: string; protected_identity: boolean; record: MatchRecord }[], generation: number, slicer = new Slicer()): Promise<void> {
    for (const row of rows) {
      this.index.add(row.record);
      if (slicer.due) await slicer.pause();
    }
    for (const id of ids) this.entries.delete(id);
    for (const row of rows) this.entries.set(row.id, { record: row.record, protectedIdentity: row.protected_identity });
    this.changes += ids.length;
    this.generation = generation;
  }

  /** Scored candidates at or above `minProbability` (the review band by default), best first. */
  lookup(record: MatchRecord, options: { minProbability?: number; limit?: number } = {}): PersonHit[] {
    const hits: PersonHit[] = [];
    for (const hit of this.index.lookup(record, { minProbability: options.minProbability })) {
      const entry = this.entries.get(hit.record.id);
      // An entry replaced by a later version of the person, or a deleted person, is skipped.
      if (entry === undefined || entry.record !== hit.record) continue;
      hits.push({ personId: hit.record.id, protectedIdentity: entry.protectedIdentity, score: hit.score });
      if (options.limit !== undefined && hits.length >= options.limit) break;
    }
    return hits;
  }
}

/**
 * prepareAll (domain/matching/prepare.ts) in slices, with the same result: the records' name
 * tokens are interned in phonetic order first, then each record is prepared.
 */
export async function prepareInSlices(records: readonly MatchRecord[], table: TokenTable, today: Today, slicer = new Slicer()): Promise<PreparedRecord[]> {
  const distinct = new Set<string>();
  for (const r of records) {
    for (const t of tokeniseName(r.givenNames ?? '')) distinct.add(t);
    for (const t of tokeniseName(r.familyNames ?? '')) distinct.add(t);
    if (slicer.due) await slicer.pause();
  }
  const keyed: (readonly [string, string])[] = [];
  for (const t of distinct) {
    keyed.push([doubleMetaphone(t)[0], t]);
    if (slicer.due) await slicer.pause();
  }
  keyed.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
  if (slicer.due) await slicer.pause();
  for (const [, token] of keyed) {
    table.intern(token);
    if (slicer.due) await slicer.pause();
  }
  const prepared: PreparedRecord[] = [];
  for (const r of records) {
    prepared.push(prepareRecord(r, table, { today }));
    if (slicer.due) await slicer.pause();
  }
  return prepared;
}

interface FitResult {
  model: MatchModel;
  fitted: boolean;
  fit: FitInfo;
}

/** A fit worker: records sent in chunks, then `result()` fits and resolves with the model. */
class FitInWorker {
  private readonly worker: Worker;
  private readonly outcome: Promise<FitResult>;
  private closed = false;

  constructor(today: Today) {
    const input: FitWorkerInput = { today };
    this.worker = startWorker(new URL('./person-fit-worker.js', import.meta.url), input);
    this.outcome = new Promise<FitResult>((resolve, reject) => {
      this.worker.on('message', (m: FitWorkerMessage) => {
        if (m.type === 'done') resolve({ model: m.model, fitted: m.fitted, fit: { threadId: m.threadId, computeMs: m.computeMs } });
        else reject(new Error(`the person index's model fit failed: ${m.message}`));
      });
      this.worker.on('error', reject);
      this.worker.on('exit', (code) => reject(new Error(`the person index's fit worker stopped (exit code ${code}) before it finished`)));
    });
    // Awaited in result(); a failure before then must not count as unhandled.
    this.outcome.catch(() => undefined);
  }

  async send(records: readonly MatchRecord[], slicer: Slicer): Promise<void> {
    for (let i = 0; i < records.length; i += SEND_CHUNK) {
      const request: FitWorkerRequest = { type: 'records', records: records.slice(i, i + SEND_CHUNK) };
      this.worker.postMessage(request);
      if (slicer.due) await slicer.pause();
    }
  }

  start(): void {
    const request: FitWorkerRequest = { type: 'fit' };
    this.worker.postMessage(request);
  }

  result(): Promise<FitResult> {
    return this.outcome;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.worker.removeAllListeners();
    // Swallow the error a terminated worker may report on its way out.
    this.worker.on('error', () => undefined);
    void this.worker.terminate().catch(() => undefined);
  }
}

/** A new index from the persons table; `onSnapshot` learns the generation it was read at. */
async function build(db: Kysely<DB>, onSnapshot?: (generation: number) => void): Promise<PersonIndex> {
  const { state, stored } = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => ({ state: await indexState(trx), stored: await fetchMatchRows(trx) }));
  onSnapshot?.(state.generation);
  const today = todayFrom(new Date());
  const slicer = new Slicer();
  // The worker starts up while the names are decrypted.
  const worker = stored.length >= FIT_MIN_RECORDS ? new FitInWorker(today) : null;
  try {
    const rows = await openMatchRows(stored, slicer);
    const records: MatchRecord[] = [];
    for (const row of rows) {
      records.push(matchRecordOfRow(row));
      if (slicer.due) await slicer.pause();
    }
    if (worker !== null) {
      await worker.send(records, slicer);
      worker.start();
    }
    // Prepared here while the worker fits (the same records, the same preparation).
    const table = new TokenTable();
    const prepared = await prepareInSlices(records, table, today, slicer);
    const { model, fitted, fit } = worker !== null ? await worker.result() : { model: referenceModel(records.length), fitted: false, fit: null };
    worker?.close();
    const index = new MatchIndex(model, table, { today });
    const entries = new Map<string, Entry>();
    for (let i = 0; i < prepared.length; i++) {
      const p = prepared[i] as PreparedRecord;
      index.addPrepared(p);
      entries.set(p.id, { record: p.source, protectedIdentity: rows[i]?.protected_identity ?? false });
      if (slicer.due) await slicer.pause();
    }
    return new PersonIndex(model, index, entries, state.generation, records.length, Date.now(), fitted, fit);
  } finally {
    worker?.close();
  }
}

async function refresh(db: Kysely<DB>, current: PersonIndex): Promise<void> {
  const changed = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const state = await indexState(trx);
      if (state.generation <= current.generation) return null;
      const ids = await changedPersonIds(trx, current.generation, state.generation);
      return { generation: state.generation, ids, stored: ids.length === 0 ? [] : await fetchMatchRows(trx, ids) };
    });
  if (changed === null) return;
  const slicer = new Slicer();
  const rows = await openMatchRows(changed.stored, slicer);
  await current.apply(
    changed.ids,
    rows.map((r) => ({ id: r.id, protected_identity: r.protected_identity, record: matchRecordOfRow(r) })),
    changed.generation,
    slicer,
  );
}

interface Slot {
  current: PersonIndex | null;
  /** A first build or an incremental refresh that callers wait for. */
  pending: Promise<PersonIndex> | null;
  /** A refit in the background; the current index keeps answering meanwhile. */
  rebuilding: Promise<void> | null;
  /** The generation the refit read the persons at, once it has. */
  rebuildSnapshot: number | null;
  /** No refit is started before this time (after a failed one). */
  refitAfter: number;
}

const slots = new WeakMap<Kysely<DB>, Slot>();

function slotFor(db: Kysely<DB>): Slot {
  let slot = slots.get(db);
  if (slot === undefined) {
    slot = { current: null, pending: null, rebuilding: null, rebuildSnapshot: null, refitAfter: 0 };
    slots.set(db, slot);
  }
  return slot;
}

function startRefit(db: Kysely<DB>, s: Slot): void {
  s.rebuildSnapshot = null;
  s.rebuilding = build(db, (generation) => {
    s.rebuildSnapshot = generation;
  })
    .then(async (fresh) => {
      // Persons written while it was built are added before it answers.
      await refresh(db, fresh);
      s.current = fresh;
    })
    .catch(() => {
      s.refitAfter = Date.now() + REFIT_RETRY_MS;
    })
    .finally(() => {
      s.rebuilding = null;
      s.rebuildSnapshot = null;
    });
}

/** The index of `db`'s persons, up to date with every committed write. */
export async function personIndexFor(db: Kysely<DB>): Promise<PersonIndex> {
  const s = slotFor(db);
  if (s.pending !== null) return s.pending;
  const state = await indexState(db);
  if (s.current !== null && s.current.needsRefit && s.rebuilding === null && Date.now() >= s.refitAfter) startRefit(db, s);
  // The refit is swapped in when done; it may be a few generations behind, which the next call catches up.
  if (s.current !== null && s.current.generation === state.generation) return s.current;
  if (s.pending !== null) return s.pending;
  const work = (async () => {
    // Without the log entries it needs (pruned), an index cannot catch up, and a generation
    // that went back means the table was restored from a backup: both are rebuilt.
    const current = s.current;
    if (current === null || current.generation < state.prunedThrough || current.generation > state.generation) {
      s.current = await build(db);
      return s.current;
    }
    await refresh(db, current);
    return current;
  })();
  s.pending = work;
  try {
    return await work;
  } finally {
    s.pending = null;
  }
}

/** Whether a refit is running in the background, and the generation it read the persons at (tests, monitoring). */
export function personIndexRefit(db: Kysely<DB>): { snapshotGeneration: number | null } | null {
  const s = slots.get(db);
  return s?.rebuilding ? { snapshotGeneration: s.rebuildSnapshot } : null;
}

/** Drops the cached index (tests, and after restoring a backup into the same process). */
export function forgetPersonIndex(db: Kysely<DB>): void {
  slots.delete(db);
}
