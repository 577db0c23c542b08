// Writes audit events in the caller's transaction: the event commits or rolls back with the
// change it records. The events are chained by hash (each event's hash covers its own fields and
// the previous event's hash, so any edit or deletion breaks the chain); the link is made after
// commit by the sequencer in audit.chain.ts, so audited transactions never wait for one another.
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import { canonicalJson } from './canonical.js';
import type { AuditEventInput } from './audit-events.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  id: string;
  at: Date;
  actor_user_id: string | null;
  actor_username: string | null;
  actor_org_id: string | null;
  action: string;
  outcome: string;
  resource_type: string;
  resource_id: string | null;
  person_id: string | null;
  case_id: string | null;
  request_id: string | null;
  details: unknown;
}

export function hashAuditEvent(prevHash: string, e: HashedFields): string {
  const body = canonicalJson({
    id: e.id,
    at: e.at.toISOString(),
    actor_user_id: e.actor_user_id,
    actor_username: e.actor_username,
    actor_org_id: e.actor_org_id,
    action: e.action,
    outcome: e.outcome,
    resource_type: e.resource_type,
    resource_id: e.resource_id,
    person_id: e.person_id,
    case_id: e.case_id,
    request_id: e.request_id,
    details: e.details ?? {},
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** Must be called inside a transaction: the event commits or rolls back with the change. */
export async function recordAudit(trx: Transaction<DB> | Kysely<DB>, actor: Actor, input: AuditEventInput): Promise<void> {
  const fields: HashedFields = {
    id: randomUUID(),
    at: new Date(),
    actor_user_id: actor.userId,
    actor_username: actor.username,
    actor_org_id: actor.organisationId,
    action: input.action,
    outcome: input.outcome ?? 'ok',
    resource_type: input.resourceType,
    resource_id: input.resourceId ?? null,
    person_id: input.personId ?? null,
    case_id: input.caseId ?? null,
    request_id: actor.requestId,
    details: JSON.parse(JSON.stringify(input.details ?? {})) as unknown,
  };
  await trx
    .insertInto('audit_events')
    .values({
      ...fields,
      details: JSON.stringify(fields.details),
    })
    .execute();
}
