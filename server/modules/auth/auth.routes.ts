// Sign-in routes: POST /auth/login, POST /auth/logout, GET /auth/session.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Config } from '../../config.js';
import { login, logout } from '../../auth/auth.service.js';
import { SESSION_COOKIE } from '../../http/authenticate.js';
import { UnauthorizedError } from '../../http/errors.js';
import { ErrorResponse, LoginBody, SessionResponse } from './auth.schema.js';
import { presentSession } from './auth.presenter.js';

export function authRoutes({ db, config }: { db: Kysely<DB>; config: Config }): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();

    r.post(
      '/auth/login',
      {
        schema: { tags: ['auth'], body: LoginBody, response: { 200: SessionResponse, 401: ErrorResponse } },
        config: { rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' }, skipCsrf: true },
      },
      async (req, reply) => {
        const result = await login(
          db,
          { ...req.body, requestId: req.id, replaceSessionToken: req.cookies[SESSION_COOKIE] },
          config.session,
        );
        if (!result.ok) {
          throw new UnauthorizedError(
            `Wrong username or password. After ${config.session.maxFailedLogins} failed attempts the account is locked for ${config.session.lockoutMinutes} minutes.`,
          );
        }
        reply.setCookie(SESSION_COOKIE, result.session.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: config.cookieSecure,
          expires: result.session.expiresAt,
        });
        return presentSession(result.actor, result.session.csrfToken, config.demoMode);
      },
    );

    r.post('/auth/logout', { schema: { tags: ['auth'] } }, async (req, reply) => {
      if (req.actor && req.sessionAuth) await logout(db, req.sessionAuth.sessionId, req.actor);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    });

    r.get('/auth/session', { schema: { tags: ['auth'], response: { 200: SessionResponse, 401: ErrorResponse } } }, async (req) => {
      if (!req.actor) throw new UnauthorizedError();
      return presentSession(req.actor, req.sessionAuth?.csrfToken ?? '', config.demoMode);
    });
  };
}
