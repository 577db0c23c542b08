// HTTP hardening (ASVS V14.4, V13.1, V8.2): security headers with a strict Content Security
// Policy the built web app runs under (no inline script or style, same-origin only), HSTS when
// the cookie is Secure (i.e. behind TLS), a rate limit on the whole API per signed-in user or per IP, and
// `Cache-Control: no-store` on every API answer so personal data never sits in a cache.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import { AppError } from './errors.js';

export interface HardeningSettings {
  cookieSecure: boolean;
  rateLimitPerMinute: number;
}

/** The policy the server sends with every response; the web app (web/dist) loads under it. */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
  'base-uri': ["'none'"],
  'object-src': ["'none'"],
} as const;

/**
 * The rate-limit key: the signed-in user when there is one (the check runs after
 * authentication), else the client address. A random cookie does not buy a fresh bucket:
 * an unresolved session counts against the address.
 */
export function rateLimitKey(req: FastifyRequest): string {
  if (req.actor?.userId) return `user:${req.actor.userId}`;
  if (req.actor) return `actor:${createHash('sha256').update(req.actor.username).digest('hex').slice(0, 32)}`;
  return `ip:${req.ip}`;
}

export async function registerHardening(app: FastifyInstance, settings: HardeningSettings): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        ...CONTENT_SECURITY_POLICY,
        ...(settings.cookieSecure ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    // HSTS only where the site is served over TLS; on plain http it would be ignored at best.
    hsts: settings.cookieSecure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
    xContentTypeOptions: true,
    xDnsPrefetchControl: { allow: false },
    xPermittedCrossDomainPolicies: { permittedPolicies: 'none' },
  });

  await app.register(fastifyRateLimit, {
    global: true,
    max: settings.rateLimitPerMinute,
    timeWindow: '1 minute',
    // After authentication (a route-level preHandler runs after the app's own), so the key can
    // be the user; routes with their own limit (sign-in) keep it.
    hook: 'preHandler',
    keyGenerator: rateLimitKey,
    // The API is what costs and what holds data; the app's static files and health checks are free.
    allowList: (req) => !req.url.startsWith('/api/'),
    errorResponseBuilder: (_req, context) =>
      new AppError(429, 'rate_limited', `Too many requests; try again in ${context.after}`),
  });

  app.addHook('onSend', async (req, reply, payload) => {
    if (req.url.startsWith('/api/')) {
      reply.header('cache-control', 'no-store');
      reply.header('pragma', 'no-cache');
      // An API answer opened directly in a browser is downloaded, never rendered (ASVS 14.4.2).
      if (!reply.hasHeader('content-disposition')) reply.header('content-disposition', 'attachment; filename="api.json"');
    }
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
    return payload;
  });
}
