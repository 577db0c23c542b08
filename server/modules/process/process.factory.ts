// Test factories for the process and task modules: cases through the API, and the rows other
// modules own (users, permits, referrals, ÅMP returns) inserted directly as stand-ins.
import { expect } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { referralBody, type Client } from '../../test/harness.js';

export async function createCase(client: Client, person: Record<string, unknown> = {}, overrides: Record<string, unknown> = {}): Promise<string> {
  const base = referralBody();
  const res = await client.post('/api/v1/cases', { ...base, ...overrides, person: { ...base.person, ...person } });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}

export async function caseRow(db: Kysely<DB>, id: string) {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export async function orgIdByName(db: Kysely<DB>, name: string): Promise<string> {
  return (await db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

export async function userIdByName(db: Kysely<DB>, username: string): Promise<string> {
  return (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

/** A second user in an organisation (no password: it cannot sign in). */
export async function addUser(db: Kysely<DB>, username: string, organisationId: string, roles: string[], active = true): Promise<string> {
  const u = await db
    .insertInto('users')
    .values({ username, display_name: `Test ${username}`, email: null, organisation_id: organisationId, password_hash: null, active })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (roles.length) await db.insertInto('user_roles').values(roles.map((role) => ({ user_id: u.id, role }))).execute();
  return u.id;
}

/** A full "reason to assume" assessment for an adult under § 1a; override what a test varies. */
export function assessmentBody(version: number, overrides: Record<string, unknown> = {}) {
  return {
    version,
    assessedOn: '2026-03-10',
    legalBasis: 'trafficking_4_1a',
    decision: 'reason_to_assume',
    acts: ['recruiting', 'transporting'],
    means: ['deception'],
    purposes: ['forced_labour'],
    indicators: ['gen.documents_withheld', 'lab.wages_withheld'],
    exploitationForms: ['labour'],
    labourSector: 'A',
    reasons: 'Rekryterad med falska löften, passet hålls inne av arbetsgivaren.',
    ...overrides,
  };
}
