// Referrals between organisations: sending with a sharing basis, the recipient kind, the
// child exemption, answering, withdrawing, the inbox and who sees which referrals.
import { swedishToday } from '../../jobs/clock.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { addDays } from '../../../domain/process/permits.js';
import { createCase, giveConsent, orgId, ORG } from './referral.test-helpers.js';

let t: TestApp;
let coord: Client;
let vast: Client;
let nsp: Client;
let iom: Client;
let soc: Client;
let police: Client;
const org: Record<string, string> = {};
const today = swedishToday();

beforeAll(async () => {
  t = await createTestApp();
  [coord, vast, nsp, iom, soc, police] = await Promise.all(
    ['koordinator.stockholm', 'koordinator.vast', 'nsp', 'iom', 'socialsekreterare', 'polis'].map((u) => signIn(t.app, u)),
  );
  for (const [k, name] of Object.entries(ORG)) org[k] = await orgId(t.database.db, name);
});
afterAll(() => t.close());

describe('sending a referral', () => {
  let caseId: string;
  beforeAll(async () => {
    caseId = (await createCase(coord)).id;
  });

  it('refuses without consent, naming consent and the reason', async () => {
    const res = await coord.post(`/api/v1/cases/${caseId}/referrals`, { toOrgId: org.nsp, purpose: 'nsp_support' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('consent_required');
    expect(res.json().error.fields).toEqual([{ path: 'consent', message: 'no consent is recorded for this purpose and recipient' }]);
  });

  it('refuses a recipient of the wrong kind for the purpose, naming toOrgId', async () => {
    await giveConsent(coord, caseId, 'amp_return', org.iom);
    const res = await coord.post(`/api/v1/cases/${caseId}/referrals`, { toOrgId: org.police, purpose: 'amp_return' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('recipient_kind_mismatch');
    expect(res.json().error.fields[0].path).toBe('toOrgId');
    const unknown = await coord.post(`/api/v1/cases/${caseId}/referrals`, { toOrgId: '00000000-0000-4000-8000-000000000000', purpose: 'amp_return' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].path).toBe('toOrgId');
  });

  it('refuses consent recorded for another recipient or purpose', async () => {
    const res = await coord.post(`/api/v1/cases/${caseId}/referrals`, { toOrgId: org.nsp, purpose: 'protected_housing' });
    expect(res.statusCode).toBe(422);
  });

  it('sends with consent: a share with exactly the purpose fields, the default answer date and a timeline event', async () => {
    const res = await coord.post(`/api/v1/cases/${caseId}/referrals`, { toOrgId: org.iom, purpose: 'amp_return', message: 'Vill återvända till Thailand.' });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({
      status: 'sent',
      purpose: 'amp_return',
      consentBasis: 'consent',
      sentOn: today,
      respondBy: addDays(today, 7),
      overdue: false,
      to: { id: org.iom, kind: 'iom' },
      from: { id: org.rkStockholm },
      share: { active: true, fields: ['person.name', 'person.sex', 'person.birth', 'person.citizenships'] },
      version: 1,
    });
    const share = await t.database.db.selectFrom('case_shares').selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow();
    expect(share.organisation_id).toBe(org.iom);
    const view = (await coord.get(`/api/v1/cases/${caseId}`)).json();
    expect(view.timeline.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['consent_recorded', 'referral_sent']));
    const audit = await t.database.db.selectFrom('audit_events').select(['action', 'details']).where('case_id', '=', caseId).where('action', '=', 'referral.send').where('outcome', '=', 'ok').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.details)).not.toContain('Thailand');
  });

  it('refuses a second open referral for the same purpose and recipient, and a past answer date', async () => {
    const again = await coord.post(`/api/v1/cases/${caseId}/referrals`, { toOrgId: org.iom, purpose: 'amp_return' });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe('referral_already_open');
    const past = await coord.post(`/api/v1/cases/${caseId}/referrals`, { toOrgId: org.iom, purpose: 'amp_return', respondBy: '2026-01-01' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields[0].path).toBe('respondBy');
  });

  it('is the coordinator’s act: a partner gets 403 on a case it sees, another region 404', async () => {
    expect((await iom.post(`/api/v1/cases/${caseId}/referrals`, { toOrgId: org.nsp, purpose: 'nsp_support' })).statusCode).toBe(403);
    expect((await vast.post(`/api/v1/cases/${caseId}/referrals`, { toOrgId: org.nsp, purpose: 'nsp_support' })).statusCode).toBe(404);
  });

  it('rejects unknown fields and purposes with 400', async () => {
    expect((await coord.post(`/api/v1/cases/${caseId}/referrals`, { toOrgId: org.iom, purpose: 'amp_return', extra: 1 })).statusCode).toBe(400);
    expect((await coord.post(`/api/v1/cases/${caseId}/referrals`, { toOrgId: org.iom, purpose: 'holiday' })).statusCode).toBe(400);
  });
});

describe('the child exemption', () => {
  let child: string;
  let adult: string;
  beforeAll(async () => {
    child = (await createCase(coord, {}, { birthDate: '2011-04-02', birthYear: 2011, givenNames: 'Dara' })).id;
    adult = (await createCase(coord)).id;
  });

  it('shares a child’s case with social services without consent, saying so', async () => {
    const preview = await coord.get(`/api/v1/cases/${child}/sharing-basis?purpose=protected_housing&toOrgId=${org.socStockholm}`);
    expect(preview.json()).toMatchObject({ ok: true, basis: 'child_social_services', isChild: true, latestConsent: null, recipientFits: true });
    const res = await coord.post(`/api/v1/cases/${child}/referrals`, { toOrgId: org.socStockholm, purpose: 'protected_housing' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().consentBasis).toBe('child_social_services');
    expect(res.json().consentId).toBeNull();
    const row = await t.database.db.selectFrom('referrals').select('consent_basis').where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(row.consent_basis).toBe('child_social_services');
    expect((await soc.get(`/api/v1/cases/${child}`)).json().access).toBe('assigned');
  });

  it('does not extend to NSP', async () => {
    const res = await coord.post(`/api/v1/cases/${child}/referrals`, { toOrgId: org.nsp, purpose: 'protected_housing' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields).toEqual([{ path: 'consent', message: 'no consent is recorded for this purpose and recipient' }]);
  });

  it('does not cover an adult', async () => {
    const res = await coord.post(`/api/v1/cases/${adult}/referrals`, { toOrgId: org.socStockholm, purpose: 'protected_housing' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('consent_required');
  });
});

describe('answering a referral', () => {
  let caseId: string;
  let referralId: string;
  beforeAll(async () => {
    caseId = (await createCase(coord)).id;
    await giveConsent(coord, caseId, 'nsp_support', org.nsp);
    referralId = (await coord.post(`/api/v1/cases/${caseId}/referrals`, { toOrgId: org.nsp, purpose: 'nsp_support' })).json().id;
  });

  it('lets only the recipient organisation answer', async () => {
    expect((await iom.post(`/api/v1/referrals/${referralId}/accept`, { version: 1 })).statusCode).toBe(404);
    expect((await coord.post(`/api/v1/referrals/${referralId}/accept`, { version: 1 })).statusCode).toBe(403);
    expect((await vast.post(`/api/v1/referrals/${referralId}/accept`, { version: 1 })).statusCode).toBe(404);
    const denied = await t.database.db.selectFrom('audit_events').select('outcome').where('action', '=', 'referral.accept').where('actor_username', '=', 'iom').execute();
    expect(denied).toEqual([{ outcome: 'denied' }]);
  });

  it('requires a reason to decline', async () => {
    const res = await nsp.post(`/api/v1/referrals/${referralId}/decline`, { version: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('body.reason');
    expect((await nsp.post(`/api/v1/referrals/${referralId}/decline`, { version: 1, reason: '   ' })).statusCode).toBe(400);
  });

  it('accepts, refuses a stale version, refuses moves out of order, completes', async () => {
    expect((await nsp.post(`/api/v1/referrals/${referralId}/complete`, { version: 1 })).statusCode).toBe(422);
    const ok = await nsp.post(`/api/v1/referrals/${referralId}/accept`, { version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'accepted', respondedOn: today, version: 2 });
    expect((await nsp.post(`/api/v1/referrals/${referralId}/accept`, { version: 1 })).statusCode).toBe(409);
    const again = await nsp.post(`/api/v1/referrals/${referralId}/accept`, { version: 2 });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe('referral_transition');
    expect((await nsp.post(`/api/v1/referrals/${referralId}/decline`, { version: 2, reason: 'För sent' })).statusCode).toBe(422);
    const done = await nsp.post(`/api/v1/referrals/${referralId}/complete`, { version: 2 });
    expect(done.json()).toMatchObject({ status: 'completed', completedOn: today, share: { active: true } });
    const kinds = (await coord.get(`/api/v1/cases/${caseId}`)).json().timeline.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['referral_sent', 'referral_accepted', 'referral_completed']));
    expect((await coord.post(`/api/v1/referrals/${referralId}/withdraw`, { version: 3, reason: 'x' })).statusCode).toBe(422);
  });

  it('declining revokes the share: the recipient loses the case', async () => {
    const c = (await createCase(coord)).id;
    await giveConsent(coord, c, 'nsp_support', org.nsp);
    const id = (await coord.post(`/api/v1/cases/${c}/referrals`, { toOrgId: org.nsp, purpose: 'nsp_support' })).json().id;
    expect((await nsp.get(`/api/v1/cases/${c}`)).statusCode).toBe(200);
    const res = await nsp.post(`/api/v1/referrals/${id}/decline`, { version: 1, reason: 'Ingen plats i skyddat boende' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'declined', declineReason: 'Ingen plats i skyddat boende', share: { active: false }, message: null });
    expect((await nsp.get(`/api/v1/cases/${c}`)).statusCode).toBe(404);
    const coordView = (await coord.get(`/api/v1/cases/${c}/referrals`)).json().items[0];
    expect(coordView).toMatchObject({ status: 'declined', declineReason: 'Ingen plats i skyddat boende' });
  });

  it('the coordinator withdraws with a reason; the share goes; the recipient cannot', async () => {
    const c = (await createCase(coord)).id;
    await giveConsent(coord, c, 'police_report', org.police);
    const id = (await coord.post(`/api/v1/cases/${c}/referrals`, { toOrgId: org.police, purpose: 'police_report' })).json().id;
    expect((await police.post(`/api/v1/referrals/${id}/withdraw`, { version: 1, reason: 'x' })).statusCode).toBe(403);
    expect((await coord.post(`/api/v1/referrals/${id}/withdraw`, { version: 1 })).statusCode).toBe(400);
    const res = await coord.post(`/api/v1/referrals/${id}/withdraw`, { version: 1, reason: 'Personen vill vänta med anmälan' });
    expect(res.json()).toMatchObject({ status: 'withdrawn', withdrawnOn: today, withdrawReason: 'Personen vill vänta med anmälan', share: { active: false } });
    expect((await police.get(`/api/v1/cases/${c}`)).statusCode).toBe(404);
    const audit = await t.database.db.selectFrom('audit_events').select('details').where('action', '=', 'referral.withdraw').where('case_id', '=', c).executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ before: { status: 'sent' }, after: { status: 'withdrawn', reason: '[text]', shareRevoked: true } });
  });
});

describe('the inbox and the case page', () => {
  let caseA: string;
  let caseB: string;
  beforeAll(async () => {
    caseA = (await createCase(coord, {}, { givenNames: 'Inboxa', familyNames: 'Person' })).id;
    caseB = (await createCase(coord, {}, { givenNames: 'Skyddad', protectedIdentity: true })).id;
    for (const c of [caseA, caseB]) {
      await giveConsent(coord, c, 'nsp_support', org.nsp);
      await giveConsent(coord, c, 'amp_return', org.iom);
      await coord.post(`/api/v1/cases/${c}/referrals`, { toOrgId: org.nsp, purpose: 'nsp_support' });
      await coord.post(`/api/v1/cases/${c}/referrals`, { toOrgId: org.iom, purpose: 'amp_return' });
    }
  });

  it('lists what is addressed to the organisation, with the name only where the share grants it', async () => {
    const res = await iom.get('/api/v1/inbox?status=sent');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { caseId: string; personLabel: string | null; from: { name: string }; overdue: boolean; purpose: string }[];
    const a = items.find((i) => i.caseId === caseA)!;
    expect(a).toMatchObject({ personLabel: 'Inboxa Person', from: { name: ORG.rkStockholm }, overdue: false, purpose: 'amp_return' });
    expect(items.find((i) => i.caseId === caseB)!.personLabel).toBeNull();
    expect(items.every((i) => i.purpose === 'amp_return')).toBe(true);
    const audit = await t.database.db.selectFrom('audit_events').select('details').where('action', '=', 'referral.inbox').where('actor_username', '=', 'iom').executeTakeFirstOrThrow();
    expect((audit.details as { caseIds: string[] }).caseIds).toEqual(expect.arrayContaining([caseA, caseB]));
  });

  it('flags an unanswered referral past its answer date as overdue', async () => {
    await t.database.db.updateTable('referrals').set({ respond_by: '2026-02-01' }).where('case_id', '=', caseA).where('purpose', '=', 'nsp_support').execute();
    const items = (await nsp.get('/api/v1/inbox')).json().items as { caseId: string; overdue: boolean; status: string }[];
    expect(items.find((i) => i.caseId === caseA)!.overdue).toBe(true);
    expect(items.find((i) => i.caseId === caseB)!.overdue).toBe(false);
  });

  it('is refused to roles that receive nothing', async () => {
    const school = await signIn(t.app, 'skola.goteborg');
    expect((await school.get('/api/v1/inbox')).statusCode).toBe(403);
    expect((await nsp.get('/api/v1/inbox?status=lost')).statusCode).toBe(400);
  });

  it('shows the coordinator every referral of a case, a recipient only its own', async () => {
    const all = (await coord.get(`/api/v1/cases/${caseA}/referrals`)).json().items as { to: { id: string } }[];
    expect(all.map((r) => r.to.id).sort()).toEqual([org.iom, org.nsp].sort());
    const mine = (await iom.get(`/api/v1/cases/${caseA}/referrals`)).json().items as { to: { id: string } }[];
    expect(mine.map((r) => r.to.id)).toEqual([org.iom]);
    expect((await vast.get(`/api/v1/cases/${caseA}/referrals`)).statusCode).toBe(404);
  });
});
