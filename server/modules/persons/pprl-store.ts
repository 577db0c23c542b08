// The Bloom-filter encodings of every person the server holds, built on first use and kept in
// step with the persons table through the same change log as the match index (migration 0006).
// Encodings are packed into one array so a submitted filter is compared with all of them by the
// engine's Dice kernel in one pass.
import type { Kysely } from 'kysely';
import { createClkEncoder, type ClkEncoder } from '../../../domain/matching/bloom.js';
import { todayFrom } from '../../../domain/matching/birth-date.js';
import { diceOneToManySwar, packFilters, type FilterSet } from '../../../domain/matching/dice.js';
import type { DB } from '../../db/schema.js';
import { changedPersonIds, indexState, loadMatchRows } from './person-index.repository.js';
import { matchRecordOfRow, type PersonMatchRow } from './person-record.js';
import { nodeHmac } from './pprl-secret.js';

interface Encoded {
  filter: Uint32Array;
  protectedIdentity: boolean;
}

class PprlStore {
  private packed: { set: FilterSet; ids: string[]; protectedIdentity: boolean[] } | null = null;

  constructor(
    readonly secret: Uint8Array,
    readonly encoder: ClkEncoder,
    private readonly encoded: Map<string, Encoded>,
    public generation: number,
  ) {}

  apply(ids: readonly string[], rows: readonly PersonMatchRow[], generation: number): void {
    for (const id of ids) this.encoded.delete(id);
    for (const row of rows) this.encoded.set(row.id, { filter: this.encoder.encode(matchRecordOfRow(row)), protectedIdentity: row.protected_identity });
    this.generation = generation;
    this.packed = null;
  }

  private pack() {
    if (this.packed === null) {
      const ids = [...this.encoded.keys()];
      const entries = ids.map((id) => this.encoded.get(id) as Encoded);
      this.packed = { set: packFilters(entries.map((e) => e.filter)), ids, protectedIdentity: entries.map((e) => e.protectedIdentity) };
    }
    return this.packed;
  }

  /** Persons whose encoding has Dice ≥ `min` with `query`, best first. */
  compare(query: Uint32Array, min: number): { personId: string; dice: number; protectedIdentity: boolean }[] {
    const { set, ids, protectedIdentity } = this.pack();
    if (set.count === 0) return [];
    const out = new Float32Array(set.count);
    diceOneToManySwar(query, set, out);
    const hits: { personId: string; dice: number; protectedIdentity: boolean }[] = [];
    for (let i = 0; i < set.count; i++) {
      const d = out[i] as number;
      if (d >= min) hits.push({ personId: ids[i] as string, dice: d, protectedIdentity: protectedIdentity[i] as boolean });
    }
    return hits.sort((x, y) => y.dice - x.dice);
  }
}

const stores = new WeakMap<Kysely<DB>, { store: PprlStore | null; pending: Promise<PprlStore> | null }>();

async function build(db: Kysely<DB>, secret: Uint8Array): Promise<PprlStore> {
  const { generation, rows } = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => ({ generation: (await indexState(trx)).generation, rows: await loadMatchRows(trx) }));
  const encoder = createClkEncoder(nodeHmac, secret, { today: todayFrom(new Date()) });
  const store = new PprlStore(secret, encoder, new Map(), generation);
  store.apply([], rows, generation);
  return store;
}

async function refresh(db: Kysely<DB>, store: PprlStore): Promise<void> {
  await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const state = await indexState(trx);
      if (state.generation <= store.generation) return;
      const ids = await changedPersonIds(trx, store.generation, state.generation);
      store.apply(ids, ids.length === 0 ? [] : await loadMatchRows(trx, ids), state.generation);
    });
}

export async function pprlStoreFor(db: Kysely<DB>, secret: Uint8Array): Promise<PprlStore> {
  let slot = stores.get(db);
  if (slot === undefined) {
    slot = { store: null, pending: null };
    stores.set(db, slot);
  }
  const s = slot;
  if (s.pending !== null) return s.pending;
  const state = await indexState(db);
  if (s.store !== null && s.store.secret === secret && s.store.generation === state.generation) return s.store;
  const work = (async () => {
    const stale = s.store === null || s.store.secret !== secret || s.store.generation < state.prunedThrough || s.store.generation > state.generation;
    if (stale || s.store === null) s.store = await build(db, secret);
    else await refresh(db, s.store);
    return s.store;
  })();
  s.pending = work;
  try {
    return await work;
  } finally {
    s.pending = null;
  }
}

export type { PprlStore };
