// SQL of the annual tables. The person-years the counting rules select (latest current "reason
// to assume" assessment per person and year) become facts with every breakdown's code computed
// once, then every breakdown is grouped at once with GROUPING SETS. Nothing is fetched row by
// row. statistics-cache.repository.ts keeps the facts and counts and updates them incrementally.
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

/** Which assessments' persons to compute: every person, or only the listed ones. */
export type PersonFilter = { years: { from: number; to: number } } | { persons: readonly string[] };

/**
 * The counting rules' person-years as a SQL fragment: the latest current "reason to assume"
 * assessment of each person in each year, picked from the assessments alone (a narrow sort)
 * before joining its case and person.
 */
export function personYearsSql(filter: PersonFilter): RawBuilder<unknown> {
  const where =
    'persons' in filter
      ? sql`a.person_id = any(${filter.persons}::uuid[])`
      : sql`a.assessed_on >= make_date(${filter.years.from}::int, 1, 1) and a.assessed_on < make_date(${filter.years.to + 1}::int, 1, 1)`;
  return sql`select a.person_id, a.y, c.region, c.referral_source as source, a.exploitation_forms as forms, a.labour_sector as sector,
      coalesce(a.is_child, lots_age_at(p.birth_date, p.birth_year, p.estimated_age, p.estimated_age_on, a.assessed_on) < 18) as is_child,
      p.sex, coalesce(p.citizenships[1], 'unknown') as citizenship
    from (
      select distinct on (a.person_id, date_part('year', a.assessed_on))
        date_part('year', a.assessed_on)::int as y, a.case_id, a.person_id, a.assessed_on, a.exploitation_forms, a.labour_sector, a.is_child
      from assessments a
      where a.decision = 'reason_to_assume' and a.superseded_by is null and ${where}
      order by a.person_id, date_part('year', a.assessed_on), a.assessed_on desc, a.created_at desc, a.id desc
    ) a
    join cases c on c.id = a.case_id
    join persons p on p.id = a.person_id`;
}

/** The columns of statistics_person_years, in order. */
export const FACT_COLUMNS = sql`person_id, y, region, source, form_row, sex_age, citizenship, sector_row, combination, age_unknown`;

/**
 * The person-years with the code of every breakdown computed once: the rows of
 * statistics_person_years. A person with one form counts in that form's row of both form tables,
 * so only the combinations of "multiple" persons are kept (combination 'labour;sexual') and
 * expandEachForm() adds them up into the each-form table.
 */
export function personYearFactsSql(filter: PersonFilter): RawBuilder<unknown> {
  return sql`select person_id, y, region, source,
      case cardinality(forms) when 0 then 'not_reported' when 1 then forms[1] else 'multiple' end as form_row,
      ${sexAgeCase(sql.ref('sex'), sql.ref('is_child'))} as sex_age,
      citizenship,
      case when 'labour' = any(forms) then coalesce(sector, 'not_reported') end as sector_row,
      case when cardinality(forms) > 1 then array_to_string(forms, ';') end as combination,
      case when is_child is null then 'unknown' end as age_unknown
    from (${personYearsSql(filter)}) py`;
}

/**
 * Every breakdown of the identified persons, per year and region, in one pass over person-year
 * facts (a table or a subquery with FACT_COLUMNS), by GROUPING SETS. Rows with a null code
 * (non-labour persons in the sector set, single forms in the combination set, known ages) are
 * not rows of any table and are left out.
 */
export function countsOfFactsSql(facts: RawBuilder<unknown>): RawBuilder<CountRow> {
  return sql<CountRow>`
    select * from (
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
      from ${facts} facts
      group by grouping sets ((y, region, form_row), (y, region, sex_age), (y, region, citizenship), (y, region, sector_row), (y, region, source), (y, region, combination), (y, region, age_unknown))
    ) counted
    where code is not null`;
}

/**
 * Every breakdown computed straight from the case data, without the kept facts and counts
 * (statistics-cache.repository.ts keeps those): the reference the kept counts are tested against.
 */
export async function computeIdentifiedCounts(db: Kysely<DB>, from: number, to: number): Promise<CountRow[]> {
  return db.transaction().execute(async (trx) => {
    // The person-year sort and the grouping sets fit in memory instead of spilling to disk.
    await sql`set local work_mem = '256MB'`.execute(trx);
    const facts = sql`(${personYearFactsSql({ years: { from, to } })} offset 0)`;
    const result = await countsOfFactsSql(facts).execute(trx);
    return expandEachForm(result.rows);
  });
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
