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
  'case.start_assessment',
  'case.assess',
  'case.start_support',
  'case.close',
  'case.reopen',
  'case.assign',
  'case.support_plan',
  'consent.record',
  'referral.send',
  'referral.accept',
  'referral.decline',
  'referral.complete',
  'referral.withdraw',
  'referral.inbox',
  'permit.apply',
  'permit.refused_duplicate',
  'permit.decide',
  'permit.extend',
  'permit.withdraw',
  'police_report.record',
  'police_report.update',
  'nsp.record',
  'amp.record',
  'compensation.record',
  'task.list',
  'task.complete',
  'task.generate',
  'group.create',
  'group.read',
  'group.update',
  'group.add_cases',
  'group.bulk',
  'notification.anonymous',
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
  'statistics.read',
  'statistics.import_cases',
  'statistics.export_cases',
  'statistics.export_htcds',
  'statistics.import_series',
  'person.access_report',
  'retention.run',
  'retention.erase_case',
  'retention.erase_person',
  'backup.create',
  'backup.restore',
  'person.match_check',
  'person.candidates',
  'person.merges',
  'person.merge',
  'person.unmerge',
  'person.not_same',
  'person.dedupe',
  'person.pprl_match',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** ok: done; denied: refused by policy (answered 404 or 403); not_found: no such record. */
export type AuditOutcome = 'ok' | 'denied' | 'not_found' | 'failed';

export interface AuditEventInput {
  action: AuditAction;
  outcome?: AuditOutcome;
  resourceType: 'case' | 'person' | 'user' | 'organisation' | 'session' | 'token' | 'audit' | 'system' | 'group' | 'task' | 'notification';
  resourceId?: string | null;
  personId?: string | null;
  caseId?: string | null;
  /** For writes: { before, after }. Never secrets. */
  details?: Record<string, unknown>;
}
