// The kinds of audit event, typed so a misspelt action fails to compile.
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'case.list',
  'case.read',
  'case.create',
  'case.update',
  'case.transfer',
  'case.add_information',
  'person.read',
  'organisation.create',
  'organisation.update',
  'user.create',
  'user.update',
  'user.set_password',
  'token.create',
  'token.revoke',
  'audit.search',
  'audit.verify',
  'demo.seed',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** ok: done; denied: refused by policy (answered 404 or 403); not_found: no such record. */
export type AuditOutcome = 'ok' | 'denied' | 'not_found' | 'failed';

export interface AuditEventInput {
  action: AuditAction;
  outcome?: AuditOutcome;
  resourceType: 'case' | 'person' | 'user' | 'organisation' | 'session' | 'token' | 'audit' | 'system';
  resourceId?: string | null;
  personId?: string | null;
  caseId?: string | null;
  /** For writes: { before, after }. Never secrets. */
  details?: Record<string, unknown>;
}
