// Protected identity (skyddade personuppgifter). A person flagged `protected_identity` keeps a
// list of named users (person_identity_grants); only they see the real identity, and only where
// the case scope already lets them read the case. Everyone else sees the reserved placeholder,
// in every read path, and matching never reveals such a person to anyone.
//
// Who names whom (docs/security.md, "Protected identity"):
// - whoever registers a protected person, or flags a person as protected, is named at once;
// - a named coordinator of the case's police region may name any user who can read the case,
//   and revoke any grant on the person;
// - any other named user (e.g. the first responder who registered the person) may name the
//   coordinators of the case's region, so the case can be handed over, and may revoke their own;
// - nobody names themselves, administrators name nobody (they see no case content), and the
//   last named user with an active account cannot be removed.
import { sql, type RawBuilder } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { hasRole } from '../auth/actor.js';
import type { OrganisationKind } from '../../domain/codelists/organisation-kinds.js';
import type { PoliceRegion } from '../../domain/codelists/police-regions.js';
import type { Role } from '../../domain/codelists/roles.js';
import { caseAccess, type CaseAccess, type CaseFacts } from './case.policy.js';

/**
 * SQL, true when the actor may see the real identity of the person row `alias` (default
 * `persons`): the person is not protected, or the actor holds an active grant for it. Use it in
 * a WHERE (search by name) and as a selected column (`identity_visible`) for the presenters.
 */
export function identityVisible(actor: Pick<Actor, 'userId'>, alias = 'persons'): RawBuilder<boolean> {
  const isProtected = sql.ref(`${alias}.protected_identity`);
  if (actor.userId === null) return sql<boolean>`(not ${isProtected})`;
  return sql<boolean>`(not ${isProtected} or exists (select 1 from person_identity_grants pig
    where pig.person_id = ${sql.ref(`${alias}.id`)} and pig.user_id = ${actor.userId} and pig.revoked_at is null))`;
}

/** The identity as the presenters show it: the real names, or null for the placeholder. */
export function shownIdentity<T>(visible: boolean, value: T): T | null {
  return visible ? value : null;
}

/** A user considered for a grant, described as the case policy needs it. */
export interface GranteeFacts {
  userId: string;
  roles: readonly Role[];
  organisationId: string;
  organisationKind: OrganisationKind;
  region: PoliceRegion | null;
  active: boolean;
}

/** The access the user would have to the case (null: none), with the shares of the user's organisation. */
export function granteeAccess(g: GranteeFacts, c: Omit<CaseFacts, 'sharedWithActorOrg'>, sharesOfOrg: CaseFacts['sharedWithActorOrg']): CaseAccess | null {
  if (!g.active) return null;
  const asActor: Actor = {
    userId: g.userId,
    username: '',
    displayName: '',
    organisationId: g.organisationId,
    organisationName: null,
    organisationKind: g.organisationKind,
    region: g.region,
    roles: g.roles,
    via: 'session',
    requestId: '',
  };
  return caseAccess(asActor, { ...c, sharedWithActorOrg: sharesOfOrg });
}

export interface IdentityCase {
  access: CaseAccess;
  region: string;
  protectedIdentity: boolean;
  /** The actor holds an active grant (or the person is not protected). */
  identityVisible: boolean;
}

/** The named-users list is for the named users themselves (and auditors, through their own route). */
export function canSeeNamedUsers(c: IdentityCase): boolean {
  return !c.protectedIdentity || c.identityVisible;
}

/** Whom the actor may name on this case: anyone who can read it, the region's coordinators, or nobody. */
export function namingReach(actor: Actor, c: IdentityCase): 'case_readers' | 'region_coordinators' | null {
  if (!c.protectedIdentity || !c.identityVisible || actor.userId === null) return null;
  return c.access === 'full' ? 'case_readers' : 'region_coordinators';
}

export function isRegionCoordinator(g: GranteeFacts, region: string): boolean {
  return g.roles.includes('coordinator') && g.organisationKind === 'regional_coordination' && g.region === region;
}

/** May the actor name this user? The grantee must be able to read the case; never oneself. */
export function canName(actor: Actor, c: IdentityCase, grantee: GranteeFacts, granteeCaseAccess: CaseAccess | null): boolean {
  const reach = namingReach(actor, c);
  if (reach === null || grantee.userId === actor.userId || granteeCaseAccess === null) return false;
  return reach === 'case_readers' || isRegionCoordinator(grantee, c.region);
}

/** A named coordinator of the region revokes any grant; any named user may step back from their own. */
export function canRevoke(actor: Actor, c: IdentityCase, granteeUserId: string): boolean {
  if (!c.protectedIdentity || !c.identityVisible || actor.userId === null) return false;
  return c.access === 'full' || granteeUserId === actor.userId;
}

/** The full grant history of a person (who was named, by whom, why) is for auditors. */
export function canReadGrantHistory(actor: Actor): boolean {
  return hasRole(actor, 'auditor');
}

/** Person fields that are the identity itself, or its protection. */
const IDENTITY_FIELDS = ['givenNames', 'familyNames', 'aliases', 'protectedIdentity'] as const;

/**
 * A user who does not see a protected identity may neither change it (they would write over
 * names they cannot see) nor lift the protection (it would show the name to everyone).
 */
export function mayChangeIdentity(c: { protectedIdentity: boolean; identityVisible: boolean }, changed: Record<string, unknown>): boolean {
  if (!c.protectedIdentity || c.identityVisible) return true;
  return IDENTITY_FIELDS.every((f) => changed[f] === undefined);
}
