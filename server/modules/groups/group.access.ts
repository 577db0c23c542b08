// Reaching a group, and the member cases a bulk action names. A group outside the actor's
// region reads as missing (404, audited). For bulk actions every listed case is loaded through
// the case scope (loadCaseContext, which audits each denial); if any is out of scope the whole
// command answers 404 and nothing is written, but the denials are kept in the audit trail.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AuditAction } from '../../audit/audit-events.js';
import { ForbiddenError, NotFoundError, RuleError } from '../../http/errors.js';
import { canUseGroups } from '../../policies/group.policy.js';
import { loadCaseContext, type CaseContext, type Trx } from '../cases/case.access.js';
import { findGroupInScope, groupExists, memberIds, type GroupRow } from './group.repository.js';

export function requireGroupUser(actor: Actor): void {
  if (!canUseGroups(actor)) throw new ForbiddenError('Only regional coordinators work with groups');
}

/** The group in scope, or null after auditing the attempt as denied/not_found. */
export async function loadGroup(trx: Trx, actor: Actor, groupId: string, auditAction: AuditAction): Promise<GroupRow | null> {
  const group = await findGroupInScope(trx, actor, groupId);
  if (group) return group;
  const exists = await groupExists(trx, groupId);
  await recordAudit(trx, actor, { action: auditAction, outcome: exists ? 'denied' : 'not_found', resourceType: 'group', resourceId: groupId });
  return null;
}

/** Returned by `work` when a listed case is out of scope: 404, with the denial audits kept. */
export const CASES_OUT_OF_SCOPE = Symbol('cases out of scope');

/** Runs `work` on a group in scope inside one transaction; 404 (after committing the audit) otherwise. */
export async function onGroup<T>(
  db: Kysely<DB>,
  actor: Actor,
  groupId: string,
  auditAction: AuditAction,
  work: (trx: Trx, group: GroupRow) => Promise<T | typeof CASES_OUT_OF_SCOPE>,
): Promise<T> {
  requireGroupUser(actor);
  const result = await db.transaction().execute(async (trx) => {
    const group = await loadGroup(trx, actor, groupId, auditAction);
    if (!group) return { found: false as const, what: 'group' };
    const value = await work(trx, group);
    if (value === CASES_OUT_OF_SCOPE) return { found: false as const, what: 'case' };
    return { found: true as const, value };
  });
  if (!result.found) throw new NotFoundError(result.what);
  return result.value;
}

/**
 * Loads every listed case (deduplicated, in the given order) in the actor's scope. Returns null
 * when any is out of scope; refuses (422) ids that are not members of the group.
 */
export async function loadMemberContexts(trx: Trx, actor: Actor, group: GroupRow, caseIds: readonly string[], auditAction: AuditAction): Promise<CaseContext[] | null> {
  const ids = [...new Set(caseIds)];
  const contexts: CaseContext[] = [];
  let missing = false;
  for (const id of ids) {
    const ctx = await loadCaseContext(trx, actor, id, auditAction);
    if (ctx) contexts.push(ctx);
    else missing = true;
  }
  if (missing) return null;
  const members = await memberIds(trx, group.id, ids);
  const outsiders = ids.map((id, i) => ({ id, i })).filter(({ id }) => !members.has(id));
  if (outsiders.length > 0) {
    throw new RuleError(
      'not_group_member',
      `${outsiders.length} of the listed cases are not members of the group`,
      outsiders.map(({ i }) => ({ path: `caseIds.${caseIds.indexOf(ids[i]!)}`, message: `${contexts[i]!.row.ref} is not a member of this group` })),
    );
  }
  if (!contexts.every((c) => c.abilities.coordinate)) throw new ForbiddenError('Only the coordinator of the region acts on these cases');
  return contexts;
}
