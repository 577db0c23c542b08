// The case process through the API: every transition from every status (allowed or refused with
// the process's reason), assignment, support plans, and who may do what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { CASE_STATUSES } from '../../../domain/codelists/case-status.js';
import { TRANSITIONS, checkTransition, type CaseTransition } from '../../../domain/process/case-transitions.js';
import { addUser, assessmentBody, caseRow, createCase, orgIdByName, userIdByName } from './process.factory.js';

let t: TestApp;
let referrer: Client;
let stockholm: Client;
let vast: Client;

beforeAll(async () => {
  t = await createTestApp();
  [referrer, stockholm, vast] = await Promise.all(['socialsekreterare', 'koordinator.stockholm', 'koordinator.vast'].map((u) => signIn(t.app, u)));
});
afterAll(() => t.close());

const ROUTES: Record<CaseTransition, { path: string; body: (version: number) => Record<string, unknown> }> = {
  start_assessment: { path: 'start-assessment', body: (version) => ({ version }) },
  decide_reason_to_assume: { path: 'assessments', body: (version) => assessmentBody(version) },
  decide_no_reason_to_assume: { path: 'assessments', body: (version) => assessmentBody(version, { decision: 'no_reason_to_assume', legalBasis: null, means: [], acts: [] }) },
  reassess: { path: 'reassess', body: (version) => ({ version, reason: 'Ny information från polisen' }) },
  start_support: { path: 'start-support', body: (version) => ({ version }) },
  close: { path: 'close', body: (version) => ({ version, closedOn: '2026-03-20', reason: 'support_ended' }) },
  reopen: { path: 'reopen', body: (version) => ({ version, reason: 'Personen har hört av sig igen' }) },
};

describe('every transition from every status, through the API', () => {
  let caseId: string;
  beforeAll(async () => {
    caseId = await createCase(referrer);
  });

  const combos = CASE_STATUSES.flatMap((s) => (Object.keys(TRANSITIONS) as CaseTransition[]).map((tr) => [s.code, tr] as const));
  it.each(combos)('from %s: %s', async (from, transition) => {
    await t.database.db.updateTable('cases').set({ status: from, assessed_on: null }).where('id', '=', caseId).execute();
    const { version } = await caseRow(t.database.db, caseId);
    const route = ROUTES[transition];
    const res = await stockholm.post(`/api/v1/cases/${caseId}/${route.path}`, route.body(version));
    const check = checkTransition(from, transition);
    if (check.ok) {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ status: check.to, version: version + 1 });
      expect((await caseRow(t.database.db, caseId)).status).toBe(check.to);
    } else {
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'transition_refused' });
      expect(res.json().error.message).toContain(check.reason);
      const after = await caseRow(t.database.db, caseId);
      expect(after).toMatchObject({ status: from, version });
    }
  });
});

describe('a case moving through the process', () => {
  let caseId: string;
  const version = async () => (await caseRow(t.database.db, caseId)).version;
  beforeAll(async () => {
    caseId = await createCase(referrer);
  });

  it('offers the coordinator the moves allowed from the status, and the referrer none', async () => {
    const mine = (await stockholm.get(`/api/v1/cases/${caseId}/process`)).json();
    expect(mine).toMatchObject({ status: 'received', allowedTransitions: ['start_assessment', 'close'], detailsVisible: true, assessment: null });
    expect(mine.ageAtToday).toMatchObject({ basis: 'birth_year', isChild: false });
    const theirs = await referrer.get(`/api/v1/cases/${caseId}/process`);
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json()).toMatchObject({ status: 'received', allowedTransitions: [], detailsVisible: false, assessment: null, ageAtToday: null });
  });

  it('answers 404 to another region and 403 to the referrer, and changes nothing', async () => {
    const v = await version();
    expect((await vast.post(`/api/v1/cases/${caseId}/start-assessment`, { version: v })).statusCode).toBe(404);
    expect((await vast.get(`/api/v1/cases/${caseId}/process`)).statusCode).toBe(404);
    expect((await referrer.post(`/api/v1/cases/${caseId}/start-assessment`, { version: v })).statusCode).toBe(403);
    expect((await referrer.get(`/api/v1/cases/${caseId}/assessments`)).statusCode).toBe(403);
    expect(await version()).toBe(v);
  });

  it('refuses a stale version with 409', async () => {
    const v = await version();
    const res = await stockholm.post(`/api/v1/cases/${caseId}/start-assessment`, { version: v + 100 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('version_conflict');
  });

  it('starts, decides, supports and closes, with a timeline event and an audit event for each step', async () => {
    expect((await stockholm.post(`/api/v1/cases/${caseId}/start-assessment`, { version: await version() })).statusCode).toBe(200);
    expect((await stockholm.post(`/api/v1/cases/${caseId}/assessments`, assessmentBody(await version()))).statusCode).toBe(200);
    expect((await stockholm.post(`/api/v1/cases/${caseId}/start-support`, { version: await version() })).statusCode).toBe(200);
    const closed = await stockholm.post(`/api/v1/cases/${caseId}/close`, { version: await version(), closedOn: '2026-04-01', reason: 'returned_home', note: 'Återvände via ÅMP' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', closedOn: '2026-04-01', closureReason: 'returned_home', allowedTransitions: ['reopen'] });

    const kinds = (await stockholm.get(`/api/v1/cases/${caseId}`)).json().timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(['referral_received', 'assessment_started', 'assessed', 'support_started', 'closed']);
    const audit = await t.database.db.selectFrom('audit_events').select(['action', 'details']).where('case_id', '=', caseId).where('outcome', '=', 'ok').orderBy('seq').execute();
    const writes = audit.filter((a) => a.action !== 'case.read' && a.action !== 'case.create');
    expect(writes.map((a) => a.action)).toEqual(['case.start_assessment', 'case.assess', 'case.start_support', 'case.close']);
    expect(writes[3]!.details).toMatchObject({ before: { status: 'support_ongoing', closedOn: null }, after: { status: 'closed', closedOn: '2026-04-01', note: '[text]' } });
  });

  it('refuses a closure date before the referral or in the future, naming the field', async () => {
    const other = await createCase(referrer);
    const v = (await caseRow(t.database.db, other)).version;
    const early = await stockholm.post(`/api/v1/cases/${other}/close`, { version: v, closedOn: '2026-03-01', reason: 'no_contact' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toEqual([{ path: 'closedOn', message: 'cannot be before the referral date 2026-03-02' }]);
    const future = await stockholm.post(`/api/v1/cases/${other}/close`, { version: v, closedOn: '2099-01-01', reason: 'no_contact' });
    expect(future.json().error.fields).toEqual([{ path: 'closedOn', message: 'cannot be in the future' }]);
    const badReason = await stockholm.post(`/api/v1/cases/${other}/close`, { version: v, closedOn: '2026-03-05', reason: 'bored' });
    expect(badReason.statusCode).toBe(400);
  });

  it('reopens a closed case into a new assessment, clearing the closure', async () => {
    const res = await stockholm.post(`/api/v1/cases/${caseId}/reopen`, { version: await version(), reason: 'Personen har kommit tillbaka' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'under_assessment', closedOn: null, closureReason: null });
  });
});

describe('assignment within the coordination unit', () => {
  let caseId: string;
  let colleague: string;
  beforeAll(async () => {
    caseId = await createCase(referrer);
    colleague = await addUser(t.database.db, 'koordinator.stockholm2', await orgIdByName(t.database.db, 'Regionkoordinatorerna Stockholm'), ['coordinator']);
  });
  const version = async () => (await caseRow(t.database.db, caseId)).version;

  it('assigns a coordinator of the same unit, and unassigns', async () => {
    const res = await stockholm.post(`/api/v1/cases/${caseId}/assign`, { version: await version(), userId: colleague });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().assignedUser).toEqual({ id: colleague, name: 'Test koordinator.stockholm2' });
    const cleared = await stockholm.post(`/api/v1/cases/${caseId}/assign`, { version: await version(), userId: null });
    expect(cleared.json().assignedUser).toBeNull();
    const events = await t.database.db.selectFrom('case_events').select('kind').where('case_id', '=', caseId).where('kind', '=', 'assigned').execute();
    expect(events).toHaveLength(2);
  });

  it('refuses a coordinator of another unit, a non-coordinator, an inactive user and an unknown id', async () => {
    const soc = await orgIdByName(t.database.db, 'Regionkoordinatorerna Stockholm');
    const candidates = [
      await userIdByName(t.database.db, 'koordinator.vast'),
      await addUser(t.database.db, 'admin.stockholm', soc, ['admin']),
      await addUser(t.database.db, 'koordinator.gammal', soc, ['coordinator'], false),
      '00000000-0000-4000-8000-000000000000',
    ];
    for (const userId of candidates) {
      const res = await stockholm.post(`/api/v1/cases/${caseId}/assign`, { version: await version(), userId });
      expect(res.statusCode, userId).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'assignee_not_allowed', fields: [{ path: 'userId' }] });
    }
  });

  it('offers the coordinator exactly the active coordinators of the unit, and nobody to others', async () => {
    const view = (await stockholm.get(`/api/v1/cases/${caseId}/process`)).json();
    const names = view.assignableUsers.map((u: { name: string }) => u.name);
    expect(names).toContain('Test koordinator.stockholm2');
    expect(names).not.toContain('Test koordinator.gammal'); // inactive
    expect(names).not.toContain('Test admin.stockholm'); // not a coordinator
    expect(view.assignableUsers.every((u: { id: string }) => typeof u.id === 'string')).toBe(true);
    const referrerView = await referrer.get(`/api/v1/cases/${caseId}/process`);
    expect(referrerView.statusCode, referrerView.body).toBe(200);
    expect(referrerView.json().assignableUsers).toEqual([]);
  });
});

describe('support plans', () => {
  let caseId: string;
  beforeAll(async () => {
    caseId = await createCase(referrer);
  });

  it('keeps every version, newest first, with labelled needs', async () => {
    const first = await stockholm.post(`/api/v1/cases/${caseId}/support-plan`, { needs: ['housing', 'interpreter'], plan: 'Skyddat boende ordnas via socialtjänsten.' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ current: true, needs: [{ code: 'housing', en: 'housing' }, { code: 'interpreter' }] });
    const second = await stockholm.post(`/api/v1/cases/${caseId}/support-plan`, { needs: ['housing', 'health_care'], plan: 'Läkarbesök bokat.' });
    expect(second.statusCode).toBe(201);
    const list = (await stockholm.get(`/api/v1/cases/${caseId}/support-plan`)).json().items;
    expect(list.map((p: { id: string; current: boolean }) => [p.id, p.current])).toEqual([
      [second.json().id, true],
      [first.json().id, false],
    ]);
    const timeline = await t.database.db.selectFrom('case_events').select('data').where('case_id', '=', caseId).where('kind', '=', 'support_plan').execute();
    expect(timeline).toHaveLength(2);
    expect(JSON.stringify(timeline)).not.toContain('Läkarbesök');
  });

  it('refuses unknown needs, an empty plan, and writes by anyone but the coordinator', async () => {
    expect((await stockholm.post(`/api/v1/cases/${caseId}/support-plan`, { needs: ['spa'], plan: 'x' })).statusCode).toBe(400);
    expect((await stockholm.post(`/api/v1/cases/${caseId}/support-plan`, { needs: ['housing'], plan: '  ' })).statusCode).toBe(400);
    expect((await referrer.post(`/api/v1/cases/${caseId}/support-plan`, { needs: ['housing'], plan: 'x' })).statusCode).toBe(403);
    expect((await vast.get(`/api/v1/cases/${caseId}/support-plan`)).statusCode).toBe(404);
  });
});
