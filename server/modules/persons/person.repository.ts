// SQL for persons as matching shows them: rows by id, their cases in a region, their regions.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { PersonDetail } from './person.schema.js';
import type { PersonRow } from './person.presenter.js';
import { openNames } from './person-names.js';
import type { Actor } from '../../auth/actor.js';
import { identityVisible } from '../../policies/protected-identity.policy.js';

type Q = Kysely<DB> | Transaction<DB>;

const PERSON_COLUMNS = [
  'id',
  'given_names',
  'family_names',
  'aliases',
  'sex',
  'birth_date',
  'birth_year',
  'estimated_age',
  'citizenships',
  'protected_identity',
  'version',
] as const;

/** `viewer`: whose named-user grants decide `identity_visible` (nobody's by default). */
export async function personRows(q: Q, ids: readonly string[], viewer: Pick<Actor, 'userId'> = { userId: null }): Promise<Map<string, PersonRow>> {
  if (ids.length === 0) return new Map();
  const rows = await q
    .selectFrom('persons')
    .select(PERSON_COLUMNS)
    .select(identityVisible(viewer).as('identity_visible'))
    .where('id', '=', sql<string>`any(${ids}::uuid[])`)
    .execute();
  return new Map(rows.map((r) => [r.id, openNames(r)]));
}

/** Each person's cases in `region` (an empty list for a person with none there). */
export async function casesInRegion(q: Q, ids: readonly string[], region: string | null): Promise<Map<string, PersonDetail['cases']>> {
  const out = new Map<string, PersonDetail['cases']>(ids.map((id) => [id, []]));
  if (ids.length === 0 || region === null) return out;
  const rows = await q
    .selectFrom('cases')
    .select(['id', 'ref', 'status', 'region', 'person_id'])
    .where('person_id', '=', sql<string>`any(${ids}::uuid[])`)
    .where('region', '=', region)
    .orderBy('ref')
    .execute();
  for (const r of rows) out.get(r.person_id)?.push({ id: r.id, ref: r.ref, status: r.status, region: r.region });
  return out;
}

/** The police regions each person has a case in. */
export async function regionsOf(q: Q, ids: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await q
    .selectFrom('cases')
    .select(['person_id', 'region'])
    .distinct()
    .where('person_id', '=', sql<string>`any(${ids}::uuid[])`)
    .orderBy('region')
    .execute();
  for (const r of rows) out.get(r.person_id)?.push(r.region);
  return out;
}
