// The annual tables computed in SQL agree with the reference counting rules for random case data,
// on every breakdown, for the nation and each region; the SQL age rule agrees with domain/age.ts;
// superseded assessments do not count; and who may see which tables.
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { seal } from '../../crypto/field-cipher.js';
import { FIELD } from '../../crypto/fields.js';
import { ageAt } from '../../../domain/age.js';
import { writeCaseFile, type CaseRecord } from '../../../domain/statistics/case-csv.js';
import { STAT_DIMENSIONS } from '../../../domain/statistics/dimensions.js';
import { buildIdentifiedModel } from '../../../domain/statistics/identified-model.js';
import { REGION_CODES } from '../../../domain/statistics/model.js';
import { factsFromRecords, referenceCounts } from '../../../domain/statistics/reference-counts.js';
import { syntheticRecords } from '../../../domain/statistics/synthetic-records.js';
import { additivityProblems, viewTable, type StatTable } from '../../../domain/statistics/table.js';
import { countriesOf, identifiedView } from '../../../domain/statistics/views.js';

let t: TestApp;
let analyst: Client;
let stockholm: Client;
let firstResponder: Client;
let records: CaseRecord[];
const YEARS = [2022, 2023, 2024];

beforeAll(async () => {
  t = await createTestApp();
  analyst = await signIn(t.app, 'analytiker');
  stockholm = await signIn(t.app, 'koordinator.stockholm');
  firstResponder = await signIn(t.app, 'socialsekreterare');
  // Same-day identifications of one person are ambiguous by design; keep the data free of them.
  const seen = new Set<string>();
  records = syntheticRecords(2026, { years: YEARS, count: 900, repeatShare: 0.25 }).filter((r) => {
    const key = `${r.personRef}|${r.assessedOn}`;
    if (r.assessedOn && seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const res = await analyst.request({ method: 'POST', url: '/api/v1/statistics/import', payload: writeCaseFile(records), headers: { 'content-type': 'text/csv' } });
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(async () => t.close());

const get = async (c: Client, url: string) => {
  const res = await c.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as StatTable;
};

describe('identified tables from SQL', () => {
  it('equal the reference counting rules for every breakdown, nation and region', async () => {
    const facts = factsFromRecords(records);
    const models = YEARS.map((y) => buildIdentifiedModel(referenceCounts(facts, y)));
    const countries = countriesOf(models);
    for (const by of STAT_DIMENSIONS) {
      for (const region of [null, ...REGION_CODES]) {
        const table = await get(analyst, `/api/v1/statistics/identified?by=${by}&from=2022&to=2024${region ? `&region=${region}` : ''}`);
        const expected = viewTable(identifiedView(by, region, countries), models);
        expect(table.rows, `${by} ${region}`).toEqual(expected.rows);
        expect(additivityProblems(table)).toEqual([]);
      }
    }
  });

  it('no longer counts an assessment once a re-assessment has superseded it', async () => {
    const db = t.database.db;
    const before = await get(analyst, '/api/v1/statistics/identified?by=region&from=2024&to=2024');
    const target = await db.selectFrom('assessments').innerJoin('cases', 'cases.id', 'assessments.case_id')
      .select(['assessments.id', 'assessments.case_id', 'assessments.person_id', 'cases.region'])
      .where('assessments.decision', '=', 'reason_to_assume').where(sql<boolean>`date_part('year', assessments.assessed_on) = 2024`)
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('assessments as b').select('b.id').whereRef('b.person_id', '=', 'assessments.person_id').whereRef('b.id', '<>', 'assessments.id').where(sql<boolean>`date_part('year', b.assessed_on) = 2024`))))
      .limit(1).executeTakeFirstOrThrow();
    await db.transaction().execute(async (trx) => {
      const next = await trx.insertInto('assessments').values({ case_id: target.case_id, person_id: target.person_id, assessed_on: '2025-01-15', decision: 'no_reason_to_assume', age_basis: 'unknown', acts: [], means: [], purposes: [], indicators: [], exploitation_forms: [], labour_sector: null, age_at_assessment: null, is_child: null, means_required: true, reasons: seal(FIELD.assessmentReasons, 'omprövad'), legal_basis: null, decider_user_id: null, decider_name: null, superseded_by: null }).returning('id').executeTakeFirstOrThrow();
      await trx.updateTable('assessments').set({ superseded_by: next.id }).where('id', '=', target.id).execute();
    });
    const after = await get(analyst, '/api/v1/statistics/identified?by=region&from=2024&to=2024');
    const total = (tb: StatTable) => tb.rows.find((r) => r.code === 'total')!.values[0]!;
    expect(total(after)).toBe(total(before) - 1);
    const regionRow = (tb: StatTable) => tb.rows.find((r) => r.code === target.region)!.values[0]!;
    expect(regionRow(after)).toBe(regionRow(before) - 1);
  });

  it('computes age in SQL exactly as domain/age.ts does', async () => {
    const dateArb = fc.date({ min: new Date('1950-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const cases = fc.sample(
      fc.record({
        birthDate: fc.option(dateArb),
        birthYear: fc.option(fc.integer({ min: 1950, max: 2030 })),
        estimatedAge: fc.option(fc.integer({ min: 0, max: 80 })),
        estimatedAgeOn: fc.option(dateArb),
        on: dateArb,
      }),
      300,
    );
    cases.push({ birthDate: '2008-02-29', birthYear: null, estimatedAge: null, estimatedAgeOn: null, on: '2026-02-28' }, { birthDate: '2008-02-29', birthYear: null, estimatedAge: null, estimatedAgeOn: null, on: '2026-03-01' });
    for (const c of cases) {
      const r = await sql<{ age: number | null }>`select lots_age_at(${c.birthDate}::date, ${c.birthYear}::int, ${c.estimatedAge}::int, ${c.estimatedAgeOn}::date, ${c.on}::date) as age`.execute(t.database.db);
      expect(r.rows[0]!.age, JSON.stringify(c)).toBe(ageAt(c, c.on).years);
    }
  });
});

describe('who sees which tables', () => {
  it('tells each user what they may do, with the rules and method to show', async () => {
    const meta = (await analyst.get('/api/v1/statistics/meta')).json();
    expect(meta.abilities).toEqual({ viewPublished: true, internal: 'all', importCases: true, exportCases: true, exportHtcds: true, importSeries: true });
    expect(meta.years).toMatchObject({ first: 2022, last: 2024 });
    expect(meta.rules.find((r: { code: string }) => r.code === 'multiple_forms').sv).toContain('multipel exploatering');
    expect(meta.disclosure.minWidth).toBe(3);
    expect((await stockholm.get('/api/v1/statistics/meta')).json().abilities).toMatchObject({ internal: 'stockholm', importCases: false });
    expect((await firstResponder.get('/api/v1/statistics/meta')).json().abilities).toMatchObject({ internal: null, exportCases: false });
  });

  it('lets a coordinator see internal tables for their own region only', async () => {
    const own = await get(stockholm, '/api/v1/statistics/identified?by=form&from=2024&to=2024');
    expect(own.region).toBe('stockholm');
    expect(own.published).toBe(false);
    expect((await stockholm.get('/api/v1/statistics/identified?by=form&from=2024&to=2024&region=syd')).statusCode).toBe(403);
    const pub = await get(stockholm, '/api/v1/statistics/identified?by=form&from=2024&to=2024&region=syd&publish=true');
    expect(pub.published).toBe(true);
  });

  it('gives everyone else published tables only', async () => {
    expect((await firstResponder.get('/api/v1/statistics/identified?by=form&from=2024&to=2024')).statusCode).toBe(403);
    const pub = await get(firstResponder, '/api/v1/statistics/identified?by=sex_age&from=2022&to=2024&publish=true');
    for (const r of pub.rows) r.values.forEach((v, i) => expect(v === null ? r.suppressed[i] : v === 0 || v > 2 || r.kind === 'total').toBe(true));
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/statistics/identified?by=form' })).statusCode).toBe(401);
  });

  it('publishes the same totals as the internal tables, hiding small cells', async () => {
    const internal = await get(analyst, '/api/v1/statistics/identified?by=form&from=2022&to=2024');
    const pub = await get(analyst, '/api/v1/statistics/identified?by=form&from=2022&to=2024&publish=true');
    expect(pub.rows.find((r) => r.code === 'total')!.values).toEqual(internal.rows.find((r) => r.code === 'total')!.values);
    pub.rows.forEach((r, i) => r.values.forEach((v, j) => { if (v !== null) expect(v).toBe(internal.rows[i]!.values[j]); }));
    expect(pub.rows.some((r) => r.suppressed.some(Boolean))).toBe(true);
  });

  it('refuses published regional citizenship and bad queries with the field named', async () => {
    for (const by of ['citizenship', 'forms_each', 'sector']) {
      const res = await analyst.get(`/api/v1/statistics/identified?by=${by}&region=syd&publish=true`);
      expect(res.statusCode, by).toBe(400);
      expect(res.json().error.fields[0].path).toBe('querystring.region');
    }
    const bad = await analyst.get('/api/v1/statistics/identified?by=colour&from=2024');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toContain('by');
    const backwards = await analyst.get('/api/v1/statistics/identified?by=form&from=2024&to=2020');
    expect(backwards.statusCode).toBe(400);
  });
});
