// Users: administrators manage accounts and roles, never case content.
import type { Actor } from '../auth/actor.js';
import { hasRole } from '../auth/actor.js';
import type { OrganisationKind } from '../../domain/codelists/organisation-kinds.js';
import type { Role } from '../../domain/codelists/roles.js';

export type UserAction = 'list' | 'create' | 'update' | 'setPassword' | 'addToken';

export function canOnUsers(actor: Actor, _action: UserAction): boolean {
  return hasRole(actor, 'admin') || actor.via === 'system';
}

// Every organisation that can receive a referral (see domain/process/referral-purposes.ts)
// needs users who can read what is shared with it.
const PARTNER_KINDS: readonly OrganisationKind[] = ['police', 'prosecution', 'migration_agency', 'akc', 'tax_agency', 'social_insurance_agency', 'nsp_provider', 'iom', 'health_care', 'civil_society', 'school'];

/** A role only makes sense in some kinds of organisation; refuse the others at creation. */
export function roleFitsOrganisation(role: Role, kind: OrganisationKind): boolean {
  switch (role) {
    case 'coordinator':
      return kind === 'regional_coordination';
    case 'social_services':
      return kind === 'social_services';
    case 'partner':
      return PARTNER_KINDS.includes(kind);
    case 'national_analyst':
      return kind === 'national_coordinator';
    case 'first_responder':
    case 'admin':
    case 'auditor':
      return true;
  }
}
