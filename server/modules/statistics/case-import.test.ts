// Importing historical case records through the API: all or nothing, every problem reported with
// line, column and allowed values, re-imports update instead of duplicating, and the export gives
// back exactly what was imported. Only the national analyst may import or export case records.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { CASE_COLUMNS, readCaseFile, writeCaseFile } from '../../../domain/statistics/case-csv.js';
import { syntheticRecords } from '../../../domain/statistics/synthetic-records.js';

let t: TestApp;
let analyst: Client;
let coordinator: Client;

const post = (c: Client, url: string, body: string | Buffer, type = 'text/csv') => c.request({ method: 'POST', url, payload: body, headers: { 'content-type': type } });
const HEADER = CASE_COLUMNS.join(',');
const line = (ref: string, extra: Partial<Record<string, string>> = {}) => {
  const v: Record<string, string> = {
    case_ref: ref, person_ref: `P-${ref}`, region: 'Väst', municipality_code: '', referred_on: '2024-03-01', referral_source: 'akc_inspection',
    assessed_on: '2024-03-20', assessment: 'reason_to_assume', sex: 'male', age_group: '', birth_year: '1988', citizenship: 'TH', exploitation_forms: 'labour', labour_sector: 'A', ...extra,
  };
  return CASE_COLUMNS.map((c) => v[c]).join(',');
};
const counts = async () => {
  const db = t.database.db;
  const [c, p, a] = await Promise.all([
    db.selectFrom('cases').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('persons').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    db.selectFrom('assessments').select(({ fn }) => fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { cases: Number(c.n), persons: Number(p.n), assessments: Number(a.n) };
};

beforeAll(async () => {
  t = await createTestApp();
  analyst = await signIn(t.app, 'analytiker');
  coordinator = await signIn(t.app, 'koordinator.vast');
});
afterAll(async () => t.close());

describe('POST /statistics/import', () => {
  it('refuses everyone but the national analyst', async () => {
    const res = await post(coordinator, '/api/v1/statistics/import', `${HEADER}\n${line('A1')}`);
    expect(res.statusCode).toBe(403);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/v1/statistics/import', payload: HEADER, headers: { 'content-type': 'text/csv' } });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses a file that is not UTF-8, saying what is expected', async () => {
    const latin1 = Buffer.from(`${HEADER}\n${line('A1', { region: 'Öst' })}`, 'latin1');
    const res = await post(analyst, '/api/v1/statistics/import', latin1);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('UTF-8');
  });

  it('accepts only CSV bodies', async () => {
    const res = await analyst.request({ method: 'POST', url: '/api/v1/statistics/import', payload: { rows: [] } });
    expect([400, 415]).toContain(res.statusCode);
  });

  it('refuses a wrong header with the expected one', async () => {
    const res = await post(analyst, '/api/v1/statistics/import', 'ref,person\nx,y');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].message).toContain(HEADER);
    expect(res.json().errors[0]).toMatchObject({ code: 'wrong_header', params: { expected: HEADER, unknown: 'ref, person' } });
  });

  it('imports nothing when any row is invalid, and lists every invalid row', async () => {
    const before = await counts();
    const body = [HEADER, line('B1'), line('B2', { sex: 'man' }), line('B3', { assessed_on: '2024-02-01' }), line('B4'), line('B4')].join('\n');
    const res = await post(analyst, '/api/v1/statistics/import', body);
    expect(res.statusCode).toBe(422);
    const report = res.json();
    expect(report.ok).toBe(false);
    expect(report.errors.map((e: { line: number; column: string }) => `${e.line}:${e.column}`)).toEqual(['3:sex', '4:assessed_on', '6:case_ref']);
    expect(report.errors[0].allowed).toEqual(['female', 'male', 'other', 'unknown']);
    // Stable codes and parameters for clients that translate; the English message beside them.
    expect(report.errors.map((e: { code: string; params?: object }) => [e.code, e.params ?? null])).toEqual([
      ['not_allowed', null],
      ['assessed_before_referred', { referredOn: '2024-03-01' }],
      ['duplicate_case_ref', { firstLine: 5 }],
    ]);
    expect(report.errors[2].message).toBe('case_ref B4 is already on line 5; each case appears once per file');
    expect(await counts()).toEqual(before);
  });

  it('validates only on a dry run', async () => {
    const before = await counts();
    const res = await post(analyst, '/api/v1/statistics/import?dryRun=true', [HEADER, line('C1'), line('C2')].join('\n'), 'text/csv; charset=utf-8');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true, dryRun: true, created: 2, rows: 2 });
    expect(await counts()).toEqual(before);
  });

  it('imports persons, cases and assessments, and re-imports update instead of duplicating', async () => {
    const before = await counts();
    const first = await post(analyst, '/api/v1/statistics/import', [HEADER, line('D1'), line('D2', { person_ref: 'P-D1' }), line('D3', { assessment: 'pending', assessed_on: '' })].join('\n'));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ ok: true, created: 3, updated: 0, unchanged: 0, personsCreated: 2 });
    expect(await counts()).toEqual({ cases: before.cases + 3, persons: before.persons + 2, assessments: before.assessments + 2 });
    const stored = await t.database.db.selectFrom('assessments').innerJoin('cases', 'cases.id', 'assessments.case_id').select(['assessments.source', 'assessments.decider_user_id', 'assessments.is_child', 'cases.imported', 'cases.status', 'cases.region']).where('cases.external_ref', '=', 'D1').executeTakeFirstOrThrow();
    expect(stored).toEqual({ source: 'import', decider_user_id: null, is_child: false, imported: true, status: 'reason_to_assume', region: 'vast' });

    const again = await post(analyst, '/api/v1/statistics/import', [HEADER, line('D1', { exploitation_forms: 'labour;sexual' }), line('D2', { person_ref: 'P-D1' }), line('D3', { assessment: 'no_reason_to_assume', assessed_on: '2024-04-01' })].join('\n'));
    expect(again.json()).toMatchObject({ ok: true, created: 0, updated: 2, unchanged: 1, personsCreated: 0 });
    expect(await counts()).toEqual({ cases: before.cases + 3, persons: before.persons + 2, assessments: before.assessments + 3 });
    const events = await t.database.db.selectFrom('case_events').innerJoin('cases', 'cases.id', 'case_events.case_id').select('case_events.kind').where('cases.external_ref', '=', 'D1').execute();
    expect(events.map((e) => e.kind)).toEqual(['imported', 'imported']);
    const audit = await t.database.db.selectFrom('audit_events').select(['action', 'details']).where('action', '=', 'statistics.import_cases').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ created: 0, updated: 2, unchanged: 1 });
  });

  it('keeps a stated age group through the round trip, without a birth year', async () => {
    const res = await post(analyst, '/api/v1/statistics/import', [HEADER, line('E1', { age_group: 'child', birth_year: '', sex: 'female' })].join('\n'));
    expect(res.statusCode, res.body).toBe(200);
    const exported = await analyst.get('/api/v1/statistics/cases/export');
    const back = readCaseFile(exported.body, '2026-11-25').records.find((r) => r.caseRef === 'E1');
    expect(back).toMatchObject({ ageGroup: 'child', birthYear: null });
  });
});

describe('GET /statistics/cases/export', () => {
  it('is for the national analyst only', async () => {
    expect((await coordinator.get('/api/v1/statistics/cases/export')).statusCode).toBe(403);
  });

  it('round-trips losslessly: export, re-import changes nothing, export again is identical', async () => {
    const records = syntheticRecords(4242, { years: [2022, 2023, 2024], count: 300 });
    const imported = await post(analyst, '/api/v1/statistics/import', writeCaseFile(records));
    expect(imported.statusCode, imported.body).toBe(200);
    const first = await analyst.get('/api/v1/statistics/cases/export');
    expect(first.headers['content-type']).toContain('text/csv');
    const parsed = readCaseFile(first.body, '2026-11-25');
    expect(parsed.errors).toEqual([]);
    const byRef = new Map(parsed.records.map(({ line: _l, ...r }) => [r.caseRef, r]));
    for (const r of records) expect(byRef.get(r.caseRef)).toEqual(r);
    const reimport = await post(analyst, '/api/v1/statistics/import', first.body);
    expect(reimport.json()).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: parsed.records.length });
    const second = await analyst.get('/api/v1/statistics/cases/export');
    expect(second.body).toBe(first.body);
  });

  it('leaves out persons with protected personal data', async () => {
    await t.database.db.updateTable('persons').set({ protected_identity: true }).where('external_ref', '=', 'P-D1').execute();
    const res = await analyst.get('/api/v1/statistics/cases/export');
    expect(res.body).not.toContain('P-D1');
    expect(res.body).toContain('E1');
  });
});
