// The session cookie: httpOnly, SameSite=Strict, path=/; over HTTPS (LOTS_COOKIE_SECURE=true)
// Secure and named with the __Host- prefix, so no other host of the domain can set or shadow it.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { NewSession } from '../../auth/auth.service.js';
import { sessionCookieName } from '../../http/authenticate.js';
import { digest } from '../../auth/tokens.js';

export function setSessionCookie(reply: FastifyReply, config: Config, session: NewSession): void {
  reply.setCookie(sessionCookieName(config.cookieSecure), session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: config.cookieSecure,
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(sessionCookieName(config.cookieSecure), { path: '/', httpOnly: true, sameSite: 'strict', secure: config.cookieSecure });
}

/** The stored id of the session the browser came with (to retire it when a new one starts). */
export function currentSessionId(req: FastifyRequest, config: Config): string | null {
  const token = req.cookies[sessionCookieName(config.cookieSecure)];
  return token ? digest(token) : null;
}
