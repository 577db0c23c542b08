// Who must sign in with a second factor, and who may reset one. Every role of Lots reads
// personal data: the case roles read victims' identities and case content; the national
// analyst reads case-level exports; the administrator reads staff accounts and can create any
// account (so an administrator's password alone would open everything); the auditor reads the
// trail of who read which person's case. So every role needs it. A user without roles can do
// nothing and is not asked. SSO users are exempt: their identity provider does the second
// factor (LOTS_OIDC_REQUIRED_ACR / _AMR make Lots check that it did). See docs/security.md.
import type { Actor } from '../auth/actor.js';
import { hasRole } from '../auth/actor.js';
import type { Role } from '../../domain/codelists/roles.js';

export type MfaSetting = 'required' | 'off' | null;

/** Roles that can read personal data, and so need a second factor with a password. */
export const ROLES_NEEDING_MFA: readonly Role[] = ['first_responder', 'coordinator', 'social_services', 'partner', 'national_analyst', 'admin', 'auditor'];

/**
 * LOTS_MFA=required or off decides; unset means required, except in demo mode (`npm start`),
 * where the printed demo sign-ins must work without an authenticator app.
 */
export function mfaEnforced(setting: MfaSetting, demoMode: boolean): boolean {
  return setting === null ? !demoMode : setting === 'required';
}

export function mfaRequiredFor(roles: readonly Role[], enforced: boolean): boolean {
  return enforced && roles.some((r) => ROLES_NEEDING_MFA.includes(r));
}

/** An administrator resets another user's second factor; never their own (another admin must). */
export function canResetMfa(actor: Actor, userId: string): boolean {
  return (hasRole(actor, 'admin') && actor.userId !== userId) || actor.via === 'system';
}
