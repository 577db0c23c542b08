// Routes of anonymous and declined notifications: send one (codes only), read the counts.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requireActor } from '../../http/authenticate.js';
import { ErrorResponse } from '../auth/auth.schema.js';
import { AnonymousCountsQuery, AnonymousCountsSchema, AnonymousNotificationBody, AnonymousNotificationSchema } from './notification.schema.js';
import { countAnonymousNotifications, notifyAnonymously } from './notification.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

export function notificationRoutes({ db }: { db: Kysely<DB> }): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['notifications'];

    r.post('/notifications/anonymous', { schema: { tags, body: AnonymousNotificationBody, response: { 201: AnonymousNotificationSchema, ...errors } } }, async (req, reply) =>
      reply.code(201).send(await notifyAnonymously(db, requireActor(req), req.body)),
    );
    r.get('/notifications/anonymous', { schema: { tags, querystring: AnonymousCountsQuery, response: { 200: AnonymousCountsSchema, ...errors } } }, async (req) =>
      countAnonymousNotifications(db, requireActor(req), req.query),
    );
  };
}
