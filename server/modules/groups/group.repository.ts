// SQL for case groups and their members. Groups are scoped by region (groupScope); members are
// read through the case scope too, so a member case that left the actor's scope is not shown.
import { type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { caseScope } from '../../policies/case.policy.js';
import { identityVisible } from '../../policies/protected-identity.policy.js';
import { groupScope } from '../../policies/group.policy.js';
import { seal, type Sealed } from '../../crypto/field-cipher.js';
import { FIELD } from '../../crypto/fields.js';
import { openRow } from '../../crypto/row.js';
import { openNames } from '../persons/person-names.js';

type Q = Kysely<DB> | Transaction<DB>;

const GROUP_TEXTS = { employer: FIELD.groupEmployer, inspection: FIELD.groupInspection, notes: FIELD.groupNotes } as const;
const openGroup = <R extends { employer: Sealed; inspection: Sealed; notes: Sealed }>(r: R) => openRow(r, GROUP_TEXTS);

export async function findGroupInScope(q: Q, actor: Actor, id: string) {
  const row = await q.selectFrom('case_groups').selectAll().where('id', '=', id).where(groupScope(actor)).executeTakeFirst();
  return row && openGroup(row);
}

export type GroupRow = NonNullable<Awaited<ReturnType<typeof findGroupInScope>>>;

export async function groupExists(q: Q, id: string): Promise<boolean> {
  return (await q.selectFrom('case_groups').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function listGroupsInScope(q: Q, actor: Actor) {
  const rows = await q
    .selectFrom('case_groups')
    .selectAll('case_groups')
    .select((eb) =>
      eb.selectFrom('case_group_members').select((e) => e.fn.countAll<number>().as('n')).whereRef('case_group_members.group_id', '=', 'case_groups.id').as('member_count'),
    )
    .where(groupScope(actor))
    .orderBy('case_groups.created_at', 'desc')
    .execute();
  return rows.map(openGroup);
}

export async function insertGroup(
  q: Q,
  g: { name: string; region: string; place: string; employer: string; foundOn: string | null; inspection: string; notes: string; createdBy: string | null },
): Promise<string> {
  const { id } = await q
    .insertInto('case_groups')
    .values({
      name: g.name,
      region: g.region,
      place: g.place,
      employer: seal(FIELD.groupEmployer, g.employer),
      found_on: g.foundOn,
      inspection: seal(FIELD.groupInspection, g.inspection),
      notes: seal(FIELD.groupNotes, g.notes),
      created_by: g.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** `set` holds plain values; the free texts among them are sealed here. */
export async function updateGroupAtVersion(q: Q, id: string, version: number, set: Record<string, unknown>): Promise<boolean> {
  const sealed: Record<string, unknown> = { ...set };
  for (const [column, field] of Object.entries(GROUP_TEXTS)) if (typeof set[column] === 'string') sealed[column] = seal(field, set[column]);
  const r = await q
    .updateTable('case_groups')
    .set({ ...sealed, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Member cases the actor may see, with the person's name fields for the label. */
export async function membersInScope(q: Q, actor: Actor, groupId: string) {
  const rows = await q
    .selectFrom('case_group_members')
    .innerJoin('cases', 'cases.id', 'case_group_members.case_id')
    .innerJoin('persons', 'persons.id', 'cases.person_id')
    .leftJoin('users', 'users.id', 'cases.assigned_user_id')
    .select([
      'cases.id',
      'cases.ref',
      'cases.status',
      'cases.person_id',
      'cases.assigned_user_id',
      'users.display_name as assigned_name',
      'persons.given_names',
      'persons.family_names',
      'persons.protected_identity',
      'case_group_members.added_at',
      identityVisible(actor).as('identity_visible'),
    ])
    .where('case_group_members.group_id', '=', groupId)
    .where(caseScope(actor))
    .orderBy('cases.ref')
    .execute();
  return rows.map(openNames);
}

export async function memberIds(q: Q, groupId: string, caseIds: readonly string[]): Promise<Set<string>> {
  if (caseIds.length === 0) return new Set();
  const rows = await q.selectFrom('case_group_members').select('case_id').where('group_id', '=', groupId).where('case_id', 'in', caseIds).execute();
  return new Set(rows.map((r) => r.case_id));
}

/** Adds members; returns the ids that were not members before. */
export async function addMembers(q: Q, groupId: string, caseIds: readonly string[]): Promise<string[]> {
  if (caseIds.length === 0) return [];
  const rows = await q
    .insertInto('case_group_members')
    .values(caseIds.map((case_id) => ({ group_id: groupId, case_id })))
    .onConflict((oc) => oc.columns(['group_id', 'case_id']).doNothing())
    .returning('case_id')
    .execute();
  return rows.map((r) => r.case_id);
}

// Permits and police reports belong to the permits/criminal module; a group view only reads them.
export async function permitsOfCases(q: Q, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return q
    .selectFrom('permit_applications')
    .select(['id', 'case_id', 'kind', 'decision', 'submitted_on', 'decided_on', 'valid_until', 'created_at'])
    .where('case_id', 'in', caseIds)
    .orderBy('submitted_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export async function policeReportsOfCases(q: Q, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return q
    .selectFrom('police_reports')
    .select(['id', 'case_id', 'reported_on', 'classification', 'injured_party'])
    .where('case_id', 'in', caseIds)
    .orderBy('reported_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}
