// The case process: its summary, the moves between statuses (except the assessment decision,
// see assessment.service.ts) and assignment within the coordination unit. Every command runs in
// one transaction with its timeline event and its audit event (before/after).
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import type { AuditAction } from '../../audit/audit-events.js';
import { recordAudit } from '../../audit/audit.service.js';
import { ForbiddenError, RuleError, ValidationError, VersionConflictError, type FieldIssue } from '../../http/errors.js';
import { onCase, type CaseContext } from '../cases/case.access.js';
import { addCaseEvent } from '../cases/case.repository.js';
import { allowedTransitions, canBeAssigned, canReadProcessDetails, canRunProcess } from '../../policies/process.policy.js';
import { checkTransition, type CaseTransition } from '../../../domain/process/case-transitions.js';
import type { CaseStatus } from '../../../domain/codelists/case-status.js';
import { ageAt } from '../../../domain/age.js';
import { swedishToday } from '../../jobs/clock.js';
import { assignableUsers, currentAssessment, findUserWithRoles, processColumns, updateCaseAtVersion } from './process.repository.js';
import { presentProcess, type ProcessView } from './process.presenter.js';
import type { AssignInput, CloseInput } from './process.schema.js';

const NOT_COORDINATOR = 'Only the coordinator of the case’s region moves it through the process';

/** The process summary as the actor may see it. Reads only; the caller audits. */
export async function processViewOnCase(ctx: CaseContext): Promise<ProcessView> {
  const c = await processColumns(ctx.trx, ctx.row.id);
  const status = c.status as CaseStatus;
  const facts = {
    caseId: c.id,
    status,
    version: c.version,
    referredOn: c.referred_on,
    assessedOn: c.assessed_on,
    closedOn: c.closed_on,
    closureReason: c.closure_reason,
    assignedUser: c.assigned_user_id ? { id: c.assigned_user_id, name: c.assigned_name ?? '' } : null,
    allowedTransitions: allowedTransitions(ctx, status),
    // Who the coordinator may assign the case to; the case's unit, else the region's (the actor's).
    assignableUsers: canRunProcess(ctx) ? await assignableUsers(ctx.trx, c.responsible_org_id ?? ctx.actor.organisationId ?? '') : [],
  };
  if (!canReadProcessDetails(ctx)) return presentProcess(facts, null);
  const r = ctx.row;
  const age = ageAt({ birthDate: r.birth_date, birthYear: r.birth_year, estimatedAge: r.estimated_age, estimatedAgeOn: r.estimated_age_on }, swedishToday());
  return presentProcess(facts, { assessment: (await currentAssessment(ctx.trx, c.id)) ?? null, age });
}

export async function getProcess(db: Kysely<DB>, actor: Actor, caseId: string): Promise<ProcessView> {
  return onCase(db, actor, caseId, { auditAction: 'case.read', allowed: (ctx) => ctx.abilities.read, auditRead: { section: 'process' } }, processViewOnCase);
}

export function requireProcessRights(ctx: CaseContext): void {
  if (!canRunProcess(ctx)) throw new ForbiddenError(NOT_COORDINATOR);
}

/** 409 when the client's version is stale, before any rule is checked against a state it has not seen. */
export function requireVersion(ctx: CaseContext, version: number): void {
  if (ctx.row.version !== version) throw new VersionConflictError('case');
}

/** The new status of an allowed move; 422 with the process's explanation otherwise. */
export function requireTransition(ctx: CaseContext, transition: CaseTransition): CaseStatus {
  const check = checkTransition(ctx.row.status as CaseStatus, transition);
  if (!check.ok) throw new RuleError('transition_refused', `This step is not possible now: ${check.reason}`);
  return check.to;
}

interface Move {
  transition: CaseTransition;
  version: number;
  auditAction: AuditAction;
  event: { kind: string; data?: Record<string, unknown> };
  /** Extra columns to set, with their audit before/after. */
  set?: { closed_on?: string | null; closure_reason?: string | null };
  auditBefore?: Record<string, unknown>;
  auditAfter?: Record<string, unknown>;
}

async function moveCase(ctx: CaseContext, m: Move): Promise<ProcessView> {
  requireProcessRights(ctx);
  requireVersion(ctx, m.version);
  const to = requireTransition(ctx, m.transition);
  await updateCaseAtVersion(ctx.trx, ctx.row.id, m.version, { status: to, ...m.set });
  await addCaseEvent(ctx.trx, ctx.actor, ctx.row.id, m.event.kind, { from: ctx.row.status, to, ...m.event.data });
  await recordAudit(ctx.trx, ctx.actor, {
    action: m.auditAction,
    resourceType: 'case',
    resourceId: ctx.row.id,
    caseId: ctx.row.id,
    personId: ctx.row.person_id,
    details: { before: { status: ctx.row.status, ...m.auditBefore }, after: { status: to, ...m.auditAfter } },
  });
  return processViewOnCase(ctx);
}

export function startAssessmentOnCase(ctx: CaseContext, input: { version: number }): Promise<ProcessView> {
  return moveCase(ctx, { transition: 'start_assessment', version: input.version, auditAction: 'case.start_assessment', event: { kind: 'assessment_started' } });
}

export function reassessOnCase(ctx: CaseContext, input: { version: number; reason: string }): Promise<ProcessView> {
  return moveCase(ctx, {
    transition: 'reassess',
    version: input.version,
    auditAction: 'case.start_assessment',
    event: { kind: 'reassessment_opened', data: { reason: input.reason } },
    auditAfter: { reassessment: true, reason: '[text]' },
  });
}

export function startSupportOnCase(ctx: CaseContext, input: { version: number }): Promise<ProcessView> {
  return moveCase(ctx, { transition: 'start_support', version: input.version, auditAction: 'case.start_support', event: { kind: 'support_started' } });
}

export async function closeOnCase(ctx: CaseContext, input: CloseInput): Promise<ProcessView> {
  requireProcessRights(ctx);
  const issues: FieldIssue[] = [];
  if (input.closedOn < ctx.row.referred_on) issues.push({ path: 'closedOn', message: `cannot be before the referral date ${ctx.row.referred_on}` });
  else if (ctx.row.assessed_on && input.closedOn < ctx.row.assessed_on) issues.push({ path: 'closedOn', message: `cannot be before the assessment date ${ctx.row.assessed_on}` });
  if (input.closedOn > swedishToday()) issues.push({ path: 'closedOn', message: 'cannot be in the future' });
  if (issues.length > 0) throw new ValidationError('The closure date is not possible', issues);
  const c = await processColumns(ctx.trx, ctx.row.id);
  return moveCase(ctx, {
    transition: 'close',
    version: input.version,
    auditAction: 'case.close',
    event: { kind: 'closed', data: { closedOn: input.closedOn, reason: input.reason, ...(input.note ? { note: input.note } : {}) } },
    set: { closed_on: input.closedOn, closure_reason: input.reason },
    auditBefore: { closedOn: c.closed_on, closureReason: c.closure_reason },
    auditAfter: { closedOn: input.closedOn, closureReason: input.reason, ...(input.note ? { note: '[text]' } : {}) },
  });
}

export async function reopenOnCase(ctx: CaseContext, input: { version: number; reason: string }): Promise<ProcessView> {
  const c = await processColumns(ctx.trx, ctx.row.id);
  return moveCase(ctx, {
    transition: 'reopen',
    version: input.version,
    auditAction: 'case.reopen',
    event: { kind: 'reopened', data: { reason: input.reason } },
    set: { closed_on: null, closure_reason: null },
    auditBefore: { closedOn: c.closed_on, closureReason: c.closure_reason },
    auditAfter: { closedOn: null, closureReason: null, reason: '[text]' },
  });
}

export async function assignOnCase(ctx: CaseContext, input: AssignInput): Promise<ProcessView> {
  requireProcessRights(ctx);
  requireVersion(ctx, input.version);
  const c = await processColumns(ctx.trx, ctx.row.id);
  let assignee: { id: string; name: string } | null = null;
  if (input.userId !== null) {
    const user = await findUserWithRoles(ctx.trx, input.userId);
    // The case's coordination unit; a case without one belongs to the region's unit, the actor's.
    const unit = c.responsible_org_id ?? ctx.actor.organisationId;
    if (!user || !canBeAssigned(user, unit)) {
      throw new RuleError('assignee_not_allowed', 'A case can only be assigned to an active coordinator of its own coordination unit', [
        { path: 'userId', message: 'not an active coordinator of this case’s coordination unit' },
      ]);
    }
    assignee = { id: user.id, name: user.name };
  }
  await updateCaseAtVersion(ctx.trx, ctx.row.id, input.version, { assigned_user_id: assignee?.id ?? null });
  await addCaseEvent(ctx.trx, ctx.actor, ctx.row.id, 'assigned', { userId: assignee?.id ?? null, name: assignee?.name ?? null });
  await recordAudit(ctx.trx, ctx.actor, {
    action: 'case.assign',
    resourceType: 'case',
    resourceId: ctx.row.id,
    caseId: ctx.row.id,
    personId: ctx.row.person_id,
    details: { before: { assignedUserId: c.assigned_user_id }, after: { assignedUserId: assignee?.id ?? null } },
  });
  return processViewOnCase(ctx);
}

type Command<I> = (ctx: CaseContext, input: I) => Promise<ProcessView>;

/** Runs a process command on one case in its own transaction (the public entry of each *OnCase). */
export function runOnCase<I>(db: Kysely<DB>, actor: Actor, caseId: string, auditAction: AuditAction, command: Command<I>, input: I): Promise<ProcessView> {
  return onCase(db, actor, caseId, { auditAction, allowed: canRunProcess, forbiddenMessage: NOT_COORDINATOR }, (ctx) => command(ctx, input));
}

export const startAssessment = (db: Kysely<DB>, actor: Actor, caseId: string, input: { version: number }) =>
  runOnCase(db, actor, caseId, 'case.start_assessment', startAssessmentOnCase, input);
export const reassess = (db: Kysely<DB>, actor: Actor, caseId: string, input: { version: number; reason: string }) =>
  runOnCase(db, actor, caseId, 'case.start_assessment', reassessOnCase, input);
export const startSupport = (db: Kysely<DB>, actor: Actor, caseId: string, input: { version: number }) =>
  runOnCase(db, actor, caseId, 'case.start_support', startSupportOnCase, input);
export const closeCase = (db: Kysely<DB>, actor: Actor, caseId: string, input: CloseInput) => runOnCase(db, actor, caseId, 'case.close', closeOnCase, input);
export const reopenCase = (db: Kysely<DB>, actor: Actor, caseId: string, input: { version: number; reason: string }) =>
  runOnCase(db, actor, caseId, 'case.reopen', reopenOnCase, input);
export const assignCase = (db: Kysely<DB>, actor: Actor, caseId: string, input: AssignInput) => runOnCase(db, actor, caseId, 'case.assign', assignOnCase, input);
