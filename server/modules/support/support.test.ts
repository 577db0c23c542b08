// NSP, ÅMP and compensation on a case: who records which programme, impossible dates refused by
// field, one open enrolment/application at a time, and need-to-know on the read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { ORG, fieldPaths, isoToday, newCase, share } from '../permits/process.fixtures.js';

let t: TestApp;
let soc: Client;
let nsp: Client;
let iom: Client;
let coordinator: Client;
let caseId: string;
let unshared: string;

beforeAll(async () => {
  t = await createTestApp();
  [soc, nsp, iom, coordinator] = await Promise.all(['socialsekreterare', 'nsp', 'iom', 'koordinator.stockholm'].map((u) => signIn(t.app, u)));
  caseId = (await newCase(soc)).id;
  for (const o of [ORG.nsp, ORG.iom]) await share(t, caseId, o);
  unshared = (await newCase(coordinator)).id;
});
afterAll(() => t.close());

describe('NSP support', () => {
  let id: string;
  it('is recorded by the NSP provider on a shared case only', async () => {
    const body = { enrolledOn: '2026-03-10', supportTypes: ['protected_housing', 'counselling', 'counselling'], accompanyingChildren: 2, childrenInHomeCountry: 1 };
    expect((await nsp.post(`/api/v1/cases/${unshared}/nsp`, body)).statusCode).toBe(404);
    expect((await iom.post(`/api/v1/cases/${caseId}/nsp`, body)).statusCode).toBe(403);
    const ended = await nsp.post(`/api/v1/cases/${caseId}/nsp`, { ...body, endedOn: '2026-03-09' });
    expect(ended.statusCode).toBe(400);
    expect(fieldPaths(ended)).toEqual(['endedOn']);
    const future = await nsp.post(`/api/v1/cases/${caseId}/nsp`, { ...body, enrolledOn: isoToday(1) });
    expect(fieldPaths(future)).toEqual(['enrolledOn']);
    const res = await nsp.post(`/api/v1/cases/${caseId}/nsp`, body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ ongoing: true, supportTypes: ['protected_housing', 'counselling'], accompanyingChildren: 2, childrenInHomeCountry: 1 });
    id = res.json().id;
  });

  it('has one open enrolment at a time; ending it is checked and opens the way for a new one', async () => {
    const again = await coordinator.post(`/api/v1/cases/${caseId}/nsp`, { enrolledOn: '2026-04-01' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('nsp_enrolment_open');
    const early = await nsp.patch(`/api/v1/nsp/${id}`, { endedOn: '2026-03-01', version: 1 });
    expect(fieldPaths(early)).toEqual(['endedOn']);
    expect(fieldPaths(await nsp.patch(`/api/v1/nsp/${id}`, { endedOn: '2026-05-31' }))).toEqual(['body.version']);
    const ok = await nsp.patch(`/api/v1/nsp/${id}`, { endedOn: '2026-05-31', version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ ongoing: false, endedOn: '2026-05-31', version: 2 });
    // A second editor who read version 1 does not overwrite the first one's change.
    const stale = await coordinator.patch(`/api/v1/nsp/${id}`, { endedOn: '2026-06-30', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect((await coordinator.post(`/api/v1/cases/${caseId}/nsp`, { enrolledOn: '2026-09-01' })).statusCode).toBe(201);
    const ev = await t.database.db.selectFrom('audit_events').select('details').where('action', '=', 'nsp.record').where('outcome', '=', 'ok').orderBy('seq').execute();
    expect(ev[1]!.details).toMatchObject({ op: 'update', nspId: id, before: { endedOn: null }, after: { endedOn: '2026-05-31' } });
  });
});

describe('ÅMP return', () => {
  let id: string;
  let version = 1;
  const patch = (client: Client, body: Record<string, unknown>) => client.patch(`/api/v1/amp/${id}`, { version, ...body });

  it('is applied for by IOM, to a country other than Sweden, one open application at a time', async () => {
    expect(fieldPaths(await iom.post(`/api/v1/cases/${caseId}/amp`, { appliedOn: '2026-04-01', returnCountry: 'SE' }))).toEqual(['returnCountry']);
    expect((await nsp.post(`/api/v1/cases/${caseId}/amp`, { appliedOn: '2026-04-01', returnCountry: 'TH' })).statusCode).toBe(403);
    const res = await iom.post(`/api/v1/cases/${caseId}/amp`, { appliedOn: '2026-04-01', returnCountry: 'TH', accompanyingChildren: 1 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ decision: 'pending', returnCountry: 'TH', followup1DueOn: null, version: 1 });
    id = res.json().id;
    const again = await coordinator.post(`/api/v1/cases/${caseId}/amp`, { appliedOn: '2026-04-02', returnCountry: 'TH' });
    expect(again.json().error.code).toBe('amp_application_open');
  });

  it('refuses impossible dates, each naming its field', async () => {
    expect(fieldPaths(await patch(iom, { returnedOn: '2026-05-01' }))).toEqual(['returnedOn']);
    expect(fieldPaths(await patch(iom, { decision: 'approved' }))).toEqual(['decidedOn']);
    expect(fieldPaths(await patch(iom, { decision: 'approved', decidedOn: '2026-03-31' }))).toEqual(['decidedOn']);
    // A return before the ÅMP decision.
    expect(fieldPaths(await patch(iom, { decision: 'approved', decidedOn: '2026-04-20', returnedOn: '2026-04-19' }))).toEqual(['returnedOn']);
    expect(fieldPaths(await patch(iom, { decision: 'approved', decidedOn: '2026-04-20', returnedOn: '2026-05-01', followup1On: '2026-04-30' }))).toEqual(['followup1On']);
    expect(fieldPaths(await patch(iom, { decision: 'approved', decidedOn: '2026-04-20', followup1On: '2026-05-30' }))).toEqual(['followup1On']);
    expect(fieldPaths(await patch(iom, { decision: 'approved', decidedOn: '2026-04-20', returnedOn: '2026-05-01', followup1Satisfaction: 4 }))).toEqual(['followup1Satisfaction']);
    expect(fieldPaths(await patch(iom, { decision: 'approved', decidedOn: '2026-04-20', returnedOn: '2026-05-01', followup2On: '2026-11-01' }))).toEqual(['followup2On']);
    expect(fieldPaths(await patch(iom, { decision: 'approved', decidedOn: isoToday(1) }))).toEqual(['decidedOn']);
    const bad = await patch(iom, { followup1Satisfaction: 6 });
    expect(bad.statusCode).toBe(400);
    expect(fieldPaths(bad)).toEqual(['body.followup1Satisfaction']);
  });

  it('records decision, return and follow-ups in order, with version checks', async () => {
    const ok = await patch(iom, { decision: 'approved', decidedOn: '2026-04-20', returnedOn: '2026-05-01' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ decision: 'approved', returnedOn: '2026-05-01', followup1DueOn: '2026-05-31', followup2DueOn: '2026-10-28', version: 2 });
    expect((await patch(iom, { followup1On: '2026-06-01' })).statusCode).toBe(409);
    version = 2;
    const f1 = await patch(iom, { followup1On: '2026-06-01', followup1Satisfaction: 4, followup1Sustainable: true });
    expect(f1.statusCode, f1.body).toBe(200);
    version = 3;
    expect(fieldPaths(await patch(iom, { followup2On: '2026-05-30' }))).toEqual(['followup2On']);
    const f2 = await patch(coordinator, { followup2On: '2026-10-30', followup2Satisfaction: 5, followup2Sustainable: true });
    expect(f2.json()).toMatchObject({ followup2On: '2026-10-30', followup2Satisfaction: 5, version: 4 });
    const ev = await t.database.db.selectFrom('audit_events').select('details').where('action', '=', 'amp.record').where('outcome', '=', 'ok').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(ev.details).toMatchObject({ op: 'update', before: { followup2On: null }, after: { followup2On: '2026-10-30' } });
  });
});

describe('compensation', () => {
  let id: string;
  it('is recorded by the coordinator only', async () => {
    expect((await nsp.post(`/api/v1/cases/${caseId}/compensation`, { kind: 'unpaid_wages', filedOn: '2026-05-01' })).statusCode).toBe(403);
    const res = await coordinator.post(`/api/v1/cases/${caseId}/compensation`, { kind: 'unpaid_wages', filedOn: '2026-05-01', amountClaimedSek: 96_000 });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ decision: 'pending', amountClaimedSek: 96_000 });
    id = res.json().id;
  });

  it('refuses a decision before the filing, and amounts that do not fit the decision', async () => {
    const url = `/api/v1/compensation/${id}`;
    const version = 1;
    expect(fieldPaths(await coordinator.patch(url, { decision: 'granted', decidedOn: '2026-04-30', amountAwardedSek: 96_000, version }))).toEqual(['decidedOn']);
    expect(fieldPaths(await coordinator.patch(url, { decision: 'granted', decidedOn: '2026-06-30', version }))).toEqual(['amountAwardedSek']);
    expect(fieldPaths(await coordinator.patch(url, { decision: 'refused', decidedOn: '2026-06-30', amountAwardedSek: 10, version }))).toEqual(['amountAwardedSek']);
    expect(fieldPaths(await coordinator.patch(url, { decision: 'partly_granted', decidedOn: '2026-06-30', amountAwardedSek: 100_000, version }))).toEqual(['amountAwardedSek']);
    const ok = await coordinator.patch(url, { decision: 'partly_granted', decidedOn: '2026-06-30', amountAwardedSek: 64_000, version });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ decision: 'partly_granted', decidedOn: '2026-06-30', amountAwardedSek: 64_000, version: 2 });
    const stale = await coordinator.patch(url, { decision: 'granted', decidedOn: '2026-07-01', amountAwardedSek: 96_000, version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect((await coordinator.get(`/api/v1/cases/${caseId}/support`)).json().compensation[0]).toMatchObject({ decision: 'partly_granted', version: 2 });
    expect((await coordinator.patch('/api/v1/compensation/00000000-0000-4000-8000-000000000000', { decision: 'refused', version: 1 })).statusCode).toBe(404);
  });
});

describe('the support on a case', () => {
  it('shows each partner only its own programme, everything to the coordinator and social services', async () => {
    const all = await coordinator.get(`/api/v1/cases/${caseId}/support`);
    expect(all.statusCode).toBe(200);
    expect(all.json()).toMatchObject({ visible: { nsp: true, amp: true, compensation: true }, abilities: { nsp: true, amp: true, compensation: true } });
    expect([all.json().nsp.length, all.json().amp.length, all.json().compensation.length]).toEqual([2, 1, 1]);
    const byNsp = (await nsp.get(`/api/v1/cases/${caseId}/support`)).json();
    expect(byNsp).toMatchObject({ amp: [], compensation: [], visible: { nsp: true, amp: false, compensation: false }, abilities: { nsp: true, amp: false, compensation: false } });
    expect(byNsp.nsp).toHaveLength(2);
    const byIom = (await iom.get(`/api/v1/cases/${caseId}/support`)).json();
    expect(byIom).toMatchObject({ nsp: [], compensation: [], visible: { amp: true } });
    expect((await soc.get(`/api/v1/cases/${caseId}/support`)).statusCode).toBe(403);
    await share(t, caseId, ORG.socStockholm);
    const bySoc = (await soc.get(`/api/v1/cases/${caseId}/support`)).json();
    expect(bySoc).toMatchObject({ visible: { nsp: true, amp: true, compensation: true }, abilities: { nsp: false, amp: false, compensation: false } });
    const reads = await t.database.db.selectFrom('audit_events').select('details').where('action', '=', 'case.read').where('case_id', '=', caseId).execute();
    expect(reads.map((r) => r.details)).toContainEqual({ section: 'support' });
    const kinds = new Set((await t.database.db.selectFrom('case_events').select('kind').where('case_id', '=', caseId).execute()).map((e) => e.kind));
    for (const k of ['nsp_enrolled', 'nsp_updated', 'amp_applied', 'amp_updated', 'compensation_filed', 'compensation_updated']) expect(kinds).toContain(k);
  });
});
