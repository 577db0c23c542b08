// Dates at which deadline tasks fall.
import { describe, expect, it } from 'vitest';
import { assessmentOverdueOn, reflectionReminder, reflectionReminderOn } from './tasks.js';
import { reflectionValidUntil } from './permits.js';

describe('reflection reminders', () => {
  it('fall on day 25 of a 30-day permit', () => {
    expect(reflectionReminderOn('2026-03-01')).toBe('2026-03-25');
    expect(reflectionReminder('2026-03-01', reflectionValidUntil('2026-03-01'), [])).toEqual({ from: '2026-03-01', until: '2026-03-30', remindOn: '2026-03-25' });
  });

  it('move to day 25 of the latest extension', () => {
    expect(reflectionReminder('2026-03-01', '2026-03-30', ['2026-04-29'])).toEqual({ from: '2026-03-31', until: '2026-04-29', remindOn: '2026-04-24' });
    expect(reflectionReminder('2026-03-01', '2026-03-30', ['2026-05-29', '2026-04-29'])).toMatchObject({ from: '2026-04-30', until: '2026-05-29' });
  });

  it('find the extension whether or not the permit row itself was moved to the new end', () => {
    // Permit 1–30 March, extended to 29 April, with the permit's own end left at 30 March or moved to 29 April.
    const expected = { from: '2026-03-31', until: '2026-04-29', remindOn: '2026-04-24' };
    expect(reflectionReminder('2026-03-01', '2026-03-30', ['2026-04-29'])).toEqual(expected);
    expect(reflectionReminder('2026-03-01', '2026-04-29', ['2026-04-29'])).toEqual(expected);
    expect(reflectionReminder('2026-03-01', '2026-05-29', ['2026-04-29', '2026-05-29'])).toEqual({ from: '2026-04-30', until: '2026-05-29', remindOn: '2026-05-24' });
  });

  it('come five days before the end of a shorter period, never before it starts', () => {
    expect(reflectionReminder('2026-03-01', '2026-03-30', ['2026-04-14']).remindOn).toBe('2026-04-09');
    expect(reflectionReminder('2026-03-01', '2026-03-30', ['2026-04-02']).remindOn).toBe('2026-03-31');
  });
});

describe('assessmentOverdueOn', () => {
  it('counts days from the referral, across a month end', () => {
    expect(assessmentOverdueOn('2026-01-25')).toBe('2026-02-08');
    expect(assessmentOverdueOn('2026-01-25', 30)).toBe('2026-02-24');
  });
});
