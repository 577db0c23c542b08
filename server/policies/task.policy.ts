// Who sees and completes a task. A task belongs to a user or an organisation, and is shown only
// where the actor may also see its case (the case scope is part of the SQL). One exception: the
// recipient of an overdue referral sees its reminder before it can see the case, because the
// referral itself already told it that the case exists; it sees the task, never the case.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import { caseScope } from './case.policy.js';

export type TaskOwnership = 'mine' | 'organisation';

/** True where the task's case is in the actor's case scope. */
export function taskCaseInScope(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'tasks'>) =>
    eb.exists(eb.selectFrom('cases').select(sql.lit(1).as('one')).whereRef('cases.id', '=', 'tasks.case_id').where(caseScope(actor)));
}

/** The tasks the actor may see: owned (by the actor, or by its organisation) and on a visible case. */
export function taskScope(actor: Actor, ownership: TaskOwnership | 'either') {
  return (eb: ExpressionBuilder<DB, 'tasks'>): Expression<SqlBool> => {
    const mine = actor.userId ? eb('tasks.user_id', '=', actor.userId) : sql<SqlBool>`false`;
    const ours = actor.organisationId ? eb('tasks.organisation_id', '=', actor.organisationId) : sql<SqlBool>`false`;
    const owned = ownership === 'mine' ? mine : ownership === 'organisation' ? ours : eb.or([mine, ours]);
    const referralRecipient = actor.organisationId
      ? eb.and([
          eb('tasks.kind', '=', 'referral_overdue'),
          eb('tasks.source_key', 'like', 'referral_overdue:%:recipient'),
          eb('tasks.organisation_id', '=', actor.organisationId),
        ])
      : sql<SqlBool>`false`;
    return eb.and([owned, eb.or([taskCaseInScope(actor)(eb), referralRecipient])]);
  };
}
