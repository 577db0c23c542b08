// Permit periods, extensions, date order and who may do what.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { ORG, fieldPaths, isoToday, newCase, orgId, share } from './process.fixtures.js';

let t: TestApp;
let soc: Client;
let polis: Client;
let aklagare: Client;
let coordinator: Client;
let vast: Client;
let migration: Client;
let caseId: string;
let unshared: string;
const org: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  [soc, polis, aklagare, coordinator, vast, migration] = await Promise.all(
    ['socialsekreterare', 'polis', 'aklagare', 'koordinator.stockholm', 'koordinator.vast', 'migrationsverket'].map((u) => signIn(t.app, u)),
  );
  for (const [k, name] of Object.entries(ORG)) org[k] = await orgId(t, name);
  caseId = (await newCase(soc)).id;
  for (const o of [ORG.police, ORG.prosecution, ORG.migration]) await share(t, caseId, o);
  unshared = (await newCase(coordinator)).id;
});
afterAll(() => t.close());

const apply = (client: Client, id: string, body: Record<string, unknown>) =>
  client.post(`/api/v1/cases/${id}/permits`, { kind: 'reflection', applicantOrgId: org.prosecution, applicantKind: 'prosecution', viaCoordinator: false, submittedOn: '2026-06-01', ...body });

describe('a reflection period', () => {
  let id: string;

  it('refuses a decision before the submission or in the future, naming decidedOn', async () => {
    const res = await apply(aklagare, caseId, {});
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    const before = await migration.post(`/api/v1/permits/${id}/decision`, { version: 1, decision: 'granted', decidedOn: '2026-05-31' });
    expect(before.statusCode).toBe(400);
    expect(fieldPaths(before)).toEqual(['decidedOn']);
    const future = await migration.post(`/api/v1/permits/${id}/decision`, { version: 1, decision: 'granted', decidedOn: isoToday(3) });
    expect(fieldPaths(future)).toEqual(['decidedOn']);
    const period = await migration.post(`/api/v1/permits/${id}/decision`, { version: 1, decision: 'granted', decidedOn: '2026-06-02', validUntil: '2026-12-31' });
    expect(fieldPaths(period)).toEqual(['validUntil']);
  });

  it('runs 30 days from the decision: valid through decision + 29', async () => {
    const res = await migration.post(`/api/v1/permits/${id}/decision`, { version: 1, decision: 'granted', decidedOn: '2026-06-02' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ validFrom: '2026-06-02', validUntil: '2026-07-01', version: 2, status: 'expired', dayOfPeriod: null, daysLeft: null });
  });

  it('refuses a stale version, and a second decision', async () => {
    const stale = await migration.post(`/api/v1/permits/${id}/decision`, { version: 1, decision: 'refused', decidedOn: '2026-06-02' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const again = await migration.post(`/api/v1/permits/${id}/decision`, { version: 2, decision: 'refused', decidedOn: '2026-06-02' });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe('permit_not_pending');
  });

  it('is extended: each extension a row, valid_until moved; impossible dates refused by field', async () => {
    const early = await migration.post(`/api/v1/permits/${id}/extensions`, { version: 2, decidedOn: '2026-06-01', validUntil: '2026-07-31' });
    expect(early.statusCode).toBe(400);
    expect(fieldPaths(early)).toEqual(['decidedOn']);
    const shorter = await migration.post(`/api/v1/permits/${id}/extensions`, { version: 2, decidedOn: '2026-06-28', validUntil: '2026-07-01' });
    expect(fieldPaths(shorter)).toEqual(['validUntil']);
    const ok = await migration.post(`/api/v1/permits/${id}/extensions`, { version: 2, decidedOn: '2026-06-28', validUntil: '2026-07-31' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ validUntil: '2026-07-31', version: 3, extensions: [{ decidedOn: '2026-06-28', validUntil: '2026-07-31' }] });
    const beforePrevious = await coordinator.post(`/api/v1/permits/${id}/extensions`, { version: 3, decidedOn: '2026-06-20', validUntil: '2026-08-31' });
    expect(fieldPaths(beforePrevious)).toEqual(['decidedOn']);
    const second = await coordinator.post(`/api/v1/permits/${id}/extensions`, { version: 3, decidedOn: '2026-07-25', validUntil: '2026-08-31' });
    expect(second.json().extensions).toHaveLength(2);
    const rows = await t.database.db.selectFrom('permit_extensions').select('id').where('application_id', '=', id).execute();
    expect(rows).toHaveLength(2);
  });

  it('cannot be withdrawn once granted', async () => {
    const res = await aklagare.post(`/api/v1/permits/${id}/withdraw`, { version: 4, withdrawnOn: '2026-08-01' });
    expect(res.statusCode).toBe(422);
  });
});

describe('a witness permit', () => {
  let id: string;
  it('needs a period when granted, ending after it starts', async () => {
    const res = await apply(aklagare, caseId, { kind: 'witness', submittedOn: '2026-08-03' });
    id = res.json().id;
    const none = await migration.post(`/api/v1/permits/${id}/decision`, { version: 1, decision: 'granted', decidedOn: '2026-08-10' });
    expect(fieldPaths(none).sort()).toEqual(['validFrom', 'validUntil']);
    const backwards = await migration.post(`/api/v1/permits/${id}/decision`, { version: 1, decision: 'granted', decidedOn: '2026-08-10', validFrom: '2026-08-10', validUntil: '2026-08-10' });
    expect(fieldPaths(backwards)).toEqual(['validUntil']);
    const beforeSubmission = await migration.post(`/api/v1/permits/${id}/decision`, { version: 1, decision: 'granted', decidedOn: '2026-08-10', validFrom: '2026-08-01', validUntil: '2027-02-10' });
    expect(fieldPaths(beforeSubmission)).toEqual(['validFrom']);
    const ok = await migration.post(`/api/v1/permits/${id}/decision`, { version: 1, decision: 'granted', decidedOn: '2026-08-10', validFrom: '2026-08-10', validUntil: '2027-02-10' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ kind: 'witness', status: 'granted', validFrom: '2026-08-10', validUntil: '2027-02-10' });
    expect(ok.json().daysLeft).toBeGreaterThan(0);
  });

  it('refused: takes no period', async () => {
    const other = (await apply(aklagare, caseId, { kind: 'witness', submittedOn: '2026-08-03' })).json().id;
    const res = await migration.post(`/api/v1/permits/${other}/decision`, { version: 1, decision: 'refused', decidedOn: '2026-08-10', validFrom: '2026-08-10' });
    expect(fieldPaths(res)).toEqual(['validFrom']);
  });
});

describe('recording an application', () => {
  it('refuses an applicant organisation of the wrong kind, naming the field', async () => {
    const res = await apply(coordinator, caseId, { applicantOrgId: org.police, applicantKind: 'social_welfare_board' });
    expect(res.statusCode).toBe(400);
    expect(fieldPaths(res)).toEqual(['applicantOrgId']);
    const via = await apply(coordinator, caseId, { applicantOrgId: org.police, applicantKind: 'police', viaCoordinator: true });
    expect(fieldPaths(via)).toEqual(['viaCoordinator']);
    const future = await apply(coordinator, caseId, { kind: 'witness', submittedOn: isoToday(1) });
    expect(fieldPaths(future)).toEqual(['submittedOn']);
    const witnessBySocial = await apply(coordinator, caseId, { kind: 'witness', applicantOrgId: org.socStockholm, applicantKind: 'social_welfare_board' });
    expect(fieldPaths(witnessBySocial)).toEqual(['applicantKind']);
    const unknown = await apply(coordinator, caseId, { kind: 'witness', applicantOrgId: '00000000-0000-4000-8000-000000000000' });
    expect(fieldPaths(unknown)).toEqual(['applicantOrgId']);
  });

  it('lets a partner record only for its own organisation, and only on a shared case', async () => {
    const forOther = await apply(polis, caseId, { kind: 'witness', applicantOrgId: org.prosecution });
    expect(forOther.statusCode).toBe(403);
    const unsharedRes = await apply(polis, unshared, { kind: 'witness', applicantOrgId: org.police, applicantKind: 'police' });
    expect(unsharedRes.statusCode).toBe(404);
    const otherRegion = await apply(vast, caseId, { kind: 'witness' });
    expect(otherRegion.statusCode).toBe(404);
    // The referrer sees the case's status only: no share, no application.
    const referrer = await apply(soc, caseId, { kind: 'witness', applicantOrgId: org.socStockholm, applicantKind: 'social_welfare_board' });
    expect(referrer.statusCode).toBe(403);
  });

  it('lets only the Migration Agency or the coordinator decide', async () => {
    const id = (await apply(polis, caseId, { kind: 'witness', applicantOrgId: org.police, applicantKind: 'police' })).json().id;
    const byPolice = await polis.post(`/api/v1/permits/${id}/decision`, { version: 1, decision: 'refused', decidedOn: '2026-06-02' });
    expect(byPolice.statusCode).toBe(403);
    const otherRegion = await vast.post(`/api/v1/permits/${id}/decision`, { version: 1, decision: 'refused', decidedOn: '2026-06-02' });
    const missing = await vast.post('/api/v1/permits/00000000-0000-4000-8000-000000000000/decision', { version: 1, decision: 'refused', decidedOn: '2026-06-02' });
    expect(otherRegion.statusCode).toBe(404);
    expect(otherRegion.json()).toEqual(missing.json());
    const early = await polis.post(`/api/v1/permits/${id}/withdraw`, { version: 1, withdrawnOn: '2026-05-01' });
    expect(fieldPaths(early)).toEqual(['withdrawnOn']);
    const withdrawn = await polis.post(`/api/v1/permits/${id}/withdraw`, { version: 1, withdrawnOn: '2026-06-03' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', version: 2 });
  });
});

describe('the permit list', () => {
  it('is read by the coordinator and the partners concerned, audited, with timeline events', async () => {
    const res = await coordinator.get(`/api/v1/cases/${caseId}/permits`);
    expect(res.statusCode).toBe(200);
    expect(res.json().abilities).toEqual({ apply: true, decide: true, extend: true });
    expect(res.json().permits.length).toBeGreaterThanOrEqual(4);
    const byMigration = await migration.get(`/api/v1/cases/${caseId}/permits`);
    expect(byMigration.json().abilities).toEqual({ apply: false, decide: true, extend: true });
    expect((await soc.get(`/api/v1/cases/${caseId}/permits`)).statusCode).toBe(403);
    const reads = await t.database.db.selectFrom('audit_events').select(['details']).where('action', '=', 'case.read').where('case_id', '=', caseId).execute();
    expect(reads.map((r) => r.details)).toContainEqual({ section: 'permits' });
    const kinds = (await t.database.db.selectFrom('case_events').select('kind').where('case_id', '=', caseId).execute()).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['permit_applied', 'permit_decided', 'permit_extended', 'permit_withdrawn']));
    const decide = await t.database.db.selectFrom('audit_events').select('details').where('action', '=', 'permit.decide').where('outcome', '=', 'ok').executeTakeFirstOrThrow();
    expect(decide.details).toMatchObject({ before: { decision: 'pending' }, after: { decision: 'granted' } });
  });
});
