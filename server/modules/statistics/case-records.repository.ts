// Cases read back in the interchange format: for the export, and for the import to tell new,
// changed and unchanged cases apart. The same mapping serves both, so a round trip is exact.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { CaseRecord } from '../../../domain/statistics/case-csv.js';
import type { AgeGroup, Sex } from '../../../domain/codelists/sex-age.js';
import type { PoliceRegion } from '../../../domain/codelists/police-regions.js';
import type { ReferralSource } from '../../../domain/codelists/referral-sources.js';
import type { ExploitationForm } from '../../../domain/codelists/exploitation-forms.js';
import type { LabourSector } from '../../../domain/statistics/labour-sectors.js';

type Q = Kysely<DB> | Transaction<DB>;

export interface StoredCase {
  caseId: string;
  personId: string;
  imported: boolean;
  status: string;
  /** Source of the current assessment, if any. */
  assessmentSource: string | null;
  record: CaseRecord;
}

interface Row {
  case_id: string;
  person_id: string;
  ref: string;
  external_ref: string | null;
  imported: boolean;
  status: string;
  person_ref: string;
  region: string;
  municipality_code: string | null;
  referred_on: string;
  referral_source: string;
  reported_age_group: string | null;
  case_forms: string[];
  case_sector: string | null;
  sex: string;
  birth_year: number | null;
  citizenships: string[];
  decision: string | null;
  assessed_on: string | null;
  a_forms: string[] | null;
  a_sector: string | null;
  a_source: string | null;
  is_child: boolean | null;
}

function toStored(r: Row): StoredCase {
  const assessed = r.decision === 'reason_to_assume' || r.decision === 'no_reason_to_assume';
  // Imported cases carry the file's own age group; cases registered here state the one
  // the assessment decided, since the birth year alone may round the other way.
  const ageGroup: AgeGroup | null = r.imported ? (r.reported_age_group as AgeGroup | null) : r.is_child === null || !assessed ? null : r.is_child ? 'child' : 'adult';
  return {
    caseId: r.case_id,
    personId: r.person_id,
    imported: r.imported,
    status: r.status,
    assessmentSource: r.a_source,
    record: {
      caseRef: r.external_ref ?? r.ref,
      personRef: r.person_ref,
      region: r.region as PoliceRegion,
      municipalityCode: r.municipality_code,
      referredOn: r.referred_on,
      referralSource: r.referral_source as ReferralSource,
      assessedOn: assessed ? r.assessed_on : null,
      assessment: assessed ? (r.decision as CaseRecord['assessment']) : 'pending',
      sex: r.sex as Sex,
      ageGroup,
      birthYear: r.birth_year,
      citizenships: r.citizenships,
      forms: (assessed ? r.a_forms ?? r.case_forms : r.case_forms) as ExploitationForm[],
      labourSector: ((assessed ? r.a_sector : null) ?? r.case_sector) as LabourSector | null,
    },
  };
}

const SELECT = sql`
  select c.id as case_id, c.person_id, c.ref, c.external_ref, c.imported, c.status,
    coalesce(p.external_ref, p.id::text) as person_ref, c.region, c.municipality_code, c.referred_on,
    c.referral_source, c.reported_age_group, c.exploitation_forms as case_forms, c.labour_sector as case_sector,
    p.sex, p.birth_year, p.citizenships,
    a.decision, a.assessed_on, a.exploitation_forms as a_forms, a.labour_sector as a_sector, a.source as a_source, a.is_child
  from cases c
  join persons p on p.id = c.person_id
  left join lateral (
    select x.decision, x.assessed_on, x.exploitation_forms, x.labour_sector, x.source, x.is_child
    from assessments x where x.case_id = c.id and x.superseded_by is null
    order by x.assessed_on desc, x.created_at desc limit 1
  ) a on true`;

/** Stored cases with these external references (the import's case_ref). */
export async function findImportedCases(q: Q, caseRefs: readonly string[]): Promise<Map<string, StoredCase>> {
  const out = new Map<string, StoredCase>();
  for (let i = 0; i < caseRefs.length; i += 20_000) {
    const chunk = caseRefs.slice(i, i + 20_000);
    const r = await sql<Row>`${SELECT} where c.external_ref = any(${chunk}::text[])`.execute(q);
    for (const row of r.rows) out.set(row.external_ref!, toStored(row));
  }
  return out;
}

/** Persons with these external references (the import's person_ref). */
export async function findImportedPersons(q: Q, personRefs: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < personRefs.length; i += 20_000) {
    const r = await q.selectFrom('persons').select(['id', 'external_ref']).where('external_ref', '=', sql<string>`any(${personRefs.slice(i, i + 20_000)}::text[])`).execute();
    for (const row of r) out.set(row.external_ref!, row.id);
  }
  return out;
}

/** Every case for the export, leaving out persons with protected personal data. */
export async function exportableCases(q: Q, region: PoliceRegion | null): Promise<StoredCase[]> {
  const r = await sql<Row>`${SELECT} where not p.protected_identity ${region ? sql`and c.region = ${region}` : sql``} order by coalesce(c.external_ref, c.ref)`.execute(q);
  return r.rows.map(toStored);
}
