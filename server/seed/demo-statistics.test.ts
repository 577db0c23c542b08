// The demo's statistics (seedDemo's history): imported through the case interchange CSV, counted
// by the SQL, they give the published Tables 1–6 (DOMAIN.md §7) and the action plan's 2025
// figures, spread over all seven regions; every indicator card 1–7 has a value.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../test/harness.js';
import { seedPublishedSeries } from '../modules/statistics/series.service.js';
import { seedDemoStatistics, seedDemoSurveySeries } from './demo-statistics.js';
import { PUBLISHED_TABLE_1, PUBLISHED_TABLE_2 } from '../../domain/statistics/published-tables.js';
import { ACTION_PLAN_2025 } from '../../domain/statistics/demo-history.js';
import { DEMO_AMP, DEMO_NSP, DEMO_PERMITS } from '../../domain/statistics/demo-programmes.js';
import { additivityProblems, type StatTable } from '../../domain/statistics/table.js';
import { REGION_CODES } from '../../domain/statistics/model.js';

let t: TestApp;
let analyst: Client;
let seeded: Awaited<ReturnType<typeof seedDemoStatistics>>;

beforeAll(async () => {
  t = await createTestApp();
  await seedPublishedSeries(t.database.db);
  await seedDemoSurveySeries(t.database.db);
  seeded = await seedDemoStatistics(t.database.db, { today: '2026-06-01' });
  analyst = await signIn(t.app, 'analytiker');
}, 120_000);
afterAll(async () => t.close());

const table = async (url: string) => {
  const res = await analyst.get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as StatTable;
};
const row = (tb: StatTable, code: string) => tb.rows.find((r) => r.code === code)!.values;

describe('demo statistics', () => {
  it('reproduce Tables 1 and 2 for 2021–2024 and the 2025 figures of the action plan', async () => {
    const form = await table('/api/v1/statistics/identified?by=form&from=2021&to=2025');
    for (const [code, values] of Object.entries(PUBLISHED_TABLE_1)) {
      expect(row(form, code), code).toEqual([...values, code === 'total' ? 481 : ACTION_PLAN_2025.form[code]]);
    }
    const sexAge = await table('/api/v1/statistics/identified?by=sex_age&from=2021&to=2025');
    expect(row(sexAge, 'total')).toEqual([490, 375, 414, 430, 481]);
    for (const [code, values] of Object.entries(PUBLISHED_TABLE_2)) expect(row(sexAge, code).slice(0, 4), code).toEqual(values);
    expect(['women', 'men', 'girls', 'boys', 'unknown_adult'].map((c) => row(sexAge, c)[4])).toEqual([212, 251, 8, 9, 1]);
    expect(additivityProblems(form)).toEqual([]);
    expect(additivityProblems(sexAge)).toEqual([]);
  });

  it('spread the persons over all seven regions every year', async () => {
    const regions = await table('/api/v1/statistics/identified?by=region&from=2021&to=2025');
    for (const r of REGION_CODES) for (const v of row(regions, r)) expect(v, r).toBeGreaterThan(0);
  });

  it('reproduce the programme tables (NSP, ÅMP, permits by sex and by applicant)', async () => {
    expect(seeded.cases).toBeGreaterThan(2000);
    const nsp = await table('/api/v1/statistics/programmes/nsp?from=2021&to=2025');
    const years = [2021, 2022, 2023, 2024, 2025];
    expect(row(nsp, 'persons')).toEqual(years.map((y) => Object.values(DEMO_NSP[y]!.rows).reduce((s, n) => s + n, 0)));
    expect(row(nsp, 'accompanying_children')).toEqual([17, 23, 25, 24, 21]);
    expect(row(nsp, 'total')).toEqual([36, 55, 68, 63, 103]);
    expect(row(nsp, 'other_adult')[3]).toBe(1);
    expect(row(nsp, 'children_in_home_country')[4]).toBe(47);
    const amp = await table('/api/v1/statistics/programmes/amp?from=2021&to=2025');
    expect(row(amp, 'total')).toEqual([61, 30, 61, 32, 65]);
    expect(['women', 'men', 'girls', 'boys'].map((c) => row(amp, c))).toEqual(['women', 'men', 'girls', 'boys'].map((c) => years.map((y) => DEMO_AMP[y]!.rows[c as 'women'] ?? 0)));
    expect([row(amp, 'accompanying_family')[4], row(amp, 'accompanying_children')[4]]).toEqual([1, 9]);
    const permits = await table('/api/v1/statistics/programmes/permits?from=2022&to=2024');
    expect([row(permits, 'witness_female'), row(permits, 'witness_male'), row(permits, 'witness')]).toEqual([[22, 16, 14], [94, 46, 27], [116, 62, 41]]);
    expect([row(permits, 'reflection_female'), row(permits, 'reflection_male'), row(permits, 'reflection')]).toEqual([[12, 14, 23], [8, 8, 15], [20, 22, 38]]);
    // 2024: 79 permits for 56 persons (persons are counted per region, so the nation is their sum).
    expect(row(permits, 'total')[2]).toBe(79);
    expect(row(permits, 'persons')[2]).toBe(56);
    const applicants = await table('/api/v1/statistics/programmes/permit_applicants?from=2022&to=2024');
    expect([row(applicants, 'prosecution'), row(applicants, 'police'), row(applicants, 'social_welfare_board'), row(applicants, 'via_coordinator')]).toEqual([[5, 6, 8], [10, 6, 13], [5, 10, 17], [0, 7, 11]]);
    expect(Object.keys(DEMO_PERMITS).map(Number)).toEqual(years);
  });

  it('give every indicator card 1–7 a value, the survey figures marked as demo data', async () => {
    const res = await analyst.get('/api/v1/statistics/indicators?from=2021&to=2025');
    expect(res.statusCode, res.body).toBe(200);
    const cards = (res.json() as { indicators: { id: number; latest: { year: number; value: number } | null; lines: { code: string; source: string }[] }[] }).indicators;
    expect(cards.map((c) => [c.id, c.latest !== null])).toEqual([1, 2, 3, 4, 5, 6, 7].map((id) => [id, true]));
    expect(cards[0]!.latest).toEqual({ year: 2025, value: 65.2, line: 'policy_documents' });
    expect(cards[2]!.latest).toEqual({ year: 2025, value: 481, line: 'identified' });
    for (const id of [1, 2, 7]) expect(cards[id - 1]!.lines[0]!.source).toMatch(/DEMODATA/);
  });

  it('names nobody: imported demo persons have no names and DEMO references', async () => {
    const persons = await t.database.db.selectFrom('persons').select(['external_ref']).where('external_ref', 'is not', null).execute();
    expect(persons.length).toBeGreaterThan(2000);
    expect(persons.every((p) => p.external_ref!.startsWith('DEMO-P-'))).toBe(true);
  });
});
