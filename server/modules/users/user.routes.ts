// User routes (admin only): list, create, set password, create an API token.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requireActor } from '../../http/authenticate.js';
import { ErrorResponse } from '../auth/auth.schema.js';
import { CreatedTokenSchema, CreatedUserSchema, CreateTokenBody, CreateUserBody, SetPasswordBody, UserIdParams, UserListSchema } from './user.schema.js';
import { addToken, createUser, listUsers, setPassword } from './user.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export function userRoutes({ db }: { db: Kysely<DB> }): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['users'];
    r.get('/users', { schema: { tags, response: { 200: UserListSchema, 401: ErrorResponse, 403: ErrorResponse } } }, async (req) => ({ items: await listUsers(db, requireActor(req)) }));
    r.post('/users', { schema: { tags, body: CreateUserBody, response: { 201: CreatedUserSchema, ...errors } } }, async (req, reply) =>
      reply.code(201).send(await createUser(db, requireActor(req), req.body)),
    );
    r.put('/users/:id/password', { schema: { tags, params: UserIdParams, body: SetPasswordBody, response: { 204: z.null(), ...errors } } }, async (req, reply) => {
      await setPassword(db, requireActor(req), req.params.id, req.body.password);
      return reply.code(204).send(null);
    });
    r.post('/users/:id/tokens', { schema: { tags, params: UserIdParams, body: CreateTokenBody, response: { 201: CreatedTokenSchema, ...errors } } }, async (req, reply) =>
      reply.code(201).send(await addToken(db, requireActor(req), req.params.id, req.body.name, req.body.expiresInDays)),
    );
  };
}
