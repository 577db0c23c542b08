// Who may use person matching. A person belongs to no region of its own: a coordinator sees a
// person through the cases of that person in the coordinator's police region. Everyone else
// who registers persons gets only the neutral "may already be known" signal, never evidence.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { hasRole } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import { identityVisible } from './protected-identity.policy.js';

export type PersonAction = 'check' | 'review' | 'pprl';

/** The coordinator's police region, or null for anyone who is not a regional coordinator. */
export function coordinatorRegion(actor: Actor): string | null {
  return hasRole(actor, 'coordinator') && actor.organisationKind === 'regional_coordination' ? actor.region : null;
}

export function canOnPersons(actor: Actor, action: PersonAction): boolean {
  switch (action) {
    case 'check':
      // Whoever may raise a referral may ask, before saving, whether the person may be known.
      return hasRole(actor, 'first_responder') || hasRole(actor, 'coordinator');
    case 'review':
      return coordinatorRegion(actor) !== null;
    case 'pprl':
      return hasRole(actor, 'first_responder') || hasRole(actor, 'partner') || hasRole(actor, 'social_services') || hasRole(actor, 'coordinator');
  }
}

/** Evidence (which fields agree, scores, names) is for the coordinator of a region the person is in. */
export function seesMatchEvidence(actor: Actor): boolean {
  return coordinatorRegion(actor) !== null;
}

/**
 * A merge is decided by a coordinator who sees both persons (each has a case in the region):
 * nobody chooses between field values they cannot see. A cross-region pair is merged after one
 * case has been transferred, so that one region holds both.
 */
export function canMergePair(actor: Actor, visible: { a: boolean; b: boolean }): boolean {
  return coordinatorRegion(actor) !== null && visible.a && visible.b;
}

/** "Not the same" only closes a suggestion; a coordinator of either region may decide it. */
export function canDecideNotSame(actor: Actor, visible: { a: boolean; b: boolean }): boolean {
  return coordinatorRegion(actor) !== null && (visible.a || visible.b);
}

/**
 * SQL predicate over candidate pairs: at least one person has a case in the actor's region, and
 * every protected identity in the pair is one the actor is named for: a pair's evidence (which
 * name fields agree) would otherwise tell a protected person's name from the other record.
 */
export function candidateScope(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'person_match_candidates'>): Expression<SqlBool> => {
    const region = coordinatorRegion(actor);
    if (region === null) return sql<SqlBool>`false`;
    const caseOf = (column: 'person_match_candidates.person_a' | 'person_match_candidates.person_b') =>
      eb.exists(eb.selectFrom('cases').select(sql.lit(1).as('one')).whereRef('cases.person_id', '=', column).where('cases.region', '=', region));
    const hiddenIdentity = sql<SqlBool>`exists (select 1 from persons pp
      where pp.id in (person_match_candidates.person_a, person_match_candidates.person_b)
        and not ${identityVisible(actor, 'pp')})`;
    return eb.and([eb.or([caseOf('person_match_candidates.person_a'), caseOf('person_match_candidates.person_b')]), eb.not(hiddenIdentity)]);
  };
}

/** SQL predicate over merges: the kept person has a case in the actor's region. */
export function mergeScope(actor: Actor) {
  return (eb: ExpressionBuilder<DB, 'person_merges'>): Expression<SqlBool> => {
    const region = coordinatorRegion(actor);
    if (region === null) return sql<SqlBool>`false`;
    return eb.exists(
      eb.selectFrom('cases').select(sql.lit(1).as('one')).whereRef('cases.person_id', '=', 'person_merges.kept_person_id').where('cases.region', '=', region),
    );
  };
}
