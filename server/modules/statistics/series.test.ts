// External series (import, versions, audit) and the indicator cards; the HTCDS export over HTTP.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { publishedFixtureRecords } from '../../../domain/statistics/published-tables.js';
import { writeCaseFile } from '../../../domain/statistics/case-csv.js';
import { HTCDS_COLUMNS } from '../../../domain/statistics/htcds.js';
import { readCsv } from '../../../domain/statistics/csv.js';
import { SERIES_COLUMNS } from '../../../domain/statistics/series.js';

let t: TestApp;
let analyst: Client;
let coordinator: Client;
const DEMO = readFileSync(new URL('../../seed/published-series.csv', import.meta.url), 'utf8');
const post = (c: Client, url: string, body: string) => c.request({ method: 'POST', url, payload: body, headers: { 'content-type': 'text/csv' } });

beforeAll(async () => {
  t = await createTestApp();
  analyst = await signIn(t.app, 'analytiker');
  coordinator = await signIn(t.app, 'koordinator.nord');
  expect((await post(analyst, '/api/v1/statistics/import', writeCaseFile(publishedFixtureRecords()))).statusCode).toBe(200);
});
afterAll(async () => t.close());

describe('external series', () => {
  it('is imported by the national analyst only', async () => {
    expect((await post(coordinator, '/api/v1/statistics/series/import', DEMO)).statusCode).toBe(403);
  });

  it('imports the published figures, keeps source and unit, and versions re-imports with an audit entry', async () => {
    const first = await post(analyst, '/api/v1/statistics/series/import', DEMO);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().series.map((s: { series: string; version: number }) => `${s.series}@${s.version}`).sort()).toEqual(['migration_permits@1', 'municipal_survey@1', 'prosecution_decisions@1', 'reported_crimes@1']);
    const replaced = `${SERIES_COLUMNS.join(',')}\nreported_crimes,trafficking,total,2024,186,offences,Brå (corrected),\n`;
    const second = await post(analyst, '/api/v1/statistics/series/import', replaced);
    expect(second.json().series).toEqual([{ series: 'reported_crimes', version: 2, values: 1 }]);
    const list = (await analyst.get('/api/v1/statistics/series')).json().series as { series: string; version: number; values: { year: number; value: number; source: string; unit: string }[] }[];
    const crimes = list.find((s) => s.series === 'reported_crimes')!;
    expect(crimes.version).toBe(2);
    expect(crimes.values).toEqual([{ measure: 'trafficking', breakdown: 'total', year: 2024, value: 186, unit: 'offences', source: 'Brå (corrected)', note: '' }]);
    const versions = (await analyst.get('/api/v1/statistics/series/reported_crimes/versions')).json().versions;
    expect(versions.map((v: { version: number; current: boolean }) => [v.version, v.current])).toEqual([[2, true], [1, false]]);
    const audit = await t.database.db.selectFrom('audit_events').select('details').where('action', '=', 'statistics.import_series').where('resource_id', '=', 'series:reported_crimes').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ before: { version: 1 }, after: { version: 2, values: 1 } });
    // Put the published figures back for the indicator test.
    expect((await post(analyst, '/api/v1/statistics/series/import', DEMO)).statusCode).toBe(200);
  });

  it('reports bad rows with line and column and imports nothing', async () => {
    const res = await post(analyst, '/api/v1/statistics/series/import', `${SERIES_COLUMNS.join(',')}\nreported_crimes,trafficking,total,20x4,5,offences,Brå,\n`);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ line: 2, column: 'year' });
  });
});

describe('indicators', () => {
  it('shows the system figure (3) beside the imported series (4–6)', async () => {
    const res = await analyst.get('/api/v1/statistics/indicators?from=2021&to=2024');
    expect(res.statusCode, res.body).toBe(200);
    const cards = res.json().indicators as { id: number; lines: { code: string; source: string; points: { year: number; value: number | null }[] }[]; latest: { year: number; value: number } | null }[];
    expect(cards.map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(cards[2]!.lines[0]!.points.map((p) => p.value)).toEqual([490, 375, 414, 430]);
    expect(cards[2]!.latest).toEqual({ year: 2024, value: 430, line: 'identified' });
    const permits = cards[3]!.lines.find((l) => l.code === 'witness_permit')!;
    expect(permits.points.map((p) => p.value)).toEqual([null, 116, 62, 41]);
    expect(permits.source).toContain('Migrationsverket');
    expect(cards[4]!.lines.find((l) => l.code === 'trafficking')!.points.map((p) => p.value)).toEqual([140, 196, 228, 185]);
  });

  it('shows a coordinator their own region for the system figure', async () => {
    const cards = (await coordinator.get('/api/v1/statistics/indicators?from=2024&to=2024')).json().indicators;
    expect(cards[2].lines[0].points[0].value).toBe(62);
  });

  it('applies disclosure control to the system figures when published, exactly as in the tables', async () => {
    // One person identified in Nord in 2019: a 1, which published figures hide.
    const one = writeCaseFile([{ ...publishedFixtureRecords()[0]!, caseRef: 'IND-1', personRef: 'IND-P1', region: 'nord', referredOn: '2019-05-01', assessedOn: '2019-05-10' }]);
    expect((await post(analyst, '/api/v1/statistics/import', one)).statusCode).toBe(200);
    const read = (c: Client, q: string) => c.get(`/api/v1/statistics/indicators?from=2019&to=2019&region=nord${q}`);
    const identified = (res: { json(): unknown }) => (res.json() as { indicators: { latest: unknown; lines: { points: unknown[] }[] }[] }).indicators[2]!;
    expect(identified(await read(analyst, '&publish=false')).lines[0]!.points).toEqual([{ year: 2019, value: 1, suppressed: false }]);
    const published = identified(await read(analyst, '&publish=true'));
    expect(published.lines[0]!.points).toEqual([{ year: 2019, value: null, suppressed: true }]);
    expect(published.latest).toBeNull();
    const table = (await analyst.get('/api/v1/statistics/identified?by=region&from=2019&to=2019&publish=true')).json() as { rows: { code: string; suppressed: boolean[] }[] };
    expect(table.rows.find((r) => r.code === 'nord')!.suppressed).toEqual([true]);
    // Without internal rights: published by default, internal refused (as for tables).
    const police = await signIn(t.app, 'polis');
    expect((await read(police, '&publish=false')).statusCode).toBe(403);
    expect(identified(await read(police, '')).lines[0]!.points).toEqual([{ year: 2019, value: null, suppressed: true }]);
    // The coordinator of Nord sees their own region's true figure unless they ask for published.
    expect(identified(await read(coordinator, '')).lines[0]!.points).toEqual([{ year: 2019, value: 1, suppressed: false }]);
    expect(identified(await read(coordinator, '&publish=true')).lines[0]!.points).toEqual([{ year: 2019, value: null, suppressed: true }]);
  });
});

describe('HTCDS export', () => {
  it('gives the national analyst HTCDS rows; others are refused', async () => {
    expect((await coordinator.get('/api/v1/statistics/htcds/export?from=2024&to=2024')).statusCode).toBe(403);
    const res = await analyst.get('/api/v1/statistics/htcds/export?from=2024&to=2024');
    expect(res.statusCode).toBe(200);
    const { records } = readCsv(res.body);
    expect(records[0]!.fields).toEqual([...HTCDS_COLUMNS]);
    expect(records.length - 1).toBe(430 + 18); // every 2024 case, incl. the earlier identifications
    const status = records.slice(1).map((r) => r.fields[HTCDS_COLUMNS.indexOf('vic_TraffickingStatus')]);
    expect(new Set(status)).toEqual(new Set(['PossibleVictimOfTrafficking']));
  });
});
