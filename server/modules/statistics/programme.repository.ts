// SQL of the programme and permit tables (Tables 3–6): NSP enrolments and ÅMP admissions per
// person and year with age at the decision, and permits granted (applications and extensions)
// counted as permits. Rows come back as (year, region, table, row, n).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.js';
import { SEXES, sexAgeRow } from '../../../domain/codelists/sex-age.js';
import type { CountRow } from './statistics.repository.js';

function sexAgeRowSql(onDate: RawBuilder<unknown>): RawBuilder<string> {
  const child = sql`lots_age_at(p.birth_date, p.birth_year, p.estimated_age, p.estimated_age_on, ${onDate}) < 18`;
  const arm = (group: 'child' | 'adult') =>
    sql.join(SEXES.map((s) => sql`when p.sex = ${sql.lit(s.code)} then ${sql.lit(sexAgeRow(s.code, group))}`), sql` `);
  return sql<string>`case when ${child} then (case ${arm('child')} else 'unknown_child' end) else (case ${arm('adult')} else 'unknown_adult' end) end`;
}

const range = (col: RawBuilder<unknown>, from: number, to: number) =>
  sql`${col} >= make_date(${from}::int, 1, 1) and ${col} < make_date(${to + 1}::int, 1, 1)`;

export async function programmeCounts(db: Kysely<DB>, from: number, to: number): Promise<CountRow[]> {
  const result = await sql<CountRow>`
    with nsp as (
      select distinct on (p.id, date_part('year', e.enrolled_on))
        date_part('year', e.enrolled_on)::int as y, c.region, ${sexAgeRowSql(sql.ref('e.enrolled_on'))} as row,
        e.accompanying_children, e.children_in_home_country
      from nsp_enrolments e join cases c on c.id = e.case_id join persons p on p.id = c.person_id
      where ${range(sql.ref('e.enrolled_on'), from, to)}
      order by p.id, date_part('year', e.enrolled_on), e.enrolled_on desc, e.created_at desc
    ),
    amp as (
      select distinct on (p.id, date_part('year', r.decided_on))
        date_part('year', r.decided_on)::int as y, c.region, ${sexAgeRowSql(sql.ref('r.decided_on'))} as row,
        r.accompanying_family, r.accompanying_children
      from amp_returns r join cases c on c.id = r.case_id join persons p on p.id = c.person_id
      where r.decision = 'approved' and ${range(sql.ref('r.decided_on'), from, to)}
      order by p.id, date_part('year', r.decided_on), r.decided_on desc, r.created_at desc
    ),
    granted as (
      select date_part('year', a.decided_on)::int as y, c.region, a.kind, a.applicant_kind, a.via_coordinator, a.person_id, p.sex
      from permit_applications a join cases c on c.id = a.case_id join persons p on p.id = a.person_id
      where a.decision = 'granted' and ${range(sql.ref('a.decided_on'), from, to)}
      union all
      select date_part('year', x.decided_on)::int, c.region, a.kind, a.applicant_kind, a.via_coordinator, a.person_id, p.sex
      from permit_extensions x join permit_applications a on a.id = x.application_id
        join cases c on c.id = a.case_id join persons p on p.id = a.person_id
      where ${range(sql.ref('x.decided_on'), from, to)}
    )
    select y, region, 'nsp' as dim, row as code, count(*)::int as n from nsp group by y, region, row
    union all select y, region, 'nsp', 'accompanying_children', sum(accompanying_children)::int from nsp group by y, region
    union all select y, region, 'nsp', 'children_in_home_country', sum(children_in_home_country)::int from nsp group by y, region
    union all select y, region, 'amp', row, count(*)::int from amp group by y, region, row
    union all select y, region, 'amp', 'accompanying_family', sum(accompanying_family)::int from amp group by y, region
    union all select y, region, 'amp', 'accompanying_children', sum(accompanying_children)::int from amp group by y, region
    union all select y, region, 'permits', kind || '_' || (case when sex in ('female', 'male', 'other') then sex else 'unknown' end), count(*)::int from granted group by 1, 2, 4
    union all select y, region, 'permits', 'persons', count(distinct person_id)::int from granted group by y, region
    union all select y, region, 'permit_applicants', applicant_kind, count(*)::int from granted where kind = 'reflection' group by y, region, applicant_kind
    union all select y, region, 'permit_applicants', 'via_coordinator', count(*)::int from granted
      where kind = 'reflection' and applicant_kind = 'social_welfare_board' and via_coordinator group by y, region`.execute(db);
  return result.rows;
}
