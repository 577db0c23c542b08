// Data-subject access (GDPR art. 15): who may produce everything Lots holds about a person.
//
// The request is made to the controller, and the right of access is the person's, not the
// region's: so the coordinator of a region that holds (at least) one of the person's cases may
// produce all of the person's data across cases and regions. Nobody else may; for them the person
// does not exist (404), exactly as for a case out of scope. The condition is applied in SQL
// (access-report.repository.ts `personInReportScope`).
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { hasRole } from '../auth/actor.js';
import type { DB } from '../db/schema.js';

export function canProduceAccessReports(actor: Actor): boolean {
  return hasRole(actor, 'coordinator') && actor.organisationKind === 'regional_coordination' && actor.region !== null;
}

/** SQL predicate over `persons`: true for the persons the actor may produce a report on. */
export function accessReportScope(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'persons'>): Expression<SqlBool> => {
    if (!canProduceAccessReports(actor)) return sql<SqlBool>`false`;
    return eb.exists(
      eb
        .selectFrom('cases')
        .select(sql.lit(1).as('one'))
        .whereRef('cases.person_id', '=', 'persons.id')
        .where('cases.region', '=', actor.region!),
    );
  };
}

/**
 * The report holds the person's names; for a protected identity (skyddade personuppgifter) only
 * one of its named users produces it. Everyone else in scope is refused (403, audited): the
 * person's protection is already visible to them, the names are not.
 */
export function mayReportOn(person: { protectedIdentity: boolean; identityVisible: boolean }): boolean {
  return !person.protectedIdentity || person.identityVisible;
}
