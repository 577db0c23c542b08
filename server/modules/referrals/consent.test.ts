// Consent per purpose and recipient: history kept, newest in force, validation, and
// withdrawal cutting the recipient's access from then on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { createCase, giveConsent, orgId, ORG } from './referral.test-helpers.js';

let t: TestApp;
let coord: Client;
let vast: Client;
let nsp: Client;
const org: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  [coord, vast, nsp] = await Promise.all(['koordinator.stockholm', 'koordinator.vast', 'nsp'].map((u) => signIn(t.app, u)));
  for (const [k, name] of Object.entries(ORG)) org[k] = await orgId(t.database.db, name);
});
afterAll(() => t.close());

describe('recording consent', () => {
  let caseId: string;
  beforeAll(async () => {
    caseId = (await createCase(coord)).id;
  });

  it('keeps the history and puts the newest record per purpose and recipient in force', async () => {
    await giveConsent(coord, caseId, 'nsp_support', org.nsp, 'refused', '2026-03-03');
    const given = await giveConsent(coord, caseId, 'nsp_support', org.nsp, 'given', '2026-03-10');
    expect(given.consent).toMatchObject({ purpose: 'nsp_support', status: 'given', recordedOn: '2026-03-10', givenBy: 'person', recipient: { id: org.nsp, kind: 'nsp_provider' } });
    await giveConsent(coord, caseId, 'amp_return', org.iom, 'given', '2026-03-10');
    const res = await coord.get(`/api/v1/cases/${caseId}/consents`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.history).toHaveLength(3);
    expect(body.inForce.map((c: { purpose: string; status: string }) => `${c.purpose}:${c.status}`).sort()).toEqual(['amp_return:given', 'nsp_support:given']);
    const kinds = (await coord.get(`/api/v1/cases/${caseId}`)).json().timeline.filter((e: { kind: string }) => e.kind === 'consent_recorded');
    expect(kinds).toHaveLength(3);
    const audit = await t.database.db.selectFrom('audit_events').select('details').where('action', '=', 'consent.record').where('case_id', '=', caseId).execute();
    expect(audit).toHaveLength(3);
  });

  it('refuses dates in the future, before the referral, or before the record in force', async () => {
    const base = { purpose: 'nsp_support', recipientOrgId: org.nsp, status: 'given', givenBy: 'person' };
    const future = await coord.post(`/api/v1/cases/${caseId}/consents`, { ...base, recordedOn: '2099-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0].path).toBe('recordedOn');
    const early = await coord.post(`/api/v1/cases/${caseId}/consents`, { ...base, recordedOn: '2026-01-01' });
    expect(early.statusCode).toBe(400);
    const beforeInForce = await coord.post(`/api/v1/cases/${caseId}/consents`, { ...base, recordedOn: '2026-03-09' });
    expect(beforeInForce.statusCode).toBe(400);
    expect(beforeInForce.json().error.fields[0].message).toContain('2026-03-10');
    expect((await coord.post(`/api/v1/cases/${caseId}/consents`, { ...base, recordedOn: '2026-02-30' })).statusCode).toBe(400);
    expect((await coord.post(`/api/v1/cases/${caseId}/consents`, { ...base, givenBy: 'neighbour', recordedOn: '2026-03-10' })).statusCode).toBe(400);
  });

  it('refuses a recipient of the wrong kind, and withdrawing what was never given', async () => {
    const wrong = await coord.post(`/api/v1/cases/${caseId}/consents`, { purpose: 'nsp_support', recipientOrgId: org.police, status: 'given', recordedOn: '2026-03-10', givenBy: 'person' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.fields[0].path).toBe('recipientOrgId');
    const nothing = await coord.post(`/api/v1/cases/${caseId}/consents`, { purpose: 'police_report', recipientOrgId: org.police, status: 'withdrawn', recordedOn: '2026-03-10', givenBy: 'person' });
    expect(nothing.statusCode).toBe(422);
    expect(nothing.json().error.code).toBe('nothing_to_withdraw');
  });

  it('is the coordinator’s: another region gets 404, a partner 404 or 403', async () => {
    const body = { purpose: 'nsp_support', recipientOrgId: org.nsp, status: 'given', recordedOn: '2026-03-12', givenBy: 'guardian' };
    expect((await vast.post(`/api/v1/cases/${caseId}/consents`, body)).statusCode).toBe(404);
    expect((await vast.get(`/api/v1/cases/${caseId}/consents`)).statusCode).toBe(404);
    expect((await nsp.post(`/api/v1/cases/${caseId}/consents`, body)).statusCode).toBe(404);
  });
});

describe('withdrawing consent', () => {
  it('revokes the share and withdraws the referral at once; the partner then gets 404', async () => {
    const caseId = (await createCase(coord)).id;
    await giveConsent(coord, caseId, 'nsp_support', org.nsp, 'given', '2026-03-05');
    await giveConsent(coord, caseId, 'amp_return', org.iom, 'given', '2026-03-05');
    const sent = await coord.post(`/api/v1/cases/${caseId}/referrals`, { toOrgId: org.nsp, purpose: 'nsp_support' });
    const referralId = sent.json().id;
    await coord.post(`/api/v1/cases/${caseId}/referrals`, { toOrgId: org.iom, purpose: 'amp_return' });
    expect((await nsp.post(`/api/v1/referrals/${referralId}/accept`, { version: 1 })).statusCode).toBe(200);
    expect((await nsp.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(200);

    const res = await coord.post(`/api/v1/cases/${caseId}/consents`, { purpose: 'nsp_support', recipientOrgId: org.nsp, status: 'withdrawn', recordedOn: '2026-03-20', givenBy: 'person', note: 'Vill inte längre ha kontakt.' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().withdrawnReferralIds).toEqual([referralId]);
    expect(res.json().revokedShareIds).toHaveLength(1);

    expect((await nsp.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
    const referrals = (await coord.get(`/api/v1/cases/${caseId}/referrals`)).json().items as { id: string; status: string; withdrawReason: string | null; share: { active: boolean } }[];
    expect(referrals.find((r) => r.id === referralId)).toMatchObject({ status: 'withdrawn', withdrawReason: 'consent_withdrawn', share: { active: false } });
    // The other purpose and recipient are untouched.
    expect(referrals.find((r) => r.id !== referralId)).toMatchObject({ status: 'sent', share: { active: true } });
    const inbox = (await nsp.get('/api/v1/inbox')).json().items.find((i: { id: string }) => i.id === referralId);
    expect(inbox).toMatchObject({ status: 'withdrawn', personLabel: null, message: null });

    const timeline = (await coord.get(`/api/v1/cases/${caseId}`)).json().timeline as { kind: string; data: Record<string, unknown> }[];
    const tail = timeline.slice(-2);
    expect(tail.map((e) => e.kind)).toEqual(['consent_recorded', 'referral_withdrawn']);
    expect(tail[1]!.data).toMatchObject({ referralId, reason: 'consent_withdrawn', shareRevoked: true });
    const audit = await t.database.db.selectFrom('audit_events').select(['action', 'details']).where('case_id', '=', caseId).where('action', 'in', ['consent.record', 'referral.withdraw']).orderBy('seq', 'desc').limit(2).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['consent.record', 'referral.withdraw']);
    expect(JSON.stringify(audit)).not.toContain('kontakt');
  });

  it('also cuts access given by a completed referral', async () => {
    const caseId = (await createCase(coord)).id;
    await giveConsent(coord, caseId, 'legal_advice', org.nsp);
    const id = (await coord.post(`/api/v1/cases/${caseId}/referrals`, { toOrgId: org.nsp, purpose: 'legal_advice' })).json().id;
    await nsp.post(`/api/v1/referrals/${id}/accept`, { version: 1 });
    await nsp.post(`/api/v1/referrals/${id}/complete`, { version: 2 });
    expect((await nsp.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(200);
    const res = await giveConsent(coord, caseId, 'legal_advice', org.nsp, 'refused', '2026-03-21');
    expect(res.withdrawnReferralIds).toEqual([]);
    expect(res.revokedShareIds).toHaveLength(1);
    expect((await nsp.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
  });

  it('leaves a child’s social-services referral standing: it never rested on consent, or now rests on the exemption', async () => {
    const caseId = (await createCase(coord, {}, { birthDate: '2012-06-01', birthYear: 2012 })).id;
    const soc = await signIn(t.app, 'socialsekreterare');
    // Sent before any consent: the basis is the child exemption.
    const byChild = (await coord.post(`/api/v1/cases/${caseId}/referrals`, { toOrgId: org.socStockholm, purpose: 'social_services_assistance' })).json();
    expect(byChild.consentBasis).toBe('child_social_services');
    // Sent with consent in force: the basis is consent, until the consent is withdrawn.
    await giveConsent(coord, caseId, 'protected_housing', org.socStockholm, 'given', '2026-03-06');
    const byConsent = (await coord.post(`/api/v1/cases/${caseId}/referrals`, { toOrgId: org.socStockholm, purpose: 'protected_housing' })).json();
    expect(byConsent.consentBasis).toBe('consent');
    await giveConsent(coord, caseId, 'social_services_assistance', org.socStockholm, 'given', '2026-03-06');
    await giveConsent(coord, caseId, 'social_services_assistance', org.socStockholm, 'withdrawn', '2026-03-07');
    const res = await giveConsent(coord, caseId, 'protected_housing', org.socStockholm, 'withdrawn', '2026-03-07');
    expect(res).toMatchObject({ withdrawnReferralIds: [], revokedShareIds: [], rebasedReferralIds: [byConsent.id] });
    const items = (await coord.get(`/api/v1/cases/${caseId}/referrals`)).json().items as { id: string; status: string; consentBasis: string; share: { active: boolean } }[];
    expect(items.find((r) => r.id === byChild.id)).toMatchObject({ status: 'sent', consentBasis: 'child_social_services', share: { active: true } });
    expect(items.find((r) => r.id === byConsent.id)).toMatchObject({ status: 'sent', consentBasis: 'child_social_services', share: { active: true } });
    expect((await soc.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(200);
  });
});
