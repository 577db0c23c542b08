// Group operations (many persons found at once, e.g. at one workplace inspection): a group
// belongs to a police region and only that region's coordinators see and change it. Each
// member case keeps its own scope; group membership never widens who sees a case.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { hasRole } from '../auth/actor.js';
import type { DB } from '../db/schema.js';

export type GroupAction = 'create' | 'list' | 'read' | 'update' | 'addCases' | 'bulk';

function coordinatorRegion(actor: Actor): string | null {
  return hasRole(actor, 'coordinator') && actor.organisationKind === 'regional_coordination' ? actor.region : null;
}

/** Whether the actor works with groups at all (403 otherwise). */
export function canUseGroups(actor: Actor): boolean {
  return coordinatorRegion(actor) !== null;
}

/** Creating a group is allowed only in the actor's own region. */
export function canCreateGroupIn(actor: Actor, region: string): boolean {
  return coordinatorRegion(actor) === region;
}

/** SQL predicate over `case_groups`: the groups of the actor's region. */
export function groupScope(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'case_groups'>): Expression<SqlBool> => {
    const region = coordinatorRegion(actor);
    return region ? eb('case_groups.region', '=', region) : sql<SqlBool>`false`;
  };
}

/** A case may join a group only when it lies in the group's region (and the actor's scope). */
export function caseFitsGroup(caseRegion: string, groupRegion: string): boolean {
  return caseRegion === groupRegion;
}
