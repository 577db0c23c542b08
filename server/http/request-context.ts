// Fastify request decorations: who is signed in, and how.
import type { Actor } from '../auth/actor.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** Set when the actor came from a session cookie (then writes need the CSRF token). */
    sessionAuth: { sessionId: string; csrfToken: string; method: 'password' | 'oidc' } | null;
    /** A session that has passed the password but not yet the second factor (no actor then). */
    pendingMfa: { sessionId: string; csrfToken: string; step: 'verify' | 'enrol'; actor: Actor } | null;
  }
}

export {};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Routes a browser reaches before it has a session (sign-in) skip the CSRF check. */
    skipCsrf?: boolean;
  }
}
