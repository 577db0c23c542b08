// Bulk writes of the case import: multi-row statements fed by one array per column
// (insert … select from unnest), in batches, so 100,000 rows take a few dozen statements.
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { CaseRecord } from '../../../domain/statistics/case-csv.js';

type Trx = Transaction<DB>;
export const BATCH = 5_000;

const arr = (v: readonly string[]) => v.join(';');
const textArray = (col: string) => sql.raw(`case when ${col} = '' then '{}'::text[] else string_to_array(${col}, ';') end`);

export async function insertPersons(trx: Trx, records: readonly CaseRecord[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const r = await sql<{ id: string; external_ref: string }>`
    insert into persons (given_names, family_names, sex, birth_year, citizenships, external_ref)
    select '', '', t.sex, t.birth_year, ${textArray('t.cit')}, t.ref
    from unnest(${records.map((x) => x.sex)}::text[], ${records.map((x) => x.birthYear)}::int[], ${records.map((x) => arr(x.citizenships))}::text[], ${records.map((x) => x.personRef)}::text[])
      as t(sex, birth_year, cit, ref)
    returning id, external_ref`.execute(trx);
  for (const row of r.rows) out.set(row.external_ref, row.id);
  return out;
}

/** Updates persons whose data differ; returns how many changed. */
export async function updatePersons(trx: Trx, rows: readonly { id: string; record: CaseRecord }[]): Promise<number> {
  const r = await sql`
    update persons p set sex = t.sex, birth_year = t.birth_year, citizenships = ${textArray('t.cit')}, version = p.version + 1, updated_at = now()
    from unnest(${rows.map((x) => x.id)}::uuid[], ${rows.map((x) => x.record.sex)}::text[], ${rows.map((x) => x.record.birthYear)}::int[], ${rows.map((x) => arr(x.record.citizenships))}::text[])
      as t(id, sex, birth_year, cit)
    where p.id = t.id and (p.sex, p.birth_year, p.citizenships) is distinct from (t.sex, t.birth_year, ${textArray('t.cit')})`.execute(trx);
  return Number(r.numAffectedRows ?? 0);
}

const statusOf = (r: CaseRecord) => (r.assessment === 'pending' ? 'received' : r.assessment);

function caseColumns(rows: readonly { record: CaseRecord; personId: string }[], orgFor: (region: string) => string | null) {
  return sql`unnest(
      ${rows.map((x) => x.record.caseRef)}::text[], ${rows.map((x) => x.personId)}::uuid[], ${rows.map((x) => x.record.region)}::text[],
      ${rows.map((x) => x.record.municipalityCode)}::text[], ${rows.map((x) => orgFor(x.record.region))}::uuid[], ${rows.map((x) => statusOf(x.record))}::text[],
      ${rows.map((x) => x.record.referralSource)}::text[], ${rows.map((x) => x.record.referredOn)}::date[], ${rows.map((x) => x.record.assessedOn)}::date[],
      ${rows.map((x) => arr(x.record.forms))}::text[], ${rows.map((x) => x.record.labourSector)}::text[], ${rows.map((x) => x.record.ageGroup)}::text[])
    as t(ext, person_id, region, muni, org, status, source, referred_on, assessed_on, forms, sector, age_group)`;
}

export async function insertCases(trx: Trx, rows: readonly { record: CaseRecord; personId: string }[], orgFor: (region: string) => string | null): Promise<Map<string, string>> {
  const r = await sql<{ id: string; external_ref: string }>`
    insert into cases (ref, person_id, region, municipality_code, responsible_org_id, status, referral_source, referred_on, assessed_on,
      exploitation_forms, labour_sector, reported_age_group, external_ref, imported, summary)
    select 'LOTS-' || extract(year from t.referred_on)::int || '-' || lpad(nextval('case_ref_seq')::text, 6, '0'),
      t.person_id, t.region, t.muni, t.org, t.status, t.source, t.referred_on, t.assessed_on,
      ${textArray('t.forms')}, t.sector, t.age_group, t.ext, true, ''
    from ${caseColumns(rows, orgFor)}
    returning id, external_ref`.execute(trx);
  return new Map(r.rows.map((x) => [x.external_ref, x.id]));
}

export async function updateCases(trx: Trx, rows: readonly { record: CaseRecord; personId: string }[], orgFor: (region: string) => string | null): Promise<void> {
  await sql`
    update cases c set person_id = t.person_id, region = t.region, municipality_code = t.muni,
      responsible_org_id = case when c.region = t.region then c.responsible_org_id else t.org end,
      status = t.status, referral_source = t.source, referred_on = t.referred_on, assessed_on = t.assessed_on,
      exploitation_forms = ${textArray('t.forms')}, labour_sector = t.sector, reported_age_group = t.age_group,
      version = c.version + 1, updated_at = now()
    from ${caseColumns(rows, orgFor)}
    where c.external_ref = t.ext`.execute(trx);
}

/** Removes the imported assessment of cases about to get the file's (the file is the source). */
export async function deleteImportAssessments(trx: Trx, caseIds: readonly string[]): Promise<void> {
  await sql`delete from assessments where case_id = any(${caseIds}::uuid[]) and source = 'import'`.execute(trx);
}

export interface AssessmentInsert {
  caseId: string;
  personId: string;
  record: CaseRecord;
  ageYears: number | null;
  ageBasis: string;
  isChild: boolean | null;
}

export async function insertAssessments(trx: Trx, rows: readonly AssessmentInsert[]): Promise<void> {
  await sql`
    insert into assessments (case_id, person_id, assessed_on, decision, exploitation_forms, labour_sector, age_at_assessment, age_basis, is_child, means_required, source)
    select t.case_id, t.person_id, t.assessed_on, t.decision, ${textArray('t.forms')}, t.sector, t.age, t.basis, t.is_child, coalesce(not t.is_child, true), 'import'
    from unnest(${rows.map((x) => x.caseId)}::uuid[], ${rows.map((x) => x.personId)}::uuid[], ${rows.map((x) => x.record.assessedOn)}::date[],
      ${rows.map((x) => x.record.assessment)}::text[], ${rows.map((x) => arr(x.record.forms))}::text[], ${rows.map((x) => x.record.labourSector)}::text[],
      ${rows.map((x) => x.ageYears)}::int[], ${rows.map((x) => x.ageBasis)}::text[], ${rows.map((x) => x.isChild)}::boolean[])
      as t(case_id, person_id, assessed_on, decision, forms, sector, age, basis, is_child)`.execute(trx);
}

export async function insertImportEvents(trx: Trx, rows: readonly { caseId: string; kind: 'created' | 'updated'; line: number }[], sha256: string): Promise<void> {
  await sql`
    insert into case_events (case_id, kind, data)
    select t.case_id, 'imported', jsonb_build_object('change', t.change, 'line', t.line, 'file_sha256', ${sha256}::text)
    from unnest(${rows.map((x) => x.caseId)}::uuid[], ${rows.map((x) => x.kind)}::text[], ${rows.map((x) => x.line)}::int[]) as t(case_id, change, line)`.execute(trx);
}
