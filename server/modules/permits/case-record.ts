// Reaching a record that belongs to a case (a permit, a police report, an ÅMP return…) by its own
// id: find its case, then go through onCase() so scope, denial audit, 404/403 and the single
// transaction are exactly those of the case. A record that does not exist and one on a case out of
// scope answer the same 404 ("No such <what>"), as cases do.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AuditAction } from '../../audit/audit-events.js';
import { NotFoundError } from '../../http/errors.js';
import { onCase, type CaseContext } from '../cases/case.access.js';

export interface CaseRecordRef {
  /** Noun for the 404 message and the audit details, e.g. "permit". */
  what: string;
  id: string;
  /** Unscoped lookup of the owning case id (no personal data leaves it). */
  caseIdOf: (db: Kysely<DB>) => Promise<string | undefined>;
}

export async function onCaseRecord<T>(
  db: Kysely<DB>,
  actor: Actor,
  record: CaseRecordRef,
  opts: { auditAction: AuditAction; allowed: (ctx: CaseContext) => boolean; forbiddenMessage?: string },
  work: (ctx: CaseContext) => Promise<T>,
): Promise<T> {
  const caseId = await record.caseIdOf(db);
  if (!caseId) {
    await db.transaction().execute((trx) =>
      recordAudit(trx, actor, { action: opts.auditAction, outcome: 'not_found', resourceType: 'case', resourceId: null, details: { record: record.what, recordId: record.id } }),
    );
    throw new NotFoundError(record.what);
  }
  try {
    return await onCase(db, actor, caseId, opts, work);
  } catch (e) {
    if (e instanceof NotFoundError) throw new NotFoundError(record.what);
    throw e;
  }
}
