// Support routes: NSP enrolments, ÅMP returns, compensation claims, and the support on a case.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requireActor } from '../../http/authenticate.js';
import { ErrorResponse } from '../auth/auth.schema.js';
import {
  AmpSchema,
  ApplyAmpBody,
  CompensationSchema,
  EnrolNspBody,
  FileCompensationBody,
  IdParams,
  NspSchema,
  SupportViewSchema,
  UpdateAmpBody,
  UpdateCompensationBody,
  UpdateNspBody,
} from './support.schema.js';
import { getSupport } from './support.service.js';
import { enrolInNsp, updateNsp } from './nsp.service.js';
import { applyForAmp, updateAmp } from './amp.service.js';
import { fileCompensation, updateCompensation } from './compensation.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

export function supportRoutes({ db }: { db: Kysely<DB> }): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['support'];
    const params = IdParams;

    r.get('/cases/:id/support', { schema: { tags, params, response: { 200: SupportViewSchema, ...errors } } }, async (req) => getSupport(db, requireActor(req), req.params.id));

    r.post('/cases/:id/nsp', { schema: { tags, params, body: EnrolNspBody, response: { 201: NspSchema, ...errors } } }, async (req, reply) =>
      reply.code(201).send(await enrolInNsp(db, requireActor(req), req.params.id, req.body)),
    );
    r.patch('/nsp/:id', { schema: { tags, params, body: UpdateNspBody, response: { 200: NspSchema, ...errors } } }, async (req) =>
      updateNsp(db, requireActor(req), req.params.id, req.body),
    );

    r.post('/cases/:id/amp', { schema: { tags, params, body: ApplyAmpBody, response: { 201: AmpSchema, ...errors } } }, async (req, reply) =>
      reply.code(201).send(await applyForAmp(db, requireActor(req), req.params.id, req.body)),
    );
    r.patch('/amp/:id', { schema: { tags, params, body: UpdateAmpBody, response: { 200: AmpSchema, ...errors } } }, async (req) =>
      updateAmp(db, requireActor(req), req.params.id, req.body),
    );

    r.post('/cases/:id/compensation', { schema: { tags, params, body: FileCompensationBody, response: { 201: CompensationSchema, ...errors } } }, async (req, reply) =>
      reply.code(201).send(await fileCompensation(db, requireActor(req), req.params.id, req.body)),
    );
    r.patch('/compensation/:id', { schema: { tags, params, body: UpdateCompensationBody, response: { 200: CompensationSchema, ...errors } } }, async (req) =>
      updateCompensation(db, requireActor(req), req.params.id, req.body),
    );
  };
}
