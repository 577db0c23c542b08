// Routes for the named users of a protected identity (through a case the caller can read) and
// the auditors' view of their history.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requireActor } from '../../http/authenticate.js';
import { ErrorResponse } from '../auth/auth.schema.js';
import { CaseIdParams } from '../cases/case.schema.js';
import { GrantHistoryQuery, GrantHistorySchema, NameUserBody, NamedUsersViewSchema, RevokeNamedUserBody } from './identity-grants.schema.js';
import { grantHistory, listNamedUsers, nameUser, revokeNamedUser } from './identity-grants.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

export function identityGrantRoutes({ db }: { db: Kysely<DB> }): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['persons'];

    r.get('/cases/:id/named-users', { schema: { tags, params: CaseIdParams, response: { 200: NamedUsersViewSchema, ...errors } } }, async (req) =>
      listNamedUsers(db, requireActor(req), req.params.id),
    );
    r.post('/cases/:id/named-users', { schema: { tags, params: CaseIdParams, body: NameUserBody, response: { 201: NamedUsersViewSchema, ...errors } } }, async (req, reply) =>
      reply.code(201).send(await nameUser(db, requireActor(req), req.params.id, req.body)),
    );
    r.post('/cases/:id/named-users/revoke', { schema: { tags, params: CaseIdParams, body: RevokeNamedUserBody, response: { 200: NamedUsersViewSchema, ...errors } } }, async (req) =>
      revokeNamedUser(db, requireActor(req), req.params.id, req.body),
    );
    r.get('/audit/identity-grants', { schema: { tags: ['audit'], querystring: GrantHistoryQuery, response: { 200: GrantHistorySchema, ...errors } } }, async (req) =>
      grantHistory(db, requireActor(req), req.query.personId),
    );
  };
}
