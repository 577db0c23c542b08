// Routes of the tasks module (filled in by its owner).
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export function taskRoutes(_deps: { db: Kysely<DB> }): FastifyPluginAsync {
  return async () => {};
}
