// Sign-in: password check with lockout, server-side sessions with idle and absolute
// timeouts, and API tokens for system integrations.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Actor } from './actor.js';
import { verifyPassword } from './passwords.js';
import { digest, newApiToken, newSecret } from './tokens.js';
import { recordAudit } from '../audit/audit.service.js';
import { isTotpEnrolled } from './totp.repository.js';
import { mfaRequiredFor } from '../policies/mfa.policy.js';
import type { Role } from '../../domain/codelists/roles.js';
import type { OrganisationKind } from '../../domain/codelists/organisation-kinds.js';
import type { PoliceRegion } from '../../domain/codelists/police-regions.js';

export interface SessionSettings {
  idleMinutes: number;
  absoluteHours: number;
  maxFailedLogins: number;
  lockoutMinutes: number;
}

export const DEFAULT_SESSION_SETTINGS: SessionSettings = {
  idleMinutes: 30,
  absoluteHours: 12,
  maxFailedLogins: 5,
  lockoutMinutes: 15,
};

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

/** A session that waits for the second factor: 'verify' a code, or 'enrol' one first. */
export type MfaStep = 'verify' | 'enrol';

export type LoginResult = { ok: true; session: NewSession; actor: Actor; mfa: MfaStep | null } | { ok: false };

/** How long a password-only session may wait for its second factor. */
export const PENDING_MFA_MINUTES = 10;

/**
 * Opens a session in the caller's transaction: a fresh 256-bit id and CSRF token on every
 * sign-in (no fixation); the session the browser came with, if any, is retired.
 */
export async function openSession(
  trx: Kysely<DB>,
  input: { userId: string; method: 'password' | 'oidc'; mfaPending: MfaStep | null; replaceSessionId?: string | null; now: Date },
  settings: SessionSettings,
): Promise<NewSession> {
  const lifetimeMs = input.mfaPending ? PENDING_MFA_MINUTES * 60_000 : settings.absoluteHours * 3_600_000;
  const session: NewSession = {
    token: newSecret(32),
    csrfToken: newSecret(24),
    expiresAt: new Date(input.now.getTime() + lifetimeMs),
  };
  if (input.replaceSessionId) await trx.deleteFrom('sessions').where('id', '=', input.replaceSessionId).execute();
  await trx
    .insertInto('sessions')
    .values({
      id: digest(session.token),
      user_id: input.userId,
      csrf_token: session.csrfToken,
      expires_at: session.expiresAt,
      mfa_pending: input.mfaPending,
      auth_method: input.method,
    })
    .execute();
  return session;
}

// The actor's user, organisation and roles in one statement (it runs on every request).
function actorRows(db: Kysely<DB>) {
  return db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select((eb) => [
      'users.id',
      'users.username',
      'users.display_name',
      'users.active',
      'organisations.id as org_id',
      'organisations.name as org_name',
      'organisations.kind as org_kind',
      'organisations.region as org_region',
      'organisations.active as org_active',
      eb
        .selectFrom('user_roles')
        .select(sql<string[]>`coalesce(array_agg(user_roles.role order by user_roles.role), '{}')`.as('roles'))
        .whereRef('user_roles.user_id', '=', 'users.id')
        .as('roles'),
    ]);
}

type ActorRow = NonNullable<Awaited<ReturnType<ReturnType<typeof actorRows>['executeTakeFirst']>>>;

function actorOf(row: ActorRow | undefined, via: Actor['via'], requestId: string): Actor | null {
  if (!row || !row.active || !row.org_active) return null;
  return {
    userId: row.id,
    username: row.username,
    displayName: row.display_name,
    organisationId: row.org_id,
    organisationName: row.org_name,
    organisationKind: row.org_kind as OrganisationKind,
    region: row.org_region as PoliceRegion | null,
    roles: (row.roles ?? []) as Role[],
    via,
    requestId,
  };
}

export async function loadActor(db: Kysely<DB>, userId: string, via: Actor['via'], requestId: string): Promise<Actor | null> {
  return actorOf(await actorRows(db).where('users.id', '=', userId).executeTakeFirst(), via, requestId);
}

export async function login(
  db: Kysely<DB>,
  input: { username: string; password: string; requestId: string; replaceSessionToken?: string },
  settings: SessionSettings = DEFAULT_SESSION_SETTINGS,
  options: { mfaEnforced: boolean } = { mfaEnforced: false },
): Promise<LoginResult> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'username', 'password_hash', 'failed_logins', 'locked_until', 'active', 'organisation_id'])
    .where((eb) => eb(eb.fn('lower', ['username']), '=', input.username.toLowerCase()))
    .executeTakeFirst();
  const now = new Date();
  const locked = user?.locked_until != null && user.locked_until > now;
  // Always run the hash check so the response time does not tell whether the user exists.
  const passwordOk = await verifyPassword(user?.password_hash ?? null, input.password);
  const anonymous: Actor = {
    userId: user?.id ?? null,
    username: user?.username ?? input.username.slice(0, 64),
    displayName: '',
    organisationId: user?.organisation_id ?? null,
    organisationName: null,
    organisationKind: null,
    region: null,
    roles: [],
    via: 'session',
    requestId: input.requestId,
  };

  if (!user || !user.active || locked || !passwordOk) {
    await db.transaction().execute(async (trx) => {
      if (user && !locked && !passwordOk) {
        const failed = user.failed_logins + 1;
        const lock = failed >= settings.maxFailedLogins;
        await trx
          .updateTable('users')
          .set({
            failed_logins: lock ? 0 : failed,
            locked_until: lock ? new Date(now.getTime() + settings.lockoutMinutes * 60_000) : null,
          })
          .where('id', '=', user.id)
          .execute();
      }
      await recordAudit(trx, anonymous, {
        action: 'auth.login_failed',
        outcome: 'denied',
        resourceType: 'session',
        resourceId: user?.id ?? null,
        details: { reason: !user ? 'unknown_user' : locked ? 'locked' : !user.active ? 'inactive' : 'wrong_password' },
      });
    });
    return { ok: false };
  }

  const actor = await loadActor(db, user.id, 'session', input.requestId);
  if (!actor) return { ok: false };
  // An enrolled user always gives the code; one who must have a second factor sets it up first.
  const mfa: MfaStep | null = (await isTotpEnrolled(db, user.id)) ? 'verify' : mfaRequiredFor(actor.roles, options.mfaEnforced) ? 'enrol' : null;
  const session = await db.transaction().execute(async (trx) => {
    const opened = await openSession(
      trx,
      { userId: user.id, method: 'password', mfaPending: mfa, replaceSessionId: input.replaceSessionToken ? digest(input.replaceSessionToken) : null, now },
      settings,
    );
    if (mfa) {
      // The failure counter is reset only when the second factor is given too, so password
      // successes cannot be used to buy fresh guesses at the code.
      await recordAudit(trx, actor, { action: 'auth.mfa_challenge', resourceType: 'session', resourceId: user.id, details: { step: mfa } });
      return opened;
    }
    await trx
      .updateTable('users')
      .set({ failed_logins: 0, locked_until: null, last_login_at: now })
      .where('id', '=', user.id)
      .execute();
    await recordAudit(trx, actor, { action: 'auth.login', resourceType: 'session', resourceId: user.id, details: { method: 'password' } });
    return opened;
  });
  return { ok: true, session, actor, mfa };
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
  sessionId: string;
  /** Set while the session waits for the second factor: then it opens nothing but that step. */
  mfaPending: MfaStep | null;
  method: 'password' | 'oidc';
}

export async function resolveSession(
  db: Kysely<DB>,
  token: string,
  requestId: string,
  settings: SessionSettings = DEFAULT_SESSION_SETTINGS,
): Promise<ResolvedSession | null> {
  const id = digest(token);
  // The session and its actor in one statement.
  const row = await actorRows(db)
    .innerJoin('sessions', 'sessions.user_id', 'users.id')
    .select(['sessions.expires_at', 'sessions.last_seen_at', 'sessions.csrf_token', 'sessions.mfa_pending', 'sessions.auth_method'])
    .where('sessions.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const now = Date.now();
  const idleLimit = new Date(row.last_seen_at).getTime() + settings.idleMinutes * 60_000;
  if (row.expires_at.getTime() <= now || idleLimit <= now) {
    await db.deleteFrom('sessions').where('id', '=', id).execute();
    return null;
  }
  const actor = actorOf(row, 'session', requestId);
  if (!actor) return null;
  // Touch at most once a minute: the idle clock needs no finer grain.
  if (now - new Date(row.last_seen_at).getTime() > 60_000) {
    await db.updateTable('sessions').set({ last_seen_at: new Date(now) }).where('id', '=', id).execute();
  }
  return { actor, csrfToken: row.csrf_token, sessionId: id, mfaPending: row.mfa_pending, method: row.auth_method };
}

export async function logout(db: Kysely<DB>, sessionId: string, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('sessions').where('id', '=', sessionId).execute();
    await recordAudit(trx, actor, { action: 'auth.logout', resourceType: 'session', resourceId: actor.userId });
  });
}

export async function resolveApiToken(db: Kysely<DB>, token: string, requestId: string): Promise<Actor | null> {
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'expires_at', 'revoked_at', 'last_used_at'])
    .where('token_hash', '=', digest(token))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || (row.expires_at !== null && row.expires_at.getTime() <= Date.now())) return null;
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
    await db.updateTable('api_tokens').set({ last_used_at: new Date() }).where('id', '=', row.id).execute();
  }
  return loadActor(db, row.user_id, 'token', requestId);
}

/** Creates an API token for a user; the plain token is returned once and never stored. */
export async function createApiToken(
  db: Kysely<DB>,
  actor: Actor,
  input: { userId: string; name: string; expiresAt?: Date | null },
): Promise<{ id: string; token: string }> {
  const token = newApiToken();
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('api_tokens')
      .values({ user_id: input.userId, name: input.name, token_hash: digest(token), expires_at: input.expiresAt ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'token.create',
      resourceType: 'token',
      resourceId: row.id,
      details: { userId: input.userId, name: input.name },
    });
    return { id: row.id, token };
  });
}
