// Who may see and change a case. The scope is a SQL predicate applied inside every case
// query (lists and single reads alike), never a filter after fetching.
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { hasRole } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import { canListCases } from './abilities.js';

/**
 * read/update/transfer/addInformation as named; coordinate covers the coordinator's process work
 * on the case: assessment, referrals and consent, permits, criminal process, support, closure.
 */
export type CaseAction = 'read' | 'update' | 'addInformation' | 'transfer' | 'coordinate';

/** How much of a case the actor sees. */
export type CaseAccess = 'full' | 'assigned' | 'shared' | 'referrer';

const ASSESSED_STATUSES = new Set(['reason_to_assume', 'no_reason_to_assume', 'support_ongoing', 'closed']);

function isCoordinator(actor: Actor): boolean {
  return hasRole(actor, 'coordinator') && actor.organisationKind === 'regional_coordination' && actor.region !== null;
}

/** SQL predicate over `cases`: true for the rows the actor may read. */
export function caseScope(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'cases'>): Expression<SqlBool> => {
    const ors: Expression<SqlBool>[] = [];
    if (isCoordinator(actor)) ors.push(eb('cases.region', '=', actor.region!));
    if (hasRole(actor, 'first_responder') && actor.organisationId) {
      ors.push(eb('cases.referring_org_id', '=', actor.organisationId));
    }
    if ((hasRole(actor, 'social_services') || hasRole(actor, 'partner')) && actor.organisationId) {
      ors.push(
        eb.exists(
          eb
            .selectFrom('case_shares')
            .select(sql.lit(1).as('one'))
            .whereRef('case_shares.case_id', '=', 'cases.id')
            .where('case_shares.organisation_id', '=', actor.organisationId)
            .where('case_shares.revoked_at', 'is', null),
        ),
      );
    }
    return ors.length > 0 ? eb.or(ors) : sql<SqlBool>`false`;
  };
}

export interface CaseFacts {
  region: string;
  status: string;
  referringOrgId: string | null;
  /** Active shares of this case with the actor's organisation. */
  sharedWithActorOrg: { purpose: string; fields: string[] }[];
}

/** The access level for a case the scope already let through; null means none. */
export function caseAccess(actor: Actor, c: CaseFacts): CaseAccess | null {
  if (isCoordinator(actor) && c.region === actor.region) return 'full';
  if (hasRole(actor, 'social_services') && c.sharedWithActorOrg.length > 0) return 'assigned';
  if (hasRole(actor, 'partner') && c.sharedWithActorOrg.length > 0) return 'shared';
  if (hasRole(actor, 'first_responder') && c.referringOrgId !== null && c.referringOrgId === actor.organisationId) {
    return 'referrer';
  }
  return null;
}

export type CaseAbilities = Record<CaseAction, boolean>;

export function caseAbilities(actor: Actor, c: CaseFacts): CaseAbilities {
  const access = caseAccess(actor, c);
  const assessed = ASSESSED_STATUSES.has(c.status);
  return {
    read: access !== null,
    update: access === 'full',
    transfer: access === 'full' && c.status !== 'closed',
    addInformation: access === 'full' || (access === 'referrer' && !assessed),
    coordinate: access === 'full',
  };
}

export function canListAnyCases(actor: Actor): boolean {
  return canListCases(actor);
}
