// Who may move a case through the process, read its assessments and support plans, assign it,
// and send or count anonymous notifications. Case visibility itself is case.policy.ts.
import { hasRole, type Actor } from '../auth/actor.js';
import { transitionsFrom, type CaseTransition } from '../../domain/process/case-transitions.js';
import type { CaseStatus } from '../../domain/codelists/case-status.js';
import type { CaseAbilities, CaseAccess } from './case.policy.js';

interface CaseView {
  access: CaseAccess;
  abilities: CaseAbilities;
}

/** Every process command (transitions, assessment, assignment, support plan) is the coordinator's. */
export function canRunProcess(ctx: CaseView): boolean {
  return ctx.abilities.coordinate;
}

/**
 * Assessments (with their reasons) and support plans: the region's coordinator and social
 * services the case is assigned to (they carry the support). Partners and referrers see the status only.
 */
export function canReadProcessDetails(ctx: CaseView): boolean {
  return ctx.access === 'full' || ctx.access === 'assigned';
}

/** The moves the UI may offer: those the process allows from the status, if the actor may move the case at all. */
export function allowedTransitions(ctx: CaseView, status: CaseStatus): CaseTransition[] {
  return canRunProcess(ctx) ? transitionsFrom(status) : [];
}

/** An assignee must be an active coordinator of the case's own coordination unit. */
export function canBeAssigned(user: { active: boolean; organisationId: string; roles: readonly string[] }, coordinationUnitId: string | null): boolean {
  return user.active && coordinationUnitId !== null && user.organisationId === coordinationUnitId && user.roles.includes('coordinator');
}

/** Anyone who may raise a referral may instead notify anonymously. */
export function canNotifyAnonymously(actor: Actor): boolean {
  return actor.organisationId !== null && (hasRole(actor, 'first_responder') || hasRole(actor, 'coordinator'));
}

/** Counts of anonymous notifications: the whole country for national analysts, the own region for coordinators. */
export function anonymousNotificationScope(actor: Actor): { region: string | null } | null {
  if (hasRole(actor, 'national_analyst')) return { region: null };
  if (hasRole(actor, 'coordinator') && actor.organisationKind === 'regional_coordination' && actor.region) return { region: actor.region };
  return null;
}
