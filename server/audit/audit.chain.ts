// The audit chain's sequencer. An audited transaction writes its event without a link, so
// audited requests never wait for one another; after commit the sequencer links committed events
// into the chain in the order it finds them: each gets its place (chain_seq), the previous
// event's hash and its own hash over its fields and that previous hash (hashAuditEvent). Any
// later edit or deletion of a linked event breaks the chain, as before. One sequencer runs at a
// time (an advisory lock, also across several Lots processes); it runs a few times a second in
// the server and before every verification, so an event waits for its link a fraction of a
// second. That window is the price of concurrency and is named in docs/security.md.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { GENESIS_HASH, hashAuditEvent } from './audit.service.js';

const AUDIT_CHAIN_LOCK = 74_210_001;
const BATCH = 500;

/** Links every committed, unlinked event; resolves with how many it linked. */
export async function chainAuditEvents(db: Kysely<DB> | Transaction<DB>): Promise<number> {
  if (db.isTransaction) return chainIn(db as Transaction<DB>);
  let total = 0;
  for (;;) {
    const n = await db.transaction().execute((trx) => chainIn(trx, BATCH));
    total += n;
    if (n < BATCH) return total;
  }
}

async function chainIn(trx: Transaction<DB>, limit = Number.POSITIVE_INFINITY): Promise<number> {
  await sql`select pg_advisory_xact_lock(${sql.lit(AUDIT_CHAIN_LOCK)})`.execute(trx);
  const tip = await trx.selectFrom('audit_events').select(['chain_seq', 'hash']).where('chain_seq', 'is not', null).orderBy('chain_seq', 'desc').limit(1).executeTakeFirst();
  let prevHash = tip?.hash ?? GENESIS_HASH;
  let next = Number(tip?.chain_seq ?? 0) + 1;
  let linked = 0;
  for (;;) {
    const page = await trx
      .selectFrom('audit_events')
      .selectAll()
      .where('chain_seq', 'is', null)
      .orderBy('seq')
      .limit(Math.min(BATCH, limit - linked))
      .execute();
    if (page.length === 0) return linked;
    const links = page.map((row) => {
      const hash = hashAuditEvent(prevHash, { ...row, at: new Date(row.at) });
      const link = { seq: Number(row.seq), chainSeq: next++, prevHash, hash };
      prevHash = hash;
      return link;
    });
    const values = sql.join(links.map((l) => sql`(${l.seq}::bigint, ${l.chainSeq}::bigint, ${l.prevHash}, ${l.hash})`));
    await sql`update audit_events as e set chain_seq = v.chain_seq, prev_hash = v.prev_hash, hash = v.hash
      from (values ${values}) as v(seq, chain_seq, prev_hash, hash)
      where e.seq = v.seq and e.chain_seq is null`.execute(trx);
    linked += links.length;
    if (page.length < BATCH || linked >= limit) return linked;
  }
}

export interface AuditChainerLogger {
  error(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export interface AuditChainer {
  /** Links now (and waits for a run in progress first). */
  flush(): Promise<number>;
  /** Stops the timer after a last run. */
  stop(): Promise<void>;
}

/** Runs the sequencer every intervalMs (default 200 ms) in the server process. */
export function startAuditChainer(db: Kysely<DB>, opts: { intervalMs?: number; logger?: AuditChainerLogger } = {}): AuditChainer {
  let running: Promise<number> | null = null;
  let failing = false;
  const run = (): Promise<number> => {
    running ??= chainAuditEvents(db)
      .then((n) => {
        if (failing) opts.logger?.info({ job: 'audit_chain' }, 'audit chain linking resumed');
        failing = false;
        return n;
      })
      .catch((err: unknown) => {
        // A database outage: log once per outage, try again at the next tick.
        if (!failing) opts.logger?.error({ job: 'audit_chain', err: err instanceof Error ? err.message : String(err) }, 'audit chain linking failed; retrying');
        failing = true;
        return 0;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void run(), opts.intervalMs ?? 200);
  timer.unref();
  return {
    flush: async () => {
      if (running) await running;
      return run();
    },
    stop: async () => {
      clearInterval(timer);
      if (running) await running;
      await run();
    },
  };
}
