// Turns a validated OIDC identity into a Lots session. The user is found by the (issuer,
// subject) link; at the first sign-in by the configured claim (e-mail by default) among active
// users, then linked; or, when provisioning is on, created in the organisation and with the roles
// the claims map to. Every refusal is audited and creates nothing. The session is the same kind
// as a password sign-in (fresh id, CSRF token), marked as OIDC: the IdP did the second factor.
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Actor } from './actor.js';
import { loadActor, openSession, type NewSession, type SessionSettings } from './auth.service.js';
import type { OidcConfig } from './oidc.config.js';
import type { OidcIdentity } from './oidc.client.js';
import { recordAudit } from '../audit/audit.service.js';
import { roleFitsOrganisation } from '../policies/user.policy.js';
import type { Role } from '../../domain/codelists/roles.js';
import type { OrganisationKind } from '../../domain/codelists/organisation-kinds.js';

export type SsoRefusal =
  | 'insufficient_authentication'
  | 'email_unverified'
  | 'ambiguous_match'
  | 'identity_conflict'
  | 'no_account'
  | 'unknown_organisation'
  | 'no_role'
  | 'inactive';

export type SsoResult = { ok: true; session: NewSession; actor: Actor; provisioned: boolean } | { ok: false; reason: SsoRefusal };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const USERNAME = /^[a-zA-Z0-9._@-]{3,64}$/;

/** A stable pseudonym for an identity in the audit trail: the subject may be a personal identity number. */
export function identityPseudonym(issuer: string, subject: string): string {
  return `sso:${createHash('sha256').update(`${issuer}\n${subject}`).digest('hex').slice(0, 16)}`;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() === '' ? [] : [value.trim()];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
  return [];
}

function firstString(value: unknown): string | null {
  return strings(value)[0] ?? null;
}

/** Did the provider authenticate strongly enough (LOTS_OIDC_REQUIRED_ACR / _AMR)? Checked on the ID token only. */
export function authenticationStrongEnough(settings: OidcConfig, idToken: Record<string, unknown>): boolean {
  if (settings.requiredAcr.length > 0 && !settings.requiredAcr.includes(firstString(idToken.acr) ?? '')) return false;
  if (settings.requiredAmr.length > 0 && !strings(idToken.amr).some((m) => settings.requiredAmr.includes(m))) return false;
  return true;
}

async function findLinkedUser(trx: Transaction<DB>, identity: OidcIdentity): Promise<string | null> {
  const link = await trx
    .selectFrom('user_identities')
    .select('user_id')
    .where('issuer', '=', identity.issuer)
    .where('subject', '=', identity.subject)
    .executeTakeFirst();
  return link?.user_id ?? null;
}

type Match = { userId: string } | { refusal: SsoRefusal } | null;

/** The existing active user the configured claim names, if exactly one. */
async function matchByClaim(trx: Transaction<DB>, settings: OidcConfig, identity: OidcIdentity): Promise<Match> {
  const value = firstString(identity.claims[settings.matchClaim]);
  if (!value) return null;
  if (settings.matchField === 'email' && identity.claims.email_verified === false) return { refusal: 'email_unverified' };
  const column = settings.matchField === 'email' ? 'users.email' : 'users.username';
  const rows = await trx
    .selectFrom('users')
    .select('users.id')
    .where('users.active', '=', true)
    .where((eb) => eb(eb.fn('lower', [column]), '=', value.toLowerCase()))
    .limit(2)
    .execute();
  if (rows.length === 0) return null;
  if (rows.length > 1) return { refusal: 'ambiguous_match' };
  const userId = rows[0]!.id;
  const other = await trx.selectFrom('user_identities').select('subject').where('user_id', '=', userId).where('issuer', '=', identity.issuer).executeTakeFirst();
  if (other) return { refusal: 'identity_conflict' };
  return { userId };
}

async function uniqueUsername(trx: Transaction<DB>, identity: OidcIdentity): Promise<string> {
  const taken = async (name: string) =>
    (await trx.selectFrom('users').select('id').where((eb) => eb(eb.fn('lower', ['username']), '=', name.toLowerCase())).executeTakeFirst()) !== undefined;
  for (const candidate of [firstString(identity.claims.preferred_username), firstString(identity.claims.email)]) {
    if (candidate && USERNAME.test(candidate) && !(await taken(candidate))) return candidate;
  }
  return identityPseudonym(identity.issuer, identity.subject).replace('sso:', 'sso.');
}

async function provision(trx: Transaction<DB>, settings: OidcConfig, identity: OidcIdentity, audit: Actor): Promise<{ userId: string } | { refusal: SsoRefusal }> {
  const orgClaim = firstString(identity.claims[settings.organisationClaim]);
  const orgId = orgClaim === null ? null : (settings.organisationMap[orgClaim] ?? (UUID.test(orgClaim) ? orgClaim.toLowerCase() : null));
  const org = orgId
    ? await trx.selectFrom('organisations').select(['id', 'kind', 'active']).where('id', '=', orgId).executeTakeFirst()
    : undefined;
  if (!org || !org.active) return { refusal: 'unknown_organisation' };
  const roles = [...new Set(strings(identity.claims[settings.roleClaim]).flatMap((v) => settings.roleMap[v] ?? []))].filter((r: Role) =>
    roleFitsOrganisation(r, org.kind as OrganisationKind),
  );
  if (roles.length === 0) return { refusal: 'no_role' };
  const username = await uniqueUsername(trx, identity);
  const email = firstString(identity.claims.email);
  const given = [firstString(identity.claims.given_name), firstString(identity.claims.family_name)].filter(Boolean).join(' ');
  const displayName = (firstString(identity.claims[settings.nameClaim]) ?? (given || username)).slice(0, 200);
  const user = await trx
    .insertInto('users')
    .values({
      username,
      display_name: displayName,
      email: email && identity.claims.email_verified !== false && email.includes('@') ? email : null,
      organisation_id: org.id,
      password_hash: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.insertInto('user_roles').values(roles.map((role) => ({ user_id: user.id, role }))).execute();
  await recordAudit(trx, audit, {
    action: 'user.create',
    resourceType: 'user',
    resourceId: user.id,
    details: { after: { username, organisationId: org.id, roles }, via: 'oidc', issuer: identity.issuer },
  });
  return { userId: user.id };
}

export async function signInWithOidc(
  db: Kysely<DB>,
  settings: OidcConfig,
  identity: OidcIdentity,
  input: { requestId: string; replaceSessionId: string | null },
  sessionSettings: SessionSettings,
): Promise<SsoResult> {
  const now = new Date();
  const pseudonym = identityPseudonym(identity.issuer, identity.subject);
  const system: Actor = {
    userId: null,
    username: pseudonym,
    displayName: '',
    organisationId: null,
    organisationName: null,
    organisationKind: null,
    region: null,
    roles: [],
    via: 'session',
    requestId: input.requestId,
  };
  return db.transaction().execute(async (trx): Promise<SsoResult> => {
    const refuse = async (reason: SsoRefusal, userId: string | null = null): Promise<SsoResult> => {
      await recordAudit(trx, { ...system, userId }, {
        action: 'auth.login_failed',
        outcome: 'denied',
        resourceType: 'session',
        resourceId: userId,
        details: { method: 'oidc', issuer: identity.issuer, reason },
      });
      return { ok: false, reason };
    };
    if (!authenticationStrongEnough(settings, identity.idToken)) return refuse('insufficient_authentication');

    let userId = await findLinkedUser(trx, identity);
    let provisioned = false;
    if (!userId) {
      const match = await matchByClaim(trx, settings, identity);
      if (match && 'refusal' in match) return refuse(match.refusal);
      if (match) {
        userId = match.userId;
      } else {
        if (!settings.provision) return refuse('no_account');
        const created = await provision(trx, settings, identity, system);
        if ('refusal' in created) return refuse(created.refusal);
        userId = created.userId;
        provisioned = true;
      }
      await trx.insertInto('user_identities').values({ issuer: identity.issuer, subject: identity.subject, user_id: userId }).execute();
      await recordAudit(trx, { ...system, userId }, {
        action: 'auth.identity_link',
        resourceType: 'user',
        resourceId: userId,
        details: { issuer: identity.issuer, identity: pseudonym, matchedBy: provisioned ? 'provisioning' : settings.matchClaim },
      });
    }

    const actor = await loadActor(trx, userId, 'session', input.requestId);
    if (!actor) return refuse('inactive', userId);
    const session = await openSession(trx, { userId, method: 'oidc', mfaPending: null, replaceSessionId: input.replaceSessionId, now }, sessionSettings);
    await trx.updateTable('users').set({ last_login_at: now }).where('id', '=', userId).execute();
    await trx.updateTable('user_identities').set({ last_login_at: now }).where('issuer', '=', identity.issuer).where('subject', '=', identity.subject).execute();
    await recordAudit(trx, actor, { action: 'auth.login', resourceType: 'session', resourceId: userId, details: { method: 'oidc', issuer: identity.issuer } });
    return { ok: true, session, actor, provisioned };
  });
}
