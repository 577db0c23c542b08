// The named users of a protected identity: list, name, revoke (through a case the caller can
// read), the automatic naming of whoever registers or flags a protected person, and the full
// history for auditors. Every read and change is audited in its own transaction; a refusal that
// must be audited is returned from the transaction and thrown after it commits.
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { AuditAction } from '../../audit/audit-events.js';
import { ConflictError, ForbiddenError, NotFoundError, RuleError, type AppError } from '../../http/errors.js';
import {
  canName,
  canReadGrantHistory,
  canRevoke,
  canSeeNamedUsers,
  granteeAccess,
  namingReach,
  type IdentityCase,
} from '../../policies/protected-identity.policy.js';
import { onCase, type CaseContext } from '../cases/case.access.js';
import {
  activeGrant,
  activeGrantsOf,
  addGrant,
  grantHistoryOf,
  granteeFactsOf,
  lockPersonGrants,
  possibleGrantees,
  revokeGrant,
  sharesByOrganisation,
  type GrantRow,
} from './identity-grants.repository.js';
import { presentGrantHistory, presentNamedUser } from './identity-grants.presenter.js';
import type { GrantHistory, NameUserInput, NamedUsersView, RevokeNamedUserInput } from './identity-grants.schema.js';

type Trx = Transaction<DB>;
type Outcome = { view: NamedUsersView } | { refused: AppError };

function identityCase(ctx: CaseContext): IdentityCase {
  return { access: ctx.access, region: ctx.row.region, protectedIdentity: ctx.row.protected_identity, identityVisible: ctx.row.identity_visible === true };
}

function caseFactsOf(ctx: CaseContext) {
  return { region: ctx.row.region, status: ctx.row.status, referringOrgId: ctx.row.referring_org_id };
}

async function audit(ctx: CaseContext, action: AuditAction, outcome: 'ok' | 'denied' | 'not_found' | 'failed', details: Record<string, unknown>) {
  await recordAudit(ctx.trx, ctx.actor, { action, outcome, resourceType: 'person', resourceId: ctx.row.person_id, caseId: ctx.row.id, personId: ctx.row.person_id, details });
}

/** Active grants whose user can read this case: the only ones shown or changed through it. */
async function grantsOnCase(ctx: CaseContext): Promise<{ all: GrantRow[]; here: GrantRow[] }> {
  const all = await activeGrantsOf(ctx.trx, ctx.row.person_id);
  const shares = await sharesByOrganisation(ctx.trx, ctx.row.id);
  const here = all.filter((g) => granteeAccess(granteeFactsOf(g), caseFactsOf(ctx), shares.get(g.organisation_id) ?? []) !== null);
  return { all, here };
}

/** Named users with an active account; the last of them cannot be removed. */
function activeNamedCount(all: GrantRow[]): number {
  return all.filter((g) => g.user_active).length;
}

async function buildView(ctx: CaseContext): Promise<NamedUsersView> {
  const ic = identityCase(ctx);
  const base = { caseId: ctx.row.id, personId: ctx.row.person_id, protectedIdentity: ic.protectedIdentity };
  if (!ic.protectedIdentity) return { ...base, namedUsers: [], candidates: [], abilities: { name: false } };
  const { all, here } = await grantsOnCase(ctx);
  const lastOne = activeNamedCount(all) <= 1;
  const namedUsers = here.map((g) => presentNamedUser(g, ctx.actor.userId, canRevoke(ctx.actor, ic, g.user_id) && !(lastOne && g.user_active)));
  const candidates: NamedUsersView['candidates'] = [];
  if (namingReach(ctx.actor, ic) !== null) {
    const named = new Set(all.map((g) => g.user_id));
    const shares = await sharesByOrganisation(ctx.trx, ctx.row.id);
    for (const u of await possibleGrantees(ctx.trx, { region: ctx.row.region, referringOrgId: ctx.row.referring_org_id, caseId: ctx.row.id })) {
      if (named.has(u.user_id)) continue;
      const facts = granteeFactsOf(u);
      if (!canName(ctx.actor, ic, facts, granteeAccess(facts, caseFactsOf(ctx), shares.get(u.organisation_id) ?? []))) continue;
      candidates.push({ userId: u.user_id, name: u.user_name, organisation: { id: u.organisation_id, name: u.organisation_name } });
    }
  }
  return { ...base, namedUsers, candidates, abilities: { name: candidates.length > 0 } };
}

async function settle(outcome: Promise<Outcome>): Promise<NamedUsersView> {
  const result = await outcome;
  if ('refused' in result) throw result.refused;
  return result.view;
}

const NOT_NAMED = 'Only the named users of a protected identity see who they are';

export async function listNamedUsers(db: Kysely<DB>, actor: Actor, caseId: string): Promise<NamedUsersView> {
  return settle(
    onCase(db, actor, caseId, { auditAction: 'person.identity_grants', allowed: () => true }, async (ctx): Promise<Outcome> => {
      if (!canSeeNamedUsers(identityCase(ctx))) {
        await audit(ctx, 'person.identity_grants', 'denied', {});
        return { refused: new ForbiddenError(NOT_NAMED) };
      }
      const view = await buildView(ctx);
      await audit(ctx, 'person.identity_grants', 'ok', { namedUserIds: view.namedUsers.map((u) => u.userId) });
      return { view };
    }),
  );
}

export async function nameUser(db: Kysely<DB>, actor: Actor, caseId: string, input: NameUserInput): Promise<NamedUsersView> {
  return settle(
    onCase(db, actor, caseId, { auditAction: 'person.identity_grant', allowed: () => true }, async (ctx): Promise<Outcome> => {
      const ic = identityCase(ctx);
      const refuse = async (error: AppError, why: string): Promise<Outcome> => {
        await audit(ctx, 'person.identity_grant', 'denied', { granteeUserId: input.userId, refused: why });
        return { refused: error };
      };
      if (!ic.protectedIdentity) return refuse(new RuleError('not_protected', 'The person has no protected identity: everyone who reads the case sees the name'), 'not_protected');
      if (namingReach(actor, ic) === null) return refuse(new ForbiddenError('Only a named user may name others'), 'not_named');
      await lockPersonGrants(ctx.trx, ctx.row.person_id);
      if (input.userId === actor.userId) return refuse(new RuleError('self_naming', 'Nobody names themselves'), 'self');
      const grantee = (await possibleGrantees(ctx.trx, { region: ctx.row.region, referringOrgId: ctx.row.referring_org_id, caseId: ctx.row.id })).find((u) => u.user_id === input.userId);
      const shares = await sharesByOrganisation(ctx.trx, ctx.row.id);
      const facts = grantee ? granteeFactsOf(grantee) : null;
      const access = facts ? granteeAccess(facts, caseFactsOf(ctx), shares.get(facts.organisationId) ?? []) : null;
      if (!facts || !canName(actor, ic, facts, access)) {
        const message = ic.access === 'full' ? 'Only a user who can read this case may be named' : 'You may name the coordinators of the case’s region';
        return refuse(new RuleError('grantee_not_allowed', message, [{ path: 'userId', message }]), 'grantee_not_allowed');
      }
      if (await activeGrant(ctx.trx, ctx.row.person_id, input.userId)) return refuse(new ConflictError('already_named', 'The user is already named'), 'already_named');
      const grantId = await addGrant(ctx.trx, { personId: ctx.row.person_id, userId: input.userId, kind: 'named', grantedBy: actor.userId!, reason: input.reason });
      // The reason is free text: it stays with the grant, not in the trail.
      await audit(ctx, 'person.identity_grant', 'ok', { grantId, granteeUserId: input.userId, kind: 'named', reason: '[recorded]' });
      return { view: await buildView(ctx) };
    }),
  );
}

export async function revokeNamedUser(db: Kysely<DB>, actor: Actor, caseId: string, input: RevokeNamedUserInput): Promise<NamedUsersView> {
  const userId = input.userId;
  return settle(
    onCase(db, actor, caseId, { auditAction: 'person.identity_revoke', allowed: () => true }, async (ctx): Promise<Outcome> => {
      const ic = identityCase(ctx);
      const refuse = async (error: AppError, outcome: 'denied' | 'not_found', why: string): Promise<Outcome> => {
        await audit(ctx, 'person.identity_revoke', outcome, { granteeUserId: userId, refused: why });
        return { refused: error };
      };
      if (!canSeeNamedUsers(ic)) return refuse(new ForbiddenError(NOT_NAMED), 'denied', 'not_named');
      await lockPersonGrants(ctx.trx, ctx.row.person_id);
      const { all, here } = await grantsOnCase(ctx);
      const grant = here.find((g) => g.user_id === userId);
      // A grant the caller cannot see through this case reads as no grant at all.
      if (!ic.protectedIdentity || !grant) return refuse(new NotFoundError('named user'), 'not_found', 'no_grant');
      if (!canRevoke(actor, ic, userId)) return refuse(new ForbiddenError('Only a named coordinator of the region removes others; anyone named may step back'), 'denied', 'not_allowed');
      if (grant.user_active && activeNamedCount(all) <= 1) {
        return refuse(new ConflictError('last_named_user', 'The last named user cannot be removed: name someone else first'), 'denied', 'last_named_user');
      }
      await revokeGrant(ctx.trx, grant.id, actor.userId!, input.reason);
      await audit(ctx, 'person.identity_revoke', 'ok', { grantId: grant.id, granteeUserId: userId, reason: '[recorded]' });
      return { view: await buildView(ctx) };
    }),
  );
}

/**
 * Names the actor who registers a protected person, or flags a person as protected, inside the
 * caller's transaction: otherwise nobody, the registrant included, would see the name again.
 */
export async function nameRegistrant(trx: Trx, actor: Actor, personId: string, caseId: string): Promise<void> {
  if (actor.userId === null) return;
  await lockPersonGrants(trx, personId);
  const grantId = await addGrant(trx, { personId, userId: actor.userId, kind: 'registrant', grantedBy: actor.userId, reason: '' });
  if (grantId === null) return;
  await recordAudit(trx, actor, {
    action: 'person.identity_grant',
    resourceType: 'person',
    resourceId: personId,
    caseId,
    personId,
    details: { grantId, granteeUserId: actor.userId, kind: 'registrant' },
  });
}

/** Every grant of a person, revoked ones too, with reasons: for auditors only. */
export async function grantHistory(db: Kysely<DB>, actor: Actor, personId: string): Promise<GrantHistory> {
  if (!canReadGrantHistory(actor)) throw new ForbiddenError('Only auditors read the history of named users');
  return db.transaction().execute(async (trx) => {
    const rows = await grantHistoryOf(trx, personId);
    const exists = (await trx.selectFrom('persons').select('id').where('id', '=', personId).executeTakeFirst()) !== undefined;
    await recordAudit(trx, actor, {
      action: 'audit.identity_grants',
      outcome: exists || rows.length > 0 ? 'ok' : 'not_found',
      resourceType: 'person',
      resourceId: personId,
      personId: exists ? personId : null,
      details: { grants: rows.length },
    });
    return presentGrantHistory(personId, rows);
  });
}
