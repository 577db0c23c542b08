// Deadline tasks: generated on the right day from rows the other modules own (inserted here
// directly as stand-ins), idempotent, closed when their cause is gone, and listed only to those
// who may see them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { assessmentBody, caseRow, createCase, orgIdByName, userIdByName } from '../process/process.factory.js';
import { generateTasks } from './task.generator.js';

let t: TestApp;
let db: Kysely<DB>;
let referrer: Client;
let stockholm: Client;
let vast: Client;
let goteborg: Client;
let unit: string;
let socStockholm: string;
let socGoteborg: string;

beforeAll(async () => {
  t = await createTestApp();
  db = t.database.db;
  [referrer, stockholm, vast, goteborg] = await Promise.all(['socialsekreterare', 'koordinator.stockholm', 'koordinator.vast', 'socialtjanst.goteborg'].map((u) => signIn(t.app, u)));
  unit = await orgIdByName(db, 'Regionkoordinatorerna Stockholm');
  socStockholm = await orgIdByName(db, 'Socialtjänsten Stockholms stad');
  socGoteborg = await orgIdByName(db, 'Socialtjänsten Göteborgs stad');
});
afterAll(() => t.close());

const tasksOf = (caseId: string, kind: string) =>
  db.selectFrom('tasks').select(['id', 'source_key', 'organisation_id', 'user_id', 'status', 'due_on', 'data']).where('case_id', '=', caseId).where('kind', '=', kind).orderBy('source_key').execute();

/** A case already assessed, so that only the rule under test makes tasks for it. */
async function assessedCase(): Promise<string> {
  const id = await createCase(referrer);
  await stockholm.post(`/api/v1/cases/${id}/start-assessment`, { version: (await caseRow(db, id)).version });
  const res = await stockholm.post(`/api/v1/cases/${id}/assessments`, assessmentBody((await caseRow(db, id)).version));
  expect(res.statusCode, res.body).toBe(200);
  return id;
}

describe('reflection period ending', () => {
  let caseId: string;
  let permitId: string;
  beforeAll(async () => {
    caseId = await assessedCase();
    const c = await caseRow(db, caseId);
    permitId = (
      await db
        .insertInto('permit_applications')
        .values({ case_id: caseId, person_id: c.person_id, kind: 'reflection', applicant_org_id: socStockholm, applicant_kind: 'social_welfare_board', submitted_on: '2026-03-11', decision: 'granted', decided_on: '2026-03-15', valid_from: '2026-03-15', valid_until: '2026-04-13' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });

  it('makes no reminder on day 24', async () => {
    await generateTasks(db, '2026-04-07');
    expect(await tasksOf(caseId, 'reflection_ending')).toEqual([]);
  });

  it('reminds the coordination unit and the applicant on day 25, due on the last valid day', async () => {
    const r = await generateTasks(db, '2026-04-08');
    expect(r.created).toBeGreaterThanOrEqual(2);
    const tasks = await tasksOf(caseId, 'reflection_ending');
    expect(tasks.map((x) => [x.source_key, x.organisation_id, x.due_on, x.status])).toEqual([
      [`reflection_ending:${permitId}:2026-04-13`, unit, '2026-04-13', 'open'],
      [`reflection_ending:${permitId}:2026-04-13:applicant`, socStockholm, '2026-04-13', 'open'],
    ]);
    expect(tasks[0]!.data).toMatchObject({ applicationId: permitId, validFrom: '2026-03-15', validUntil: '2026-04-13' });
  });

  it('is idempotent: a second run creates nothing', async () => {
    const before = await db.selectFrom('tasks').select('id').execute();
    const again = await generateTasks(db, '2026-04-08');
    expect(again.created).toBe(0);
    expect(await db.selectFrom('tasks').select('id').execute()).toHaveLength(before.length);
    const run = await db.selectFrom('job_runs').selectAll().where('job', '=', 'generate_tasks').executeTakeFirstOrThrow();
    expect(run.last_run_on).toBe('2026-04-08');
  });

  it('moves to day 25 of an extension, closing the reminder for the old end', async () => {
    // As the permits module records an extension: a row of its own, and the permit's end moved.
    await db.insertInto('permit_extensions').values({ application_id: permitId, decided_on: '2026-04-10', valid_until: '2026-05-13' }).execute();
    await db.updateTable('permit_applications').set({ valid_until: '2026-05-13' }).where('id', '=', permitId).execute();
    const r = await generateTasks(db, '2026-04-10');
    expect(r.closed).toBeGreaterThanOrEqual(2);
    expect((await tasksOf(caseId, 'reflection_ending')).map((x) => [x.source_key, x.status])).toEqual([
      [`reflection_ending:${permitId}:2026-04-13`, 'done'],
      [`reflection_ending:${permitId}:2026-04-13:applicant`, 'done'],
    ]);
    await generateTasks(db, '2026-05-07'); // day 24 of the extension (14 April – 13 May)
    expect((await tasksOf(caseId, 'reflection_ending')).filter((x) => x.status === 'open')).toEqual([]);
    await generateTasks(db, '2026-05-08');
    expect((await tasksOf(caseId, 'reflection_ending')).filter((x) => x.status === 'open').map((x) => x.due_on)).toEqual(['2026-05-13', '2026-05-13']);
  });
});

describe('referral not answered', () => {
  let caseId: string;
  let referralId: string;
  beforeAll(async () => {
    caseId = await assessedCase();
    referralId = (
      await db
        .insertInto('referrals')
        .values({ case_id: caseId, from_org_id: unit, to_org_id: socGoteborg, purpose: 'protected_housing', consent_basis: 'consent', sent_on: '2026-03-20', respond_by: '2026-03-21' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });

  it('waits until the respond-by day has passed, then tells both the recipient and the sender', async () => {
    await generateTasks(db, '2026-03-21');
    expect(await tasksOf(caseId, 'referral_overdue')).toEqual([]);
    await generateTasks(db, '2026-03-22');
    const tasks = await tasksOf(caseId, 'referral_overdue');
    expect(tasks.map((x) => [x.source_key, x.organisation_id, x.due_on])).toEqual([
      [`referral_overdue:${referralId}:recipient`, socGoteborg, '2026-03-21'],
      [`referral_overdue:${referralId}:sender`, unit, '2026-03-21'],
    ]);
  });

  it('shows the recipient its reminder without the case, which it cannot see yet', async () => {
    const items = (await goteborg.get('/api/v1/tasks')).json().items;
    const mine = items.filter((x: { data: { referralId?: string } }) => x.data.referralId === referralId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: 'referral_overdue', caseId: null, caseRef: null, overdue: true, kindLabel: { en: 'referral not answered' } });
    expect((await goteborg.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
  });

  it('closes both automatically when the referral is answered', async () => {
    await db.updateTable('referrals').set({ status: 'accepted', responded_on: '2026-03-23' }).where('id', '=', referralId).execute();
    const r = await generateTasks(db, '2026-03-23');
    expect(r.closed).toBeGreaterThanOrEqual(2);
    expect((await tasksOf(caseId, 'referral_overdue')).map((x) => [x.status, (x.data as { autoClosed?: boolean }).autoClosed])).toEqual([
      ['done', true],
      ['done', true],
    ]);
  });
});

describe('ÅMP follow-ups', () => {
  let caseId: string;
  let ampId: string;
  beforeAll(async () => {
    caseId = await assessedCase();
    ampId = (
      await db
        .insertInto('amp_returns')
        .values({ case_id: caseId, applied_on: '2026-04-01', decision: 'approved', decided_on: '2026-04-10', return_country: 'TH', returned_on: '2026-05-01' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });

  it('appears a week before the first follow-up (30 days after return) and closes when it is recorded', async () => {
    await generateTasks(db, '2026-05-23');
    expect(await tasksOf(caseId, 'amp_followup_due')).toEqual([]);
    await generateTasks(db, '2026-05-24');
    expect((await tasksOf(caseId, 'amp_followup_due')).map((x) => [x.source_key, x.organisation_id, x.due_on, x.status])).toEqual([[`amp_followup_due:${ampId}:1`, unit, '2026-05-31', 'open']]);
    await db.updateTable('amp_returns').set({ followup1_on: '2026-05-30' }).where('id', '=', ampId).execute();
    await generateTasks(db, '2026-05-30');
    expect((await tasksOf(caseId, 'amp_followup_due')).map((x) => x.status)).toEqual(['done']);
  });

  it('then the second, 180 days after return', async () => {
    await generateTasks(db, '2026-10-20');
    expect((await tasksOf(caseId, 'amp_followup_due')).filter((x) => x.status === 'open')).toEqual([]);
    await generateTasks(db, '2026-10-21');
    expect((await tasksOf(caseId, 'amp_followup_due')).filter((x) => x.status === 'open').map((x) => [x.source_key, x.due_on])).toEqual([[`amp_followup_due:${ampId}:2`, '2026-10-28']]);
  });
});

describe('assessment pending too long', () => {
  let caseId: string;
  beforeAll(async () => {
    caseId = await createCase(referrer, {}, { referredOn: '2026-06-01' });
  });

  it('comes when more than 14 days have passed since the referral (or N from the environment)', async () => {
    await generateTasks(db, '2026-06-15');
    expect(await tasksOf(caseId, 'assessment_pending')).toEqual([]);
    await generateTasks(db, '2026-06-16', { assessmentPendingDays: 30 });
    expect(await tasksOf(caseId, 'assessment_pending')).toEqual([]);
    await generateTasks(db, '2026-06-16');
    expect((await tasksOf(caseId, 'assessment_pending')).map((x) => [x.organisation_id, x.due_on, x.status])).toEqual([[unit, '2026-06-15', 'open']]);
  });

  it('follows the case to the coordinator it is assigned to', async () => {
    const me = await userIdByName(db, 'koordinator.stockholm');
    const res = await stockholm.post(`/api/v1/cases/${caseId}/assign`, { version: (await caseRow(db, caseId)).version, userId: me });
    expect(res.statusCode).toBe(200);
    expect((await generateTasks(db, '2026-06-17')).reassigned).toBeGreaterThanOrEqual(1);
    const mine = (await stockholm.get('/api/v1/tasks?scope=mine')).json().items;
    expect(mine.map((x: { caseId: string; kind: string }) => [x.caseId, x.kind])).toContainEqual([caseId, 'assessment_pending']);
    expect(mine.every((x: { assignedToMe: boolean }) => x.assignedToMe)).toBe(true);
  });

  it('closes when the assessment is made', async () => {
    await stockholm.post(`/api/v1/cases/${caseId}/start-assessment`, { version: (await caseRow(db, caseId)).version });
    await stockholm.post(`/api/v1/cases/${caseId}/assessments`, assessmentBody((await caseRow(db, caseId)).version, { assessedOn: '2026-06-18' }));
    await generateTasks(db, '2026-06-18');
    expect((await tasksOf(caseId, 'assessment_pending')).map((x) => x.status)).toEqual(['done']);
  });
});

describe('the task list and completing tasks', () => {
  it('lists open tasks overdue first, then by due date, with case refs and labels', async () => {
    const res = await stockholm.get('/api/v1/tasks?scope=organisation&status=open');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { overdue: boolean; dueOn: string; caseRef: string | null; kindLabel: { sv: string } }[];
    expect(items.length).toBeGreaterThan(0);
    const firstNotOverdue = items.findIndex((x) => !x.overdue);
    if (firstNotOverdue >= 0) expect(items.slice(firstNotOverdue).every((x) => !x.overdue)).toBe(true);
    const overdue = items.filter((x) => x.overdue).map((x) => x.dueOn);
    expect(overdue).toEqual([...overdue].sort());
    expect(items.every((x) => x.caseRef?.startsWith('LOTS-') && x.kindLabel.sv.length > 0)).toBe(true);
  });

  it('leaks nothing to another region', async () => {
    const stockholmCases = (await db.selectFrom('cases').select('id').where('region', '=', 'stockholm').execute()).map((c) => c.id);
    const theirs = (await vast.get('/api/v1/tasks')).json().items as { caseId: string | null }[];
    expect(theirs.filter((x) => x.caseId && stockholmCases.includes(x.caseId))).toEqual([]);
    expect(theirs).toEqual([]);
  });

  it('completes a task once; a second time is a conflict; another region gets 404', async () => {
    const open = (await stockholm.get('/api/v1/tasks')).json().items as { id: string }[];
    const id = open[0]!.id;
    expect((await vast.post(`/api/v1/tasks/${id}/complete`)).statusCode).toBe(404);
    const done = await stockholm.post(`/api/v1/tasks/${id}/complete`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ id, status: 'done', closedAutomatically: false });
    expect((await stockholm.post(`/api/v1/tasks/${id}/complete`, {})).statusCode).toBe(409);
    const list = (await stockholm.get('/api/v1/tasks?status=done')).json().items as { id: string }[];
    expect(list[0]!.id).toBe(id);
    const audit = await db.selectFrom('audit_events').select(['outcome', 'actor_username']).where('action', '=', 'task.complete').where('resource_id', '=', id).execute();
    expect(audit).toEqual(expect.arrayContaining([{ outcome: 'denied', actor_username: 'koordinator.vast' }, { outcome: 'ok', actor_username: 'koordinator.stockholm' }]));
  });

  it('refuses bad query parameters', async () => {
    expect((await stockholm.get('/api/v1/tasks?scope=everyone')).statusCode).toBe(400);
    expect((await stockholm.get('/api/v1/tasks?status=pending')).statusCode).toBe(400);
    expect((await stockholm.post('/api/v1/tasks/not-a-uuid/complete')).statusCode).toBe(400);
  });
});
