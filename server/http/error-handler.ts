// Maps every error to a clear 4xx/5xx JSON body: { error: { code, message, fields? } }.
// Nothing a client can send should reach the 500 branch; a lost database answers 503.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldIssue } from './errors.js';

const DB_DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08006', '08001', '08003']);

function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return (
    (typeof e.code === 'string' && DB_DOWN_CODES.has(e.code)) ||
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(e.message ?? '')
  );
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const fields: FieldIssue[] = err.validation.map((v) => {
        const path = [where, ...v.instancePath.split('/').filter(Boolean)].join('.');
        return { path, message: v.message ?? 'invalid' };
      });
      return reply.code(400).send({
        error: { code: 'validation_failed', message: `Invalid ${where}: ${fields.map((f) => `${f.path} ${f.message}`).join('; ')}`, fields },
      });
    }
    if (err instanceof AppError) {
      return reply.code(err.status).send({ error: { code: err.code, message: err.message, fields: err.fields } });
    }
    if (isDatabaseUnavailable(err)) {
      req.log.warn({ code: (err as { code?: string }).code }, 'database unavailable');
      return reply.code(503).header('retry-after', '5').send({ error: { code: 'unavailable', message: 'The database is unavailable; try again shortly' } });
    }
    const pgCode = (err as { code?: string }).code;
    if (pgCode === '22021' || pgCode === '22P05' || pgCode === '22001' || pgCode === '22003' || pgCode === '22008') {
      // Data the database cannot store (bad encoding, out of range): the client's input, so 400.
      return reply.code(400).send({ error: { code: 'invalid_value', message: 'A value in the request cannot be stored' } });
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // Fastify's own client errors: bad JSON, body too large (413), wrong content type (415)…
      return reply.code(status).send({ error: { code: err.code ?? 'bad_request', message: err.message } });
    }
    req.log.error({ err: { message: err.message, code: err.code, stack: err.stack } }, 'unhandled error');
    return reply.code(500).send({ error: { code: 'internal', message: 'Internal error; it has been logged' } });
  });
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send({ error: { code: 'not_found', message: `No route ${req.method} ${req.url.split('?')[0]}` } });
  });
}
