// Sign-in routes: GET /auth/options, POST /auth/login, POST /auth/logout, GET /auth/session;
// the second factor (mfa.routes.ts) and OIDC single sign-on (oidc.routes.ts).
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Config } from '../../config.js';
import { login, logout } from '../../auth/auth.service.js';
import { AppError, UnauthorizedError } from '../../http/errors.js';
import { mfaEnforced } from '../../policies/mfa.policy.js';
import { AuthOptionsResponse, ErrorResponse, LoginBody, LoginResponse, SessionResponse } from './auth.schema.js';
import { presentSession } from './auth.presenter.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import { sessionCookieName } from '../../http/authenticate.js';
import { mfaRoutes } from './mfa.routes.js';
import { oidcRoutes } from './oidc.routes.js';

export function authRoutes({ db, config }: { db: Kysely<DB>; config: Config }): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    // Public: what the sign-in page offers.
    r.get('/auth/options', { schema: { tags: ['auth'], response: { 200: AuthOptionsResponse } } }, async () => ({
      sso: { enabled: config.oidc !== null, label: config.oidc?.label ?? null },
      mfaRequired: mfaEnforced(config.mfa, config.demoMode),
    }));

    r.post(
      '/auth/login',
      {
        schema: { tags: ['auth'], body: LoginBody, response: { 200: LoginResponse, 401: ErrorResponse } },
        config: { rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' }, skipCsrf: true },
      },
      async (req, reply) => {
        const result = await login(
          db,
          { ...req.body, requestId: req.id, replaceSessionToken: req.cookies[sessionCookieName(config.cookieSecure)] },
          config.session,
          { mfaEnforced: mfaEnforced(config.mfa, config.demoMode) },
        );
        if (!result.ok) {
          throw new UnauthorizedError(
            `Wrong username or password. After ${config.session.maxFailedLogins} failed attempts the account is locked for ${config.session.lockoutMinutes} minutes.`,
          );
        }
        setSessionCookie(reply, config, result.session);
        if (result.mfa) return { mfa: result.mfa, csrfToken: result.session.csrfToken };
        return presentSession(result.actor, result.session.csrfToken, config.demoMode);
      },
    );

    r.post('/auth/logout', { schema: { tags: ['auth'] } }, async (req, reply) => {
      if (req.actor && req.sessionAuth) await logout(db, req.sessionAuth.sessionId, req.actor);
      else if (req.pendingMfa) await logout(db, req.pendingMfa.sessionId, req.pendingMfa.actor);
      clearSessionCookie(reply, config);
      return reply.code(204).send();
    });

    r.get('/auth/session', { schema: { tags: ['auth'], response: { 200: SessionResponse, 401: ErrorResponse } } }, async (req) => {
      if (req.pendingMfa) throw new AppError(401, 'mfa_pending', 'Finish signing in with your second factor');
      if (!req.actor) throw new UnauthorizedError();
      return presentSession(req.actor, req.sessionAuth?.csrfToken ?? '', config.demoMode);
    });

    await app.register(mfaRoutes({ db, config }));
    await app.register(oidcRoutes({ db, config }));
  };
}
