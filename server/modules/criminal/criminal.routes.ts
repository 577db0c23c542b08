// Criminal-process routes: police reports on a case, the prosecution decision and judgment on a
// report, and the case's criminal process with the injured-party flag.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requireActor } from '../../http/authenticate.js';
import { ErrorResponse } from '../auth/auth.schema.js';
import { CaseIdParams, CriminalViewSchema, PoliceReportSchema, RecordPoliceReportBody, ReportIdParams, UpdatePoliceReportBody } from './criminal.schema.js';
import { getCriminalProcess, recordPoliceReport, updatePoliceReport } from './criminal.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

export function criminalRoutes({ db }: { db: Kysely<DB> }): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['criminal process'];

    r.get('/cases/:id/criminal', { schema: { tags, params: CaseIdParams, response: { 200: CriminalViewSchema, ...errors } } }, async (req) =>
      getCriminalProcess(db, requireActor(req), req.params.id),
    );

    r.post('/cases/:id/police-reports', { schema: { tags, params: CaseIdParams, body: RecordPoliceReportBody, response: { 201: PoliceReportSchema, ...errors } } }, async (req, reply) =>
      reply.code(201).send(await recordPoliceReport(db, requireActor(req), req.params.id, req.body)),
    );

    r.patch('/police-reports/:id', { schema: { tags, params: ReportIdParams, body: UpdatePoliceReportBody, response: { 200: PoliceReportSchema, ...errors } } }, async (req) =>
      updatePoliceReport(db, requireActor(req), req.params.id, req.body),
    );
  };
}
