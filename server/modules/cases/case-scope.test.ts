// Each role's scope for list, read and write, enforced in SQL; denied reads are audited
// and look exactly like a missing case.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, referralBody, signIn, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let referrer: Client;
let stockholm: Client;
let vast: Client;
let school: Client;
let caseId: string;
let version: number;

beforeAll(async () => {
  t = await createTestApp();
  [referrer, stockholm, vast, school] = await Promise.all(
    ['socialsekreterare', 'koordinator.stockholm', 'koordinator.vast', 'skola.goteborg'].map((u) => signIn(t.app, u)),
  );
  const res = await referrer.post('/api/v1/cases', referralBody());
  expect(res.statusCode).toBe(201);
  caseId = res.json().id;
});
afterAll(() => t.close());

describe('a referral from a first responder', () => {
  it('is routed by municipality to the police region', async () => {
    const row = await t.database.db.selectFrom('cases').select(['region', 'status', 'ref']).where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(row.region).toBe('stockholm');
    expect(row.status).toBe('received');
    expect(row.ref).toMatch(/^LOTS-2026-\d{6}$/);
  });

  it("shows in the region's coordinator list and not in another region's", async () => {
    const mine = await stockholm.get('/api/v1/cases');
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.map((c: { id: string }) => c.id)).toContain(caseId);
    const other = await vast.get('/api/v1/cases');
    expect(other.statusCode).toBe(200);
    expect(other.json().items.map((c: { id: string }) => c.id)).not.toContain(caseId);
  });

  it('is readable in full by the coordinator of its region', async () => {
    const res = await stockholm.get(`/api/v1/cases/${caseId}`);
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.access).toBe('full');
    expect(view.person.givenNames).toBe('Malai');
    expect(view.summary).toBe('Syntetiskt testärende.');
    expect(view.abilities).toEqual({ read: true, update: true, transfer: true, addInformation: true, coordinate: true });
    version = view.version;
  });

  it('answers 404 to another region exactly as for a case that does not exist, and audits the denial', async () => {
    const denied = await vast.get(`/api/v1/cases/${caseId}`);
    const missing = await vast.get('/api/v1/cases/00000000-0000-4000-8000-000000000000');
    expect(denied.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(denied.json()).toEqual(missing.json());
    const events = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'outcome', 'actor_username'])
      .where('case_id', '=', caseId)
      .where('action', '=', 'case.read')
      .execute();
    expect(events).toContainEqual({ action: 'case.read', outcome: 'denied', actor_username: 'koordinator.vast' });
    expect(events).toContainEqual({ action: 'case.read', outcome: 'ok', actor_username: 'koordinator.stockholm' });
  });

  it('lets the referring organisation see its status but not the case content', async () => {
    const list = await referrer.get('/api/v1/cases');
    expect(list.json().items.map((c: { id: string }) => c.id)).toContain(caseId);
    const res = await referrer.get(`/api/v1/cases/${caseId}`);
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.access).toBe('referrer');
    expect(view.status).toBe('received');
    expect(view.summary).toBeNull();
    expect(view.exploitationForms).toEqual([]);
    expect(view.abilities).toEqual({ read: true, update: false, transfer: false, addInformation: true, coordinate: false });
  });

  it('is invisible to a first responder of another organisation', async () => {
    expect((await school.get('/api/v1/cases')).json().items).toEqual([]);
    expect((await school.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
  });

  it('lets the referrer add information until the case is assessed', async () => {
    const added = await referrer.post(`/api/v1/cases/${caseId}/information`, { text: 'Personen har nu ett telefonnummer.' });
    expect(added.statusCode).toBe(200);
    await t.database.db.updateTable('cases').set({ status: 'reason_to_assume', assessed_on: '2026-03-10' }).where('id', '=', caseId).execute();
    const refused = await referrer.post(`/api/v1/cases/${caseId}/information`, { text: 'Mer information.' });
    expect(refused.statusCode).toBe(403);
    await t.database.db.updateTable('cases').set({ status: 'received', assessed_on: null }).where('id', '=', caseId).execute();
  });
});

describe('writes', () => {
  it('refuses a write from another region with 404 and a stale version with 409', async () => {
    const foreign = await vast.patch(`/api/v1/cases/${caseId}`, { version, summary: 'Ändrat av fel region' });
    expect(foreign.statusCode).toBe(404);
    const ok = await stockholm.patch(`/api/v1/cases/${caseId}`, { version, summary: 'Uppdaterad sammanfattning' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(version + 1);
    const stale = await stockholm.patch(`/api/v1/cases/${caseId}`, { version, summary: 'Skulle skriva över' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const after = await stockholm.get(`/api/v1/cases/${caseId}`);
    expect(after.json().summary).toBe('Uppdaterad sammanfattning');
    version = after.json().version;
  });

  it('records before and after of a write in the audit trail', async () => {
    const ev = await t.database.db
      .selectFrom('audit_events')
      .select(['details', 'outcome'])
      .where('case_id', '=', caseId)
      .where('action', '=', 'case.update')
      .where('outcome', '=', 'ok')
      .executeTakeFirstOrThrow();
    expect(ev.details).toMatchObject({ before: { summary: '[redacted]' }, after: { summary: '[changed]' } });
  });

  it('refuses a referrer edit with 403 (it can see the case but not change it)', async () => {
    const res = await referrer.patch(`/api/v1/cases/${caseId}`, { version, summary: 'x' });
    expect(res.statusCode).toBe(403);
  });

  it('transfers a case to another region, after which only that region sees it', async () => {
    const res = await stockholm.post(`/api/v1/cases/${caseId}/transfer`, { version, region: 'vast', reason: 'Personen har flyttat till Göteborg' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ transferred: true, region: 'vast', case: null });
    expect((await stockholm.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
    const now = await vast.get(`/api/v1/cases/${caseId}`);
    expect(now.statusCode).toBe(200);
    expect(now.json().timeline.map((e: { kind: string }) => e.kind)).toContain('transferred');
  });
});

describe('roles without case access', () => {
  it.each(['analytiker', 'admin', 'revisor'])('%s cannot list or read cases', async (username) => {
    const c = await signIn(t.app, username);
    expect((await c.get('/api/v1/cases')).statusCode).toBe(403);
    expect((await c.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
    expect((await c.post('/api/v1/cases', referralBody())).statusCode).toBe(403);
  });
});

describe('social services and partners', () => {
  let sharedId: string;
  beforeAll(async () => {
    const res = await stockholm.post('/api/v1/cases', referralBody({ referralSource: 'own_outreach' }));
    sharedId = res.json().id;
  });

  it('social services see only cases assigned to their organisation', async () => {
    const goteborg = await signIn(t.app, 'socialtjanst.goteborg');
    expect((await goteborg.get(`/api/v1/cases/${sharedId}`)).statusCode).toBe(404);
    const org = goteborg.session.user.organisation.id;
    await t.database.db.insertInto('case_shares').values({ case_id: sharedId, organisation_id: org, purpose: 'assigned', fields: [] }).execute();
    const res = await goteborg.get(`/api/v1/cases/${sharedId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().access).toBe('assigned');
    expect((await goteborg.get('/api/v1/cases')).json().items.map((c: { id: string }) => c.id)).toEqual([sharedId]);
    await t.database.db.updateTable('case_shares').set({ revoked_at: new Date() }).where('case_id', '=', sharedId).execute();
    expect((await goteborg.get(`/api/v1/cases/${sharedId}`)).statusCode).toBe(404);
  });

  it('a partner sees only the fields its share grants', async () => {
    const police = await signIn(t.app, 'polis');
    expect((await police.get(`/api/v1/cases/${sharedId}`)).statusCode).toBe(404);
    await t.database.db
      .insertInto('case_shares')
      .values({ case_id: sharedId, organisation_id: police.session.user.organisation.id, purpose: 'police_report', fields: ['person.name', 'person.birth'] })
      .execute();
    const view = (await police.get(`/api/v1/cases/${sharedId}`)).json();
    expect(view.access).toBe('shared');
    expect(view.person.givenNames).toBe('Malai');
    expect(view.person.birthYear).toBe(1994);
    expect(view.person.citizenships).toEqual([]);
    expect(view.person.sex).toBeNull();
    expect(view.summary).toBeNull();
    expect(view.exploitationForms).toEqual([]);
    expect(view.abilities.update).toBe(false);
    expect((await police.patch(`/api/v1/cases/${sharedId}`, { version: 1, summary: 'x' })).statusCode).toBe(403);
  });
});
