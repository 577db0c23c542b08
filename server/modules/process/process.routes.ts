// Routes of the case process (status moves, assessment, assignment, support plan) and of
// anonymous notifications. Thin: validate, call the service (which applies the policy), present.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requireActor } from '../../http/authenticate.js';
import { ErrorResponse } from '../auth/auth.schema.js';
import {
  AssessmentBody,
  AssessmentListSchema,
  AssignBody,
  CaseIdParams,
  CloseBody,
  ProcessViewSchema,
  ReasonBody,
  SupportPlanBody,
  SupportPlanListSchema,
  SupportPlanSchema,
  VersionBody,
} from './process.schema.js';
import { assignCase, closeCase, getProcess, reassess, reopenCase, startAssessment, startSupport } from './process.service.js';
import { assessCase, listAssessments } from './assessment.service.js';
import { addSupportPlan, listSupportPlans } from './support-plan.service.js';
import { notificationRoutes } from './notification.routes.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

export function processRoutes({ db }: { db: Kysely<DB> }): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['process'];
    const params = CaseIdParams;
    const view = { 200: ProcessViewSchema, ...errors };

    r.get('/cases/:id/process', { schema: { tags, params, response: view } }, async (req) => getProcess(db, requireActor(req), req.params.id));

    r.post('/cases/:id/start-assessment', { schema: { tags, params, body: VersionBody, response: view } }, async (req) =>
      startAssessment(db, requireActor(req), req.params.id, req.body),
    );
    r.post('/cases/:id/assessments', { schema: { tags, params, body: AssessmentBody, response: view } }, async (req) =>
      assessCase(db, requireActor(req), req.params.id, req.body),
    );
    r.get('/cases/:id/assessments', { schema: { tags, params, response: { 200: AssessmentListSchema, ...errors } } }, async (req) =>
      listAssessments(db, requireActor(req), req.params.id),
    );
    r.post('/cases/:id/reassess', { schema: { tags, params, body: ReasonBody, response: view } }, async (req) =>
      reassess(db, requireActor(req), req.params.id, req.body),
    );
    r.post('/cases/:id/start-support', { schema: { tags, params, body: VersionBody, response: view } }, async (req) =>
      startSupport(db, requireActor(req), req.params.id, req.body),
    );
    r.post('/cases/:id/close', { schema: { tags, params, body: CloseBody, response: view } }, async (req) => closeCase(db, requireActor(req), req.params.id, req.body));
    r.post('/cases/:id/reopen', { schema: { tags, params, body: ReasonBody, response: view } }, async (req) => reopenCase(db, requireActor(req), req.params.id, req.body));
    r.post('/cases/:id/assign', { schema: { tags, params, body: AssignBody, response: view } }, async (req) => assignCase(db, requireActor(req), req.params.id, req.body));

    r.post('/cases/:id/support-plan', { schema: { tags, params, body: SupportPlanBody, response: { 201: SupportPlanSchema, ...errors } } }, async (req, reply) =>
      reply.code(201).send(await addSupportPlan(db, requireActor(req), req.params.id, req.body)),
    );
    r.get('/cases/:id/support-plan', { schema: { tags, params, response: { 200: SupportPlanListSchema, ...errors } } }, async (req) =>
      listSupportPlans(db, requireActor(req), req.params.id),
    );

    await app.register(notificationRoutes({ db }));
  };
}
