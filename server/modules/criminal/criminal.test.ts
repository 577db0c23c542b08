// Police reports, prosecution and judgment on a case: who records what, dates in order, and the
// flag for cases reported only under classifications without injured-party status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { ORG, fieldPaths, isoToday, newCase, share } from '../permits/process.fixtures.js';

let t: TestApp;
let soc: Client;
let polis: Client;
let aklagare: Client;
let coordinator: Client;
let caseId: string;
let unshared: string;

beforeAll(async () => {
  t = await createTestApp();
  [soc, polis, aklagare, coordinator] = await Promise.all(['socialsekreterare', 'polis', 'aklagare', 'koordinator.stockholm'].map((u) => signIn(t.app, u)));
  caseId = (await newCase(soc)).id;
  for (const o of [ORG.police, ORG.prosecution]) await share(t, caseId, o);
  unshared = (await newCase(coordinator)).id;
});
afterAll(() => t.close());

describe('police reports', () => {
  it('may be recorded by the police on a shared case, even before the referral, never in the future', async () => {
    const res = await polis.post(`/api/v1/cases/${caseId}/police-reports`, { reportedOn: '2026-01-15', classification: 'procuring', policeRef: '5000-K123456-26' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ classification: 'procuring', injuredParty: false, givesInjuredPartyStatus: false, prosecutionDecision: 'pending', version: 1 });
    const future = await polis.post(`/api/v1/cases/${caseId}/police-reports`, { reportedOn: isoToday(1), classification: 'trafficking' });
    expect(future.statusCode).toBe(400);
    expect(fieldPaths(future)).toEqual(['reportedOn']);
  });

  it('are refused on an unshared case (404) and to the prosecution (403)', async () => {
    const body = { reportedOn: '2026-03-05', classification: 'trafficking' };
    expect((await polis.post(`/api/v1/cases/${unshared}/police-reports`, body)).statusCode).toBe(404);
    expect((await aklagare.post(`/api/v1/cases/${caseId}/police-reports`, body)).statusCode).toBe(403);
    expect((await soc.post(`/api/v1/cases/${caseId}/police-reports`, body)).statusCode).toBe(403);
  });

  it('flag a case reported only under classifications without injured-party status', async () => {
    const before = await coordinator.get(`/api/v1/cases/${caseId}/criminal`);
    expect(before.statusCode).toBe(200);
    expect(before.json().flags).toEqual({ noInjuredPartyStatus: true });
    const added = await coordinator.post(`/api/v1/cases/${caseId}/police-reports`, { reportedOn: '2026-03-05', classification: 'trafficking' });
    expect(added.json()).toMatchObject({ injuredParty: true, givesInjuredPartyStatus: true });
    const after = await polis.get(`/api/v1/cases/${caseId}/criminal`);
    expect(after.json().flags).toEqual({ noInjuredPartyStatus: false });
    expect(after.json().reports).toHaveLength(2);
    expect(after.json().abilities).toEqual({ report: true, updateReport: true, recordInjuredParty: true, recordProsecution: false });
    const none = await coordinator.get(`/api/v1/cases/${unshared}/criminal`);
    expect(none.json()).toMatchObject({ reports: [], flags: { noInjuredPartyStatus: false } });
  });

  it('are not shown to the referrer; reads are audited', async () => {
    expect((await soc.get(`/api/v1/cases/${caseId}/criminal`)).statusCode).toBe(403);
    const reads = await t.database.db.selectFrom('audit_events').select('details').where('action', '=', 'case.read').where('case_id', '=', caseId).execute();
    expect(reads.map((r) => r.details)).toContainEqual({ section: 'criminal' });
  });
});

describe('the prosecution decision and judgment', () => {
  let id: string;
  let version = 1;
  const patch = (client: Client, body: Record<string, unknown>) => client.patch(`/api/v1/police-reports/${id}`, { version, ...body });

  beforeAll(async () => {
    const res = await polis.post(`/api/v1/cases/${caseId}/police-reports`, { reportedOn: '2026-04-01', classification: 'exploitation' });
    id = res.json().id;
  });

  it('refuse dates out of order and a judgment without prosecution, naming the field', async () => {
    expect(fieldPaths(await patch(aklagare, { prosecutionDecision: 'prosecuted', prosecutionDecidedOn: '2026-03-31' }))).toEqual(['prosecutionDecidedOn']);
    expect(fieldPaths(await patch(aklagare, { prosecutionDecision: 'prosecuted' }))).toEqual(['prosecutionDecidedOn']);
    expect(fieldPaths(await patch(aklagare, { prosecutionDecision: 'not_prosecuted', prosecutionDecidedOn: '2026-05-01', judgmentOutcome: 'convicted', judgmentOn: '2026-06-01' }))).toEqual(['judgmentOutcome']);
    expect(fieldPaths(await patch(aklagare, { prosecutionDecision: 'prosecuted', prosecutionDecidedOn: '2026-05-01', judgmentOutcome: 'convicted', judgmentOn: '2026-04-30' }))).toEqual(['judgmentOn']);
    expect(fieldPaths(await patch(aklagare, { prosecutionDecision: 'prosecuted', prosecutionDecidedOn: '2026-05-01', damagesAwardedSek: 50_000 }))).toEqual(['damagesAwardedSek']);
    expect(fieldPaths(await patch(aklagare, { prosecutionDecision: 'prosecuted', prosecutionDecidedOn: isoToday(2) }))).toEqual(['prosecutionDecidedOn']);
  });

  it('are recorded by the prosecution, not by the police', async () => {
    expect((await patch(polis, { prosecutionDecision: 'prosecuted', prosecutionDecidedOn: '2026-05-01' })).statusCode).toBe(403);
    expect((await patch(aklagare, { classification: 'procuring' })).statusCode).toBe(403);
    const ok = await patch(aklagare, { prosecutionDecision: 'prosecuted', prosecutionDecidedOn: '2026-05-01' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ prosecutionDecision: 'prosecuted', prosecutionDecidedOn: '2026-05-01', version: 2 });
    const stale = await patch(aklagare, { judgmentOutcome: 'convicted', judgmentOn: '2026-09-01' });
    expect(stale.statusCode).toBe(409);
    version = 2;
  });

  it('take a judgment and damages for an injured party only', async () => {
    const notInjured = await patch(aklagare, { injuredParty: false, judgmentOutcome: 'convicted', judgmentOn: '2026-09-01', damagesAwardedSek: 80_000 });
    expect(fieldPaths(notInjured)).toEqual(['damagesAwardedSek']);
    const acquitted = await patch(aklagare, { judgmentOutcome: 'acquitted', judgmentOn: '2026-09-01', damagesAwardedSek: 80_000 });
    expect(fieldPaths(acquitted)).toEqual(['damagesAwardedSek']);
    const ok = await patch(aklagare, { judgmentOutcome: 'convicted', judgmentOn: '2026-09-01', damagesAwardedSek: 80_000 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ judgmentOutcome: 'convicted', judgmentOn: '2026-09-01', damagesAwardedSek: 80_000, injuredParty: true, version: 3 });
    version = 3;
    // Taking the prosecution back while a judgment stands is refused, naming the judgment.
    expect(fieldPaths(await patch(coordinator, { prosecutionDecision: 'not_prosecuted' }))).toEqual(['judgmentOutcome']);
  });

  it('are audited with before and after, on the timeline, and 404 for an unknown report', async () => {
    const ev = await t.database.db.selectFrom('audit_events').select('details').where('action', '=', 'police_report.update').where('outcome', '=', 'ok').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(ev.details).toMatchObject({ reportId: id, before: { judgmentOutcome: null }, after: { judgmentOutcome: 'convicted', damagesAwardedSek: 80_000 } });
    const kinds = (await t.database.db.selectFrom('case_events').select('kind').where('case_id', '=', caseId).execute()).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['police_report_recorded', 'police_report_updated']));
    const missing = await aklagare.patch('/api/v1/police-reports/00000000-0000-4000-8000-000000000000', { version: 1, injuredParty: true });
    expect(missing.statusCode).toBe(404);
    const empty = await aklagare.patch(`/api/v1/police-reports/${id}`, { version });
    expect(empty.statusCode).toBe(400);
  });
});
