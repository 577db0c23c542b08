// Maps every error to a clear 4xx/5xx JSON body: { error: { code, message, fields? } }.
// Nothing a client can send should reach the 500 branch; a lost database answers 503.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldIssue } from './errors.js';

// Faults of the database rather than of the request answer 503 with Retry-After, never 500:
// the server is unreachable, restarting or shutting down (class 08, 57P01–57P05, socket errors,
// a pool that cannot connect in time), or its storage is full (53100, ENOSPC). See
// docs/security.md, "Faults and load".
const DB_DOWN_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN',
  '57P01', '57P02', '57P03', '57P05', '53300', '53200',
]);
const STORAGE_FULL_CODES = new Set(['53100', 'ENOSPC', 'EDQUOT', 'EFBIG']);
const DB_DOWN_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable|Connection ended unexpectedly|the database system is (starting up|shutting down|in recovery mode)|PGlite is closed/i;
const STORAGE_FULL_MESSAGE = /No space left on device|Disk quota exceeded|File too large/i;

export interface DatabaseFault {
  code: 'unavailable' | 'storage_full';
  message: string;
}

/** Classifies an error as a database fault (503), or null when it is something else. */
export function databaseFault(err: unknown): DatabaseFault | null {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : '';
  const unavailable: DatabaseFault = { code: 'unavailable', message: 'The database is unavailable; try again shortly' };
  if (DB_DOWN_CODES.has(code) || code.startsWith('08')) return unavailable;
  if (STORAGE_FULL_CODES.has(code) || STORAGE_FULL_MESSAGE.test(message)) {
    return { code: 'storage_full', message: 'The database has no space left to store this; try again later' };
  }
  return DB_DOWN_MESSAGE.test(message) ? unavailable : null;
}

/** Seconds a client should wait before retrying after a database fault. */
export const RETRY_AFTER_SECONDS = 5;

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
    const fault = databaseFault(err);
    if (fault) {
      req.log.warn({ code: (err as { code?: string }).code, fault: fault.code }, fault.code === 'storage_full' ? 'database storage full' : 'database unavailable');
      return reply.code(503).header('retry-after', String(RETRY_AFTER_SECONDS)).send({ error: fault });
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
