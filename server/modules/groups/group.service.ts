// Group operations: the shared facts of many persons found together (place, employer,
// inspection), and the member cases. Each member stays an individual case with its own scope,
// consent, timeline and audit trail; the group only gathers them.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import { ForbiddenError, ValidationError, VersionConflictError } from '../../http/errors.js';
import { canCreateGroupIn, caseFitsGroup } from '../../policies/group.policy.js';
import { addCaseEvent, findCaseInScope } from '../cases/case.repository.js';
import { loadCaseContext, type Trx } from '../cases/case.access.js';
import { today } from '../cases/case.service.js';
import { consentsOfCases } from '../referrals/consent.repository.js';
import { referralsOfCases } from '../referrals/referral.repository.js';
import { addMembers, findGroupInScope, insertGroup, listGroupsInScope, membersInScope, permitsOfCases, policeReportsOfCases, updateGroupAtVersion, type GroupRow } from './group.repository.js';
import { presentGroupFacts, presentMembers } from './group.presenter.js';
import { CASES_OUT_OF_SCOPE, onGroup, requireGroupUser } from './group.access.js';
import type { CreateGroupInput, UpdateGroupInput } from './group.schema.js';

function checkFoundOn(foundOn: string | null | undefined): void {
  if (foundOn && foundOn > today()) throw new ValidationError('The group has invalid fields', [{ path: 'foundOn', message: 'cannot be in the future' }]);
}

async function groupView(trx: Trx, actor: Actor, group: GroupRow) {
  const members = await membersInScope(trx, actor, group.id);
  const ids = members.map((m) => m.id);
  // One connection per transaction: the four reads run one after another.
  const consents = await consentsOfCases(trx, ids);
  const referrals = await referralsOfCases(trx, ids);
  const permits = await permitsOfCases(trx, ids);
  const reports = await policeReportsOfCases(trx, ids);
  const items = presentMembers({ members, consents, referrals, permits, reports }, today());
  return { ...presentGroupFacts(group), memberCount: items.length, members: items };
}

export async function createGroup(db: Kysely<DB>, actor: Actor, input: CreateGroupInput) {
  requireGroupUser(actor);
  if (!canCreateGroupIn(actor, input.region)) throw new ForbiddenError(`You coordinate region ${actor.region ?? '(none)'} only`);
  checkFoundOn(input.foundOn);
  return db.transaction().execute(async (trx) => {
    const id = await insertGroup(trx, { ...input, foundOn: input.foundOn ?? null, createdBy: actor.userId });
    await recordAudit(trx, actor, {
      action: 'group.create',
      resourceType: 'group',
      resourceId: id,
      details: { after: { name: input.name, region: input.region, place: input.place, foundOn: input.foundOn ?? null, employer: input.employer ? '[text]' : '', inspection: input.inspection ? '[text]' : '', notes: input.notes ? '[text]' : '' } },
    });
    return groupView(trx, actor, (await findGroupInScope(trx, actor, id))!);
  });
}

export async function listGroups(db: Kysely<DB>, actor: Actor) {
  requireGroupUser(actor);
  const rows = await listGroupsInScope(db, actor);
  return { items: rows.map((g) => ({ ...presentGroupFacts(g), memberCount: Number(g.member_count ?? 0) })) };
}

export async function getGroup(db: Kysely<DB>, actor: Actor, groupId: string) {
  return onGroup(db, actor, groupId, 'group.read', async (trx, group) => {
    const view = await groupView(trx, actor, group);
    await recordAudit(trx, actor, { action: 'group.read', resourceType: 'group', resourceId: group.id, details: { caseIds: view.members.map((m) => m.caseId) } });
    return view;
  });
}

const GROUP_COLUMNS = { name: 'name', place: 'place', employer: 'employer', foundOn: 'found_on', inspection: 'inspection', notes: 'notes' } as const;
const FREE_TEXT = new Set(['employer', 'inspection', 'notes']);

export async function updateGroup(db: Kysely<DB>, actor: Actor, groupId: string, input: UpdateGroupInput) {
  checkFoundOn(input.foundOn);
  return onGroup(db, actor, groupId, 'group.update', async (trx, group) => {
    const set: Record<string, unknown> = {};
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [key, column] of Object.entries(GROUP_COLUMNS)) {
      const value = input[key as keyof typeof GROUP_COLUMNS];
      if (value === undefined) continue;
      set[column] = value;
      before[key] = FREE_TEXT.has(key) ? '[redacted]' : group[column];
      after[key] = FREE_TEXT.has(key) ? '[changed]' : value;
    }
    if (!(await updateGroupAtVersion(trx, group.id, input.version, set))) throw new VersionConflictError('group');
    await recordAudit(trx, actor, { action: 'group.update', resourceType: 'group', resourceId: group.id, details: { before, after } });
    return groupView(trx, actor, (await findGroupInScope(trx, actor, group.id))!);
  });
}

/** Adds cases of the actor's scope and the group's region; any other id makes the whole request 404. */
export async function addCasesToGroup(db: Kysely<DB>, actor: Actor, groupId: string, caseIds: readonly string[]) {
  return onGroup(db, actor, groupId, 'group.add_cases', async (trx, group) => {
    const ids = [...new Set(caseIds)];
    const rows = [];
    let missing = false;
    for (const id of ids) {
      const row = await findCaseInScope(trx, actor, id);
      if (row && caseFitsGroup(row.region, group.region)) {
        rows.push(row);
      } else {
        // Audits the denial exactly as a case read would (or records the region mismatch).
        if (!row) await loadCaseContext(trx, actor, id, 'group.add_cases');
        else await recordAudit(trx, actor, { action: 'group.add_cases', outcome: 'denied', resourceType: 'case', resourceId: id, caseId: id, personId: row.person_id, details: { groupId } });
        missing = true;
      }
    }
    if (missing) return CASES_OUT_OF_SCOPE;
    const added = new Set(await addMembers(trx, group.id, ids));
    for (const row of rows.filter((r) => added.has(r.id))) {
      await addCaseEvent(trx, actor, row.id, 'group_joined', { groupId: group.id, groupName: group.name });
      await recordAudit(trx, actor, { action: 'group.add_cases', resourceType: 'group', resourceId: group.id, caseId: row.id, personId: row.person_id, details: { after: { groupId: group.id } } });
    }
    return groupView(trx, actor, group);
  });
}
