// Routes of the referrals module: consent per purpose and recipient, referrals between
// organisations, and each organisation's inbox. Validate, call the service, return its view.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requireActor } from '../../http/authenticate.js';
import { ErrorResponse } from '../auth/auth.schema.js';
import { CaseIdParams } from '../cases/case.schema.js';
import { ConsentListSchema, RecordConsentBody, RecordConsentResultSchema } from './consent.schema.js';
import {
  AcceptReferralBody,
  CompleteReferralBody,
  DeclineReferralBody,
  InboxQuery,
  InboxSchema,
  ReferralIdParams,
  ReferralListSchema,
  ReferralSchema,
  SendReferralBody,
  SharingBasisQuery,
  SharingBasisSchema,
  WithdrawReferralBody,
} from './referral.schema.js';
import { listConsents, recordConsent } from './consent.service.js';
import { listCaseReferrals, previewSharing, sendReferral } from './referral.service.js';
import { moveReferral } from './referral-moves.service.js';
import { readInbox } from './inbox.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };

export function referralRoutes({ db }: { db: Kysely<DB> }): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['referrals'];

    r.post('/cases/:id/consents', { schema: { tags, params: CaseIdParams, body: RecordConsentBody, response: { 201: RecordConsentResultSchema, ...errors } } }, async (req, reply) =>
      reply.code(201).send(await recordConsent(db, requireActor(req), req.params.id, req.body)),
    );

    r.get('/cases/:id/consents', { schema: { tags, params: CaseIdParams, response: { 200: ConsentListSchema, ...errors } } }, async (req) =>
      listConsents(db, requireActor(req), req.params.id),
    );

    r.post('/cases/:id/referrals', { schema: { tags, params: CaseIdParams, body: SendReferralBody, response: { 201: ReferralSchema, ...errors } } }, async (req, reply) =>
      reply.code(201).send(await sendReferral(db, requireActor(req), req.params.id, req.body)),
    );

    r.get('/cases/:id/referrals', { schema: { tags, params: CaseIdParams, response: { 200: ReferralListSchema, ...errors } } }, async (req) =>
      listCaseReferrals(db, requireActor(req), req.params.id),
    );

    r.get('/cases/:id/sharing-basis', { schema: { tags, params: CaseIdParams, querystring: SharingBasisQuery, response: { 200: SharingBasisSchema, ...errors } } }, async (req) =>
      previewSharing(db, requireActor(req), req.params.id, req.query),
    );

    r.get('/inbox', { schema: { tags, querystring: InboxQuery, response: { 200: InboxSchema, ...errors } } }, async (req) => readInbox(db, requireActor(req), req.query));

    const moves = [
      ['accept', AcceptReferralBody],
      ['decline', DeclineReferralBody],
      ['complete', CompleteReferralBody],
      ['withdraw', WithdrawReferralBody],
    ] as const;
    for (const [move, body] of moves) {
      r.post(`/referrals/:id/${move}`, { schema: { tags, params: ReferralIdParams, body, response: { 200: ReferralSchema, ...errors } } }, async (req) =>
        moveReferral(db, requireActor(req), req.params.id, move, req.body),
      );
    }
  };
}
