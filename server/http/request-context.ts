// Fastify request decorations: who is signed in, and how.
import type { Actor } from '../auth/actor.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** Set when the actor came from a session cookie (then writes need the CSRF token). */
    sessionAuth: { sessionId: string; csrfToken: string } | null;
  }
}

export {};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Routes a browser reaches before it has a session (sign-in) skip the CSRF check. */
    skipCsrf?: boolean;
  }
}
