// User accounts and their roles. Roles must fit the organisation's kind (a coordinator
// works in a regional coordination unit, a partner in an agency, …).
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import { hashPassword, passwordProblem } from '../../auth/passwords.js';
import { createApiToken } from '../../auth/auth.service.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../http/errors.js';
import { canOnUsers, roleFitsOrganisation } from '../../policies/user.policy.js';
import type { OrganisationKind } from '../../../domain/codelists/organisation-kinds.js';
import type { CreateUserInput } from './user.schema.js';

export async function listUsers(db: Kysely<DB>, actor: Actor) {
  if (!canOnUsers(actor, 'list')) throw new ForbiddenError();
  const users = await db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.id', 'users.username', 'users.display_name', 'users.active', 'users.last_login_at', 'organisations.name as org_name', 'organisations.id as org_id'])
    .orderBy('users.username')
    .execute();
  const roles = await db.selectFrom('user_roles').selectAll().execute();
  return users.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    active: u.active,
    lastLoginAt: u.last_login_at?.toISOString() ?? null,
    organisation: { id: u.org_id, name: u.org_name },
    roles: roles.filter((r) => r.user_id === u.id).map((r) => r.role).sort(),
  }));
}

export async function createUser(db: Kysely<DB>, actor: Actor, input: CreateUserInput) {
  if (!canOnUsers(actor, 'create')) throw new ForbiddenError();
  const org = await db.selectFrom('organisations').select(['id', 'kind', 'name']).where('id', '=', input.organisationId).executeTakeFirst();
  if (!org) throw new ValidationError('Unknown organisation', [{ path: 'organisationId', message: 'no such organisation' }]);
  const issues = input.roles
    .map((role, i) => ({ role, i }))
    .filter(({ role }) => !roleFitsOrganisation(role, org.kind as OrganisationKind))
    .map(({ role, i }) => ({ path: `roles.${i}`, message: `role ${role} does not fit an organisation of kind ${org.kind}` }));
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password);
    if (problem) issues.push({ path: 'password', message: problem });
  }
  if (issues.length > 0) throw new ValidationError('The user has invalid fields', issues);
  const taken = await db
    .selectFrom('users')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['username']), '=', input.username.toLowerCase()))
    .executeTakeFirst();
  if (taken) throw new ConflictError('username_taken', `The username "${input.username}" is taken`);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return db.transaction().execute(async (trx) => {
    const user = await trx
      .insertInto('users')
      .values({ username: input.username, display_name: input.displayName, email: input.email ?? null, organisation_id: org.id, password_hash: passwordHash })
      .returning(['id', 'username'])
      .executeTakeFirstOrThrow();
    const roles = [...new Set(input.roles)];
    await trx.insertInto('user_roles').values(roles.map((role) => ({ user_id: user.id, role }))).execute();
    await recordAudit(trx, actor, {
      action: 'user.create',
      resourceType: 'user',
      resourceId: user.id,
      details: { after: { username: user.username, organisationId: org.id, roles } },
    });
    return { id: user.id, username: user.username, organisation: { id: org.id, name: org.name }, roles };
  });
}

async function findUserId(db: Kysely<DB>, idOrUsername: string): Promise<string> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where((eb) =>
      /^[0-9a-f-]{36}$/i.test(idOrUsername) ? eb('id', '=', idOrUsername) : eb(eb.fn('lower', ['username']), '=', idOrUsername.toLowerCase()),
    )
    .executeTakeFirst();
  if (!row) throw new NotFoundError('user');
  return row.id;
}

export async function setPassword(db: Kysely<DB>, actor: Actor, idOrUsername: string, password: string): Promise<void> {
  if (!canOnUsers(actor, 'setPassword')) throw new ForbiddenError();
  const problem = passwordProblem(password);
  if (problem) throw new ValidationError('Weak password', [{ path: 'password', message: problem }]);
  const id = await findUserId(db, idOrUsername);
  const hash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: hash, failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
    // A new password ends every open session of that user.
    await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'user.set_password', resourceType: 'user', resourceId: id });
  });
}

export async function addToken(db: Kysely<DB>, actor: Actor, idOrUsername: string, name: string, expiresInDays?: number) {
  if (!canOnUsers(actor, 'addToken')) throw new ForbiddenError();
  const userId = await findUserId(db, idOrUsername);
  const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000) : null;
  return createApiToken(db, actor, { userId, name, expiresAt });
}
