// Groups: shared facts, region scope, adding members (all or nothing), and the member view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { createCase, giveConsent, orgId, ORG } from '../referrals/referral.test-helpers.js';

let t: TestApp;
let nord: Client;
let sthlm: Client;
let groupId: string;
let version: number;
const cases: { id: string; ref: string }[] = [];
let stockholmCase: string;

const ASELE = { municipalityCode: '2463', referralSource: 'akc_inspection', referredOn: '2026-08-12', exploitationForms: ['labour'] };

beforeAll(async () => {
  t = await createTestApp();
  [nord, sthlm] = await Promise.all(['koordinator.nord', 'koordinator.stockholm'].map((u) => signIn(t.app, u)));
  for (let i = 0; i < 3; i++) cases.push(await createCase(nord, ASELE, { givenNames: `Somchai${i}`, familyNames: 'Bärplockare', citizenships: ['TH'] }));
  stockholmCase = (await createCase(sthlm)).id;
});
afterAll(() => t.close());

describe('a group', () => {
  const body = { name: 'Bärplockare Åsele 2026', region: 'nord', place: 'Åsele', employer: 'Demo Bär AB', foundOn: '2026-08-12', inspection: 'API 2026-08-12', notes: '' };

  it('is created by the coordinator of its region only', async () => {
    expect((await sthlm.post('/api/v1/groups', body)).statusCode).toBe(403);
    expect((await (await signIn(t.app, 'nsp')).post('/api/v1/groups', body)).statusCode).toBe(403);
    const future = await nord.post('/api/v1/groups', { ...body, foundOn: '2099-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0].path).toBe('foundOn');
    expect((await nord.post('/api/v1/groups', { ...body, extra: true })).statusCode).toBe(400);
    const res = await nord.post('/api/v1/groups', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: body.name, region: 'nord', place: 'Åsele', foundOn: '2026-08-12', memberCount: 0, members: [], version: 1 });
    groupId = res.json().id;
    version = 1;
  });

  it('is listed and read in its region only; another region gets 404, audited', async () => {
    expect((await nord.get('/api/v1/groups')).json().items.map((g: { id: string }) => g.id)).toEqual([groupId]);
    expect((await sthlm.get('/api/v1/groups')).json().items).toEqual([]);
    expect((await sthlm.get(`/api/v1/groups/${groupId}`)).statusCode).toBe(404);
    expect((await sthlm.patch(`/api/v1/groups/${groupId}`, { version, notes: 'x' })).statusCode).toBe(404);
    expect((await sthlm.post(`/api/v1/groups/${groupId}/cases`, { caseIds: [stockholmCase] })).statusCode).toBe(404);
    const denied = await t.database.db.selectFrom('audit_events').select(['action', 'outcome']).where('resource_id', '=', groupId).where('actor_username', '=', 'koordinator.stockholm').execute();
    expect(denied).toEqual(expect.arrayContaining([{ action: 'group.read', outcome: 'denied' }]));
  });

  it('is updated with a version check', async () => {
    const ok = await nord.patch(`/api/v1/groups/${groupId}`, { version, notes: 'Boende ordnat av kommunen.' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ notes: 'Boende ordnat av kommunen.', version: 2 });
    expect((await nord.patch(`/api/v1/groups/${groupId}`, { version, notes: 'skriver över' })).statusCode).toBe(409);
    expect((await nord.patch(`/api/v1/groups/${groupId}`, { version: 2, region: 'syd' })).statusCode).toBe(400);
    version = 2;
  });
});

describe('members', () => {
  it('refuses the whole request when any case is out of scope: nothing is added', async () => {
    const res = await nord.post(`/api/v1/groups/${groupId}/cases`, { caseIds: [cases[0]!.id, stockholmCase] });
    expect(res.statusCode).toBe(404);
    const missing = await nord.post(`/api/v1/groups/${groupId}/cases`, { caseIds: [cases[0]!.id, '00000000-0000-4000-8000-000000000000'] });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual(res.json());
    const members = await t.database.db.selectFrom('case_group_members').select('case_id').where('group_id', '=', groupId).execute();
    expect(members).toEqual([]);
    const denied = await t.database.db.selectFrom('audit_events').select('outcome').where('action', '=', 'group.add_cases').where('case_id', '=', stockholmCase).execute();
    expect(denied).toEqual([{ outcome: 'denied' }]);
  });

  it('adds the cases, each with its own timeline event and audit event', async () => {
    const res = await nord.post(`/api/v1/groups/${groupId}/cases`, { caseIds: cases.map((c) => c.id) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().memberCount).toBe(3);
    const again = await nord.post(`/api/v1/groups/${groupId}/cases`, { caseIds: [cases[0]!.id] });
    expect(again.json().memberCount).toBe(3);
    const view = (await nord.get(`/api/v1/cases/${cases[0]!.id}`)).json();
    expect(view.timeline.filter((e: { kind: string }) => e.kind === 'group_joined')).toHaveLength(1);
    const audits = await t.database.db.selectFrom('audit_events').select('case_id').where('action', '=', 'group.add_cases').where('outcome', '=', 'ok').execute();
    expect(audits.map((a) => a.case_id).sort()).toEqual(cases.map((c) => c.id).sort());
  });

  it('shows per member the consents in force, open referrals, permits and police reports', async () => {
    const iom = await orgId(t.database.db, ORG.iom);
    const [a, b] = cases;
    await giveConsent(nord, a!.id, 'amp_return', iom, 'given', '2026-08-13');
    await nord.post(`/api/v1/cases/${a!.id}/referrals`, { toOrgId: iom, purpose: 'amp_return' });
    await giveConsent(nord, b!.id, 'amp_return', iom, 'refused', '2026-08-13');
    const socAsele = await orgId(t.database.db, 'Socialtjänsten Åsele kommun');
    const person = await t.database.db.selectFrom('cases').select('person_id').where('id', '=', a!.id).executeTakeFirstOrThrow();
    await t.database.db
      .insertInto('permit_applications')
      .values({ case_id: a!.id, person_id: person.person_id, kind: 'reflection', applicant_org_id: socAsele, applicant_kind: 'social_welfare_board', submitted_on: '2026-08-14', decision: 'granted', decided_on: '2026-08-15', valid_from: '2026-08-15', valid_until: '2026-09-13' })
      .execute();
    await t.database.db.insertInto('police_reports').values({ case_id: a!.id, reported_on: '2026-08-12', classification: 'trafficking', injured_party: true }).execute();

    const res = await nord.get(`/api/v1/groups/${groupId}`);
    expect(res.statusCode).toBe(200);
    const members = res.json().members as { caseId: string; personLabel: string; consents: unknown[]; openReferrals: unknown[]; permits: unknown[]; policeReports: unknown[] }[];
    const ma = members.find((m) => m.caseId === a!.id)!;
    expect(ma.personLabel).toBe('Somchai0 Bärplockare');
    expect(ma.consents).toEqual([{ purpose: 'amp_return', recipient: { id: iom, name: ORG.iom }, status: 'given', recordedOn: '2026-08-13' }]);
    expect(ma.openReferrals).toMatchObject([{ purpose: 'amp_return', status: 'sent', overdue: false, consentBasis: 'consent', to: { id: iom } }]);
    expect(ma.permits).toMatchObject([{ kind: 'reflection', decision: 'granted', validUntil: '2026-09-13', active: false }]);
    expect(ma.policeReports).toMatchObject([{ classification: 'trafficking', injuredParty: true }]);
    const mb = members.find((m) => m.caseId === b!.id)!;
    expect(mb.consents).toMatchObject([{ status: 'refused' }]);
    expect(mb.openReferrals).toEqual([]);
    const audit = await t.database.db.selectFrom('audit_events').select('details').where('action', '=', 'group.read').where('outcome', '=', 'ok').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect((audit.details as { caseIds: string[] }).caseIds.sort()).toEqual(cases.map((c) => c.id).sort());
  });
});
