// Which process events on a case's timeline an actor may see. The timeline is shown to everyone
// who reads the case; events of the permit, criminal and support sections should be shown only
// to those who may read that section (an NSP provider has no need to see a police report's
// classification). For the case presenter to apply; unknown kinds are left to its own rules.
import { canOnCriminal } from './criminal.policy.js';
import { canOnPermits, type CaseSeen } from './permit.policy.js';
import { canReadSupport, type SupportSection } from './support.policy.js';

const SUPPORT_EVENT: Record<string, SupportSection> = {
  nsp_enrolled: 'nsp',
  nsp_updated: 'nsp',
  amp_applied: 'amp',
  amp_updated: 'amp',
  compensation_filed: 'compensation',
  compensation_updated: 'compensation',
};

export function canSeeProcessEvent(c: CaseSeen, kind: string): boolean {
  if (kind.startsWith('permit_')) return canOnPermits(c, 'read');
  if (kind.startsWith('police_report_')) return canOnCriminal(c, 'read');
  const section = SUPPORT_EVENT[kind];
  if (section) return canReadSupport(c, section);
  return true;
}
