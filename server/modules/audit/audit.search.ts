// Searching the audit trail (auditors only). The search itself is audited.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import { ForbiddenError, ValidationError } from '../../http/errors.js';
import { canOnAuditTrail } from '../../policies/audit.policy.js';
import type { SearchAuditInput } from './audit.schema.js';

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export async function searchAuditTrail(db: Kysely<DB>, actor: Actor, input: SearchAuditInput) {
  if (!canOnAuditTrail(actor, 'search')) throw new ForbiddenError('Only auditors read the audit trail');
  if (input.from && input.to && input.from > input.to) {
    throw new ValidationError('The period is reversed', [{ path: 'to', message: 'must not be before from' }]);
  }
  return db.transaction().execute(async (trx) => {
    let personId = input.personId ?? null;
    let caseId: string | null = null;
    if (input.caseRef) {
      const c = await trx.selectFrom('cases').select(['id', 'person_id']).where('ref', '=', input.caseRef.toUpperCase()).executeTakeFirst();
      caseId = c?.id ?? '00000000-0000-0000-0000-000000000000';
      personId ??= c?.person_id ?? null;
    }
    let q = trx.selectFrom('audit_events').leftJoin('organisations', 'organisations.id', 'audit_events.actor_org_id');
    if (personId && caseId) q = q.where((eb) => eb.or([eb('audit_events.person_id', '=', personId), eb('audit_events.case_id', '=', caseId)]));
    else if (personId) q = q.where('audit_events.person_id', '=', personId);
    else if (caseId) q = q.where('audit_events.case_id', '=', caseId);
    if (input.username) q = q.where((eb) => eb(eb.fn('lower', ['audit_events.actor_username']), '=', input.username!.toLowerCase()));
    if (input.action) q = q.where('audit_events.action', '=', input.action);
    if (input.from) q = q.where('audit_events.at', '>=', new Date(`${input.from}T00:00:00Z`));
    if (input.to) q = q.where('audit_events.at', '<', new Date(`${nextDay(input.to)}T00:00:00Z`));
    const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
    const rows = await q
      .select([
        'audit_events.seq',
        'audit_events.id',
        'audit_events.at',
        'audit_events.actor_user_id',
        'audit_events.actor_username',
        'organisations.name as org_name',
        'audit_events.action',
        'audit_events.outcome',
        'audit_events.resource_type',
        'audit_events.resource_id',
        'audit_events.person_id',
        'audit_events.case_id',
        'audit_events.request_id',
        'audit_events.details',
      ])
      .orderBy('audit_events.seq', 'desc')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute();
    await recordAudit(trx, actor, {
      action: 'audit.search',
      resourceType: 'audit',
      details: { filters: { ...input, page: undefined, pageSize: undefined } },
    });
    return {
      total: Number(total),
      page: input.page,
      pageSize: input.pageSize,
      items: rows.map((r) => ({
        seq: Number(r.seq),
        id: r.id,
        at: new Date(r.at).toISOString(),
        actor: { id: r.actor_user_id, username: r.actor_username, organisation: r.org_name },
        action: r.action,
        outcome: r.outcome,
        resourceType: r.resource_type,
        resourceId: r.resource_id,
        personId: r.person_id,
        caseId: r.case_id,
        requestId: r.request_id,
        details: r.details as Record<string, unknown>,
      })),
    };
  });
}
