// Routes of the groups module: group facts, members, and bulk actions over members.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requireActor } from '../../http/authenticate.js';
import { ErrorResponse } from '../auth/auth.schema.js';
import {
  AddCasesBody,
  BulkAssignBody,
  BulkPoliceReportBody,
  BulkReferralBody,
  BulkResultSchema,
  CreateGroupBody,
  GroupIdParams,
  GroupListSchema,
  GroupViewSchema,
  UpdateGroupBody,
} from './group.schema.js';
import { addCasesToGroup, createGroup, getGroup, listGroups, updateGroup } from './group.service.js';
import { bulkAssign, bulkPoliceReport, bulkRefer } from './group-bulk.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

export function groupRoutes({ db }: { db: Kysely<DB> }): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['groups'];
    const params = GroupIdParams;

    r.post('/groups', { schema: { tags, body: CreateGroupBody, response: { 201: GroupViewSchema, ...errors } } }, async (req, reply) =>
      reply.code(201).send(await createGroup(db, requireActor(req), req.body)),
    );
    r.get('/groups', { schema: { tags, response: { 200: GroupListSchema, ...errors } } }, async (req) => listGroups(db, requireActor(req)));
    r.get('/groups/:id', { schema: { tags, params, response: { 200: GroupViewSchema, ...errors } } }, async (req) => getGroup(db, requireActor(req), req.params.id));
    r.patch('/groups/:id', { schema: { tags, params, body: UpdateGroupBody, response: { 200: GroupViewSchema, ...errors } } }, async (req) =>
      updateGroup(db, requireActor(req), req.params.id, req.body),
    );
    r.post('/groups/:id/cases', { schema: { tags, params, body: AddCasesBody, response: { 200: GroupViewSchema, ...errors } } }, async (req) =>
      addCasesToGroup(db, requireActor(req), req.params.id, req.body.caseIds),
    );

    r.post('/groups/:id/bulk/assign', { schema: { tags, params, body: BulkAssignBody, response: { 200: BulkResultSchema, ...errors } } }, async (req) =>
      bulkAssign(db, requireActor(req), req.params.id, req.body),
    );
    r.post('/groups/:id/bulk/referrals', { schema: { tags, params, body: BulkReferralBody, response: { 200: BulkResultSchema, ...errors } } }, async (req) =>
      bulkRefer(db, requireActor(req), req.params.id, req.body),
    );
    r.post('/groups/:id/bulk/police-report', { schema: { tags, params, body: BulkPoliceReportBody, response: { 200: BulkResultSchema, ...errors } } }, async (req) =>
      bulkPoliceReport(db, requireActor(req), req.params.id, req.body),
    );
  };
}
