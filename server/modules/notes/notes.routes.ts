// Case notes: list and add through the case, read one by its id.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requireActor } from '../../http/authenticate.js';
import { ErrorResponse } from '../auth/auth.schema.js';
import { CaseIdParams } from '../cases/case.schema.js';
import { AddNoteBody, NoteIdParams, NoteListSchema, NoteSchema } from './notes.schema.js';
import { addNote, getNote, listNotes } from './notes.service.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export function noteRoutes({ db }: { db: Kysely<DB> }): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['notes'];

    r.get('/cases/:id/notes', { schema: { tags, params: CaseIdParams, response: { 200: NoteListSchema, ...errors } } }, async (req) =>
      listNotes(db, requireActor(req), req.params.id),
    );
    r.post('/cases/:id/notes', { schema: { tags, params: CaseIdParams, body: AddNoteBody, response: { 201: NoteSchema, ...errors } } }, async (req, reply) =>
      reply.code(201).send(await addNote(db, requireActor(req), req.params.id, req.body)),
    );
    r.get('/notes/:id', { schema: { tags, params: NoteIdParams, response: { 200: NoteSchema, ...errors } } }, async (req) => getNote(db, requireActor(req), req.params.id));
  };
}
