// Synthetic benchmark data written straight into the database with generate_series: persons,
// cases and one assessment per case over ten years, skewed like the real tables (mostly sexual
// and labour exploitation, some multiple forms, some repeat identifications in a year, a few
// superseded assessments). Deterministic: ids are derived from the row number.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../server/db/schema.js';

export const BENCH_FROM = 2016;
export const BENCH_TO = 2025;

export async function generateBenchData(db: Kysely<DB>, cases: number, onProgress: (done: number, total: number) => void = () => {}): Promise<void> {
  const persons = Math.max(1, Math.floor(cases * 0.9));
  const chunk = 250_000;
  await sql`select setseed(0.42)`.execute(db);
  for (let from = 1; from <= persons; from += chunk) {
    const to = Math.min(persons, from + chunk - 1);
    await sql`
      insert into persons (id, given_names, family_names, sex, birth_year, citizenships)
      select md5('p' || i)::uuid, '', '',
        (array['female','female','female','male','male','other','unknown'])[1 + (i * 7) % 7],
        case when i % 3 = 0 then null else 1960 + (i * 13) % 50 end,
        case when i % 20 = 0 then '{}'::text[] else array[(array['TH','RO','NG','UA','SE','BG','VN','PH','TR','CN','PL','ER'])[1 + (i * 11) % 12]] end
      from generate_series(${from}::int, ${to}::int) as i`.execute(db);
    onProgress(to, persons + 2 * cases);
  }
  for (let from = 1; from <= cases; from += chunk) {
    const to = Math.min(cases, from + chunk - 1);
    await sql`
      insert into cases (id, ref, person_id, region, status, referral_source, referred_on, assessed_on, exploitation_forms, labour_sector, imported, external_ref)
      select md5('c' || i)::uuid, 'B-' || i, md5('p' || (1 + (i::bigint * 7919) % ${persons}::int))::uuid,
        (array['nord','mitt','stockholm','ost','vast','syd','bergslagen'])[1 + (i * 5) % 7],
        'reason_to_assume',
        (array['migration_agency','akc_inspection','police','prosecution','civil_society','social_services','health_care','school','own_outreach','support_phone','other'])[1 + (i * 3) % 11],
        d, d + 10, '{}', null, true, 'B-' || i
      from (select i, make_date(${BENCH_FROM}::int + (i % 10), 1, 1) + ((i * 37) % 355) as d from generate_series(${from}::int, ${to}::int) as i) g`.execute(db);
    onProgress(persons + to, persons + 2 * cases);
  }
  for (let from = 1; from <= cases; from += chunk) {
    const to = Math.min(cases, from + chunk - 1);
    await sql`
      insert into assessments (id, case_id, person_id, assessed_on, decision, exploitation_forms, labour_sector, age_at_assessment, age_basis, is_child, source, superseded_by)
      select md5('a' || i)::uuid, md5('c' || i)::uuid, md5('p' || (1 + (i::bigint * 7919) % ${persons}::int))::uuid,
        make_date(${BENCH_FROM}::int + (i % 10), 1, 1) + ((i * 37) % 355) + 10,
        case when i % 10 = 0 then 'no_reason_to_assume' else 'reason_to_assume' end,
        case when i % 17 = 0 then '{}'::text[]
             when i % 13 = 0 then array['sexual','labour']
             else array[(array['sexual','sexual','sexual','labour','labour','labour','criminal','begging','domestic_work','forced_marriage','other'])[1 + (i * 7) % 11]] end,
        case when i % 4 = 0 then (array['A','F','I','S','G','C'])[1 + i % 6] end,
        null, 'unknown',
        case when i % 9 = 0 then true when i % 11 = 0 then null else false end,
        'import', null
      from generate_series(${from}::int, ${to}::int) as i`.execute(db);
    onProgress(persons + cases + to, persons + 2 * cases);
  }
  // A few superseded assessments (the re-assessment is the row with the next number).
  await sql`update assessments a set superseded_by = md5('a' || (g.i + 1))::uuid
    from generate_series(1, ${cases - 1}::int, 50) as g(i) where a.id = md5('a' || g.i)::uuid`.execute(db);
  await sql`analyze persons, cases, assessments`.execute(db);
}

const RANGE = sql`a.decision = 'reason_to_assume' and a.superseded_by is null
  and a.assessed_on >= make_date(${BENCH_FROM}::int, 1, 1) and a.assessed_on < make_date(${BENCH_TO + 1}::int, 1, 1)`;

/**
 * The naive tables: one plain GROUP BY per breakdown (year × region × column) over the same
 * joined rows, without the counting rules (no once-per-year, no "multiple" row).
 */
export async function baselinePerTable(db: Kysely<DB>): Promise<number> {
  let n = 0;
  for (const col of [sql`a.exploitation_forms`, sql`p.sex, a.is_child`, sql`p.citizenships[1]`, sql`a.labour_sector`, sql`c.referral_source`]) {
    const r = await sql<{ n: number }>`
      select date_part('year', a.assessed_on)::int as y, c.region, ${col}, count(*)::int as n
      from assessments a join cases c on c.id = a.case_id join persons p on p.id = a.person_id
      where ${RANGE}
      group by date_part('year', a.assessed_on), c.region, ${col}`.execute(db);
    n += r.rows.length;
  }
  return n;
}

/** The baseline: one plain GROUP BY over the same rows (no counting rules, one breakdown). */
export async function baselineGroupBy(db: Kysely<DB>): Promise<number> {
  const r = await sql<{ n: number }>`
    select date_part('year', a.assessed_on)::int as y, c.region, count(*)::int as n
    from assessments a join cases c on c.id = a.case_id join persons p on p.id = a.person_id
    where a.decision = 'reason_to_assume' and a.superseded_by is null
      and a.assessed_on >= make_date(${BENCH_FROM}::int, 1, 1) and a.assessed_on < make_date(${BENCH_TO + 1}::int, 1, 1)
    group by 1, 2`.execute(db);
  return r.rows.reduce((s, x) => s + x.n, 0);
}
