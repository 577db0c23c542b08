// The audit trail: only auditors read it. Nobody can change it (a trigger refuses that).
import type { Actor } from '../auth/actor.js';
import { hasRole } from '../auth/actor.js';

export type AuditTrailAction = 'search' | 'verify';

export function canOnAuditTrail(actor: Actor, _action: AuditTrailAction): boolean {
  return hasRole(actor, 'auditor') || actor.via === 'system';
}
