// Property-based fuzzing of the whole API from its OpenAPI document (fast-check): every
// POST/PATCH/PUT route gets valid-looking bodies with hostile values spliced in, wrong types,
// malformed JSON, deep nesting and huge strings; every GET route gets hostile query strings and
// path ids. The server must never answer 5xx; afterwards the audit chain still verifies, and a
// stored <script> comes back as JSON data, never as HTML. Bounded to a few hundred requests.
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../audit/audit.verify.js';
import { createTestApp, referralBody, signIn, type Client, type TestApp } from '../test/harness.js';
import { createFullCase, type FullCase } from './full-case.js';
import { exampleOf, fillPath, readOperations, type JsonSchema, type Operation } from './openapi.js';

let t: TestApp;
let ops: Operation[] = [];
let full: FullCase;
const clients: Record<string, Client> = {};

/** The user who may call a route, so the fuzzing reaches past the authorization check. */
function clientFor(op: Operation): Client {
  if (op.path.startsWith('/api/v1/users') || (op.path === '/api/v1/organisations' && op.method !== 'GET')) return clients.admin!;
  if (op.path.startsWith('/api/v1/audit')) return clients.revisor!;
  if (op.path.startsWith('/api/v1/statistics')) return clients.analytiker!;
  if (op.path.startsWith('/api/v1/inbox') || /\/referrals\/\{id\}\/(accept|decline|complete)$/.test(op.path)) return clients.nsp!;
  return clients['koordinator.stockholm']!;
}

const HOSTILE_STRINGS = [
  "' OR '1'='1' --",
  "'); DROP TABLE cases; --",
  '1; SELECT pg_sleep(0)',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  'abc\u202Edef', // right-to-left override
  '\u200B\u200C\u200D\uFEFF', // zero-width characters
  'e\u0301\u0301\u0301', // combining marks
  '👩‍👩‍👧‍👦🇸🇪',
  '\u0000',
  '%00%27%22',
  '../../../etc/passwd',
  '${jndi:ldap://example.invalid/a}',
  '{{7*7}}',
  'ÅÄÖ åäö ß Ł ğ',
  '',
  ' ',
];

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer({ min: 1_000, max: 300_000 }).map((n) => 'Å'.repeat(n)),
);

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(0, -1, 1.5, 2 ** 53, -(2 ** 63), Number.MAX_VALUE, true, false, null),
  fc.constant([]),
  fc.array(hostileString, { maxLength: 3 }),
  fc.constant({ $gt: '' }),
  fc.constant(JSON.parse('{"__proto__":{"admin":true}}') as unknown),
  fc.constantFrom('2026-02-30', '0000-00-00', '9999-12-31', '2026-13-01', '00000000-0000-0000-0000-000000000000', 'not-a-uuid'),
);

function nested(depth: number): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

/** A body for a route: a valid example with hostile values spliced in, or something worse. */
function bodyArbitrary(op: Operation): fc.Arbitrary<{ payload: string; contentType: string }> {
  const valid = exampleOf(op.body ?? {}, () => full.id) as Record<string, unknown>;
  const keys = Object.keys((op.body as JsonSchema | null)?.properties ?? {});
  const json = (v: unknown) => ({ payload: JSON.stringify(v), contentType: op.bodyContentType ?? 'application/json' });
  const spliced = fc
    .array(fc.tuple(fc.constantFrom(...(keys.length ? keys : ['x'])), hostileValue), { minLength: 1, maxLength: 4 })
    .map((pairs) => json({ ...(typeof valid === 'object' && valid !== null ? valid : {}), ...Object.fromEntries(pairs) }));
  // Valid in shape, hostile in content: free-text fields get the hostile strings, so the request
  // passes validation and the strings travel through the services into the database and back.
  const textFields = keys.filter((k) => {
    const p = (op.body as JsonSchema).properties![k]!;
    return p.type === 'string' && !p.enum && !p.format && !p.pattern;
  });
  const fits = (k: string, v: string) => {
    const p = (op.body as JsonSchema).properties![k]!;
    const padded = v.trim().length >= (p.minLength ?? 0) ? v : `${v} ${'x'.repeat(p.minLength ?? 0)}`;
    return padded.slice(0, p.maxLength ?? padded.length);
  };
  const hostileText = fc
    .array(fc.tuple(fc.constantFrom(...(textFields.length ? textFields : ['x'])), fc.constantFrom(...HOSTILE_STRINGS)), { minLength: 1, maxLength: 3 })
    .map((pairs) => json({ ...(typeof valid === 'object' && valid !== null ? valid : {}), ...Object.fromEntries(textFields.length ? pairs.map(([k, v]) => [k, fits(k, v)]) : []) }));
  return fc.oneof(
    { weight: 4, arbitrary: hostileText },
    { weight: 4, arbitrary: spliced },
    { weight: 1, arbitrary: hostileValue.map(json) },
    { weight: 1, arbitrary: fc.constantFrom('{"a":', '{{{', 'null', '[]', '"\\ud800"', '{"__proto__":{"x":1}}', '\u0000', '{"a":1,"a":2}').map((payload) => ({ payload, contentType: 'application/json' })) },
    { weight: 1, arbitrary: fc.constantFrom(10, 1_000, 50_000, 400_000).map((d) => ({ payload: nested(d), contentType: 'application/json' })) },
    { weight: 1, arbitrary: fc.constant({ payload: JSON.stringify(valid), contentType: 'text/plain' }) },
  );
}

/** Percent-encoded; a lone surrogate cannot be, so it goes as the bytes of one (invalid UTF-8). */
function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
}

const hostileId = fc.oneof(fc.constant('__valid__'), hostileString.map((s) => encode(s).slice(0, 2_000)), fc.constantFrom('00000000-0000-4000-8000-000000000000', '%2e%2e%2f', '1%27', '%ED%A0%80', '%FF'));

function urlFor(op: Operation, id: string): string {
  const params: Record<string, string> = { id: id === '__valid__' ? (op.path.startsWith('/api/v1/persons') ? full.personId : full.id) : id, table: 'nsp', series: 'reported_crimes' };
  return fillPath(op.path, params);
}

beforeAll(async () => {
  t = await createTestApp();
  for (const u of ['koordinator.stockholm', 'admin', 'revisor', 'analytiker', 'nsp']) clients[u] = await signIn(t.app, u);
  full = await createFullCase(t.database.db, clients['koordinator.stockholm']!, { tag: 'Fuzz', close: false });
  ops = (await readOperations(t.app)).filter((op) => !op.path.startsWith('/api/v1/auth/'));
}, 120_000);
afterAll(() => t?.close());

const statuses = new Map<number, number>();

async function send(client: Client, req: InjectOptions, failures: string[]): Promise<void> {
  const res = await client.request(req);
  statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
  if (res.statusCode >= 500) failures.push(`${req.method} ${String(req.url).slice(0, 120)} → ${res.statusCode} ${res.body.slice(0, 200)} [body ${String(req.payload ?? '').slice(0, 120)}]`);
}

describe('fuzzing the API from its OpenAPI document', () => {
  it('never answers 5xx to hostile bodies on any write route', async () => {
    const writes = ops.filter((op) => op.method !== 'GET');
    expect(writes.length).toBeGreaterThan(30);
    const failures: string[] = [];
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writes).chain((op) => fc.tuple(fc.constant(op), bodyArbitrary(op), hostileId)), async ([op, body, id]) => {
        await send(clientFor(op), { method: op.method, url: urlFor(op, id), payload: body.payload, headers: { 'content-type': body.contentType } }, failures);
      }),
      { numRuns: 300, endOnFailure: true },
    );
    expect(failures).toEqual([]);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 120_000);

  it('never answers 5xx to hostile query strings and path ids on any read route', async () => {
    const reads = ops.filter((op) => op.method === 'GET');
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...reads),
        hostileId,
        fc.array(fc.tuple(fc.oneof(fc.constantFrom('q', 'page', 'pageSize', 'status', 'region', 'from', 'to', 'by', 'format', 'lang', 'year', 'personId', 'purpose'), fc.string({ maxLength: 8 })), hostileValue), { maxLength: 4 }),
        async (op, id, pairs) => {
          const query = new URLSearchParams();
          for (const q of op.query.filter((x) => x.required)) query.set(q.name, String(exampleOf(q.schema, () => full.id, q.name)));
          const extra = pairs.map(([k, v]) => `${encode(k)}=${encode(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))}`);
          await send(clientFor(op), { method: 'GET', url: `${urlFor(op, id)}?${[query.toString(), ...extra].filter(Boolean).join('&')}` }, failures);
        },
      ),
      { numRuns: 200, endOnFailure: true },
    );
    expect(failures).toEqual([]);
  }, 120_000);

  it('answers 400, naming the field, to the inputs fuzzing once turned into 500s', async () => {
    const c = clients['koordinator.stockholm']!;
    // A lone surrogate: PostgreSQL's jsonb refused it (500); now refused at the door.
    const surrogate = await c.request({ method: 'POST', url: `/api/v1/cases/${full.id}/information`, payload: '{"text":"\\udfff"}', headers: { 'content-type': 'application/json' } });
    expect(surrogate.statusCode).toBe(400);
    expect(surrogate.json()).toMatchObject({ error: { fields: [{ path: 'body.text', message: expect.stringMatching(/lone surrogate/) }] } });
    // 5 000 nested arrays overflowed the stack of the request guard (500).
    const deep = await c.request({ method: 'POST', url: '/api/v1/cases', payload: nested(5_000), headers: { 'content-type': 'application/json' } });
    expect(deep.statusCode).toBe(400);
    expect(deep.json()).toMatchObject({ error: { fields: [{ message: 'nested deeper than 32 levels' }] } });
    // A well-formed pair of surrogates (an emoji) is of course fine.
    expect((await c.post(`/api/v1/cases/${full.id}/information`, { text: 'Ok 👍' })).statusCode).toBe(200);
  });

  it('keeps the audit chain intact through it all', async () => {
    if (process.env.LOTS_FUZZ_REPORT) console.table(Object.fromEntries([...statuses.entries()].sort()));
    // Not all refused at the door: some hostile requests got past validation to the services.
    expect([...statuses.keys()].some((s) => s < 300 || s === 404 || s === 409 || s === 422)).toBe(true);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });

  it('returns a stored <script> as JSON data, never as HTML', async () => {
    const c = clients['koordinator.stockholm']!;
    const script = '<script>alert("lots")</script><img src=x onerror=alert(1)>';
    const created = await c.post('/api/v1/cases', referralBody({ summary: script, person: { ...referralBody().person, givenNames: script } }));
    expect(created.statusCode).toBe(201);
    for (const accept of ['application/json', 'text/html', '*/*']) {
      const res = await c.request({ method: 'GET', url: `/api/v1/cases/${created.json<{ id: string }>().id}`, headers: { accept } });
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
      const view = res.json<{ summary: string; person: { givenNames: string } }>();
      expect(view.summary).toBe(script);
      expect(view.person.givenNames).toBe(script);
    }
    const list = await c.get('/api/v1/cases?q=script');
    expect(list.headers['content-type']).toMatch(/^application\/json/);
  });
});
