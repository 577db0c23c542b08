// The causes of tasks on a given day: each rule reads the rows owned by other modules (permits,
// referrals, ÅMP returns, cases) and says which tasks should exist, from which day each is to be
// shown, and for whom. A task whose cause is no longer listed is closed by the generator.
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { addDays } from '../../../domain/process/permits.js';
import { ampFollowupsDue } from '../../../domain/process/support.js';
import { AMP_FOLLOWUP_NOTICE_DAYS, assessmentOverdueOn, reflectionReminder, type TaskKind } from '../../../domain/process/tasks.js';
import { swedishToday } from '../../jobs/clock.js';

type Q = Kysely<DB> | Transaction<DB>;

export interface TaskCause {
  key: string;
  kind: TaskKind;
  caseId: string;
  organisationId: string;
  userId: string | null;
  dueOn: string;
  /** The task is created on this day or later (while its cause lasts). */
  showFrom: string;
  data: Record<string, unknown>;
}

/** Tasks for the coordination unit go to the coordinator the case is assigned to, if any. */
function unitUser(orgId: string, c: { responsible_org_id: string | null; assigned_user_id: string | null }): string | null {
  return orgId === c.responsible_org_id ? c.assigned_user_id : null;
}

/** Day 25 of a granted reflection period (or of its latest extension), while the period lasts. */
export async function reflectionCauses(q: Q, today: string): Promise<TaskCause[]> {
  const permits = await q
    .selectFrom('permit_applications as p')
    .innerJoin('cases', 'cases.id', 'p.case_id')
    .select(['p.id', 'p.case_id', 'p.applicant_org_id', 'p.valid_from', 'p.valid_until', 'cases.responsible_org_id', 'cases.assigned_user_id'])
    .where('p.kind', '=', 'reflection')
    .where('p.decision', '=', 'granted')
    .where('p.withdrawn_on', 'is', null)
    .where('p.valid_from', 'is not', null)
    .where('p.valid_until', 'is not', null)
    .execute();
  if (permits.length === 0) return [];
  const extensions = await q.selectFrom('permit_extensions').select(['application_id', 'valid_until']).where('application_id', 'in', permits.map((p) => p.id)).execute();
  const causes: TaskCause[] = [];
  for (const p of permits) {
    const period = reflectionReminder(p.valid_from!, p.valid_until!, extensions.filter((e) => e.application_id === p.id).map((e) => e.valid_until));
    if (period.until < today) continue; // the period is over: nothing left to decide
    const base = { kind: 'reflection_ending' as const, caseId: p.case_id, dueOn: period.until, showFrom: period.remindOn };
    const data = { applicationId: p.id, validFrom: period.from, validUntil: period.until };
    const key = `reflection_ending:${p.id}:${period.until}`;
    if (p.responsible_org_id) causes.push({ ...base, key, organisationId: p.responsible_org_id, userId: p.assigned_user_id, data: { ...data, audience: 'coordination' } });
    if (p.applicant_org_id !== p.responsible_org_id) causes.push({ ...base, key: `${key}:applicant`, organisationId: p.applicant_org_id, userId: null, data: { ...data, audience: 'applicant' } });
  }
  return causes;
}

/** A referral still unanswered after its respond-by day: for the recipient and for the sender. */
export async function referralCauses(q: Q): Promise<TaskCause[]> {
  const referrals = await q
    .selectFrom('referrals as r')
    .innerJoin('cases', 'cases.id', 'r.case_id')
    .select(['r.id', 'r.case_id', 'r.from_org_id', 'r.to_org_id', 'r.purpose', 'r.respond_by', 'cases.responsible_org_id', 'cases.assigned_user_id'])
    .where('r.status', '=', 'sent')
    .execute();
  return referrals.flatMap((r) => {
    const base = { kind: 'referral_overdue' as const, caseId: r.case_id, dueOn: r.respond_by, showFrom: addDays(r.respond_by, 1) };
    const data = { referralId: r.id, purpose: r.purpose, respondBy: r.respond_by };
    return [
      { ...base, key: `referral_overdue:${r.id}:recipient`, organisationId: r.to_org_id, userId: null, data: { ...data, audience: 'recipient' } },
      { ...base, key: `referral_overdue:${r.id}:sender`, organisationId: r.from_org_id, userId: unitUser(r.from_org_id, r), data: { ...data, audience: 'sender' } },
    ];
  });
}

/** ÅMP follow-ups 30 and 180 days after the return, until each is recorded; for the coordination unit. */
export async function ampCauses(q: Q): Promise<TaskCause[]> {
  const returns = await q
    .selectFrom('amp_returns as a')
    .innerJoin('cases', 'cases.id', 'a.case_id')
    .select(['a.id', 'a.case_id', 'a.returned_on', 'a.followup1_on', 'a.followup2_on', 'cases.responsible_org_id', 'cases.assigned_user_id'])
    .where('a.returned_on', 'is not', null)
    .where((eb) => eb.or([eb('a.followup1_on', 'is', null), eb('a.followup2_on', 'is', null)]))
    .execute();
  const causes: TaskCause[] = [];
  for (const a of returns) {
    if (!a.responsible_org_id) continue;
    const due = ampFollowupsDue(a.returned_on!);
    const followups = [
      { n: 1, dueOn: due.first, open: a.followup1_on === null },
      { n: 2, dueOn: due.second, open: a.followup2_on === null },
    ];
    for (const f of followups.filter((x) => x.open)) {
      causes.push({
        key: `amp_followup_due:${a.id}:${f.n}`,
        kind: 'amp_followup_due',
        caseId: a.case_id,
        organisationId: a.responsible_org_id,
        userId: a.assigned_user_id,
        dueOn: f.dueOn,
        showFrom: addDays(f.dueOn, -AMP_FOLLOWUP_NOTICE_DAYS),
        data: { ampReturnId: a.id, followup: f.n, returnedOn: a.returned_on },
      });
    }
  }
  return causes;
}

/**
 * A case waiting for its assessment more than `pendingDays` days, counted from the referral, or
 * from the latest re-assessment or reopening when there was one. Imported historical cases are left out.
 */
export async function assessmentCauses(q: Q, pendingDays: number): Promise<TaskCause[]> {
  const cases = await q
    .selectFrom('cases')
    .select((eb) => [
      'cases.id',
      'cases.referred_on',
      'cases.responsible_org_id',
      'cases.assigned_user_id',
      eb
        .selectFrom('case_events')
        .select((e) => e.fn.max('case_events.at').as('at'))
        .whereRef('case_events.case_id', '=', 'cases.id')
        .where('case_events.kind', 'in', ['reassessment_opened', 'reopened'])
        .as('restarted_at'),
    ])
    .where('cases.status', 'in', ['received', 'under_assessment'])
    .where('cases.imported', '=', false)
    .where('cases.responsible_org_id', 'is not', null)
    .execute();
  return cases.map((c) => {
    const restarted = c.restarted_at ? swedishToday(new Date(c.restarted_at)) : null;
    const since = restarted && restarted > c.referred_on ? restarted : c.referred_on;
    const dueOn = assessmentOverdueOn(since, pendingDays);
    return {
      key: `assessment_pending:${c.id}:${since}`,
      kind: 'assessment_pending' as const,
      caseId: c.id,
      organisationId: c.responsible_org_id!,
      userId: c.assigned_user_id,
      dueOn,
      showFrom: addDays(dueOn, 1),
      data: { since, pendingDays },
    };
  });
}
