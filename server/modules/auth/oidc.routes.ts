// OIDC single sign-on: GET /auth/oidc/start sends the browser to the identity provider;
// the provider sends it back to the web page /login/sso, which posts the query string it got to
// POST /auth/oidc/callback. State, nonce and PKCE verifier stay on the server, keyed by a random
// handle in a short-lived httpOnly SameSite=Strict cookie. Without LOTS_OIDC_ISSUER both answer 404.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Config } from '../../config.js';
import type { Actor } from '../../auth/actor.js';
import { OidcClient, OidcRejectedError, OidcUnavailableError, type OidcIdentity } from '../../auth/oidc.client.js';
import { OIDC_LOGIN_STATE_MINUTES, saveLoginState, takeLoginState } from '../../auth/oidc-state.repository.js';
import { signInWithOidc, type SsoRefusal } from '../../auth/oidc.service.js';
import { digest, newSecret } from '../../auth/tokens.js';
import { recordAudit } from '../../audit/audit.service.js';
import { AppError, NotFoundError } from '../../http/errors.js';
import { ErrorResponse, OidcCallbackBody, SessionResponse } from './auth.schema.js';
import { presentSession } from './auth.presenter.js';
import { currentSessionId, setSessionCookie } from './session-cookie.js';

const REFUSALS: Record<SsoRefusal, string> = {
  insufficient_authentication: 'Your identity provider did not report a strong enough sign-in (two factors) for Lots',
  email_unverified: 'Your identity provider has not verified your e-mail address, so it cannot be matched to a Lots account',
  ambiguous_match: 'More than one Lots account matches your identity; ask your administrator to sort it out',
  identity_conflict: 'Your Lots account is already linked to another identity at this provider; ask your administrator',
  no_account: 'There is no Lots account for you and accounts are not created automatically; ask your administrator for one',
  unknown_organisation: 'Your organisation, as your identity provider names it, is not known to Lots; ask your administrator',
  no_role: 'Your identity provider grants you no role in Lots; ask your administrator',
  inactive: 'Your Lots account or organisation is deactivated',
};

export function oidcCookieName(cookieSecure: boolean): string {
  return cookieSecure ? '__Host-lots_oidc' : 'lots_oidc';
}

export function oidcRoutes({ db, config }: { db: Kysely<DB>; config: Config }): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const client = config.oidc ? new OidcClient(config.oidc) : null;
    const cookieName = oidcCookieName(config.cookieSecure);
    const cookieOptions = { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: config.cookieSecure };
    const limited = { rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } };

    const unavailable = (err: unknown) =>
      err instanceof OidcUnavailableError ? new AppError(503, 'sso_unavailable', 'The identity provider cannot be reached; try again shortly') : err;

    const auditFailure = async (requestId: string, reason: string, detail: string | null) => {
      const actor: Actor = { userId: null, username: 'sso', displayName: '', organisationId: null, organisationName: null, organisationKind: null, region: null, roles: [], via: 'session', requestId };
      await db.transaction().execute((trx) =>
        recordAudit(trx, actor, { action: 'auth.login_failed', outcome: 'denied', resourceType: 'session', details: { method: 'oidc', issuer: config.oidc?.issuer ?? null, reason, detail } }),
      );
    };

    // A browser navigation (the sign-in button): failures go back to the sign-in page, which says why.
    r.get('/auth/oidc/start', { schema: { tags: ['auth'], response: { 404: ErrorResponse } }, config: limited }, async (_req, reply) => {
      if (!client) throw new NotFoundError('route');
      let begun: Awaited<ReturnType<OidcClient['begin']>>;
      try {
        begun = await client.begin();
      } catch (err) {
        if (err instanceof OidcUnavailableError) return reply.redirect('/login?sso_error=unavailable', 303);
        throw err;
      }
      const handle = newSecret(32);
      await saveLoginState(db, digest(handle), begun.state);
      reply.setCookie(cookieName, handle, { ...cookieOptions, maxAge: OIDC_LOGIN_STATE_MINUTES * 60 });
      return reply.redirect(begun.url.href, 302);
    });

    r.post(
      '/auth/oidc/callback',
      {
        schema: { tags: ['auth'], body: OidcCallbackBody, response: { 200: SessionResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 503: ErrorResponse } },
        // No session yet: the state bound to this browser's cookie is what ties the answer to the request.
        config: { ...limited, skipCsrf: true },
      },
      async (req, reply) => {
        if (!client || !config.oidc) throw new NotFoundError('route');
        const handle = req.cookies[cookieName];
        reply.clearCookie(cookieName, cookieOptions);
        const saved = handle ? await takeLoginState(db, digest(handle)) : null;
        if (!saved) {
          await auditFailure(req.id, 'no_state', null);
          throw new AppError(400, 'sso_state_invalid', 'This sign-in has expired or was started in another browser; start again');
        }
        let identity: OidcIdentity;
        try {
          identity = await client.finish(req.body.query, saved);
        } catch (err) {
          if (err instanceof OidcRejectedError) {
            await auditFailure(req.id, err.reason, err.detail);
            throw new AppError(401, 'sso_failed', 'The answer from the identity provider did not pass the checks; start again');
          }
          throw unavailable(err);
        }
        const result = await signInWithOidc(db, config.oidc, identity, { requestId: req.id, replaceSessionId: currentSessionId(req, config) }, config.session);
        if (!result.ok) throw new AppError(403, `sso_${result.reason}`, REFUSALS[result.reason]);
        setSessionCookie(reply, config, result.session);
        return presentSession(result.actor, result.session.csrfToken, config.demoMode);
      },
    );
  };
}
