// Query shape for searching the audit trail.
import { z } from 'zod';
import { zDate, zUuid } from '../../http/zod-codes.js';

export const SearchAuditQuery = z
  .object({
    personId: zUuid.optional(),
    caseRef: z.string().trim().max(40).optional(),
    username: z.string().trim().max(128).optional(),
    action: z.string().trim().max(64).optional(),
    from: zDate.optional(),
    to: zDate.optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export type SearchAuditInput = z.infer<typeof SearchAuditQuery>;

export const AuditPageSchema = z.object({
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(
    z.object({
      seq: z.number(),
      id: z.string(),
      at: z.string(),
      actor: z.object({ id: z.string().nullable(), username: z.string().nullable(), organisation: z.string().nullable() }),
      action: z.string(),
      outcome: z.string(),
      resourceType: z.string(),
      resourceId: z.string().nullable(),
      personId: z.string().nullable(),
      caseId: z.string().nullable(),
      requestId: z.string().nullable(),
      details: z.record(z.string(), z.unknown()),
    }),
  ),
});
export const VerifyResultSchema = z.object({
  ok: z.boolean(),
  checked: z.number(),
  brokenAtSeq: z.number().optional(),
  eventId: z.string().optional(),
  reason: z.string().optional(),
});
