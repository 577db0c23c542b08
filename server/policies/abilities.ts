// What the signed-in user may do in general; sent with every session response so the UI
// shows only what is allowed. The server checks each action again; this is a convenience.
import type { Actor } from '../auth/actor.js';
import { hasRole } from '../auth/actor.js';

export interface GlobalAbilities {
  createReferral: boolean;
  listCases: boolean;
  viewAudit: boolean;
  manageOrganisations: boolean;
  manageUsers: boolean;
  viewStatistics: boolean;
}

export function globalAbilities(actor: Actor): GlobalAbilities {
  return {
    createReferral: hasRole(actor, 'first_responder') || hasRole(actor, 'coordinator'),
    listCases: canListCases(actor),
    viewAudit: hasRole(actor, 'auditor'),
    manageOrganisations: hasRole(actor, 'admin'),
    manageUsers: hasRole(actor, 'admin'),
    viewStatistics: hasRole(actor, 'national_analyst') || hasRole(actor, 'coordinator'),
  };
}

export function canListCases(actor: Actor): boolean {
  return (
    hasRole(actor, 'coordinator') ||
    hasRole(actor, 'first_responder') ||
    hasRole(actor, 'social_services') ||
    hasRole(actor, 'partner')
  );
}
