// SQL for merges. Snapshots are taken and restored by PostgreSQL itself (to_jsonb and
// jsonb_populate_record over the whole row), so an unmerge restores every column exactly,
// timestamps to the microsecond, including columns added by later migrations. Services see
// snapshots with plain names (aliases as a list, no blind index); person_merges stores them
// with the names sealed, and a restored row gets its blind index computed afresh.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { mergeScope } from '../../policies/person.policy.js';
import type { MergeablePerson } from './merge-fields.js';
import { open, openList, seal, sealList } from '../../crypto/field-cipher.js';
import { FIELD } from '../../crypto/fields.js';
import { openNames, refreshNameIndex, sealNames } from './person-names.js';

type Trx = Transaction<DB>;
type Q = Kysely<DB> | Trx;

export type PersonSnapshot = Record<string, unknown>;

const NAME_FIELDS = { given_names: FIELD.givenNames, family_names: FIELD.familyNames } as const;

/** A stored snapshot (sealed names) as services see it: names opened, aliases a list. */
export function openSnapshot(stored: unknown): PersonSnapshot {
  const s = { ...((typeof stored === 'string' ? JSON.parse(stored) : stored) as PersonSnapshot) };
  delete s.name_index;
  for (const [column, field] of Object.entries(NAME_FIELDS)) if (typeof s[column] === 'string') s[column] = open(field, s[column]);
  if (typeof s.aliases === 'string') s.aliases = openList(FIELD.aliases, s.aliases);
  return s;
}

/** A plain snapshot as person_merges stores it: names sealed. */
export function sealSnapshot(plain: PersonSnapshot): PersonSnapshot {
  const s = { ...plain };
  delete s.name_index;
  for (const [column, field] of Object.entries(NAME_FIELDS)) if (typeof s[column] === 'string') s[column] = seal(field, s[column]);
  if (Array.isArray(s.aliases)) s.aliases = sealList(FIELD.aliases, s.aliases as string[]);
  return s;
}

/** A plain snapshot as a persons row: names sealed and the blind index computed. */
function rowOfSnapshot(plain: PersonSnapshot): PersonSnapshot {
  const names = { given_names: String(plain.given_names ?? ''), family_names: String(plain.family_names ?? ''), aliases: (plain.aliases as string[] | undefined) ?? [] };
  return { ...plain, ...sealNames(names) };
}

export async function lockPersons(trx: Trx, ids: readonly string[]): Promise<Map<string, MergeablePerson & { id: string; version: number }>> {
  const rows = await trx
    .selectFrom('persons')
    .select(['id', 'version', 'given_names', 'family_names', 'aliases', 'sex', 'birth_date', 'birth_year', 'estimated_age', 'estimated_age_on', 'citizenships', 'protected_identity'])
    .where('id', 'in', [...ids])
    .orderBy('id')
    .forUpdate()
    .execute();
  return new Map(rows.map((r) => [r.id, openNames(r)]));
}

export async function snapshotPerson(q: Q, id: string): Promise<PersonSnapshot> {
  const { rows } = await sql<{ row: PersonSnapshot | string }>`select to_jsonb(p) as row from persons p where p.id = ${id}`.execute(q);
  const row = rows[0]?.row;
  if (row === undefined) throw new Error(`person ${id} vanished inside its own transaction`);
  return openSnapshot(row);
}

export async function updatePerson(trx: Trx, id: string, version: number, values: MergeablePerson): Promise<void> {
  await trx
    .updateTable('persons')
    .set({ ...values, ...sealNames(values), version: version + 1, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export interface MovedRefs {
  caseIds: string[];
  assessmentIds: string[];
  permitIds: string[];
}

/** Points every case (and its assessments and permits) of `from` at `to`. */
export async function movePersonRefs(trx: Trx, from: string, to: string): Promise<MovedRefs> {
  const cases = await trx.updateTable('cases').set({ person_id: to }).where('person_id', '=', from).returning('id').execute();
  const assessments = await trx.updateTable('assessments').set({ person_id: to }).where('person_id', '=', from).returning('id').execute();
  const permits = await trx.updateTable('permit_applications').set({ person_id: to }).where('person_id', '=', from).returning('id').execute();
  return { caseIds: cases.map((r) => r.id).sort(), assessmentIds: assessments.map((r) => r.id).sort(), permitIds: permits.map((r) => r.id).sort() };
}

/** Points the given cases (and their assessments and permits) back at `to`. */
export async function moveCasesBack(trx: Trx, caseIds: readonly string[], from: string, to: string): Promise<void> {
  if (caseIds.length === 0) return;
  const ids = sql<string>`any(${caseIds}::uuid[])`;
  await trx.updateTable('cases').set({ person_id: to }).where('id', '=', ids).where('person_id', '=', from).execute();
  await trx.updateTable('assessments').set({ person_id: to }).where('case_id', '=', ids).where('person_id', '=', from).execute();
  await trx.updateTable('permit_applications').set({ person_id: to }).where('case_id', '=', ids).where('person_id', '=', from).execute();
}

export async function deletePerson(trx: Trx, id: string): Promise<void> {
  await trx.deleteFrom('persons').where('id', '=', id).execute();
}

export async function restorePerson(trx: Trx, snapshot: PersonSnapshot): Promise<void> {
  await sql`insert into persons select * from jsonb_populate_record(null::persons, ${JSON.stringify(rowOfSnapshot(snapshot))}::jsonb)`.execute(trx);
}

/** Sets `columns` of the person to their values in `snapshot`, with the types of the table. */
export async function restoreColumns(trx: Trx, id: string, snapshot: PersonSnapshot, columns: readonly string[], version: number): Promise<void> {
  const sets = columns.map((c) => sql`${sql.ref(c)} = r.${sql.ref(c)}`);
  await sql`update persons set ${sql.join([...sets, sql`version = ${version + 1}`, sql`updated_at = now()`])}
    from jsonb_populate_record(null::persons, ${JSON.stringify(rowOfSnapshot(snapshot))}::jsonb) r where persons.id = ${id}`.execute(trx);
  if (columns.some((c) => c === 'given_names' || c === 'family_names' || c === 'aliases')) await refreshNameIndex(trx, id);
}

export async function personExists(q: Q, id: string): Promise<boolean> {
  return (await q.selectFrom('persons').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function externalRefTaken(q: Q, ref: unknown): Promise<boolean> {
  if (typeof ref !== 'string' || ref === '') return false;
  return (await q.selectFrom('persons').select('id').where('external_ref', '=', ref).executeTakeFirst()) !== undefined;
}

const MERGE_COLUMNS = [
  'person_merges.id',
  'person_merges.candidate_id',
  'person_merges.kept_person_id',
  'person_merges.removed_person_id',
  'person_merges.removed_person',
  'person_merges.kept_before',
  'person_merges.kept_after',
  'person_merges.moved_case_ids',
  'person_merges.fields',
  'person_merges.merged_by',
  'person_merges.merged_at',
  'person_merges.unmerged_by',
  'person_merges.unmerged_at',
] as const;

function openMerge<R extends { removed_person: unknown; kept_before: unknown; kept_after: unknown }>(r: R): R {
  return { ...r, removed_person: openSnapshot(r.removed_person), kept_before: openSnapshot(r.kept_before), kept_after: openSnapshot(r.kept_after) };
}

export async function findMergeInScope(q: Q, actor: Actor, id: string, opts: { lock?: boolean } = {}) {
  const query = q.selectFrom('person_merges').select(MERGE_COLUMNS).where('person_merges.id', '=', id).where(mergeScope(actor));
  const row = await (opts.lock ? query.forUpdate() : query).executeTakeFirst();
  return row && openMerge(row);
}

export type MergeRow = NonNullable<Awaited<ReturnType<typeof findMergeInScope>>>;

export async function findMergesInScope(q: Q, actor: Actor, page: number, pageSize: number) {
  const query = q.selectFrom('person_merges').where(mergeScope(actor));
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .select(MERGE_COLUMNS)
    .orderBy('person_merges.merged_at', 'desc')
    .orderBy('person_merges.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(total), rows: rows.map(openMerge) };
}

export async function mergeExists(q: Q, id: string): Promise<boolean> {
  return (await q.selectFrom('person_merges').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
