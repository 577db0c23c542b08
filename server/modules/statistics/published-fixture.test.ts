// The published Tables 1 and 2 (2021–2024) rebuilt from synthetic per-person records: imported
// through the interchange CSV, counted by the SQL, and compared cell by cell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { PUBLISHED_TABLE_1, PUBLISHED_TABLE_2, publishedFixtureRecords } from '../../../domain/statistics/published-tables.js';
import { writeCaseFile } from '../../../domain/statistics/case-csv.js';
import { additivityProblems, type StatTable } from '../../../domain/statistics/table.js';
import { auditIntervals, width } from '../../../domain/statistics/intervals.js';
import { MIN_WIDTH } from '../../../domain/statistics/disclosure.js';
import { REGION_CODES } from '../../../domain/statistics/model.js';
import { loadSnapshot } from './statistics.service.js';

let t: TestApp;
let analyst: Client;

const csvPost = (c: Client, url: string, body: string) => c.request({ method: 'POST', url, payload: body, headers: { 'content-type': 'text/csv' } });

beforeAll(async () => {
  t = await createTestApp();
  analyst = await signIn(t.app, 'analytiker');
  const res = await csvPost(analyst, '/api/v1/statistics/import', writeCaseFile(publishedFixtureRecords()));
  expect(res.statusCode, res.body).toBe(200);
});
afterAll(async () => t.close());

function column(table: StatTable, code: string): (number | null)[] {
  const row = table.rows.find((r) => r.code === code);
  if (!row) throw new Error(`no row ${code}`);
  return row.values;
}

describe('published Tables 1 and 2 from case records', () => {
  it('reproduces Table 1 (by form) exactly', async () => {
    const res = await analyst.get('/api/v1/statistics/identified?by=form&from=2021&to=2024');
    expect(res.statusCode, res.body).toBe(200);
    const table = res.json() as StatTable;
    expect(table.rows.map((r) => r.code)).toEqual(Object.keys(PUBLISHED_TABLE_1));
    for (const [code, values] of Object.entries(PUBLISHED_TABLE_1)) expect(column(table, code), code).toEqual(values);
    expect(additivityProblems(table)).toEqual([]);
  });

  it('reproduces Table 2 (by sex and age) exactly', async () => {
    const res = await analyst.get('/api/v1/statistics/identified?by=sex_age&from=2021&to=2024');
    const table = res.json() as StatTable;
    expect(table.rows.map((r) => r.code)).toEqual(Object.keys(PUBLISHED_TABLE_2));
    for (const [code, values] of Object.entries(PUBLISHED_TABLE_2)) expect(column(table, code), code).toEqual(values);
    expect(additivityProblems(table)).toEqual([]);
  });
});

describe('the same data by region and published', () => {
  it('adds the regions up to the nation in every breakdown', async () => {
    for (const by of ['form', 'sex_age', 'source', 'citizenship', 'forms_each', 'sector']) {
      const nation = (await analyst.get(`/api/v1/statistics/identified?by=${by}&from=2021&to=2024`)).json() as StatTable;
      const regions = await Promise.all(REGION_CODES.map(async (r) => (await analyst.get(`/api/v1/statistics/identified?by=${by}&from=2021&to=2024&region=${r}`)).json() as StatTable));
      nation.rows.forEach((row, i) => row.values.forEach((v, y) => expect(regions.reduce((s, t) => s + (t.rows[i]!.values[y] ?? 0), 0), `${by} ${row.code}`).toBe(v)));
    }
  });

  it('publishes true totals, hides every 1–2, and leaves no hidden cell narrower than 3', async () => {
    const pub = (await analyst.get('/api/v1/statistics/identified?by=form&from=2021&to=2024&publish=true')).json() as StatTable;
    expect(column(pub, 'total')).toEqual([490, 375, 414, 430]);
    expect(column(pub, 'military_service')[0]).toBeNull();
    for (const r of pub.rows) for (const v of r.values) if (v !== null) expect(v === 0 || v > 2).toBe(true);
    const snap = await loadSnapshot(t.database.db, 2021, 2024, true);
    snap.models.forEach((m, i) => {
      const intervals = auditIntervals(m, snap.publications![i]!.suppressed);
      for (const [k, iv] of intervals) expect(width(iv), `${m.year} ${k}`).toBeGreaterThanOrEqual(MIN_WIDTH);
    });
  });
});
