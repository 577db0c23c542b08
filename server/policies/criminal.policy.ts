// The criminal process on a case: the police record reports, the prosecution records its
// decisions and the judgment; the region's coordinator may record any of it. Readers are those
// who need it: coordinator, social services on the case, police, prosecution, Migration Agency
// (a witness permit depends on the investigation).
import type { OrganisationKind } from '../../domain/codelists/organisation-kinds.js';
import { sharedWithKind, type CaseSeen } from './permit.policy.js';

export type CriminalAction = 'read' | 'report' | 'updateReport' | 'recordInjuredParty' | 'recordProsecution';

const READERS: readonly OrganisationKind[] = ['social_services', 'police', 'prosecution', 'migration_agency'];

export function canOnCriminal(c: CaseSeen, action: CriminalAction): boolean {
  if (c.abilities.coordinate) return true;
  switch (action) {
    case 'read':
      return sharedWithKind(c, READERS);
    case 'report':
    case 'updateReport':
      return sharedWithKind(c, ['police']);
    case 'recordInjuredParty':
      return sharedWithKind(c, ['police', 'prosecution']);
    case 'recordProsecution':
      return sharedWithKind(c, ['prosecution']);
  }
}

export function criminalAbilities(c: CaseSeen): Record<Exclude<CriminalAction, 'read'>, boolean> {
  return {
    report: canOnCriminal(c, 'report'),
    updateReport: canOnCriminal(c, 'updateReport'),
    recordInjuredParty: canOnCriminal(c, 'recordInjuredParty'),
    recordProsecution: canOnCriminal(c, 'recordProsecution'),
  };
}
