// SQL of the annual tables. One statement computes every breakdown of the identified persons
// for a range of years: the person-years the counting rules select (latest current "reason to
// assume" assessment per person and year) are materialised once, then grouped by every
// breakdown at once with GROUPING SETS. Nothing is fetched row by row.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.js';
import { SEXES, sexAgeRow } from '../../../domain/codelists/sex-age.js';

export interface CountRow {
  y: number;
  region: string;
  dim: string;
  code: string;
  n: number;
}

/** CASE expression giving the sex-and-age row from sex and is_child, built from the codelist. */
function sexAgeCase(sexCol: RawBuilder<unknown>, childCol: RawBuilder<unknown>): RawBuilder<string> {
  const arm = (group: 'child' | 'adult') =>
    sql.join(
      SEXES.filter((s) => s.code !== 'unknown').map((s) => sql`when ${sexCol} = ${sql.lit(s.code)} then ${sql.lit(sexAgeRow(s.code, group))}`),
      sql` `,
    );
  return sql<string>`case when ${childCol} then (case ${arm('child')} else ${sql.lit(sexAgeRow('unknown', 'child'))} end)
    else (case ${arm('adult')} else ${sql.lit(sexAgeRow('unknown', 'adult'))} end) end`;
}

/**
 * The counting rules' person-years as a SQL fragment (used by the tables and the benchmark): the
 * latest current "reason to assume" assessment of each person in each year, picked from the
 * assessments alone (a narrow sort) before joining its case and person.
 */
export function personYearsSql(from: number, to: number): RawBuilder<unknown> {
  return sql`select a.y, c.region, c.referral_source as source, a.exploitation_forms as forms, a.labour_sector as sector,
      coalesce(a.is_child, lots_age_at(p.birth_date, p.birth_year, p.estimated_age, p.estimated_age_on, a.assessed_on) < 18) as is_child,
      p.sex, coalesce(p.citizenships[1], 'unknown') as citizenship
    from (
      select distinct on (a.person_id, date_part('year', a.assessed_on))
        date_part('year', a.assessed_on)::int as y, a.case_id, a.person_id, a.assessed_on, a.exploitation_forms, a.labour_sector, a.is_child
      from assessments a
      where a.decision = 'reason_to_assume' and a.superseded_by is null
        and a.assessed_on >= make_date(${from}::int, 1, 1) and a.assessed_on < make_date(${to + 1}::int, 1, 1)
      order by a.person_id, date_part('year', a.assessed_on), a.assessed_on desc, a.created_at desc, a.id desc
    ) a
    join cases c on c.id = a.case_id
    join persons p on p.id = a.person_id`;
}

/**
 * Every breakdown of the identified persons, per year and region, in one pass, computed now
 * (statistics-cache.repository.ts keeps these counts and calls the same SQL only after changes). The each-form
 * table is not grouped separately: a person with one form counts in that form's row of both
 * tables, so only the combinations of "multiple" persons are grouped (dim 'multiple_combination',
 * code 'sexual;labour') and expandEachForm() adds them up.
 */
export async function computeIdentifiedCounts(db: Kysely<DB>, from: number, to: number): Promise<CountRow[]> {
  return db.transaction().execute(async (trx) => {
    // The person-year sort and the grouping sets fit in memory instead of spilling to disk.
    await sql`set local work_mem = '256MB'`.execute(trx);
    const result = await identifiedSql(from, to).execute(trx);
    // Non-labour persons, single forms and known ages group under a null code: not rows of any table.
    return expandEachForm(result.rows.filter((r) => r.code !== null));
  });
}

/** One statement for every breakdown: the person-years grouped by GROUPING SETS. */
export function identifiedSql(from: number, to: number): RawBuilder<CountRow> {
  return sql<CountRow>`
      with py as (${personYearsSql(from, to)})
      select y, region,
        case when grouping(form_row) = 0 then 'form'
             when grouping(sex_age) = 0 then 'sex_age'
             when grouping(citizenship) = 0 then 'citizenship'
             when grouping(sector_row) = 0 then 'sector'
             when grouping(source) = 0 then 'source'
             when grouping(combination) = 0 then 'multiple_combination'
             else 'age_unknown' end as dim,
        coalesce(form_row, sex_age, citizenship, sector_row, source, combination, age_unknown) as code,
        count(*)::int as n
      from (
        select y, region, source, citizenship,
          case cardinality(forms) when 0 then 'not_reported' when 1 then forms[1] else 'multiple' end as form_row,
          ${sexAgeCase(sql.ref('sex'), sql.ref('is_child'))} as sex_age,
          case when 'labour' = any(forms) then coalesce(sector, 'not_reported') end as sector_row,
          case when cardinality(forms) > 1 then array_to_string(forms, ';') end as combination,
          case when is_child is null then 'unknown' end as age_unknown
        from py
        offset 0 -- a fence: each expression is computed once per person-year, not once per grouping set
      ) facts
      group by grouping sets ((y, region, form_row), (y, region, sex_age), (y, region, citizenship), (y, region, sector_row), (y, region, source), (y, region, combination), (y, region, age_unknown))`;
}

/** The each-form counts from the form rows and the combinations of the "multiple" persons. */
export function expandEachForm(rows: CountRow[]): CountRow[] {
  const each = new Map<string, CountRow>();
  const add = (y: number, region: string, code: string, n: number) => {
    const key = `${y}|${region}|${code}`;
    const row = each.get(key) ?? { y, region, dim: 'forms_each', code, n: 0 };
    row.n += n;
    each.set(key, row);
  };
  for (const r of rows) {
    if (r.dim === 'form' && r.code !== 'multiple') add(r.y, r.region, r.code, r.n);
    if (r.dim === 'multiple_combination') for (const f of new Set(r.code.split(';'))) add(r.y, r.region, f, r.n);
  }
  return [...rows.filter((r) => r.dim !== 'multiple_combination'), ...each.values()];
}

/** The years that have any current "reason to assume" assessment. */
export async function identifiedYearRange(db: Kysely<DB>): Promise<{ first: number | null; last: number | null }> {
  const r = await sql<{ first: number | null; last: number | null }>`
    select date_part('year', min(assessed_on))::int as first, date_part('year', max(assessed_on))::int as last
    from assessments where decision = 'reason_to_assume' and superseded_by is null`.execute(db);
  return r.rows[0] ?? { first: null, last: null };
}
