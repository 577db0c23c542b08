// The case state machine: every (status, transition) pair, what it leads to, and why a refusal is refused.
import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, type CaseStatus } from '../codelists/case-status.js';
import { ASSESSED_STATUSES, TRANSITIONS, checkTransition, transitionsFrom, type CaseTransition } from './case-transitions.js';

const STATUSES = CASE_STATUSES.map((s) => s.code);
const ALL = Object.keys(TRANSITIONS) as CaseTransition[];

// The process as the brief draws it, written out independently of the table under test.
const EXPECTED: Record<CaseStatus, Partial<Record<CaseTransition, CaseStatus>>> = {
  received: { start_assessment: 'under_assessment', close: 'closed' },
  under_assessment: { decide_reason_to_assume: 'reason_to_assume', decide_no_reason_to_assume: 'no_reason_to_assume', close: 'closed' },
  reason_to_assume: { reassess: 'under_assessment', start_support: 'support_ongoing', close: 'closed' },
  no_reason_to_assume: { reassess: 'under_assessment', close: 'closed' },
  support_ongoing: { reassess: 'under_assessment', close: 'closed' },
  closed: { reopen: 'under_assessment' },
};

describe('checkTransition', () => {
  for (const from of STATUSES) {
    for (const t of ALL) {
      const to = EXPECTED[from][t];
      it(`${from} --${t}--> ${to ?? 'refused'}`, () => {
        const check = checkTransition(from, t);
        if (to) {
          expect(check).toEqual({ ok: true, to });
        } else {
          expect(check.ok).toBe(false);
          // The refusal explains itself and names the status the case is in.
          if (!check.ok) expect(check.reason).toMatch(new RegExp(`\\(the case is ${from}\\)$`));
        }
      });
    }
  }

  it('tells the coordinator to start the assessment before deciding', () => {
    const check = checkTransition('received', 'decide_reason_to_assume');
    expect(check).toMatchObject({ ok: false });
    if (!check.ok) expect(check.reason).toContain('start the assessment first');
  });

  it('refuses support before a positive assessment', () => {
    const check = checkTransition('no_reason_to_assume', 'start_support');
    if (check.ok) throw new Error('should be refused');
    expect(check.reason).toContain('reason to assume');
  });
});

describe('transitionsFrom', () => {
  it.each(STATUSES)('lists exactly the moves allowed from %s', (from) => {
    expect(new Set(transitionsFrom(from))).toEqual(new Set(Object.keys(EXPECTED[from])));
  });

  it('leaves no status a dead end and reaches every status from received', () => {
    const seen = new Set<CaseStatus>(['received']);
    const queue: CaseStatus[] = ['received'];
    while (queue.length > 0) {
      const s = queue.shift()!;
      expect(transitionsFrom(s).length).toBeGreaterThan(0);
      for (const t of transitionsFrom(s)) {
        const to = TRANSITIONS[t].to;
        if (!seen.has(to)) {
          seen.add(to);
          queue.push(to);
        }
      }
    }
    expect(seen).toEqual(new Set(STATUSES));
  });
});

describe('ASSESSED_STATUSES', () => {
  it('are the statuses reached only through a decision (or closure)', () => {
    expect(new Set(ASSESSED_STATUSES)).toEqual(new Set(['reason_to_assume', 'no_reason_to_assume', 'support_ongoing', 'closed']));
  });
});
