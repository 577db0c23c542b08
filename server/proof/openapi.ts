// The API as the server describes it (GET /api/openapi.json), for the proof tests: every
// operation with its path, parameters and body schema, and a generator of valid-looking values
// from a JSON schema (so a refusal is the policy's, not the validator's).
import type { FastifyInstance } from 'fastify';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
  additionalProperties?: boolean | JsonSchema;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** As in the document: /api/v1/cases/{id} */
  path: string;
  /** "GET /api/v1/cases/{id}" */
  key: string;
  pathParams: string[];
  query: { name: string; required: boolean; schema: JsonSchema }[];
  body: JsonSchema | null;
  bodyContentType: string | null;
}

interface OpenApiDoc {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
}

export async function readOperations(app: FastifyInstance): Promise<Operation[]> {
  const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  const doc = res.json<OpenApiDoc>();
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(methods)) {
      const method = m.toUpperCase() as Operation['method'];
      const params = op.parameters ?? [];
      const content = op.requestBody?.content ?? {};
      const contentType = Object.keys(content)[0] ?? null;
      const body = contentType ? content[contentType]!.schema : null;
      ops.push({
        method,
        path,
        key: `${method} ${path}`,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        query: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: p.required === true, schema: p.schema })),
        body,
        // zod `z.string()` bodies are the CSV uploads.
        bodyContentType: body ? (body.type === 'string' ? 'text/csv' : 'application/json') : null,
      });
    }
  }
  return ops;
}

/** Values for uuid fields by name (an organisation, a user…); anything else gets a fixed uuid. */
export type UuidFor = (field: string) => string;

const DATE = '2026-03-02';

/** A minimal value that satisfies the schema (required properties only). */
export function exampleOf(schema: JsonSchema, uuidFor: UuidFor, field = ''): unknown {
  if (schema.anyOf || schema.oneOf) {
    const alts = (schema.anyOf ?? schema.oneOf)!.filter((s) => s.type !== 'null');
    return exampleOf(alts[0] ?? {}, uuidFor, field);
  }
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type ?? 'any') {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const name of schema.required ?? []) out[name] = exampleOf(schema.properties?.[name] ?? {}, uuidFor, name);
      // A PATCH body of optional fields must still change something.
      const optional = Object.keys(schema.properties ?? {}).filter((k) => !(k in out));
      if (Object.keys(out).every((k) => k === 'version') && optional.length > 0) out[optional[0]!] = exampleOf(schema.properties![optional[0]!]!, uuidFor, optional[0]!);
      return out;
    }
    case 'array': {
      const n = Math.max(schema.minItems ?? 0, 0);
      return Array.from({ length: n }, () => exampleOf(schema.items ?? {}, uuidFor, field));
    }
    case 'integer':
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum + (schema.exclusiveMinimum === true ? 1 : 0) : 1;
      return Math.max(min, typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : min, field === 'year' ? 2026 : 1);
    }
    case 'boolean':
      return false;
    case 'string': {
      if (schema.format === 'uuid') return uuidFor(field);
      if (schema.format === 'date') return DATE;
      if (schema.format === 'email') return 'matrix@example.org';
      if (schema.pattern === '^\\d{4}$') return '0180';
      if (field === 'clk') return Buffer.alloc(128, 0x5a).toString('base64'); // a 1024-bit Bloom filter
      if (schema.pattern?.startsWith('^[a-zA-Z0-9._@-]+$')) return 'matrix.user';
      const text = 'Matrix test text.';
      const min = schema.minLength ?? 0;
      const s = text.length >= min ? text : text.padEnd(min, 'x');
      return schema.maxLength !== undefined ? s.slice(0, schema.maxLength) : s;
    }
    default:
      return {};
  }
}

/** Fills {param} placeholders. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}
