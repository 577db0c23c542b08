// Cases for the HTCDS export: referred in the years asked for, with the current assessment, and
// never a person with protected personal data.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { HtcdsCase } from '../../../domain/statistics/htcds.js';

export async function htcdsCases(q: Kysely<DB> | Transaction<DB>, f: { from: number; to: number; region: string | null }): Promise<HtcdsCase[]> {
  const r = await sql<{
    ref: string; region: string; status: string; closure_reason: string | null; referred_on: string; referral_source: string;
    sex: string; citizenships: string[]; decision: string | null; assessed_on: string | null; age: number | null; forms: string[]; sector: string | null;
  }>`
    select coalesce(c.external_ref, c.ref) as ref, c.region, c.status, c.closure_reason, c.referred_on, c.referral_source,
      p.sex, p.citizenships, a.decision, a.assessed_on, a.age_at_assessment as age,
      coalesce(a.exploitation_forms, c.exploitation_forms) as forms, coalesce(a.labour_sector, c.labour_sector) as sector
    from cases c
    join persons p on p.id = c.person_id
    left join lateral (
      select x.decision, x.assessed_on, x.age_at_assessment, x.exploitation_forms, x.labour_sector
      from assessments x where x.case_id = c.id and x.superseded_by is null
      order by x.assessed_on desc, x.created_at desc limit 1
    ) a on true
    where not p.protected_identity
      and c.referred_on >= make_date(${f.from}::int, 1, 1) and c.referred_on < make_date(${f.to + 1}::int, 1, 1)
      ${f.region ? sql`and c.region = ${f.region}` : sql``}
    order by coalesce(c.external_ref, c.ref)`.execute(q);
  return r.rows.map((x) => ({
    ref: x.ref, region: x.region, status: x.status, closureReason: x.closure_reason, referredOn: x.referred_on, referralSource: x.referral_source,
    sex: x.sex, citizenships: x.citizenships, decision: x.decision, assessedOn: x.assessed_on, ageAtAssessment: x.age, forms: x.forms, sector: x.sector,
  }));
}
