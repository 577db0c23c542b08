// Reference data for API clients: municipalities with their county and police region.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requireActor } from '../../http/authenticate.js';

export function referenceRoutes({ db }: { db: Kysely<DB> }): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/reference/municipalities', { schema: { tags: ['reference'] } }, async (req) => {
      requireActor(req);
      const rows = await db.selectFrom('municipalities').selectAll().orderBy('name').execute();
      return { items: rows.map((m) => ({ code: m.code, name: m.name, countyCode: m.county_code, countyName: m.county_name, region: m.region })) };
    });
  };
}
