// PostgreSQL text cannot hold NUL, and no field of ours has a use for it: refuse it up front
// with the field named, rather than let the database fail later.
import type { FastifyInstance } from 'fastify';
import { ValidationError, type FieldIssue } from './errors.js';

function findNul(value: unknown, path: string, out: FieldIssue[]): void {
  if (out.length >= 10) return;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push({ path, message: 'must not contain NUL characters' });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findNul(v, `${path}.${i}`, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes('\u0000')) out.push({ path, message: 'keys must not contain NUL characters' });
      findNul(v, `${path}.${k}`, out);
    }
  }
}

export function registerControlCharacterGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const issues: FieldIssue[] = [];
    findNul(req.body, 'body', issues);
    findNul(req.query, 'querystring', issues);
    findNul(req.params, 'params', issues);
    if (issues.length > 0) throw new ValidationError('The request contains NUL characters', issues);
  });
}
