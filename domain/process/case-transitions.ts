// The case process as a state machine (DOMAIN.md §3): which moves between statuses the
// process allows, and why the others are refused. Assessment decisions and closure are the
// only ways into the assessed and closed states; the services enforce that.
import type { CaseStatus } from '../codelists/case-status.js';

export type CaseTransition =
  | 'start_assessment'
  | 'decide_reason_to_assume'
  | 'decide_no_reason_to_assume'
  | 'reassess'
  | 'start_support'
  | 'close'
  | 'reopen';

interface Rule {
  from: readonly CaseStatus[];
  to: CaseStatus;
}

export const TRANSITIONS: Record<CaseTransition, Rule> = {
  start_assessment: { from: ['received'], to: 'under_assessment' },
  decide_reason_to_assume: { from: ['under_assessment'], to: 'reason_to_assume' },
  decide_no_reason_to_assume: { from: ['under_assessment'], to: 'no_reason_to_assume' },
  // Re-assessment keeps the earlier decision as history and opens a new assessment.
  reassess: { from: ['reason_to_assume', 'no_reason_to_assume', 'support_ongoing'], to: 'under_assessment' },
  // Support follows identification: the law gives support to presumed victims.
  start_support: { from: ['reason_to_assume'], to: 'support_ongoing' },
  close: { from: ['received', 'under_assessment', 'reason_to_assume', 'no_reason_to_assume', 'support_ongoing'], to: 'closed' },
  reopen: { from: ['closed'], to: 'under_assessment' },
};

const WHY_NOT: Partial<Record<CaseTransition, string>> = {
  start_assessment: 'an assessment can only be started on a newly received case',
  decide_reason_to_assume: 'a decision needs an assessment in progress: start the assessment first',
  decide_no_reason_to_assume: 'a decision needs an assessment in progress: start the assessment first',
  reassess: 'only an assessed case can be re-assessed',
  start_support: 'support starts only after an assessment that there is reason to assume trafficking or exploitation',
  close: 'the case is already closed',
  reopen: 'only a closed case can be reopened',
};

export type TransitionCheck = { ok: true; to: CaseStatus } | { ok: false; reason: string };

export function checkTransition(from: CaseStatus, transition: CaseTransition): TransitionCheck {
  const rule = TRANSITIONS[transition];
  if (rule.from.includes(from)) return { ok: true, to: rule.to };
  return { ok: false, reason: `${WHY_NOT[transition] ?? 'not allowed'} (the case is ${from})` };
}

/** Every transition allowed from a status, for the UI's buttons. */
export function transitionsFrom(from: CaseStatus): CaseTransition[] {
  return (Object.keys(TRANSITIONS) as CaseTransition[]).filter((t) => TRANSITIONS[t].from.includes(from));
}

/** Statuses in which the assessment is done (the first responder may no longer add to the referral). */
export const ASSESSED_STATUSES: readonly CaseStatus[] = ['reason_to_assume', 'no_reason_to_assume', 'support_ongoing', 'closed'];
