// Audit trail routes: search (auditors) and chain verification.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requireActor } from '../../http/authenticate.js';
import { ForbiddenError } from '../../http/errors.js';
import { canOnAuditTrail } from '../../policies/audit.policy.js';
import { verifyAuditChain } from '../../audit/audit.verify.js';
import { ErrorResponse } from '../auth/auth.schema.js';
import { AuditPageSchema, SearchAuditQuery, VerifyResultSchema } from './audit.schema.js';
import { searchAuditTrail } from './audit.search.js';

export function auditRoutes({ db }: { db: Kysely<DB> }): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['audit'];
    r.get('/audit', { schema: { tags, querystring: SearchAuditQuery, response: { 200: AuditPageSchema, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse } } }, async (req) =>
      searchAuditTrail(db, requireActor(req), req.query),
    );
    r.get('/audit/verify', { schema: { tags, response: { 200: VerifyResultSchema, 401: ErrorResponse, 403: ErrorResponse } } }, async (req) => {
      if (!canOnAuditTrail(requireActor(req), 'verify')) throw new ForbiddenError('Only auditors verify the audit trail');
      return verifyAuditChain(db);
    });
  };
}
