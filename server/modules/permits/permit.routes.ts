// Permit routes: reflection period and witness permit applications, decisions, extensions,
// withdrawals, and the list on a case.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requireActor } from '../../http/authenticate.js';
import { ErrorResponse } from '../auth/auth.schema.js';
import {
  ApplyPermitBody,
  CaseIdParams,
  DecidePermitBody,
  ExtendPermitBody,
  PermitIdParams,
  PermitListSchema,
  PermitSchema,
  WithdrawPermitBody,
} from './permit.schema.js';
import { applyForPermit, listPermits } from './permit.service.js';
import { decidePermit, extendPermit, withdrawPermit } from './permit-decision.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

export function permitRoutes({ db }: { db: Kysely<DB> }): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['permits'];

    r.get('/cases/:id/permits', { schema: { tags, params: CaseIdParams, response: { 200: PermitListSchema, ...errors } } }, async (req) =>
      listPermits(db, requireActor(req), req.params.id),
    );

    r.post('/cases/:id/permits', { schema: { tags, params: CaseIdParams, body: ApplyPermitBody, response: { 201: PermitSchema, ...errors } } }, async (req, reply) =>
      reply.code(201).send(await applyForPermit(db, requireActor(req), req.params.id, req.body)),
    );

    r.post('/permits/:id/decision', { schema: { tags, params: PermitIdParams, body: DecidePermitBody, response: { 200: PermitSchema, ...errors } } }, async (req) =>
      decidePermit(db, requireActor(req), req.params.id, req.body),
    );

    r.post('/permits/:id/extensions', { schema: { tags, params: PermitIdParams, body: ExtendPermitBody, response: { 200: PermitSchema, ...errors } } }, async (req) =>
      extendPermit(db, requireActor(req), req.params.id, req.body),
    );

    r.post('/permits/:id/withdraw', { schema: { tags, params: PermitIdParams, body: WithdrawPermitBody, response: { 200: PermitSchema, ...errors } } }, async (req) =>
      withdrawPermit(db, requireActor(req), req.params.id, req.body),
    );
  };
}
