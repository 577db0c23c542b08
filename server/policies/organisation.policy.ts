// Organisations: administrators manage them; everyone signed in may list them (names and
// kinds are not personal data, and referral forms need the list).
import type { Actor } from '../auth/actor.js';
import { hasRole } from '../auth/actor.js';

export type OrganisationAction = 'list' | 'create' | 'update';

export function canOnOrganisations(actor: Actor, action: OrganisationAction): boolean {
  switch (action) {
    case 'list':
      return actor.userId !== null || actor.via === 'system';
    case 'create':
    case 'update':
      return hasRole(actor, 'admin') || actor.via === 'system';
  }
}
