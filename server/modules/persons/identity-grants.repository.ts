// SQL for the named users of protected identities (person_identity_grants). A grant is never
// deleted: revoking stamps it, so the history stays beside the audit trail.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { OrganisationKind } from '../../../domain/codelists/organisation-kinds.js';
import type { PoliceRegion } from '../../../domain/codelists/police-regions.js';
import type { Role } from '../../../domain/codelists/roles.js';
import type { GranteeFacts } from '../../policies/protected-identity.policy.js';
import { openNullable, open, seal, sealNullable } from '../../crypto/field-cipher.js';

/** The associated data grant reasons are sealed with (server/crypto/field-cipher.ts). */
export const GRANT_REASON_FIELD = 'person_identity_grants.reason';
export const GRANT_REVOKE_REASON_FIELD = 'person_identity_grants.revoke_reason';

type Q = Kysely<DB> | Transaction<DB>;

/** Names `userId` for the person unless already named; true when a grant was added. */
export async function addGrant(
  q: Q,
  g: { personId: string; userId: string; kind: 'registrant' | 'named'; grantedBy: string; reason: string },
): Promise<string | null> {
  const existing = await activeGrant(q, g.personId, g.userId);
  if (existing) return null;
  const row = await q
    .insertInto('person_identity_grants')
    .values({ person_id: g.personId, user_id: g.userId, kind: g.kind, granted_by: g.grantedBy, reason: seal(GRANT_REASON_FIELD, g.reason) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function activeGrant(q: Q, personId: string, userId: string) {
  return q
    .selectFrom('person_identity_grants')
    .select(['id', 'kind', 'granted_at'])
    .where('person_id', '=', personId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function revokeGrant(q: Q, id: string, by: string, reason: string): Promise<boolean> {
  const r = await q
    .updateTable('person_identity_grants')
    .set({ revoked_at: new Date(), revoked_by: by, revoke_reason: sealNullable(GRANT_REVOKE_REASON_FIELD, reason) })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Serialises grant changes on one person (lock space 7423), so "the last named user" holds. */
export async function lockPersonGrants(trx: Transaction<DB>, personId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(7423, hashtext(${personId}))`.execute(trx);
}

const GRANT_COLUMNS = [
  'person_identity_grants.id',
  'person_identity_grants.person_id',
  'person_identity_grants.user_id',
  'person_identity_grants.kind',
  'person_identity_grants.granted_at',
  'person_identity_grants.reason',
  'person_identity_grants.revoked_at',
  'person_identity_grants.revoke_reason',
  'grantee.display_name as user_name',
  'grantee.active as user_active',
  'grantee_org.id as organisation_id',
  'grantee_org.name as organisation_name',
  'grantee_org.kind as organisation_kind',
  'grantee_org.region as organisation_region',
  'grantor.display_name as granted_by_name',
  'revoker.display_name as revoked_by_name',
] as const;

function grantQuery(q: Q) {
  return q
    .selectFrom('person_identity_grants')
    .innerJoin('users as grantee', 'grantee.id', 'person_identity_grants.user_id')
    .innerJoin('organisations as grantee_org', 'grantee_org.id', 'grantee.organisation_id')
    .innerJoin('users as grantor', 'grantor.id', 'person_identity_grants.granted_by')
    .leftJoin('users as revoker', 'revoker.id', 'person_identity_grants.revoked_by')
    .select(GRANT_COLUMNS)
    .select((eb) =>
      eb
        .selectFrom('user_roles')
        .select(sql<string[]>`coalesce(array_agg(user_roles.role order by user_roles.role), '{}')`.as('roles'))
        .whereRef('user_roles.user_id', '=', 'person_identity_grants.user_id')
        .as('user_roles'),
    );
}

type StoredGrantRow = Awaited<ReturnType<ReturnType<typeof grantQuery>['execute']>>[number];

function openGrant(r: StoredGrantRow) {
  return { ...r, reason: open(GRANT_REASON_FIELD, r.reason), revoke_reason: openNullable(GRANT_REVOKE_REASON_FIELD, r.revoke_reason) };
}

export type GrantRow = ReturnType<typeof openGrant>;

export async function activeGrantsOf(q: Q, personId: string): Promise<GrantRow[]> {
  const rows = await grantQuery(q).where('person_identity_grants.person_id', '=', personId).where('person_identity_grants.revoked_at', 'is', null).orderBy('person_identity_grants.granted_at').execute();
  return rows.map(openGrant);
}

export async function grantHistoryOf(q: Q, personId: string): Promise<GrantRow[]> {
  const rows = await grantQuery(q).where('person_identity_grants.person_id', '=', personId).orderBy('person_identity_grants.granted_at').orderBy('person_identity_grants.id').execute();
  return rows.map(openGrant);
}

export function granteeFactsOf(r: { user_id: string; user_roles: string[] | null; organisation_id: string; organisation_kind: string; organisation_region: string | null; user_active: boolean }): GranteeFacts {
  return {
    userId: r.user_id,
    roles: (r.user_roles ?? []) as Role[],
    organisationId: r.organisation_id,
    organisationKind: r.organisation_kind as OrganisationKind,
    region: r.organisation_region as PoliceRegion | null,
    active: r.user_active,
  };
}

/**
 * Active users of the organisations that can reach the case at all: the coordination units of
 * the region, the referring organisation, and organisations with an active share. The policy
 * decides which of them the actor may name.
 */
export async function possibleGrantees(q: Q, c: { region: string; referringOrgId: string | null; caseId: string }) {
  return q
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select([
      'users.id as user_id',
      'users.display_name as user_name',
      'users.active as user_active',
      'organisations.id as organisation_id',
      'organisations.name as organisation_name',
      'organisations.kind as organisation_kind',
      'organisations.region as organisation_region',
    ])
    .select((eb) =>
      eb
        .selectFrom('user_roles')
        .select(sql<string[]>`coalesce(array_agg(user_roles.role order by user_roles.role), '{}')`.as('roles'))
        .whereRef('user_roles.user_id', '=', 'users.id')
        .as('user_roles'),
    )
    .where('users.active', '=', true)
    .where('organisations.active', '=', true)
    .where((eb) =>
      eb.or([
        eb.and([eb('organisations.kind', '=', 'regional_coordination'), eb('organisations.region', '=', c.region)]),
        ...(c.referringOrgId ? [eb('organisations.id', '=', c.referringOrgId)] : []),
        eb.exists(
          eb
            .selectFrom('case_shares')
            .select(sql.lit(1).as('one'))
            .where('case_shares.case_id', '=', c.caseId)
            .whereRef('case_shares.organisation_id', '=', 'organisations.id')
            .where('case_shares.revoked_at', 'is', null),
        ),
      ]),
    )
    .orderBy('organisations.name')
    .orderBy('users.display_name')
    .execute();
}

/** Every active share of the case, by organisation. */
export async function sharesByOrganisation(q: Q, caseId: string): Promise<Map<string, { purpose: string; fields: string[] }[]>> {
  const rows = await q.selectFrom('case_shares').select(['organisation_id', 'purpose', 'fields']).where('case_id', '=', caseId).where('revoked_at', 'is', null).execute();
  const out = new Map<string, { purpose: string; fields: string[] }[]>();
  for (const r of rows) out.set(r.organisation_id, [...(out.get(r.organisation_id) ?? []), { purpose: r.purpose, fields: r.fields }]);
  return out;
}
