// Routes of the criminal module (filled in by its owner).
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

export function criminalRoutes(_deps: { db: Kysely<DB> }): FastifyPluginAsync {
  return async () => {};
}
