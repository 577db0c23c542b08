// The signed-in party every service call acts for. Services take (db, actor, input), never the request.
import type { OrganisationKind } from '../../domain/codelists/organisation-kinds.js';
import type { PoliceRegion } from '../../domain/codelists/police-regions.js';
import type { Role } from '../../domain/codelists/roles.js';

export interface Actor {
  userId: string | null;
  username: string;
  displayName: string;
  organisationId: string | null;
  organisationName: string | null;
  organisationKind: OrganisationKind | null;
  region: PoliceRegion | null;
  roles: readonly Role[];
  via: 'session' | 'token' | 'system';
  requestId: string;
}

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.includes(role);
}

/** The CLI and background jobs act as the system; the audit trail names them as such. */
export function systemActor(purpose: string): Actor {
  return {
    userId: null,
    username: `system:${purpose}`,
    displayName: 'Lots',
    organisationId: null,
    organisationName: null,
    organisationKind: null,
    region: null,
    roles: [],
    via: 'system',
    requestId: `${purpose}-${Date.now()}`,
  };
}
