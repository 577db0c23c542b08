// SQL for NSP enrolments, ÅMP returns and compensation claims.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

type Q = Kysely<DB> | Transaction<DB>;

// Namespace of the advisory lock that serialises "only one open enrolment/application" checks
// per case (two-key form: a separate key space from the one-key audit-chain lock).
const CASE_SUPPORT_LOCK = 7422;

export async function lockCaseSupport(trx: Transaction<DB>, caseId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${sql.lit(CASE_SUPPORT_LOCK)}, hashtext(${caseId}))`.execute(trx);
}

const NSP = ['id', 'case_id', 'enrolled_on', 'ended_on', 'support_types', 'accompanying_children', 'children_in_home_country', 'version', 'created_at'] as const;
const AMP = [
  'id', 'case_id', 'applied_on', 'decision', 'decided_on', 'return_country', 'accompanying_family', 'accompanying_children', 'returned_on',
  'followup1_on', 'followup1_satisfaction', 'followup1_sustainable', 'followup2_on', 'followup2_satisfaction', 'followup2_sustainable', 'version', 'created_at',
] as const;
const COMPENSATION = ['id', 'case_id', 'kind', 'filed_on', 'amount_claimed_sek', 'decision', 'decided_on', 'amount_awarded_sek', 'version', 'created_at'] as const;

export async function findNsp(q: Q, id: string, caseId?: string, lock = false) {
  let query = q.selectFrom('nsp_enrolments').select(NSP).where('id', '=', id);
  if (caseId) query = query.where('case_id', '=', caseId);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}
export type NspRow = NonNullable<Awaited<ReturnType<typeof findNsp>>>;

export async function findAmp(q: Q, id: string, caseId?: string, lock = false) {
  let query = q.selectFrom('amp_returns').select(AMP).where('id', '=', id);
  if (caseId) query = query.where('case_id', '=', caseId);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}
export type AmpRow = NonNullable<Awaited<ReturnType<typeof findAmp>>>;

export async function findCompensation(q: Q, id: string, caseId?: string, lock = false) {
  let query = q.selectFrom('compensation_claims').select(COMPENSATION).where('id', '=', id);
  if (caseId) query = query.where('case_id', '=', caseId);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}
export type CompensationRow = NonNullable<Awaited<ReturnType<typeof findCompensation>>>;

export async function nspOfCase(q: Q, caseId: string) {
  return q.selectFrom('nsp_enrolments').select(NSP).where('case_id', '=', caseId).orderBy('enrolled_on').orderBy('created_at').execute();
}
export async function ampOfCase(q: Q, caseId: string) {
  return q.selectFrom('amp_returns').select(AMP).where('case_id', '=', caseId).orderBy('applied_on').orderBy('created_at').execute();
}
export async function compensationOfCase(q: Q, caseId: string) {
  return q.selectFrom('compensation_claims').select(COMPENSATION).where('case_id', '=', caseId).orderBy('filed_on').orderBy('created_at').execute();
}

/** Unscoped owner lookups (only the case id leaves them), for onCaseRecord. */
export async function caseIdOf(q: Q, table: 'nsp_enrolments' | 'amp_returns' | 'compensation_claims', id: string): Promise<string | undefined> {
  return (await q.selectFrom(table).select('case_id').where('id', '=', id).executeTakeFirst())?.case_id;
}

/** An NSP enrolment of the case that has not ended, other than `exceptId`. */
export async function openNsp(q: Q, caseId: string, exceptId?: string) {
  let query = q.selectFrom('nsp_enrolments').select(['id', 'enrolled_on']).where('case_id', '=', caseId).where('ended_on', 'is', null);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return query.executeTakeFirst();
}

/** An ÅMP application of the case still under way: pending, or approved and not yet returned. */
export async function openAmp(q: Q, caseId: string) {
  return q
    .selectFrom('amp_returns')
    .select(['id', 'applied_on', 'decision'])
    .where('case_id', '=', caseId)
    .where((eb) => eb.or([eb('decision', '=', 'pending'), eb.and([eb('decision', '=', 'approved'), eb('returned_on', 'is', null)])]))
    .executeTakeFirst();
}
