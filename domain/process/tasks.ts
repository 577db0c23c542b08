// Deadlines that become tasks (issue: "nobody loses track of a deadline"). Pure rules: the daily
// job asks these which tasks should exist on a given day, and creates the missing ones.
import type { CodeEntry } from '../codelists/codelist.js';
import { REFLECTION_REMINDER_DAY, addDays, reflectionValidUntil } from './permits.js';

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

/** Days before the end of a reflection period that the reminder falls at the latest. */
const REFLECTION_REMINDER_LEAD = 5;

/**
 * The reflection period running now and the day its reminder falls: day 25 of the permit, or of
 * the latest extension (an extension runs from the day after the end it extends). For a period
 * shorter than 30 days the reminder moves earlier, to five days before its end, but never before
 * its first day; for a 30-day period both readings give day 25. `validUntil` may be the permit's
 * first end or, where the extension moved it, the latest end: when the first end is no longer
 * known it is taken as 30 days from `validFrom`.
 */
export function reflectionReminder(validFrom: string, validUntil: string, extendedUntil: readonly string[]): { from: string; until: string; remindOn: string } {
  const ends = [...new Set([validUntil, ...extendedUntil])].sort();
  const until = ends.at(-1)!;
  let from = validFrom;
  if (extendedUntil.length > 0) {
    const previousEnd = ends.filter((e) => e < until).at(-1) ?? reflectionValidUntil(validFrom);
    if (previousEnd < until && previousEnd >= validFrom) from = addDays(previousEnd, 1);
  }
  const day25 = reflectionReminderOn(from);
  const lead = addDays(until, -REFLECTION_REMINDER_LEAD);
  const remindOn = [day25, lead].sort()[0]!;
  return { from, until, remindOn: remindOn < from ? from : remindOn };
}

/** An ÅMP follow-up becomes a task this many days before it is due, so the contact can be planned. */
export const AMP_FOLLOWUP_NOTICE_DAYS = 7;
