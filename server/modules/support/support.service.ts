// The support on a case as one audited read (each partner sees only its own programme), and the
// shared write step of the NSP, ÅMP and compensation services: timeline event and audit event
// with before/after, in the command's transaction.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AuditAction } from '../../audit/audit-events.js';
import { canReadAnySupport, canReadSupport, supportAbilities } from '../../policies/support.policy.js';
import { onCase, type CaseContext } from '../cases/case.access.js';
import { addCaseEvent } from '../cases/case.repository.js';
import { ampOfCase, compensationOfCase, nspOfCase } from './support.repository.js';
import { presentAmp, presentCompensation, presentNsp } from './support.presenter.js';

export async function getSupport(db: Kysely<DB>, actor: Actor, caseId: string) {
  return onCase(db, actor, caseId, { auditAction: 'case.read', auditRead: { section: 'support' }, allowed: canReadAnySupport }, async (ctx) => {
    const visible = { nsp: canReadSupport(ctx, 'nsp'), amp: canReadSupport(ctx, 'amp'), compensation: canReadSupport(ctx, 'compensation') };
    return {
      nsp: visible.nsp ? (await nspOfCase(ctx.trx, caseId)).map(presentNsp) : [],
      amp: visible.amp ? (await ampOfCase(ctx.trx, caseId)).map(presentAmp) : [],
      compensation: visible.compensation ? (await compensationOfCase(ctx.trx, caseId)).map(presentCompensation) : [],
      visible,
      abilities: supportAbilities(ctx),
    };
  });
}

/** Changed fields only: { before, after } keyed by the API's field names. */
export function diff<K extends string>(keys: readonly K[], before: Record<K, unknown> | null, after: Record<K, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of keys) {
    if (before && JSON.stringify(before[k]) === JSON.stringify(after[k])) continue;
    if (before) b[k] = before[k];
    a[k] = after[k];
  }
  return { before: before ? b : null, after: a };
}

export async function recordSupportWrite(
  ctx: CaseContext,
  action: AuditAction,
  event: string,
  record: { key: string; id: string; op: 'create' | 'update' },
  change: { before: Record<string, unknown> | null; after: Record<string, unknown> },
): Promise<void> {
  await addCaseEvent(ctx.trx, ctx.actor, ctx.row.id, event, { [record.key]: record.id, fields: Object.keys(change.after) });
  await recordAudit(ctx.trx, ctx.actor, {
    action,
    resourceType: 'case',
    resourceId: ctx.row.id,
    caseId: ctx.row.id,
    personId: ctx.row.person_id,
    details: { op: record.op, [record.key]: record.id, ...change },
  });
}
