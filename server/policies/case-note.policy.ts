// Case notes and the AKC information rule. Since July 2024 the agencies of the regional centres
// against work-related crime (AKC) share information under the secrecy-breaking Act 2024:307.
// The act does not cover regional coordinators; information received under it must never become
// visible to them, nor to social services (the coordinators' own employers, whom the act does
// not name either), nor to civil society (NSP, IOM and other organisations).
//
// - A note is tagged at entry: `ordinary` (the default) or `akc_2024_307`. Only a user of an
//   organisation kind the act covers may tag AKC; the tag never changes (a trigger refuses it).
// - An AKC note is read only by users of covered organisation kinds who can read the case.
// - An ordinary note is read by those who see the whole case (the region's coordinators, social
//   services with an assignment) and, for everyone else, only when their own organisation wrote it.
// The rule is a SQL predicate (`noteScope`): a note the actor may not read is never fetched.
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Actor } from '../auth/actor.js';
import { hasRole } from '../auth/actor.js';
import type { DB } from '../db/schema.js';
import type { OrganisationKind } from '../../domain/codelists/organisation-kinds.js';
import type { NoteLegalBasis } from '../../domain/codelists/note-legal-bases.js';
import type { CaseAccess } from './case.policy.js';

/**
 * Organisation kinds whose agencies take part in AKC under Act 2024:307: the Police, the
 * Prosecution Authority, the Migration Agency, the Work Environment Authority (the `akc` kind),
 * the Tax Agency and the Social Insurance Agency. Not: regional coordination, social services,
 * NSP providers, IOM, civil society, health care, schools, the national coordinator (NSPM).
 */
export const AKC_COVERED_KINDS: readonly OrganisationKind[] = ['police', 'prosecution', 'migration_agency', 'akc', 'tax_agency', 'social_insurance_agency'];

/** The actor works at an agency the act covers, in a role that reads cases of its own (not a coordinator). */
export function coveredByAkcLaw(actor: Actor): boolean {
  if (actor.organisationKind === null || !AKC_COVERED_KINDS.includes(actor.organisationKind)) return false;
  if (hasRole(actor, 'coordinator')) return false;
  return hasRole(actor, 'partner') || hasRole(actor, 'first_responder');
}

/** Anyone who can read the case may add a note to it. */
export function canAddNote(access: CaseAccess | null): boolean {
  return access !== null;
}

export function mayTag(actor: Actor, basis: NoteLegalBasis): boolean {
  return basis === 'ordinary' || coveredByAkcLaw(actor);
}

/** SQL predicate over `case_notes` of a case the actor reads with `access`. */
export function noteScope(actor: Actor, access: CaseAccess) {
  return (eb: ExpressionBuilder<DB, 'case_notes'>): Expression<SqlBool> => {
    const ors: Expression<SqlBool>[] = [];
    if (coveredByAkcLaw(actor)) ors.push(eb('case_notes.legal_basis', '=', 'akc_2024_307'));
    if (access === 'full' || access === 'assigned') ors.push(eb('case_notes.legal_basis', '=', 'ordinary'));
    else if (actor.organisationId !== null) {
      ors.push(eb.and([eb('case_notes.legal_basis', '=', 'ordinary'), eb('case_notes.author_org_id', '=', actor.organisationId)]));
    }
    return ors.length > 0 ? eb.or(ors) : sql<SqlBool>`false`;
  };
}
