// The authorization matrix: EVERY route of the OpenAPI document × every demo role (and no
// session) × a case in Stockholm and one in Väst (their records, persons, tasks and groups).
// Zero successful reads or writes outside scope; denied case reads answer 404; no response to
// anyone carries the names or free texts of a case outside their scope. Expected outcomes per
// route family: authorization-matrix.rules.ts. Runs on PGlite and on PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { verifyAuditChain } from '../audit/audit.verify.js';
import { generateTasks } from '../modules/tasks/task.generator.js';
import { swedishToday } from '../jobs/clock.js';
import { DEMO_USERS } from '../seed/demo.js';
import { createTestApp, signIn, type Client, type TestApp } from '../test/harness.js';
import { createFullCase, type FullCase } from './full-case.js';
import { exampleOf, fillPath, readOperations, type Operation } from './openapi.js';
import { familyOf, inCaseScope, type CaseFacts, type Expect, type MatrixActor } from './authorization-matrix.rules.js';

interface Fixture {
  name: 'stockholm' | 'vast';
  full: FullCase;
  facts: CaseFacts;
  children: Record<string, string>;
  taskId: string | null;
  groupId: string;
}

let t: TestApp;
const clients = new Map<string, { client: Client; actor: MatrixActor }>();
const fixtures: Fixture[] = [];
let ops: Operation[] = [];
const ids: Record<string, string> = {};

async function one<T>(q: Promise<T | undefined>): Promise<T> {
  const v = await q;
  if (v === undefined) throw new Error('fixture row missing');
  return v;
}

async function facts(caseId: string): Promise<CaseFacts> {
  const db = t.database.db;
  const c = await one(db.selectFrom('cases').select(['id', 'region', 'referring_org_id', 'person_id']).where('id', '=', caseId).executeTakeFirst());
  const shares = await db.selectFrom('case_shares').select('organisation_id').where('case_id', '=', caseId).where('revoked_at', 'is', null).execute();
  const regions = await db.selectFrom('cases').select('region').where('person_id', '=', c.person_id).execute();
  return { id: c.id, region: c.region, referringOrgId: c.referring_org_id, sharedWith: shares.map((s) => s.organisation_id), personRegions: regions.map((r) => r.region) };
}

async function childIds(caseId: string): Promise<Record<string, string>> {
  const db = t.database.db;
  const first = async (table: 'referrals' | 'permit_applications' | 'police_reports' | 'nsp_enrolments' | 'amp_returns' | 'compensation_claims') =>
    (await one(db.selectFrom(table).select('id').where('case_id', '=', caseId).executeTakeFirst())).id;
  return {
    referrals: await first('referrals'),
    permits: await first('permit_applications'),
    'police-reports': await first('police_reports'),
    nsp: await first('nsp_enrolments'),
    amp: await first('amp_returns'),
    compensation: await first('compensation_claims'),
    notes: (await one(db.selectFrom('case_notes').select('id').where('case_id', '=', caseId).executeTakeFirst())).id,
  };
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  for (const u of DEMO_USERS) {
    const client = await signIn(t.app, u.username);
    const org = await one(db.selectFrom('organisations').select(['id', 'kind', 'region']).where('id', '=', client.session.user.organisation.id).executeTakeFirst());
    clients.set(u.username, { client, actor: { username: u.username, roles: u.roles, organisationId: org.id, organisationKind: org.kind, region: org.region } });
  }
  const orgId = async (name: string) => (await one(db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirst())).id;
  ids.nsp = await orgId('Plattformen Civila Sverige mot människohandel (NSP)');
  ids.socStockholm = await orgId('Socialtjänsten Stockholms stad');
  ids.rkStockholm = await orgId('Regionkoordinatorerna Stockholm');
  ids.userStockholm = clients.get('koordinator.stockholm')!.client.session.user.id;
  ids.userSocial = clients.get('socialsekreterare')!.client.session.user.id;

  for (const [name, username, municipalityCode] of [['stockholm', 'koordinator.stockholm', '0180'], ['vast', 'koordinator.vast', '1480']] as const) {
    const c = clients.get(username)!.client;
    const full = await createFullCase(db, c, { tag: `Matris${name}`, municipalityCode, close: false, birthDate: name === 'vast' ? '1991-02-03' : '1990-05-17' });
    // An ordinary case note by the coordinator (GET /notes/{id}), its text one more secret.
    const noteText = `Anteckning${name}: syntetisk uppgift.`;
    expect((await c.post(`/api/v1/cases/${full.id}/notes`, { text: noteText })).statusCode).toBe(201);
    full.secrets.push(noteText);
    const group = await c.post('/api/v1/groups', { name: `Gruppen ${name}`, region: name });
    expect(group.statusCode, group.body).toBe(201);
    fixtures.push({ name, full, facts: await facts(full.id), children: await childIds(full.id), taskId: null, groupId: group.json<{ id: string }>().id });
  }
  // A deadline task on each case for its coordination unit, as the daily job writes them.
  await generateTasks(db, swedishToday());
  for (const f of fixtures) {
    const unit = f.name === 'vast' ? 'Regionkoordinatorerna Väst' : 'Regionkoordinatorerna Stockholm';
    const task = await db
      .insertInto('tasks')
      .values({ source_key: `matrix:${f.full.id}`, kind: 'assessment_pending', case_id: f.full.id, organisation_id: await orgId(unit), due_on: swedishToday(), data: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    f.taskId = task.id;
  }
  ops = await readOperations(t.app);
}, 300_000);
afterAll(() => t?.close());

function uuidFor(fixture: Fixture | null) {
  return (field: string): string => {
    if (field === 'toOrgId' || field === 'recipientOrgId') return ids.nsp!;
    if (field === 'applicantOrgId') return ids.socStockholm!;
    if (field === 'organisationId') return ids.rkStockholm!;
    if (field === 'userId') return ids.userStockholm!;
    if (field === 'caseIds' || field === 'caseId') return fixture?.full.id ?? '00000000-0000-4000-8000-000000000001';
    if (field === 'personId') return fixture?.full.personId ?? '00000000-0000-4000-8000-000000000002';
    return '00000000-0000-4000-8000-000000000003';
  };
}

/** The request for an operation against a fixture (null for global routes). */
function requestFor(op: Operation, f: Fixture | null): InjectOptions | null {
  const family = familyOf(op);
  if (!family) return null;
  const segment = /^\/api\/v1\/([\w-]+)\//.exec(op.path)?.[1] ?? '';
  let id: string | null | undefined;
  if (family.target === 'case') id = f?.full.id;
  else if (family.target === 'child') id = f?.children[segment];
  else if (family.target === 'person') id = f?.full.personId;
  else if (family.target === 'task') id = f?.taskId;
  else if (family.target === 'group') id = f?.groupId;
  else if (op.path.startsWith('/api/v1/users/')) id = ids.userSocial;
  else if (op.pathParams.includes('id')) id = '00000000-0000-4000-8000-00000000000a';
  if (op.pathParams.includes('id') && !id) return null;
  const params: Record<string, string> = { id: id ?? '' };
  for (const p of op.pathParams.filter((x) => x !== 'id')) params[p] = String(exampleOf({ type: 'string' }, uuidFor(f), p));
  if (op.path.includes('{table}')) params.table = 'nsp';
  if (op.path.includes('{series}')) params.series = 'reported_crimes';
  const query = new URLSearchParams();
  for (const q of op.query.filter((x) => x.required)) query.set(q.name, String(exampleOf(q.schema, uuidFor(f), q.name)));
  const url = fillPath(op.path, params) + (query.size ? `?${query}` : '');
  if (!op.body) return { method: op.method, url };
  if (op.bodyContentType === 'text/csv') return { method: op.method, url, payload: 'x\n', headers: { 'content-type': 'text/csv' } };
  return { method: op.method, url, payload: exampleOf(op.body, uuidFor(f)) as InjectOptions['payload'] };
}

function meets(e: Expect, status: number): boolean {
  switch (e.kind) {
    case 'skip':
      return true;
    case 'ok':
      return status >= 200 && status < 300;
    case 'visible':
      return status === 200 || status === 403;
    case 'not-found':
      return status === 404;
    case 'refused':
      return status === 401 || status === 403 || status === 404;
    case 'no-server-error':
      return status < 500;
  }
}

describe('authorization matrix', () => {
  it('classifies every route of the OpenAPI document', () => {
    expect(ops.length).toBeGreaterThan(50);
    const unclassified = ops.filter((op) => !familyOf(op)).map((op) => op.key);
    expect(unclassified, 'routes missing from authorization-matrix.rules.ts').toEqual([]);
  });

  it('answers 401 to every route without a session (sign-in aside)', async () => {
    const failures: string[] = [];
    for (const op of ops) {
      if (!familyOf(op) || familyOf(op)!.name === 'sign-in') continue;
      const req = requestFor(op, fixtures[0]!);
      if (!req) continue;
      const res = await t.app.inject(req);
      if (res.statusCode !== 401) failures.push(`${op.key} → ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('refuses every call outside scope, for every role, and leaks no other case to anyone', async () => {
    const failures: string[] = [];
    const tally = new Map<string, number>();
    for (const op of ops) {
      const family = familyOf(op);
      if (!family) continue; // reported by the classification test
      const targets = family.target === 'none' ? [null] : fixtures;
      for (const f of targets) {
        for (const { client, actor } of clients.values()) {
          const taskCase = family.target === 'task' && f ? f.facts : null;
          const expected = family.expect(op, actor, f ? (taskCase ?? f.facts) : null, family.target === 'group' && f ? (f.name === 'vast' ? 'vast' : 'stockholm') : null);
          if (expected.kind === 'skip') continue;
          const req = requestFor(op, f);
          if (!req) continue;
          const res = await client.request(req);
          const where = `${op.key} [${f?.name ?? '-'}] as ${actor.username}`;
          tally.set(`${family.name}: ${expected.kind}`, (tally.get(`${family.name}: ${expected.kind}`) ?? 0) + 1);
          if (!meets(expected, res.statusCode)) failures.push(`${where}: expected ${expected.kind}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
          if (res.statusCode >= 500) failures.push(`${where}: server error ${res.statusCode}`);
          // Whatever the answer, it carries nothing of a case outside the actor's scope.
          if (res.statusCode < 300) {
            for (const other of fixtures) {
              if (inCaseScope(actor, other.facts) || (family.name === 'access report' && f === other)) continue;
              const leaked = other.full.secrets.filter((s) => res.body.includes(s) || res.body.includes(JSON.stringify(s).slice(1, -1)));
              if (leaked.length > 0) failures.push(`${where}: leaks ${other.name} case data ${leaked.join(', ')}`);
            }
          }
        }
      }
    }
    if (process.env.LOTS_MATRIX_REPORT) console.table(Object.fromEntries([...tally.entries()].sort()));
    expect(failures).toEqual([]);
    // The matrix did exercise the refusals it promises.
    expect([...tally.entries()].filter(([k]) => k.endsWith('not-found')).reduce((n, [, v]) => n + v, 0)).toBeGreaterThan(200);
    expect([...tally.entries()].filter(([k]) => k.endsWith('refused')).reduce((n, [, v]) => n + v, 0)).toBeGreaterThan(300);
  }, 600_000);

  it('leaves an audit trail that still verifies, with every denied case read recorded', async () => {
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
    const denied = await t.database.db.selectFrom('audit_events').select('id').where('outcome', '=', 'denied').where('case_id', 'in', fixtures.map((f) => f.full.id)).execute();
    expect(denied.length).toBeGreaterThan(100);
  });
});
