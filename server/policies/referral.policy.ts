// Referrals and consent: who records consent, who sends, who answers and who withdraws a
// referral, and which referrals of a case an actor sees. A referral is addressed to an
// organisation, so the recipient side is decided by organisation, never by person.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { hasRole } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import type { CaseContext } from '../modules/cases/case.access.js';

export type ReferralMove = 'accept' | 'decline' | 'complete' | 'withdraw';

/** Consent is part of the coordinator's process work on the case. */
export function canRecordConsent(ctx: CaseContext): boolean {
  return ctx.abilities.coordinate;
}

export function canReadConsents(ctx: CaseContext): boolean {
  return ctx.abilities.coordinate;
}

export function canSendReferral(ctx: CaseContext): boolean {
  return ctx.abilities.coordinate;
}

/** Roles whose organisation can receive referrals and read its inbox. */
export function canReadInbox(actor: Actor): boolean {
  return actor.organisationId !== null && (hasRole(actor, 'partner') || hasRole(actor, 'social_services') || hasRole(actor, 'coordinator'));
}

function coordinatesRegion(actor: Actor, region: string): boolean {
  return hasRole(actor, 'coordinator') && actor.organisationKind === 'regional_coordination' && actor.region === region;
}

export interface ReferralFacts {
  toOrgId: string;
  caseRegion: string;
}

/** Accept, decline and complete belong to the recipient organisation; withdraw to the case's coordinator. */
export function canMoveReferralAs(actor: Actor, move: ReferralMove, r: ReferralFacts): boolean {
  switch (move) {
    case 'accept':
    case 'decline':
    case 'complete':
      return canReadInbox(actor) && actor.organisationId === r.toOrgId;
    case 'withdraw':
      return coordinatesRegion(actor, r.caseRegion);
  }
}

/**
 * SQL predicate over `referrals` joined with `cases`: the referrals an actor may address at all
 * (its organisation is the recipient, or it coordinates the case's region). Anything else is 404.
 */
export function referralScope(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'referrals' | 'cases'>): Expression<SqlBool> => {
    const ors: Expression<SqlBool>[] = [];
    if (canReadInbox(actor)) ors.push(eb('referrals.to_org_id', '=', actor.organisationId!));
    if (hasRole(actor, 'coordinator') && actor.organisationKind === 'regional_coordination' && actor.region) {
      ors.push(eb('cases.region', '=', actor.region));
    }
    return ors.length > 0 ? eb.or(ors) : sql<SqlBool>`false`;
  };
}

/** On a case page the coordinator sees every referral; anyone else only those addressed to its organisation. */
export function seesAllReferralsOfCase(ctx: CaseContext): boolean {
  return ctx.abilities.coordinate;
}
