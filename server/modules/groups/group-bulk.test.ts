// Bulk actions over a group of 40 (the Åsele berry pickers): one transaction each, all or
// nothing, consent individual per person, each case with its own timeline and audit events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { createCase, giveConsent, orgId, ORG } from '../referrals/referral.test-helpers.js';

let t: TestApp;
let nord: Client;
let sthlm: Client;
let groupId: string;
let iom: string;
const ids: string[] = [];
const refs = new Map<string, string>();
let outsider: string;
let stockholmCase: string;

const ASELE = { municipalityCode: '2463', referralSource: 'akc_inspection', referredOn: '2026-08-12', exploitationForms: ['labour'] };

async function count(table: 'referrals' | 'police_reports', caseIds: string[]) {
  const r = await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('case_id', 'in', caseIds).executeTakeFirstOrThrow();
  return Number(r.n);
}

beforeAll(async () => {
  t = await createTestApp();
  [nord, sthlm] = await Promise.all(['koordinator.nord', 'koordinator.stockholm'].map((u) => signIn(t.app, u)));
  iom = await orgId(t.database.db, ORG.iom);
  for (let i = 0; i < 40; i++) {
    const c = await createCase(nord, ASELE, { givenNames: `Person${String(i).padStart(2, '0')}`, familyNames: 'Bärplockare', citizenships: ['TH'], birthYear: 1985 + (i % 15) });
    ids.push(c.id);
    refs.set(c.id, c.ref);
  }
  outsider = (await createCase(nord, ASELE)).id;
  stockholmCase = (await createCase(sthlm)).id;
  groupId = (await nord.post('/api/v1/groups', { name: 'Åsele 2026', region: 'nord', place: 'Åsele', foundOn: '2026-08-12' })).json().id;
  expect((await nord.post(`/api/v1/groups/${groupId}/cases`, { caseIds: ids })).json().memberCount).toBe(40);
  // 39 of the 40 consent to ÅMP; one (index 17) has not answered.
  for (const [i, id] of ids.entries()) if (i !== 17) await giveConsent(nord, id, 'amp_return', iom, 'given', '2026-08-20');
}, 240_000);
afterAll(() => t.close());

describe('bulk referrals', () => {
  it('refuses the whole command when one case lacks consent, naming it', async () => {
    const res = await nord.post(`/api/v1/groups/${groupId}/bulk/referrals`, { caseIds: ids, toOrgId: iom, purpose: 'amp_return', message: 'Ansökan om ÅMP för gruppen.' });
    expect(res.statusCode).toBe(422);
    const err = res.json().error;
    expect(err.code).toBe('consent_required');
    expect(err.fields).toEqual([{ path: 'caseIds.17', message: `${refs.get(ids[17]!)}: no consent is recorded for this purpose and recipient` }]);
    expect(err.message).toContain(refs.get(ids[17]!));
    expect(await count('referrals', ids)).toBe(0);
    expect(await t.database.db.selectFrom('case_shares').select('id').where('case_id', 'in', ids).execute()).toEqual([]);
  });

  it('refuses a recipient of the wrong kind for all', async () => {
    const police = await orgId(t.database.db, ORG.police);
    const res = await nord.post(`/api/v1/groups/${groupId}/bulk/referrals`, { caseIds: ids, toOrgId: police, purpose: 'amp_return' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields[0].path).toBe('toOrgId');
  });

  it('succeeds without that case: one referral, share, timeline and audit event per person', async () => {
    const rest = ids.filter((_, i) => i !== 17);
    const res = await nord.post(`/api/v1/groups/${groupId}/bulk/referrals`, { caseIds: rest, toOrgId: iom, purpose: 'amp_return' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.action).toBe('referrals');
    expect(body.results).toHaveLength(39);
    expect(body.results[0]).toMatchObject({ caseId: rest[0], ref: refs.get(rest[0]!), ok: true });
    const rows = await t.database.db.selectFrom('referrals').select(['case_id', 'group_id', 'consent_basis', 'status']).where('case_id', 'in', ids).execute();
    expect(rows).toHaveLength(39);
    expect(rows.every((r) => r.group_id === groupId && r.consent_basis === 'consent' && r.status === 'sent')).toBe(true);
    const events = await t.database.db.selectFrom('case_events').select('case_id').where('kind', '=', 'referral_sent').where('case_id', 'in', ids).execute();
    expect(new Set(events.map((e) => e.case_id)).size).toBe(39);
    const audits = await t.database.db.selectFrom('audit_events').select('case_id').where('action', '=', 'referral.send').where('outcome', '=', 'ok').execute();
    expect(new Set(audits.map((a) => a.case_id)).size).toBe(39);
    const iomUser = await signIn(t.app, 'iom');
    expect((await iomUser.get(`/api/v1/cases/${rest[0]}`)).json().access).toBe('shared');
    expect((await iomUser.get(`/api/v1/cases/${ids[17]}`)).statusCode).toBe(404);
    expect((await iomUser.get('/api/v1/inbox?status=sent')).json().total).toBe(39);
  });
});

describe('bulk assignment', () => {
  it('assigns all 40 to a coordinator of the unit, or none', async () => {
    const iomUser = await t.database.db.selectFrom('users').select('id').where('username', '=', 'iom').executeTakeFirstOrThrow();
    const wrong = await nord.post(`/api/v1/groups/${groupId}/bulk/assign`, { caseIds: ids, userId: iomUser.id });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.fields[0].path).toBe('userId');
    const none = await t.database.db.selectFrom('cases').select('id').where('id', 'in', ids).where('assigned_user_id', 'is not', null).execute();
    expect(none).toEqual([]);

    const userId = nord.session.user.id;
    const res = await nord.post(`/api/v1/groups/${groupId}/bulk/assign`, { caseIds: ids, userId });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results).toHaveLength(40);
    const assigned = await t.database.db.selectFrom('cases').select('assigned_user_id').where('id', 'in', ids).execute();
    expect(assigned.every((c) => c.assigned_user_id === userId)).toBe(true);
    const events = await t.database.db.selectFrom('case_events').select('case_id').where('kind', '=', 'assigned').where('case_id', 'in', ids).execute();
    expect(events).toHaveLength(40);
    const members = (await nord.get(`/api/v1/groups/${groupId}`)).json().members as { assignedUser: { id: string } | null }[];
    expect(members.every((m) => m.assignedUser?.id === userId)).toBe(true);
  });
});

describe('bulk police reports', () => {
  it('records a report per person with the group, computing injured-party status', async () => {
    const res = await nord.post(`/api/v1/groups/${groupId}/bulk/police-report`, { caseIds: ids, reportedOn: '2026-08-25', classification: 'gross_exploitation', policeRef: '5000-K123456-26' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().results).toHaveLength(40);
    const rows = await t.database.db.selectFrom('police_reports').select(['group_id', 'injured_party', 'classification']).where('case_id', 'in', ids).execute();
    expect(rows).toHaveLength(40);
    expect(rows.every((r) => r.group_id === groupId && r.injured_party && r.classification === 'gross_exploitation')).toBe(true);
    const smuggling = await nord.post(`/api/v1/groups/${groupId}/bulk/police-report`, { caseIds: ids.slice(0, 2), reportedOn: '2026-08-26', classification: 'human_smuggling' });
    expect(smuggling.statusCode).toBe(200);
    const lesser = await t.database.db.selectFrom('police_reports').select('injured_party').where('classification', '=', 'human_smuggling').execute();
    expect(lesser).toEqual([{ injured_party: false }, { injured_party: false }]);
    const events = await t.database.db.selectFrom('case_events').select('case_id').where('kind', '=', 'police_report_recorded').where('case_id', 'in', ids).execute();
    expect(events).toHaveLength(42);
    const audits = await t.database.db.selectFrom('audit_events').select('case_id').where('action', '=', 'police_report.record').where('outcome', '=', 'ok').execute();
    expect(audits).toHaveLength(42);
  });

  it('refuses a future date for all, naming the field', async () => {
    const res = await nord.post(`/api/v1/groups/${groupId}/bulk/police-report`, { caseIds: ids, reportedOn: '2099-01-01', classification: 'trafficking' });
    expect(res.statusCode).toBe(400);
    expect(await count('police_reports', ids)).toBe(42);
  });
});

describe('scope of bulk actions', () => {
  it('answers 404 to another region’s coordinator', async () => {
    expect((await sthlm.post(`/api/v1/groups/${groupId}/bulk/assign`, { caseIds: ids, userId: sthlm.session.user.id })).statusCode).toBe(404);
    expect((await sthlm.get(`/api/v1/groups/${groupId}`)).statusCode).toBe(404);
  });

  it('answers 404 when a listed case is out of scope, and writes nothing', async () => {
    const res = await nord.post(`/api/v1/groups/${groupId}/bulk/police-report`, { caseIds: [...ids, stockholmCase], reportedOn: '2026-08-27', classification: 'trafficking' });
    expect(res.statusCode).toBe(404);
    expect(await count('police_reports', ids)).toBe(42);
    const denied = await t.database.db.selectFrom('audit_events').select('outcome').where('action', '=', 'group.bulk').where('case_id', '=', stockholmCase).execute();
    expect(denied).toEqual([{ outcome: 'denied' }]);
  });

  it('refuses a case of the region that is not a member, naming it', async () => {
    const res = await nord.post(`/api/v1/groups/${groupId}/bulk/police-report`, { caseIds: [ids[0], outsider], reportedOn: '2026-08-27', classification: 'trafficking' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'not_group_member', fields: [{ path: 'caseIds.1' }] });
    expect(await count('police_reports', ids)).toBe(42);
  });

  it('is refused to partners', async () => {
    const iomUser = await signIn(t.app, 'iom');
    expect((await iomUser.post(`/api/v1/groups/${groupId}/bulk/assign`, { caseIds: ids, userId: iomUser.session.user.id })).statusCode).toBe(403);
    expect((await iomUser.get('/api/v1/groups')).statusCode).toBe(403);
  });
});
