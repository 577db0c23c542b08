// Residence permits for presumed victims (reflection period, witness permit): who may read, apply,
// decide and withdraw. The applicant is a social welfare board, the police or the prosecution; the
// Migration Agency decides. The region's coordinator may record every step on the authority's
// behalf (coordinators apply for many reflection periods themselves, via the social welfare board).
import type { Actor } from '../auth/actor.js';
import type { OrganisationKind } from '../../domain/codelists/organisation-kinds.js';
import type { PermitApplicant } from '../../domain/process/permits.js';
import type { CaseAbilities, CaseAccess } from './case.policy.js';

/** What a policy needs to know about a case the actor already sees (a CaseContext fits). */
export interface CaseSeen {
  actor: Actor;
  access: CaseAccess;
  abilities: CaseAbilities;
}

export type PermitAction = 'read' | 'apply' | 'decide' | 'extend' | 'withdraw';

/** The kind of organisation that must stand behind each kind of applicant. */
export const APPLICANT_ORG_KIND: Record<PermitApplicant, OrganisationKind> = {
  social_welfare_board: 'social_services',
  police: 'police',
  prosecution: 'prosecution',
};

/** Shared or assigned through an active share of the case with the actor's organisation. */
export function viaShare(c: CaseSeen): boolean {
  return c.access === 'shared' || c.access === 'assigned';
}

export function sharedWithKind(c: CaseSeen, kinds: readonly OrganisationKind[]): boolean {
  return viaShare(c) && c.actor.organisationKind !== null && kinds.includes(c.actor.organisationKind);
}

const PERMIT_READERS: readonly OrganisationKind[] = ['social_services', 'police', 'prosecution', 'migration_agency'];

/** `applicantOrgId` is the application's (for withdraw) or the requested one (for apply). */
export function canOnPermits(c: CaseSeen, action: PermitAction, applicantOrgId?: string): boolean {
  if (c.abilities.coordinate) return true;
  switch (action) {
    case 'read':
      return sharedWithKind(c, PERMIT_READERS);
    case 'apply':
    case 'withdraw':
      return viaShare(c) && applicantOrgId !== undefined && c.actor.organisationId === applicantOrgId;
    case 'decide':
    case 'extend':
      return sharedWithKind(c, ['migration_agency']);
  }
}

export function permitAbilities(c: CaseSeen): { apply: boolean; decide: boolean; extend: boolean } {
  const ownOrgMayApply = viaShare(c) && (['social_services', 'police', 'prosecution'] as const).some((k) => k === c.actor.organisationKind);
  return {
    apply: c.abilities.coordinate || ownOrgMayApply,
    decide: canOnPermits(c, 'decide'),
    extend: canOnPermits(c, 'extend'),
  };
}
