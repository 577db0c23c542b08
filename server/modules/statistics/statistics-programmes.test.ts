// Programme and permit tables (Tables 3–6) from the support and permit records, the Eurostat
// tables, and the table exports (CSV, XLSX).
import { inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { CASE_COLUMNS } from '../../../domain/statistics/case-csv.js';
import { additivityProblems, type StatTable } from '../../../domain/statistics/table.js';

let t: TestApp;
let analyst: Client;

const value = (tb: StatTable, code: string, yi = 0) => tb.rows.find((r) => r.code === code)!.values[yi];

/** The file names and texts of a ZIP archive (enough to check our XLSX). */
function unzip(buf: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  let i = 0;
  while (buf.readUInt32LE(i) === 0x04034b50) {
    const size = buf.readUInt32LE(i + 18);
    const nameLen = buf.readUInt16LE(i + 26);
    const extra = buf.readUInt16LE(i + 28);
    const name = buf.subarray(i + 30, i + 30 + nameLen).toString('utf8');
    const start = i + 30 + nameLen + extra;
    out.set(name, inflateRawSync(buf.subarray(start, start + size)).toString('utf8'));
    i = start + size;
  }
  return out;
}

beforeAll(async () => {
  t = await createTestApp();
  analyst = await signIn(t.app, 'analytiker');
  const rows = [
    // ref, person, region, sex, birth year, age group
    ['N1', 'PN1', 'Stockholm', 'female', '1990', ''],
    ['N2', 'PN2', 'Stockholm', 'male', '', 'adult'],
    ['N3', 'PN3', 'Syd', 'female', '2010', ''],
    ['N4', 'PN4', 'Syd', 'other', '1985', ''],
  ].map(([ref, person, region, sex, by, ag]) => CASE_COLUMNS.map((c) => ({ case_ref: ref, person_ref: person, region, municipality_code: '', referred_on: '2024-01-10', referral_source: 'police', assessed_on: '2024-01-20', assessment: 'reason_to_assume', sex, age_group: ag, birth_year: by, citizenship: 'RO', exploitation_forms: 'sexual', labour_sector: '' })[c]).join(','));
  const res = await analyst.request({ method: 'POST', url: '/api/v1/statistics/import', payload: [CASE_COLUMNS.join(','), ...rows].join('\n'), headers: { 'content-type': 'text/csv' } });
  expect(res.statusCode, res.body).toBe(200);
  const db = t.database.db;
  const cases = new Map((await db.selectFrom('cases').select(['id', 'external_ref', 'person_id']).execute()).map((c) => [c.external_ref!, c]));
  const org = (await db.selectFrom('organisations').select('id').where('kind', '=', 'prosecution').executeTakeFirstOrThrow()).id;
  const c = (ref: string) => cases.get(ref)!;
  await db.insertInto('nsp_enrolments').values([
    { case_id: c('N1').id, enrolled_on: '2024-02-01', support_types: ['protected_housing'], accompanying_children: 2, children_in_home_country: 1 },
    { case_id: c('N1').id, enrolled_on: '2024-06-01', support_types: ['counselling'], accompanying_children: 2, children_in_home_country: 1 }, // same person, same year: once
    { case_id: c('N3').id, enrolled_on: '2024-03-01', support_types: [], accompanying_children: 0, children_in_home_country: 0 },
    { case_id: c('N2').id, enrolled_on: '2023-03-01', support_types: [], accompanying_children: 0, children_in_home_country: 0 },
  ]).execute();
  await db.insertInto('amp_returns').values([
    { case_id: c('N2').id, applied_on: '2024-03-01', decision: 'approved', decided_on: '2024-04-01', accompanying_family: 1, accompanying_children: 3 },
    { case_id: c('N4').id, applied_on: '2024-03-01', decision: 'rejected', decided_on: '2024-04-01' },
  ]).execute();
  const permit = (ref: string, kind: string, applicant: string, via: boolean, decision: string, decided: string | null) => ({ case_id: c(ref).id, person_id: c(ref).person_id, kind, applicant_org_id: org, applicant_kind: applicant, via_coordinator: via, submitted_on: '2024-01-25', decision, decided_on: decided, valid_until: decided });
  const apps = await db.insertInto('permit_applications').values([
    permit('N1', 'reflection', 'social_welfare_board', true, 'granted', '2024-02-01'),
    permit('N3', 'reflection', 'police', false, 'granted', '2024-02-03'),
    permit('N4', 'witness', 'prosecution', false, 'granted', '2024-05-01'),
    permit('N2', 'reflection', 'prosecution', false, 'refused', '2024-02-01'),
  ]).returning(['id', 'kind']).execute();
  await db.insertInto('permit_extensions').values([{ application_id: apps[0]!.id, decided_on: '2024-03-02', valid_until: '2024-04-01' }]).execute();
});
afterAll(async () => t.close());

describe('programme and permit tables', () => {
  it('counts NSP persons once a year with age at enrolment, accompanying children in the total', async () => {
    const tb = (await analyst.get('/api/v1/statistics/programmes/nsp?from=2024&to=2024')).json() as StatTable;
    expect([value(tb, 'women'), value(tb, 'girls'), value(tb, 'persons'), value(tb, 'accompanying_children'), value(tb, 'total'), value(tb, 'children_in_home_country')]).toEqual([1, 1, 2, 2, 4, 1]);
    expect(additivityProblems(tb)).toEqual([]);
  });

  it('counts ÅMP admissions (approved decisions) in the year', async () => {
    const tb = (await analyst.get('/api/v1/statistics/programmes/amp?from=2024&to=2024')).json() as StatTable;
    expect([value(tb, 'men'), value(tb, 'total'), value(tb, 'accompanying_family'), value(tb, 'accompanying_children')]).toEqual([1, 1, 1, 3]);
  });

  it('counts permits, not persons, including extensions; applicants add up to reflection periods', async () => {
    const permits = (await analyst.get('/api/v1/statistics/programmes/permits?from=2024&to=2024')).json() as StatTable;
    expect([value(permits, 'reflection_female'), value(permits, 'reflection'), value(permits, 'witness_other'), value(permits, 'total'), value(permits, 'persons')]).toEqual([3, 3, 1, 4, 3]);
    const applicants = (await analyst.get('/api/v1/statistics/programmes/permit_applicants?from=2024&to=2024')).json() as StatTable;
    expect([value(applicants, 'social_welfare_board'), value(applicants, 'police'), value(applicants, 'total'), value(applicants, 'via_coordinator')]).toEqual([2, 1, 3, 2]);
    const regional = (await analyst.get('/api/v1/statistics/programmes/permits?from=2024&to=2024&region=syd')).json() as StatTable;
    expect(value(regional, 'total')).toBe(2);
  });

  it('hides every small programme cell when published', async () => {
    const tb = (await analyst.get('/api/v1/statistics/programmes/nsp?from=2024&to=2024&publish=true')).json() as StatTable;
    expect(tb.published).toBe(true);
    expect(value(tb, 'women')).toBeNull();
    expect(value(tb, 'total')).toBe(4);
  });
});

describe('Eurostat and exports', () => {
  it('gives the Eurostat tables with unknown kept apart from zero', async () => {
    const res = await analyst.get('/api/v1/statistics/eurostat?from=2024&to=2024');
    const { tables } = res.json() as { tables: StatTable[] };
    expect(tables.map((x) => x.table)).toEqual(['eurostat_sex', 'eurostat_age', 'eurostat_citizenship', 'eurostat_exploitation']);
    expect(tables.every((x) => x.published)).toBe(true);
    const internal = await analyst.get('/api/v1/statistics/export?table=eurostat&from=2024&to=2024&publish=false&format=csv');
    expect(internal.statusCode).toBe(200); // Eurostat is always published: publish=false is ignored
    expect(internal.body.split('\n')[0]).toBe('table,by,region,code,year,value,suppressed');
  });

  it('exports one table as CSV with the documented header and row order', async () => {
    const res = await analyst.get('/api/v1/statistics/export?table=identified&by=sex_age&from=2023&to=2024&publish=false');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('lots-identified-sex_age-2023-2024-internal.csv');
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe('sex_age,2023,2024');
    expect(lines.map((l) => l.split(',')[0])).toEqual(['sex_age', 'women', 'men', 'other_adult', 'unknown_adult', 'adults', 'girls', 'boys', 'other_child', 'unknown_child', 'children', 'total']);
    expect(lines.at(-1)).toBe('total,0,4');
  });

  it('marks suppressed cells in published exports and exports every table as XLSX', async () => {
    const csv = await analyst.get('/api/v1/statistics/export?table=identified&by=form&from=2024&to=2024');
    expect(csv.body).toContain('sexual,4');
    const xlsx = await analyst.get('/api/v1/statistics/export?table=all&from=2024&to=2024&format=xlsx&lang=en');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const files = unzip(xlsx.rawPayload);
    expect([...files.keys()]).toContain('xl/workbook.xml');
    expect(files.get('xl/workbook.xml')).toContain('<sheet name="form"');
    expect(files.get('xl/worksheets/sheet1.xml')).toContain('Persons identified, by form of exploitation');
  });

  it('requires by for the identified export and refuses the coordinator internal national data', async () => {
    expect((await analyst.get('/api/v1/statistics/export?table=identified')).statusCode).toBe(400);
    const coordinator = await signIn(t.app, 'koordinator.syd');
    expect((await coordinator.get('/api/v1/statistics/export?table=nsp&publish=false')).statusCode).toBe(200); // defaults to own region
    expect((await coordinator.get('/api/v1/statistics/export?table=nsp&publish=false&region=nord')).statusCode).toBe(403);
  });
});
