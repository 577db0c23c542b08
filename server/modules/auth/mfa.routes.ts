// The second factor: the pending step of a password sign-in, TOTP enrolment (forced or
// voluntary), the user's own status, and the administrator's reset (POST /users/:id/mfa/reset).
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Config } from '../../config.js';
import { requireActor } from '../../http/authenticate.js';
import { AppError, UnauthorizedError } from '../../http/errors.js';
import { mfaEnforced } from '../../policies/mfa.policy.js';
import { confirmEnrolment, mfaStatus, resetMfa, startEnrolment, verifySignInCode, type MfaCaller, type MfaResult } from '../../auth/mfa.service.js';
import { UserIdParams } from '../users/user.schema.js';
import { EnrolmentResponse, ErrorResponse, MfaPendingResponse, MfaStatusResponse, SessionResponse, TotpCodeBody } from './auth.schema.js';
import { presentSession } from './auth.presenter.js';
import { setSessionCookie, clearSessionCookie } from './session-cookie.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** The session asking: waiting for its second factor, or a full cookie session. Tokens have none. */
function callerOf(req: FastifyRequest): MfaCaller {
  if (req.pendingMfa?.actor.userId) {
    const p = req.pendingMfa;
    return { sessionId: p.sessionId, userId: p.actor.userId!, actor: p.actor, pending: p.step, method: 'password' };
  }
  if (req.actor?.userId && req.sessionAuth) {
    return { sessionId: req.sessionAuth.sessionId, userId: req.actor.userId, actor: req.actor, pending: null, method: req.sessionAuth.method };
  }
  throw new UnauthorizedError();
}

export function mfaRoutes({ db, config }: { db: Kysely<DB>; config: Config }): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['auth'];
    // Code attempts share the sign-in limit per address on top of the account lockout.
    const limited = { rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } };

    const answer = (result: MfaResult, reply: FastifyReply) => {
      if (!result.ok) {
        if (result.locked) clearSessionCookie(reply, config);
        throw result.locked
          ? new AppError(401, 'mfa_locked', `Too many wrong codes: the account is locked for ${config.session.lockoutMinutes} minutes; then sign in again`)
          : new AppError(401, result.reason === 'replayed_code' ? 'mfa_code_used' : 'mfa_wrong_code', result.reason === 'replayed_code' ? 'That code was already used; wait for the next one' : 'Wrong code');
      }
      setSessionCookie(reply, config, result.session);
      return presentSession(result.actor, result.session.csrfToken, config.demoMode);
    };

    r.get('/auth/mfa/pending', { schema: { tags, response: { 200: MfaPendingResponse, 401: ErrorResponse } } }, async (req) => {
      if (!req.pendingMfa) throw new AppError(401, 'no_pending_sign_in', 'No sign-in is waiting for a second factor');
      return { mfa: req.pendingMfa.step, csrfToken: req.pendingMfa.csrfToken };
    });

    r.post('/auth/mfa/verify', { schema: { tags, body: TotpCodeBody, response: { 200: SessionResponse, ...errors } }, config: limited }, async (req, reply) =>
      answer(await verifySignInCode(db, callerOf(req), { code: req.body.code, requestId: req.id, replaceSessionId: callerOf(req).sessionId }, config.session), reply),
    );

    r.post('/auth/mfa/enrolment', { schema: { tags, response: { 200: EnrolmentResponse, ...errors } }, config: limited }, async (req) => {
      const caller = callerOf(req);
      if (caller.pending === 'verify') throw new AppError(409, 'mfa_already_enrolled', 'Give the code from your authenticator app');
      return startEnrolment(db, caller);
    });

    r.post('/auth/mfa/enrolment/confirm', { schema: { tags, body: TotpCodeBody, response: { 200: SessionResponse, ...errors } }, config: limited }, async (req, reply) =>
      answer(await confirmEnrolment(db, callerOf(req), { code: req.body.code, requestId: req.id, replaceSessionId: callerOf(req).sessionId }, config.session), reply),
    );

    r.get('/auth/mfa', { schema: { tags, response: { 200: MfaStatusResponse, 401: ErrorResponse } } }, async (req) => {
      if (!req.actor || !req.sessionAuth) throw new UnauthorizedError();
      return mfaStatus(db, callerOf(req), mfaEnforced(config.mfa, config.demoMode));
    });

    r.post('/users/:id/mfa/reset', { schema: { tags: ['users'], params: UserIdParams, response: { 204: z.null(), ...errors } } }, async (req, reply) => {
      await resetMfa(db, requireActor(req), req.params.id);
      return reply.code(204).send(null);
    });
  };
}
