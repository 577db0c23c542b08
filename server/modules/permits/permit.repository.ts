// SQL for permit applications and their extensions.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { FIELD } from '../../crypto/fields.js';
import { openRow } from '../../crypto/row.js';
import { isActive, type PermitState } from '../../../domain/process/permits.js';

type Q = Kysely<DB> | Transaction<DB>;

// Namespace of the two-key advisory locks taken per person (the one-key audit-chain lock lives
// in another key space, so the two never collide).
const PERSON_PERMIT_LOCK = 7421;

/**
 * Serialises reflection applications for these persons until the transaction ends, so two
 * concurrent applications cannot both pass the duplicate guard. Sorted to avoid deadlocks.
 */
export async function lockPersonsForPermits(trx: Transaction<DB>, personIds: readonly string[]): Promise<void> {
  for (const id of [...new Set(personIds)].sort()) {
    await sql`select pg_advisory_xact_lock(${sql.lit(PERSON_PERMIT_LOCK)}, hashtext(${id}))`.execute(trx);
  }
}

const PERMIT_COLUMNS = [
  'permit_applications.id',
  'permit_applications.case_id',
  'permit_applications.person_id',
  'permit_applications.kind',
  'permit_applications.applicant_org_id',
  'permit_applications.applicant_kind',
  'permit_applications.via_coordinator',
  'permit_applications.submitted_on',
  'permit_applications.decision',
  'permit_applications.decided_on',
  'permit_applications.valid_from',
  'permit_applications.valid_until',
  'permit_applications.withdrawn_on',
  'permit_applications.note',
  'permit_applications.version',
  'permit_applications.created_at',
  'organisations.name as applicant_org_name',
  'organisations.kind as applicant_org_kind',
] as const;

function permits(q: Q) {
  return q.selectFrom('permit_applications').innerJoin('organisations', 'organisations.id', 'permit_applications.applicant_org_id').select(PERMIT_COLUMNS);
}

type StoredPermitRow = Awaited<ReturnType<ReturnType<typeof permits>['execute']>>[number];
const openPermit = (r: StoredPermitRow) => openRow(r, { note: FIELD.permitNote });

export type PermitRow = NonNullable<Awaited<ReturnType<typeof findPermit>>>;

export async function findPermit(q: Q, id: string) {
  const row = await permits(q).where('permit_applications.id', '=', id).executeTakeFirst();
  return row && openPermit(row);
}

export async function permitsOfCase(q: Q, caseId: string) {
  const rows = await permits(q).where('permit_applications.case_id', '=', caseId).orderBy('permit_applications.submitted_on').orderBy('permit_applications.created_at').execute();
  return rows.map(openPermit);
}

export async function extensionsOf(q: Q, permitIds: readonly string[]) {
  if (permitIds.length === 0) return [];
  return q
    .selectFrom('permit_extensions')
    .select(['id', 'application_id', 'decided_on', 'valid_until'])
    .where('application_id', 'in', permitIds)
    .orderBy('decided_on')
    .orderBy('created_at')
    .execute();
}

export type ExtensionRow = Awaited<ReturnType<typeof extensionsOf>>[number];

export async function permitCaseId(q: Q, id: string): Promise<string | undefined> {
  const row = await q.selectFrom('permit_applications').select('case_id').where('id', '=', id).executeTakeFirst();
  return row?.case_id;
}

/** The permit, locked for the rest of the transaction; only if it belongs to `caseId`. */
export async function lockPermit(trx: Transaction<DB>, id: string, caseId: string) {
  await trx.selectFrom('permit_applications').select('id').where('id', '=', id).where('case_id', '=', caseId).forUpdate().executeTakeFirst();
  const row = await findPermit(trx, id);
  return row && row.case_id === caseId ? row : undefined;
}

export interface ActiveReflection {
  id: string;
  caseId: string;
  personId: string;
  organisationId: string;
  organisationName: string;
  submittedOn: string;
  decision: PermitState['decision'];
  validUntil: string | null;
}

/**
 * The reflection application that blocks a new one for any of these persons: pending, or granted
 * and valid on `today` (domain rule `isActive`), across all cases and organisations. The matching
 * module may pass the ids of every person record matched as the same human being.
 */
export async function findActiveReflectionAmong(q: Q, personIds: readonly string[], today: string): Promise<ActiveReflection | undefined> {
  if (personIds.length === 0) return undefined;
  const rows = await permits(q)
    .where('permit_applications.person_id', 'in', personIds)
    .where('permit_applications.kind', '=', 'reflection')
    .where('permit_applications.decision', 'in', ['pending', 'granted'])
    .orderBy('permit_applications.submitted_on')
    .execute();
  const active = rows.find((r) => isActive({ kind: 'reflection', decision: r.decision as PermitState['decision'], validUntil: r.valid_until }, today));
  if (!active) return undefined;
  return {
    id: active.id,
    caseId: active.case_id,
    personId: active.person_id,
    organisationId: active.applicant_org_id,
    organisationName: active.applicant_org_name,
    submittedOn: active.submitted_on,
    decision: active.decision as PermitState['decision'],
    validUntil: active.valid_until,
  };
}

export async function findActiveReflection(q: Q, personId: string, today: string): Promise<ActiveReflection | undefined> {
  return findActiveReflectionAmong(q, [personId], today);
}
