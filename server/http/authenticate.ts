// Resolves the actor from the session cookie or a bearer API token, and enforces CSRF on
// cookie-authenticated writes (tokens are not sent by browsers on their own, so need none).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Actor } from '../auth/actor.js';
import { resolveApiToken, resolveSession, type SessionSettings } from '../auth/auth.service.js';
import { safeEqual } from '../auth/tokens.js';
import { AppError, UnauthorizedError } from './errors.js';
import './request-context.js';

export const SESSION_COOKIE = 'lots_session';
/** Over HTTPS the cookie carries the __Host- prefix: Secure, path=/, no Domain, so no sibling host can set it. */
export const SECURE_SESSION_COOKIE = '__Host-lots_session';
export const CSRF_HEADER = 'x-csrf-token';
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function sessionCookieName(cookieSecure: boolean): string {
  return cookieSecure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

export function registerAuthentication(app: FastifyInstance, db: Kysely<DB>, settings: SessionSettings, cookieSecure = false): void {
  const cookieName = sessionCookieName(cookieSecure);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionAuth', null);
  app.decorateRequest('pendingMfa', null);
  app.addHook('preHandler', async (req) => {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      req.actor = await resolveApiToken(db, auth.slice(7).trim(), req.id);
      if (!req.actor) throw new UnauthorizedError('Invalid or expired API token');
      return;
    }
    const token = req.cookies[cookieName];
    if (!token) return;
    const session = await resolveSession(db, token, req.id, settings);
    if (!session) return;
    if (session.mfaPending) {
      // Password given, second factor not yet: no actor, so every route but the MFA step answers 401.
      req.pendingMfa = { sessionId: session.sessionId, csrfToken: session.csrfToken, step: session.mfaPending, actor: session.actor };
    } else {
      req.actor = session.actor;
      req.sessionAuth = { sessionId: session.sessionId, csrfToken: session.csrfToken, method: session.method };
    }
    const skipCsrf = (req.routeOptions.config as { skipCsrf?: boolean } | undefined)?.skipCsrf === true;
    if (WRITE_METHODS.has(req.method) && !skipCsrf) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !safeEqual(sent, session.csrfToken)) {
        throw new AppError(403, 'csrf_failed', 'Missing or wrong CSRF token (header x-csrf-token)');
      }
    }
  });
}

/** The signed-in actor, or 401. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new UnauthorizedError();
  return req.actor;
}
