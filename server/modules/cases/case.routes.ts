// Case routes: validate (zod), authorize (policy, inside the service's scoped SQL), call, present.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requireActor } from '../../http/authenticate.js';
import { ErrorResponse } from '../auth/auth.schema.js';
import {
  AddInformationBody,
  CaseIdParams,
  CaseListSchema,
  CaseViewSchema,
  CreateCaseBody,
  ListCasesQuery,
  TransferCaseBody,
  TransferResultSchema,
  UpdateCaseBody,
} from './case.schema.js';
import { addInformation, createReferral, getCaseForActor, listCasesForActor, transferCase, updateCase } from './case.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export function caseRoutes({ db }: { db: Kysely<DB> }): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['cases'];

    r.get('/cases', { schema: { tags, querystring: ListCasesQuery, response: { 200: CaseListSchema, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse } } }, async (req) =>
      listCasesForActor(db, requireActor(req), req.query),
    );

    r.post('/cases', { schema: { tags, body: CreateCaseBody, response: { 201: CaseViewSchema, ...errors } } }, async (req, reply) => {
      const view = await createReferral(db, requireActor(req), req.body);
      return reply.code(201).send(view);
    });

    r.get('/cases/:id', { schema: { tags, params: CaseIdParams, response: { 200: CaseViewSchema, ...errors } } }, async (req) =>
      getCaseForActor(db, requireActor(req), req.params.id),
    );

    r.patch('/cases/:id', { schema: { tags, params: CaseIdParams, body: UpdateCaseBody, response: { 200: CaseViewSchema, ...errors } } }, async (req) =>
      updateCase(db, requireActor(req), req.params.id, req.body),
    );

    r.post('/cases/:id/transfer', { schema: { tags, params: CaseIdParams, body: TransferCaseBody, response: { 200: TransferResultSchema, ...errors } } }, async (req) => {
      const view = await transferCase(db, requireActor(req), req.params.id, req.body);
      return { transferred: true, region: req.body.region, case: view };
    });

    r.post('/cases/:id/information', { schema: { tags, params: CaseIdParams, body: AddInformationBody, response: { 200: CaseViewSchema, ...errors } } }, async (req) =>
      addInformation(db, requireActor(req), req.params.id, req.body.text),
    );
  };
}
