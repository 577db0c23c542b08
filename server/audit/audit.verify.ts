// Links what is waiting for its link (audit.chain.ts), then walks the chain in its order and
// reports the first event whose link or content does not check out. An event deleted after it
// was linked breaks the link of the next one; an altered one no longer matches its hash.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { GENESIS_HASH, hashAuditEvent } from './audit.service.js';
import { chainAuditEvents } from './audit.chain.js';

export type VerifyResult =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAtSeq: number; eventId: string; reason: 'content_altered' | 'link_broken' };

export async function verifyAuditChain(
  db: Kysely<DB> | Transaction<DB>,
  onProgress?: (checked: number, total: number) => void,
): Promise<VerifyResult> {
  await chainAuditEvents(db);
  const { total } = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .where('chain_seq', 'is not', null)
    .executeTakeFirstOrThrow();
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let afterChainSeq = 0;
  const pageSize = 5_000;
  for (;;) {
    const page = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('chain_seq', 'is not', null)
      .where('chain_seq', '>', afterChainSeq)
      .orderBy('chain_seq')
      .limit(pageSize)
      .execute();
    if (page.length === 0) break;
    for (const row of page) {
      if (row.prev_hash !== prevHash) {
        return { ok: false, checked, brokenAtSeq: Number(row.seq), eventId: row.id, reason: 'link_broken' };
      }
      const expected = hashAuditEvent(prevHash, { ...row, at: new Date(row.at) });
      if (expected !== row.hash) {
        return { ok: false, checked, brokenAtSeq: Number(row.seq), eventId: row.id, reason: 'content_altered' };
      }
      prevHash = row.hash;
      checked += 1;
      afterChainSeq = Number(row.chain_seq);
    }
    onProgress?.(checked, Number(total));
  }
  return { ok: true, checked };
}
