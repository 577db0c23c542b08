// The registration-time match index: every person in memory (domain/matching MatchIndex), built
// on first use and kept in step with the persons table through its change log (migration
// 0006): before each lookup the index reads the table's generation; when it moved, it reads the
// ids logged since and re-adds those persons (a changed or deleted person's old entry is left
// in the engine's index but no longer counts). The model is refitted in the background, while
// the current index keeps answering, once a fifth of the index has changed or it is a day old;
// an index that missed pruned log entries is rebuilt before it answers. One build or refresh at
// a time per database; callers wait for it.
import type { Kysely } from 'kysely';
import { MatchIndex } from '../../../domain/matching/match-index.js';
import type { MatchModel } from '../../../domain/matching/model.js';
import type { PairScore } from '../../../domain/matching/score.js';
import type { MatchRecord } from '../../../domain/matching/types.js';
import type { DB } from '../../db/schema.js';
import { modelForRecords } from './person-model.js';
import { matchRecordOfRow } from './person-record.js';
import { changedPersonIds, indexState, loadMatchRows } from './person-index.repository.js';

const MAX_AGE_MS = 24 * 60 * 60 * 1000;
const REFIT_SHARE = 0.2;
const REFIT_MIN_CHANGES = 500;

export interface PersonHit {
  personId: string;
  protectedIdentity: boolean;
  score: PairScore;
}

interface Entry {
  record: MatchRecord;
  protectedIdentity: boolean;
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
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** Whether enough has changed since the fit (or enough time passed) to fit again. */
  get needsRefit(): boolean {
    return this.changes > Math.max(REFIT_MIN_CHANGES, REFIT_SHARE * this.fittedSize) || Date.now() - this.builtAt > MAX_AGE_MS;
  }

  /** Persons as they are now: `rows` holds the current row of each id still present. */
  apply(ids: readonly string[], rows: readonly { id: string; protected_identity: boolean; record: MatchRecord }[], generation: number): void {
    for (const id of ids) this.entries.delete(id);
    for (const row of rows) {
      this.index.add(row.record);
      this.entries.set(row.id, { record: row.record, protectedIdentity: row.protected_identity });
    }
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

async function build(db: Kysely<DB>): Promise<PersonIndex> {
  const { state, rows } = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => ({ state: await indexState(trx), rows: await loadMatchRows(trx) }));
  const records = rows.map(matchRecordOfRow);
  const { model, table, prepared, today, fitted } = modelForRecords(records);
  const index = new MatchIndex(model, table, { today });
  const entries = new Map<string, Entry>();
  prepared.forEach((p, i) => {
    index.addPrepared(p);
    entries.set(p.id, { record: p.source, protectedIdentity: rows[i]?.protected_identity ?? false });
  });
  return new PersonIndex(model, index, entries, state.generation, records.length, Date.now(), fitted);
}

async function refresh(db: Kysely<DB>, current: PersonIndex): Promise<void> {
  await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const state = await indexState(trx);
      if (state.generation <= current.generation) return;
      const ids = await changedPersonIds(trx, current.generation, state.generation);
      const rows = ids.length === 0 ? [] : await loadMatchRows(trx, ids);
      current.apply(
        ids,
        rows.map((r) => ({ id: r.id, protected_identity: r.protected_identity, record: matchRecordOfRow(r) })),
        state.generation,
      );
    });
}

interface Slot {
  current: PersonIndex | null;
  /** A first build or an incremental refresh that callers wait for. */
  pending: Promise<PersonIndex> | null;
  /** A refit in the background; the current index keeps answering meanwhile. */
  rebuilding: Promise<void> | null;
}

const slots = new WeakMap<Kysely<DB>, Slot>();

function slotFor(db: Kysely<DB>): Slot {
  let slot = slots.get(db);
  if (slot === undefined) {
    slot = { current: null, pending: null, rebuilding: null };
    slots.set(db, slot);
  }
  return slot;
}

/** The index of `db`'s persons, up to date with every committed write. */
export async function personIndexFor(db: Kysely<DB>): Promise<PersonIndex> {
  const s = slotFor(db);
  if (s.pending !== null) return s.pending;
  const state = await indexState(db);
  if (s.current !== null && s.current.needsRefit && s.rebuilding === null) {
    // Swapped in when done; it may be a few generations behind, which the next call catches up.
    s.rebuilding = build(db)
      .then((fresh) => {
        s.current = fresh;
      })
      .catch(() => undefined)
      .finally(() => {
        s.rebuilding = null;
      });
  }
  if (s.current !== null && s.current.generation === state.generation) return s.current;
  if (s.pending !== null) return s.pending;
  const work = (async () => {
    // Without the log entries it needs (pruned), an index cannot catch up, and a generation
    // that went back means the table was restored from a backup: both are rebuilt.
    if (s.current === null || s.current.generation < state.prunedThrough || s.current.generation > state.generation) s.current = await build(db);
    else await refresh(db, s.current);
    return s.current;
  })();
  s.pending = work;
  try {
    return await work;
  } finally {
    s.pending = null;
  }
}

/** Drops the cached index (tests, and after restoring a backup into the same process). */
export function forgetPersonIndex(db: Kysely<DB>): void {
  slots.delete(db);
}
