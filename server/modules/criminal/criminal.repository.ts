// SQL for police reports and the prosecution and judgment recorded on them.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Sealed } from '../../crypto/field-cipher.js';
import { FIELD } from '../../crypto/fields.js';
import { openRow } from '../../crypto/row.js';

type Q = Kysely<DB> | Transaction<DB>;

const REPORT_COLUMNS = [
  'id',
  'case_id',
  'group_id',
  'reported_on',
  'classification',
  'police_ref',
  'injured_party',
  'prosecution_decision',
  'prosecution_decided_on',
  'judgment_outcome',
  'judgment_on',
  'damages_awarded_sek',
  'version',
  'created_at',
] as const;

const openReport = <R extends { police_ref: Sealed }>(r: R) => openRow(r, { police_ref: FIELD.policeRef });

export async function findReport(q: Q, id: string) {
  const row = await q.selectFrom('police_reports').select(REPORT_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && openReport(row);
}

export type PoliceReportRow = NonNullable<Awaited<ReturnType<typeof findReport>>>;

export async function reportsOfCase(q: Q, caseId: string) {
  return (await q.selectFrom('police_reports').select(REPORT_COLUMNS).where('case_id', '=', caseId).orderBy('reported_on').orderBy('created_at').execute()).map(openReport);
}

export async function reportCaseId(q: Q, id: string): Promise<string | undefined> {
  return (await q.selectFrom('police_reports').select('case_id').where('id', '=', id).executeTakeFirst())?.case_id;
}

export async function lockReport(trx: Transaction<DB>, id: string, caseId: string) {
  const row = await trx.selectFrom('police_reports').select(REPORT_COLUMNS).where('id', '=', id).where('case_id', '=', caseId).forUpdate().executeTakeFirst();
  return row && openReport(row);
}
