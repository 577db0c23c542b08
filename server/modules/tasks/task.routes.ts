// Routes of the tasks module: the actor's task list and completing a task.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requireActor } from '../../http/authenticate.js';
import { ErrorResponse } from '../auth/auth.schema.js';
import { CompleteTaskBody, ListTasksQuery, TaskIdParams, TaskListSchema, TaskSchema } from './task.schema.js';
import { completeTask, listTasks } from './task.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export function taskRoutes({ db }: { db: Kysely<DB> }): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['tasks'];

    r.get('/tasks', { schema: { tags, querystring: ListTasksQuery, response: { 200: TaskListSchema, ...errors } } }, async (req) => listTasks(db, requireActor(req), req.query));

    r.post('/tasks/:id/complete', { schema: { tags, params: TaskIdParams, body: CompleteTaskBody, response: { 200: TaskSchema, ...errors } } }, async (req) =>
      completeTask(db, requireActor(req), req.params.id),
    );
  };
}
