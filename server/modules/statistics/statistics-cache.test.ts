// The kept facts and counts (statistics-cache.repository.ts) always equal a computation from
// scratch, after every kind of write the data can see: imports and re-imports, a person's sex,
// age evidence or citizenship changing, a case moving region, assessments superseded, deleted or
// moved to another person by a merge. Edits the statistics do not count record no change.
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { writeCaseFile } from '../../../domain/statistics/case-csv.js';
import { syntheticRecords } from '../../../domain/statistics/synthetic-records.js';
import { identifiedCounts, invalidateIdentifiedCounts, refreshIdentifiedCounts, refreshShared } from './statistics-cache.repository.js';
import { computeIdentifiedCounts, type CountRow } from './statistics.repository.js';

let t: TestApp;
let analyst: Client;
const YEARS = [2022, 2023, 2024];

const sorted = (rows: CountRow[]) =>
  rows.map((r) => `${r.y}|${r.region}|${r.dim}|${r.code}|${r.n}`).sort();

async function expectKeptEqualsComputed(): Promise<void> {
  const db = t.database.db;
  const kept = await identifiedCounts(db, 2000, 2030);
  const computed = await computeIdentifiedCounts(db, 2000, 2030);
  expect(sorted(kept)).toEqual(sorted(computed));
}

async function pendingChanges(): Promise<{ n: number; persons: number; everything: boolean }> {
  const r = await sql<{ n: number; persons: number; everything: boolean }>`
    select count(*)::int as n, count(distinct person_id)::int as persons, coalesce(bool_or(person_id is null), false) as everything
    from statistics_changes`.execute(t.database.db);
  return r.rows[0]!;
}

async function importRecords(seed: number, count: number): Promise<void> {
  const records = syntheticRecords(seed, { years: YEARS, count, repeatShare: 0.3 });
  const res = await analyst.request({ method: 'POST', url: '/api/v1/statistics/import', payload: writeCaseFile(records), headers: { 'content-type': 'text/csv' } });
  expect(res.statusCode, res.body).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp();
  analyst = await signIn(t.app, 'analytiker');
  await importRecords(11, 400);
});
afterAll(async () => t.close());

describe('kept statistics', () => {
  it('equal a computation from scratch after an import, and after a re-import that changes records', async () => {
    await expectKeptEqualsComputed();
    expect(await pendingChanges()).toMatchObject({ n: 0 });
    await importRecords(12, 150);
    const pending = await pendingChanges();
    expect(pending.everything).toBe(false);
    expect(pending.persons).toBeGreaterThan(0);
    expect(await refreshIdentifiedCounts(t.database.db)).toBe('incremental');
    await expectKeptEqualsComputed();
  });

  it('record no change for edits the statistics do not count', async () => {
    const db = t.database.db;
    await identifiedCounts(db, 2000, 2030);
    await sql`update cases set summary = summary, status = status, updated_at = now()`.execute(db);
    await sql`update persons set updated_at = now(), version = version + 1`.execute(db);
    expect(await pendingChanges()).toMatchObject({ n: 0 });
    expect(await refreshIdentifiedCounts(db)).toBe('none');
  });

  it('rebuild everything when asked, with the same result', async () => {
    await invalidateIdentifiedCounts(t.database.db);
    expect(await refreshIdentifiedCounts(t.database.db)).toBe('full');
    await expectKeptEqualsComputed();
  });

  it('stay equal to a computation from scratch after any sequence of counted writes', async () => {
    const db = t.database.db;
    const ids = async (q: ReturnType<typeof sql<{ id: string }>>) => (await q.execute(db)).rows.map((r) => r.id);
    const persons = await ids(sql<{ id: string }>`select distinct person_id as id from assessments order by 1`);
    const cases = await ids(sql<{ id: string }>`select id from cases where imported order by id`);
    const assessments = await ids(sql<{ id: string }>`select id from assessments order by id`);
    expect(persons.length).toBeGreaterThan(20);

    const write = fc.oneof(
      fc.record({ kind: fc.constant('sex' as const), i: fc.nat(), sex: fc.constantFrom('female', 'male', 'other', 'unknown') }),
      fc.record({ kind: fc.constant('birth' as const), i: fc.nat(), year: fc.option(fc.integer({ min: 1950, max: 2020 })) }),
      fc.record({ kind: fc.constant('citizenship' as const), i: fc.nat(), c: fc.constantFrom('{}', '{SE}', '{TH,RO}', '{UA}') }),
      fc.record({ kind: fc.constant('region' as const), i: fc.nat(), region: fc.constantFrom('nord', 'mitt', 'stockholm', 'ost', 'vast', 'syd', 'bergslagen') }),
      fc.record({ kind: fc.constant('source' as const), i: fc.nat(), source: fc.constantFrom('police', 'school', 'civil_society') }),
      fc.record({ kind: fc.constant('forms' as const), i: fc.nat(), forms: fc.constantFrom('{}', '{sexual}', '{labour}', '{sexual,labour}', '{begging,criminal}') }),
      fc.record({ kind: fc.constant('date' as const), i: fc.nat(), day: fc.integer({ min: 0, max: 3 * 365 }) }),
      fc.record({ kind: fc.constant('decision' as const), i: fc.nat(), decision: fc.constantFrom('reason_to_assume', 'no_reason_to_assume') }),
      fc.record({ kind: fc.constant('supersede' as const), i: fc.nat(), j: fc.nat() }),
      fc.record({ kind: fc.constant('merge' as const), i: fc.nat(), j: fc.nat() }),
      fc.record({ kind: fc.constant('delete' as const), i: fc.nat() }),
    );
    type Write = typeof write extends fc.Arbitrary<infer W> ? W : never;
    const pick = (xs: string[], i: number) => xs[i % xs.length]!;
    const apply = async (w: Write) => {
      switch (w.kind) {
        case 'sex': return sql`update persons set sex = ${w.sex} where id = ${pick(persons, w.i)}`.execute(db);
        case 'birth': return sql`update persons set birth_year = ${w.year}, birth_date = null where id = ${pick(persons, w.i)}`.execute(db);
        case 'citizenship': return sql`update persons set citizenships = ${w.c}::text[] where id = ${pick(persons, w.i)}`.execute(db);
        case 'region': return sql`update cases set region = ${w.region} where id = ${pick(cases, w.i)}`.execute(db);
        case 'source': return sql`update cases set referral_source = ${w.source} where id = ${pick(cases, w.i)}`.execute(db);
        case 'forms': return sql`update assessments set exploitation_forms = ${w.forms}::text[] where id = ${pick(assessments, w.i)}`.execute(db);
        case 'date': return sql`update assessments set assessed_on = date '2022-01-01' + ${w.day}::int where id = ${pick(assessments, w.i)}`.execute(db);
        case 'decision': return sql`update assessments set decision = ${w.decision} where id = ${pick(assessments, w.i)}`.execute(db);
        case 'supersede': {
          const [a, b] = [pick(assessments, w.i), pick(assessments, w.j)];
          if (a === b) return;
          return sql`update assessments set superseded_by = ${b} where id = ${a} and superseded_by is null and exists (select 1 from assessments where id = ${b})`.execute(db);
        }
        case 'merge': return sql`update assessments set person_id = ${pick(persons, w.j)} where person_id = ${pick(persons, w.i)}`.execute(db);
        case 'delete': {
          const id = pick(assessments, w.i);
          await sql`update assessments set superseded_by = null where superseded_by = ${id}`.execute(db);
          await sql`delete from assessments where id = ${id}`.execute(db);
          return;
        }
      }
    };
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 1, maxLength: 6 }), async (writes) => {
        for (const w of writes) await apply(w);
        await expectKeptEqualsComputed();
      }),
      { numRuns: 25 },
    );
  });

  it('share one refresh among the readers that come while one runs', async () => {
    const db = t.database.db;
    await expectKeptEqualsComputed();
    const person = (await sql<{ id: string }>`select p.id from persons p join assessments a on a.person_id = p.id limit 1`.execute(db)).rows[0]!.id;
    await sql`update persons set sex = case when sex = 'male' then 'female' else 'male' end where id = ${person}`.execute(db);
    const first = refreshShared(db);
    // Readers that come while it runs wait for one next refresh together, holding no connection.
    const readers = [refreshShared(db), refreshShared(db), refreshShared(db)];
    expect(readers[1]).toBe(readers[0]);
    expect(readers[2]).toBe(readers[0]);
    expect(readers[0]).not.toBe(first);
    expect(await first).toBe('incremental');
    expect(await readers[0]).toBe('none');
    expect(await pendingChanges()).toMatchObject({ n: 0 });
    await expectKeptEqualsComputed();
  });
});
