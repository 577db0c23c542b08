// PostgreSQL text cannot hold NUL, and no field of ours has a use for it: refuse it up front
// with the field named, rather than let the database fail later. Likewise a lone UTF-16
// surrogate ("\udfff" in JSON) is not a character: PostgreSQL's jsonb refuses it, which answered
// 500 (found by server/proof/fuzz.test.ts on PostgreSQL). The same walk refuses
// absurdly deep nesting (no body of ours goes past a few levels): walking, validating or
// storing 5 000 nested arrays would otherwise exhaust the stack and answer 500 (found by
// server/proof/fuzz.test.ts). The walk is iterative, so the guard itself cannot overflow.
import type { FastifyInstance } from 'fastify';
import { ValidationError, type FieldIssue } from './errors.js';

export const MAX_NESTING = 32;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function findNul(root: unknown, rootPath: string, out: FieldIssue[]): void {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: rootPath, depth: 0 }];
  while (stack.length > 0 && out.length < 10) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) out.push({ path, message: 'must not contain NUL characters' });
      else if (LONE_SURROGATE.test(value)) out.push({ path, message: 'must be valid Unicode (a lone surrogate is not a character)' });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_NESTING) {
      out.push({ path, message: `nested deeper than ${MAX_NESTING} levels` });
      continue;
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: `${path}.${i}`, depth: depth + 1 }));
    } else {
      for (const [k, v] of Object.entries(value)) {
        if (k.includes('\u0000') || LONE_SURROGATE.test(k)) out.push({ path, message: 'keys must not contain NUL characters or lone surrogates' });
        stack.push({ value: v, path: `${path}.${k}`, depth: depth + 1 });
      }
    }
  }
}

export function registerControlCharacterGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const issues: FieldIssue[] = [];
    findNul(req.body, 'body', issues);
    findNul(req.query, 'querystring', issues);
    findNul(req.params, 'params', issues);
    if (issues.length > 0) throw new ValidationError('The request contains NUL characters, lone surrogates or too deep nesting', issues);
  });
}
