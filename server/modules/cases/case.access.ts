// Shared entry for every module that reads or changes something belonging to a case
// (assessments, referrals, permits, …): load the case inside the actor's SQL scope, audit a
// denial and answer 404 when out of scope, check the specific permission (403 when the case
// is visible but the act not allowed), and run the work in the same transaction.
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AuditAction } from '../../audit/audit-events.js';
import { ForbiddenError, NotFoundError } from '../../http/errors.js';
import { caseAbilities, caseAccess, type CaseAbilities, type CaseAccess, type CaseFacts } from '../../policies/case.policy.js';
import { activeSharesFor, caseExists, findCaseInScope, type CaseDetailRow } from './case.repository.js';

export type Trx = Transaction<DB>;

export interface CaseContext {
  trx: Trx;
  actor: Actor;
  row: CaseDetailRow;
  facts: CaseFacts;
  access: CaseAccess;
  abilities: CaseAbilities;
}

/** Loads the case in scope; when it is not, records the attempt as denied/not_found. */
export async function loadCaseContext(trx: Trx, actor: Actor, caseId: string, auditAction: AuditAction): Promise<CaseContext | null> {
  const row = await findCaseInScope(trx, actor, caseId);
  if (!row) {
    const exists = await caseExists(trx, caseId);
    await recordAudit(trx, actor, {
      action: auditAction,
      outcome: exists ? 'denied' : 'not_found',
      resourceType: 'case',
      resourceId: caseId,
      caseId: exists ? caseId : null,
      personId: exists?.person_id ?? null,
    });
    return null;
  }
  const shares = await activeSharesFor(trx, caseId, actor.organisationId);
  const facts: CaseFacts = { region: row.region, status: row.status, referringOrgId: row.referring_org_id, sharedWithActorOrg: shares };
  const access = caseAccess(actor, facts);
  if (!access) return null;
  return { trx, actor, row, facts, access, abilities: caseAbilities(actor, facts) };
}

/**
 * Runs `work` on a case the actor may see, in one transaction. `allowed` decides whether the
 * actor may do this particular thing (false → 403 with `forbiddenMessage`). The work writes its
 * own audit event (with before/after) for writes; pass `auditRead` to record a plain read.
 */
export async function onCase<T>(
  db: Kysely<DB>,
  actor: Actor,
  caseId: string,
  opts: {
    auditAction: AuditAction;
    allowed: (ctx: CaseContext) => boolean;
    forbiddenMessage?: string;
    auditRead?: { section: string };
  },
  work: (ctx: CaseContext) => Promise<T>,
): Promise<T> {
  const result = await db.transaction().execute(async (trx) => {
    const ctx = await loadCaseContext(trx, actor, caseId, opts.auditAction);
    if (!ctx) return { found: false as const };
    if (!opts.allowed(ctx)) throw new ForbiddenError(opts.forbiddenMessage ?? 'You may not do this on this case');
    if (opts.auditRead) {
      await recordAudit(trx, actor, {
        action: opts.auditAction,
        resourceType: 'case',
        resourceId: caseId,
        caseId,
        personId: ctx.row.person_id,
        details: { section: opts.auditRead.section },
      });
    }
    return { found: true as const, value: await work(ctx) };
  });
  if (!result.found) throw new NotFoundError('case');
  return result.value;
}
