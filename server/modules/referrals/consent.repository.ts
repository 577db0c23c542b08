// SQL for consent records. Rows are appended, never changed: the newest row per case, purpose
// and recipient is the one in force (ordered by created_at, then id, so ties cannot flip).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { seal } from '../../crypto/field-cipher.js';
import { FIELD } from '../../crypto/fields.js';
import { openRow } from '../../crypto/row.js';

type Q = Kysely<DB> | Transaction<DB>;

function consentQuery(q: Q) {
  return q
    .selectFrom('consents')
    .innerJoin('organisations', 'organisations.id', 'consents.recipient_org_id')
    .leftJoin('users', 'users.id', 'consents.recorded_by')
    .select([
      'consents.id',
      'consents.case_id',
      'consents.purpose',
      'consents.recipient_org_id',
      'consents.status',
      'consents.recorded_on',
      'consents.given_by',
      'consents.note',
      'consents.created_at',
      'organisations.name as recipient_name',
      'organisations.kind as recipient_kind',
      'users.display_name as recorded_by_name',
    ]);
}

type StoredConsentRow = Awaited<ReturnType<ReturnType<typeof consentQuery>['execute']>>[number];
const openConsent = (r: StoredConsentRow) => openRow(r, { note: FIELD.consentNote });
export type ConsentRow = ReturnType<typeof openConsent>;

export async function latestConsent(q: Q, caseId: string, purpose: string, recipientOrgId: string): Promise<ConsentRow | undefined> {
  const row = await consentQuery(q)
    .where('consents.case_id', '=', caseId)
    .where('consents.purpose', '=', purpose)
    .where('consents.recipient_org_id', '=', recipientOrgId)
    .orderBy('consents.created_at', 'desc')
    .orderBy('consents.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && openConsent(row);
}

/** Every consent record of the given cases, newest first. */
export async function consentsOfCases(q: Q, caseIds: readonly string[]): Promise<ConsentRow[]> {
  if (caseIds.length === 0) return [];
  const rows = await consentQuery(q)
    .where('consents.case_id', 'in', caseIds)
    .orderBy('consents.created_at', 'desc')
    .orderBy('consents.id', 'desc')
    .execute();
  return rows.map(openConsent);
}

/** The rows in force: the first (newest) per case, purpose and recipient of a newest-first list. */
export function inForce(rows: readonly ConsentRow[]): ConsentRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.case_id}|${r.purpose}|${r.recipient_org_id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function insertConsent(
  q: Q,
  row: { caseId: string; purpose: string; recipientOrgId: string; status: string; recordedOn: string; givenBy: string; note: string; recordedBy: string | null },
): Promise<string> {
  const { id } = await q
    .insertInto('consents')
    .values({
      case_id: row.caseId,
      purpose: row.purpose,
      recipient_org_id: row.recipientOrgId,
      status: row.status,
      recorded_on: row.recordedOn,
      given_by: row.givenBy,
      note: seal(FIELD.consentNote, row.note),
      recorded_by: row.recordedBy,
      // clock_timestamp, not now(): two records in one transaction must still order.
      created_at: sql<Date>`clock_timestamp()`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function findConsent(q: Q, id: string): Promise<ConsentRow> {
  return openConsent(await consentQuery(q).where('consents.id', '=', id).executeTakeFirstOrThrow());
}
