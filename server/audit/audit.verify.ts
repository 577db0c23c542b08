// Walks the chain in order and reports the first event whose link or content does not check out.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { GENESIS_HASH, hashAuditEvent } from './audit.service.js';

export type VerifyResult =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAtSeq: number; eventId: string; reason: 'content_altered' | 'link_broken' };

export async function verifyAuditChain(
  db: Kysely<DB>,
  onProgress?: (checked: number, total: number) => void,
): Promise<VerifyResult> {
  const { total } = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let afterSeq = 0;
  const pageSize = 5_000;
  for (;;) {
    const page = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>', afterSeq)
      .orderBy('seq')
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
      afterSeq = Number(row.seq);
    }
    onProgress?.(checked, Number(total));
  }
  return { ok: true, checked };
}
