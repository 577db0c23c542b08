// The assessment: the child rule from the person's age on the assessment date, the legal
// elements, the date rules, and re-assessment keeping the history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { assessmentBody, caseRow, createCase } from './process.factory.js';

let t: TestApp;
let referrer: Client;
let stockholm: Client;

beforeAll(async () => {
  t = await createTestApp();
  [referrer, stockholm] = await Promise.all(['socialsekreterare', 'koordinator.stockholm'].map((u) => signIn(t.app, u)));
});
afterAll(() => t.close());

/** A case under assessment for a person with the given age evidence. */
async function caseUnderAssessment(person: Record<string, unknown>): Promise<string> {
  const id = await createCase(referrer, { birthYear: null, birthDate: null, estimatedAge: null, ...person });
  const res = await stockholm.post(`/api/v1/cases/${id}/start-assessment`, { version: (await caseRow(t.database.db, id)).version });
  expect(res.statusCode).toBe(200);
  return id;
}

async function assess(id: string, overrides: Record<string, unknown> = {}) {
  return stockholm.post(`/api/v1/cases/${id}/assessments`, assessmentBody((await caseRow(t.database.db, id)).version, overrides));
}

const NO_MEANS = { means: [] };

describe('the child rule', () => {
  it('accepts "reason to assume" without improper means for a 16-year-old (by birth date)', async () => {
    const id = await caseUnderAssessment({ birthDate: '2010-01-15' });
    const res = await assess(id, NO_MEANS);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'reason_to_assume', assessedOn: '2026-03-10' });
    expect(res.json().assessment).toMatchObject({ ageAtAssessment: 16, ageBasis: 'birth_date', isChild: true, meansRequired: false, means: [] });
    const row = await t.database.db.selectFrom('assessments').selectAll().where('case_id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ age_at_assessment: 16, age_basis: 'birth_date', is_child: true, means_required: false, decider_name: 'Karin Koordinator' });
  });

  it('refuses it for a 30-year-old with 422 naming the means, and saves nothing', async () => {
    const id = await caseUnderAssessment({ birthDate: '1996-01-15' });
    const res = await assess(id, NO_MEANS);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'legal_elements_missing', fields: [{ path: 'means' }] });
    expect(res.json().error.message).toContain('means');
    expect(await t.database.db.selectFrom('assessments').select('id').where('case_id', '=', id).execute()).toEqual([]);
    expect((await caseRow(t.database.db, id)).status).toBe('under_assessment');
  });

  it('names acts, means and purposes together when all are missing', async () => {
    const id = await caseUnderAssessment({ birthDate: '1996-01-15' });
    const res = await assess(id, { acts: [], means: [], purposes: [] });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['acts', 'purposes', 'means']);
  });

  it('uses an estimated age, advanced from the day of the estimate', async () => {
    // Estimated 15 on the referral day (2026-03-02): still 15 on 2026-03-10.
    const id = await caseUnderAssessment({ estimatedAge: 15 });
    const res = await assess(id, NO_MEANS);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().assessment).toMatchObject({ ageAtAssessment: 15, ageBasis: 'estimated', isChild: true });
  });

  it('counts a birth year as born on 1 July: 17 on 30 June, 18 on 1 July', async () => {
    const child = await caseUnderAssessment({ birthYear: 2008 });
    const june = await assess(child, { ...NO_MEANS, assessedOn: '2026-06-30' });
    expect(june.statusCode, june.body).toBe(200);
    expect(june.json().assessment).toMatchObject({ ageAtAssessment: 17, ageBasis: 'birth_year', isChild: true });

    const adult = await caseUnderAssessment({ birthYear: 2008 });
    const july = await assess(adult, { ...NO_MEANS, assessedOn: '2026-07-01' });
    expect(july.statusCode).toBe(422);
    expect(july.json().error.fields).toEqual([expect.objectContaining({ path: 'means' })]);
  });

  it('treats an unknown age as adult', async () => {
    const id = await caseUnderAssessment({});
    const res = await assess(id, NO_MEANS);
    expect(res.statusCode).toBe(422);
    const ok = await assess(id);
    expect(ok.json().assessment).toMatchObject({ ageAtAssessment: null, ageBasis: 'unknown', isChild: null, meansRequired: true });
  });
});

describe('dates and fields', () => {
  let id: string;
  beforeAll(async () => {
    id = await caseUnderAssessment({ birthYear: 1994 });
  });

  it('refuses an assessment dated before the referral, naming assessedOn', async () => {
    const res = await assess(id, { assessedOn: '2026-03-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ path: 'assessedOn', message: 'cannot be before the referral date 2026-03-02' }]);
  });

  it('refuses a future date, an impossible date, unknown codes and short reasons', async () => {
    expect((await assess(id, { assessedOn: '2099-01-01' })).json().error.fields).toEqual([{ path: 'assessedOn', message: 'cannot be in the future' }]);
    expect((await assess(id, { assessedOn: '2026-02-30' })).statusCode).toBe(400);
    expect((await assess(id, { indicators: ['gen.made_up'] })).statusCode).toBe(400);
    expect((await assess(id, { acts: ['kidnapping'] })).statusCode).toBe(400);
    expect((await assess(id, { labourSector: 'Z' })).statusCode).toBe(400);
    expect((await assess(id, { reasons: 'kort' })).statusCode).toBe(400);
    expect((await assess(id, { name: 'Malai' })).statusCode).toBe(400);
  });

  it('refuses a labour sector without labour exploitation', async () => {
    const res = await assess(id, { exploitationForms: ['sexual'], purposes: ['sexual_purposes'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ path: 'labourSector', message: 'a sector is recorded only for labour exploitation' }]);
  });

  it('refuses a decision on a case whose assessment has not been started', async () => {
    const received = await createCase(referrer);
    const res = await assess(received);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toContain('start the assessment first');
  });
});

describe('re-assessment', () => {
  let id: string;
  const version = async () => (await caseRow(t.database.db, id)).version;
  beforeAll(async () => {
    id = await caseUnderAssessment({ birthYear: 1990 });
  });

  it('keeps every decision, newest first, the earlier one superseded by the later', async () => {
    const first = await assess(id, { decision: 'no_reason_to_assume', legalBasis: null, acts: [], means: [], exploitationForms: [], labourSector: null });
    expect(first.statusCode, first.body).toBe(200);
    const reopened = await stockholm.post(`/api/v1/cases/${id}/reassess`, { version: await version(), reason: 'Polisen har hittat nya uppgifter' });
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'under_assessment', allowedTransitions: ['decide_reason_to_assume', 'decide_no_reason_to_assume', 'close'] });
    // The earlier decision is still the current one until the new decision is made.
    expect(reopened.json().assessment.decision).toBe('no_reason_to_assume');

    const early = await assess(id, { assessedOn: '2026-03-09' });
    expect(early.json().error.fields).toEqual([{ path: 'assessedOn', message: 'cannot be before the assessment it replaces (2026-03-10)' }]);
    const second = await assess(id, { assessedOn: '2026-04-15', exploitationForms: ['labour', 'sexual'], labourSector: 'S' });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({ status: 'reason_to_assume', assessedOn: '2026-04-15' });

    const list = (await stockholm.get(`/api/v1/cases/${id}/assessments`)).json().items;
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ decision: 'reason_to_assume', current: true, supersededBy: null });
    expect(list[1]).toMatchObject({ decision: 'no_reason_to_assume', current: false, supersededBy: list[0].id });
    expect(list[0].indicators).toEqual([
      { id: 'gen.documents_withheld', form: 'general', sv: 'Pass eller id-handlingar hålls inne av någon annan', en: 'Passport or identity documents held by someone else' },
      { id: 'lab.wages_withheld', form: 'labour', sv: expect.any(String), en: 'Wages withheld, unpaid or far below agreed' },
    ]);

    const c = await caseRow(t.database.db, id);
    expect(c).toMatchObject({ status: 'reason_to_assume', assessed_on: '2026-04-15', exploitation_forms: ['labour', 'sexual'], labour_sector: 'S' });
    const kinds = (await t.database.db.selectFrom('case_events').select('kind').where('case_id', '=', id).orderBy('id').execute()).map((e) => e.kind);
    expect(kinds).toEqual(['referral_received', 'assessment_started', 'assessed', 'reassessment_opened', 'assessed']);
  });

  it('audits the decision with before and after, without the reasons text', async () => {
    const events = await t.database.db.selectFrom('audit_events').select('details').where('case_id', '=', id).where('action', '=', 'case.assess').orderBy('seq').execute();
    expect(events.at(-1)!.details).toMatchObject({
      before: { status: 'under_assessment', assessedOn: '2026-03-10' },
      after: { status: 'reason_to_assume', decision: 'reason_to_assume', assessedOn: '2026-04-15', reasons: '[text]' },
    });
    expect(JSON.stringify(events)).not.toContain('Rekryterad');
  });

  it('shows the latest assessment and today’s age in the process view, and audits the read', async () => {
    const view = (await stockholm.get(`/api/v1/cases/${id}/process`)).json();
    expect(view.assessment).toMatchObject({ assessedOn: '2026-04-15', current: true });
    expect(view.ageAtToday).toMatchObject({ basis: 'birth_year', isChild: false });
    const reads = await t.database.db.selectFrom('audit_events').select('details').where('case_id', '=', id).where('action', '=', 'case.read').execute();
    expect(reads.map((r) => (r.details as { section?: string }).section)).toEqual(expect.arrayContaining(['assessments', 'process']));
  });
});
