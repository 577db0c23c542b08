// Deadlines that become tasks (issue: "nobody loses track of a deadline"). Pure rules: the daily
// job asks these which tasks should exist on a given day, and creates the missing ones.
import type { CodeEntry } from '../codelists/codelist.js';
import { REFLECTION_REMINDER_DAY, addDays } from './permits.js';

export const TASK_KINDS = [
  { code: 'reflection_ending', sv: 'betänketiden löper ut', en: 'reflection period ending' },
  { code: 'referral_overdue', sv: 'hänvisning obesvarad', en: 'referral not answered' },
  { code: 'amp_followup_due', sv: 'uppföljning ÅMP', en: 'ÅMP follow-up due' },
  { code: 'assessment_pending', sv: 'bedömning dröjer', en: 'assessment pending too long' },
] as const satisfies readonly CodeEntry[];
export type TaskKind = (typeof TASK_KINDS)[number]['code'];

export const DEFAULT_ASSESSMENT_PENDING_DAYS = 14;

/** Day 25 of a 30-day period: the reminder falls 24 days after the first valid day. */
export function reflectionReminderOn(validFrom: string): string {
  return addDays(validFrom, REFLECTION_REMINDER_DAY - 1);
}

export function assessmentOverdueOn(referredOn: string, pendingDays = DEFAULT_ASSESSMENT_PENDING_DAYS): string {
  return addDays(referredOn, pendingDays);
}
