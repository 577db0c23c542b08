// Organisation routes: list (any signed-in user), create (admin).
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requireActor } from '../../http/authenticate.js';
import { ErrorResponse } from '../auth/auth.schema.js';
import { CreateOrganisationBody, OrganisationListSchema, OrganisationSchema } from './organisation.schema.js';
import { createOrganisation, listOrganisations } from './organisation.service.js';

export function organisationRoutes({ db }: { db: Kysely<DB> }): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['organisations'];
    r.get('/organisations', { schema: { tags, response: { 200: OrganisationListSchema, 401: ErrorResponse } } }, async (req) => ({
      items: await listOrganisations(db, requireActor(req)),
    }));
    r.post('/organisations', { schema: { tags, body: CreateOrganisationBody, response: { 201: OrganisationSchema, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse } } }, async (req, reply) =>
      reply.code(201).send(await createOrganisation(db, requireActor(req), req.body)),
    );
  };
}
