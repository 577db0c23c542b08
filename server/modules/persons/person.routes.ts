// Routes of the persons module: the registration-time check, the review queue of possible
// duplicates with merge, "not the same" and unmerge, and privacy-preserving matching.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.js';
import { requireActor } from '../../http/authenticate.js';
import { ErrorResponse } from '../auth/auth.schema.js';
import { CheckPersonBody, CheckResultSchema } from './person.schema.js';
import {
  CandidateDetailSchema,
  CandidateListSchema,
  IdParams,
  ListCandidatesQuery,
  ListMergesQuery,
  MergeBody,
  MergeListSchema,
  MergeViewSchema,
  NotSameBody,
  UnmergeResultSchema,
} from './candidate.schema.js';
import { PprlMatchBody, PprlResultSchema } from './pprl.schema.js';
import { checkPerson } from './person-check.service.js';
import { getCandidate, listCandidates, markNotSame } from './candidate.service.js';
import { listMerges, mergeCandidate } from './merge.service.js';
import { unmergePersons } from './unmerge.service.js';
import { matchEncodings } from './pprl.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };
const EmptyBody = z.object({}).strict();

export function personRoutes({ db }: { db: Kysely<DB> }): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['persons'];

    // One bit per question is still a bit: the check is rate limited per user besides being audited.
    r.post(
      '/persons/check',
      { schema: { tags, body: CheckPersonBody, response: { 200: CheckResultSchema, ...errors } }, config: { rateLimit: { max: 120, timeWindow: '1 minute' } } },
      async (req) => checkPerson(db, requireActor(req), req.body),
    );

    r.get('/persons/candidates', { schema: { tags, querystring: ListCandidatesQuery, response: { 200: CandidateListSchema, ...errors } } }, async (req) =>
      listCandidates(db, requireActor(req), req.query),
    );
    r.get('/persons/candidates/:id', { schema: { tags, params: IdParams, response: { 200: CandidateDetailSchema, ...errors } } }, async (req) =>
      getCandidate(db, requireActor(req), req.params.id),
    );
    r.post('/persons/candidates/:id/merge', { schema: { tags, params: IdParams, body: MergeBody, response: { 200: MergeViewSchema, ...errors } } }, async (req) =>
      mergeCandidate(db, requireActor(req), req.params.id, req.body),
    );
    r.post('/persons/candidates/:id/not-same', { schema: { tags, params: IdParams, body: NotSameBody, response: { 200: CandidateDetailSchema, ...errors } } }, async (req) =>
      markNotSame(db, requireActor(req), req.params.id, req.body),
    );

    r.get('/persons/merges', { schema: { tags, querystring: ListMergesQuery, response: { 200: MergeListSchema, ...errors } } }, async (req) =>
      listMerges(db, requireActor(req), req.query),
    );
    r.post('/persons/merges/:id/unmerge', { schema: { tags, params: IdParams, body: EmptyBody, response: { 200: UnmergeResultSchema, ...errors } } }, async (req) =>
      unmergePersons(db, requireActor(req), req.params.id),
    );

    r.post(
      '/persons/pprl/match',
      {
        schema: { tags, body: PprlMatchBody, response: { 200: PprlResultSchema, ...errors, 503: ErrorResponse } },
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      },
      async (req) => matchEncodings(db, requireActor(req), req.body),
    );
  };
}
