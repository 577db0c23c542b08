// Protected identity (skyddade personuppgifter): only named users see the real identity, in
// every read path; everyone else, a coordinator of the same region included, sees the reserved
// placeholder, cannot find the person by name, gets no matching signal, and no candidate pair.
// Naming and revoking follow the policy (server/policies/protected-identity.policy.ts) and are
// audited; exports leave protected persons out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../auth/actor.js';
import { DEMO_PASSWORD } from '../../seed/demo.js';
import { createTestApp, referralBody, signIn, type Client, type TestApp } from '../../test/harness.js';
import { createUser } from '../users/user.service.js';
import type { NamedUsersView } from './identity-grants.schema.js';
import { createClkEncoder } from '../../../domain/matching/bloom.js';
import { todayFrom } from '../../../domain/matching/birth-date.js';
import { encodeClk } from './pprl.service.js';
import { newPprlSecret, nodeHmac } from './pprl-secret.js';

const pprlKey = newPprlSecret();
process.env.LOTS_PPRL_SECRET = pprlKey;
const clkEncoder = createClkEncoder(nodeHmac, new Uint8Array(Buffer.from(pprlKey, 'base64')), { today: todayFrom(new Date()) });

let t: TestApp;
let named: Client; // koordinator.stockholm: registers the protected person, so is named
let colleague: Client; // a second coordinator in Stockholm, not named
let nsp: Client;
let analyst: Client;
let auditor: Client;
let colleagueId: string;
let protectedCase: { id: string; ref: string; personId: string };
let visibleCase: { id: string; ref: string; personId: string };
let lookalikeCase: { id: string; personId: string };
let groupId: string;

const GIVEN = 'Skyddadnamn';
const FAMILY = 'Hemligsson';
const ALIAS = 'Hemligalias';
const SECRET_NAMES = [GIVEN, FAMILY, ALIAS];
const protectedPerson = { givenNames: GIVEN, familyNames: FAMILY, aliases: [ALIAS], sex: 'female', birthDate: '1992-04-12', birthYear: 1992, citizenships: ['TH'], protectedIdentity: true };

const leaks = (body: string) => SECRET_NAMES.filter((s) => body.includes(s));
const api = (path: string) => `/api/v1${path}`;

async function orgId(name: string): Promise<string> {
  return (await t.database.db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
}

async function create(client: Client, body: Record<string, unknown>) {
  const res = await client.post(api('/cases'), body);
  expect(res.statusCode, res.body).toBe(201);
  const v = res.json<{ id: string; ref: string; person: { id: string } }>();
  return { id: v.id, ref: v.ref, personId: v.person.id };
}

async function auditOf(action: string) {
  return t.database.db.selectFrom('audit_events').select(['actor_username', 'outcome', 'details', 'person_id', 'case_id']).where('action', '=', action).orderBy('seq').execute();
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const created = await createUser(db, systemActor('test'), {
    username: 'koordinator2.stockholm',
    displayName: 'Kalle Kollega',
    organisationId: await orgId('Regionkoordinatorerna Stockholm'),
    roles: ['coordinator'],
    password: DEMO_PASSWORD,
  });
  colleagueId = created.id;
  [named, colleague, nsp, analyst, auditor] = await Promise.all(
    ['koordinator.stockholm', 'koordinator2.stockholm', 'nsp', 'analytiker', 'revisor'].map((u) => signIn(t.app, u)),
  );

  protectedCase = await create(named, referralBody({ person: protectedPerson, summary: 'Syntetiskt skyddat ärende.' }));
  visibleCase = await create(named, referralBody({ person: { ...protectedPerson, givenNames: 'Synlig', familyNames: 'Öppensson', aliases: [], protectedIdentity: false } }));
  lookalikeCase = await create(named, referralBody({ person: { ...protectedPerson, aliases: [], protectedIdentity: false, birthDate: '1992-04-13' } }));

  // NSP gets the case through the real referral flow (consent, then a referral sharing the name).
  const nspOrg = await orgId('Plattformen Civila Sverige mot människohandel (NSP)');
  const consent = await named.post(api(`/cases/${protectedCase.id}/consents`), { purpose: 'nsp_support', recipientOrgId: nspOrg, status: 'given', recordedOn: '2026-03-03', givenBy: 'person' });
  expect(consent.statusCode, consent.body).toBe(201);
  const referral = await named.post(api(`/cases/${protectedCase.id}/referrals`), { toOrgId: nspOrg, purpose: 'nsp_support', message: 'Syntetisk hänvisning.' });
  expect(referral.statusCode, referral.body).toBe(201);

  const group = await named.post(api('/groups'), { name: 'Syntetisk grupp', region: 'stockholm' });
  expect(group.statusCode, group.body).toBe(201);
  groupId = group.json<{ id: string }>().id;
  expect((await named.post(api(`/groups/${groupId}/cases`), { caseIds: [protectedCase.id, visibleCase.id] })).statusCode).toBe(200);

  // A possible duplicate of the protected person, as the nightly run would queue it.
  const [a, b] = [protectedCase.personId, lookalikeCase.personId].sort();
  await db.insertInto('person_match_candidates').values({ person_a: a!, person_b: b!, probability: 0.97, band: 'auto_flag', explanation: '{}', decided_by: null, decided_at: null, merge_id: null }).execute();
}, 120_000);
afterAll(() => t?.close());

describe('named users see the identity', () => {
  it('names the registrant automatically, audited, and shows them the real identity', async () => {
    const view = (await named.get(api(`/cases/${protectedCase.id}`))).json();
    expect(view.person).toMatchObject({ protectedIdentity: true, givenNames: GIVEN, familyNames: FAMILY, aliases: [ALIAS] });
    const events = await auditOf('person.identity_grant');
    expect(events.some((e) => e.person_id === protectedCase.personId && e.actor_username === 'koordinator.stockholm' && (e.details as { kind?: string }).kind === 'registrant')).toBe(true);
    const list = (await named.get(api('/cases'))).json<{ items: { id: string; personLabel: string | null }[] }>();
    expect(list.items.find((i) => i.id === protectedCase.id)?.personLabel).toBe(`${GIVEN} ${FAMILY}`);
  });
});

describe('a coordinator of the same region who is not named', () => {
  it('sees the placeholder on the case page, the case list, the group and the named-users list is closed', async () => {
    const page = await colleague.get(api(`/cases/${protectedCase.id}`));
    expect(page.statusCode).toBe(200);
    expect(page.json().person).toMatchObject({ protectedIdentity: true, givenNames: null, familyNames: null, aliases: [] });
    expect(page.json().person.birthDate).toBe('1992-04-12'); // the rest of the case stays visible
    const list = await colleague.get(api('/cases?pageSize=100'));
    const item = list.json<{ items: { id: string; personLabel: string | null; protectedIdentity: boolean }[] }>().items.find((i) => i.id === protectedCase.id);
    expect(item).toMatchObject({ personLabel: null, protectedIdentity: true });
    const group = await colleague.get(api(`/groups/${groupId}`));
    expect(group.statusCode, group.body).toBe(200);
    expect(group.body).toContain('Öppensson'); // the unprotected member's name is there
    const namedUsers = await colleague.get(api(`/cases/${protectedCase.id}/named-users`));
    expect(namedUsers.statusCode).toBe(403);
    // The lookalike (not protected) carries the same names under its own label; nothing else may.
    for (const body of [page.body, list.body.replaceAll(`"personLabel":"${GIVEN} ${FAMILY}"`, ''), group.body, namedUsers.body]) expect(leaks(body)).toEqual([]);
    const listed = list.json<{ items: { id: string; personLabel: string | null }[] }>().items.filter((i) => i.personLabel === `${GIVEN} ${FAMILY}`);
    expect(listed.map((i) => i.id)).toEqual([lookalikeCase.id]);
  });

  it('does not find the protected person by name, while the named user does', async () => {
    const ids = async (c: Client, q: string) => (await c.get(api(`/cases?q=${encodeURIComponent(q)}`))).json<{ items: { id: string }[] }>().items.map((i) => i.id);
    expect(await ids(colleague, ALIAS)).toEqual([]);
    expect(await ids(colleague, FAMILY)).toEqual([lookalikeCase.id]);
    expect(await ids(named, ALIAS)).toEqual([protectedCase.id]);
    expect((await ids(named, FAMILY)).sort()).toEqual([protectedCase.id, lookalikeCase.id].sort());
  });

  it('gets no candidate pair holding the protected person; the named coordinator gets it with the name', async () => {
    const theirs = await colleague.get(api('/persons/candidates?status=all'));
    expect(theirs.statusCode).toBe(200);
    expect(theirs.body).not.toContain(protectedCase.personId);
    const mine = (await named.get(api('/persons/candidates?status=all'))).json<{ items: { id: string; personA: { personId: string; label: string | null }; personB: { personId: string; label: string | null } }[] }>();
    const pair = mine.items.find((i) => [i.personA.personId, i.personB.personId].includes(protectedCase.personId));
    expect(pair).toBeDefined();
    const side = pair!.personA.personId === protectedCase.personId ? pair!.personA : pair!.personB;
    expect(side.label).toBe(`${GIVEN} ${FAMILY}`);
    expect((await colleague.get(api(`/persons/candidates/${pair!.id}`))).statusCode).toBe(404);
  });

  it('sees no name in the NSP inbox either (the share grants the name, the protection wins)', async () => {
    const inbox = await nsp.get(api('/inbox'));
    expect(inbox.statusCode).toBe(200);
    const item = inbox.json<{ items: { caseId: string; personLabel: string | null }[] }>().items.find((i) => i.caseId === protectedCase.id);
    expect(item?.personLabel).toBeNull();
    expect(leaks(inbox.body)).toEqual([]);
    expect(leaks((await nsp.get(api(`/cases/${protectedCase.id}`))).body)).toEqual([]);
  });

  it('may not produce the access report of a protected identity; the named coordinator may', async () => {
    const refused = await colleague.get(api(`/persons/${protectedCase.personId}/access-report`));
    expect(refused.statusCode).toBe(403);
    expect(leaks(refused.body)).toEqual([]);
    const report = await named.get(api(`/persons/${protectedCase.personId}/access-report`));
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json().person).toMatchObject({ givenNames: GIVEN, familyNames: FAMILY });
    const denied = await auditOf('person.access_report');
    expect(denied.some((e) => e.actor_username === 'koordinator2.stockholm' && e.outcome === 'denied')).toBe(true);
  });

  it('may neither rename the person nor lift the protection', async () => {
    const version = (await colleague.get(api(`/cases/${protectedCase.id}`))).json<{ version: number }>().version;
    for (const person of [{ protectedIdentity: false }, { givenNames: 'Överskriven' }]) {
      const res = await colleague.patch(api(`/cases/${protectedCase.id}`), { version, person });
      expect(res.statusCode, res.body).toBe(403);
    }
    const row = await t.database.db.selectFrom('persons').select(['protected_identity']).where('id', '=', protectedCase.personId).executeTakeFirstOrThrow();
    expect(row.protected_identity).toBe(true);
  });
});

describe('naming and revoking', () => {
  it('refuses whoever is not named, self-naming, a user outside the case, and the last named user — each audited', async () => {
    const notNamed = await colleague.post(api(`/cases/${protectedCase.id}/named-users`), { userId: colleagueId, reason: 'Jag vill se namnet' });
    expect(notNamed.statusCode).toBe(403);
    const self = await named.post(api(`/cases/${protectedCase.id}/named-users`), { userId: named.session.user.id, reason: 'Mig själv' });
    expect(self.statusCode).toBe(422);
    const vast = await signIn(t.app, 'koordinator.vast');
    const outside = await named.post(api(`/cases/${protectedCase.id}/named-users`), { userId: vast.session.user.id, reason: 'Annan region' });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.fields[0].path).toBe('userId');
    const last = await named.post(api(`/cases/${protectedCase.id}/named-users/revoke`), { userId: named.session.user.id, reason: 'Jag slutar' });
    expect(last.statusCode).toBe(409);
    const admin = await signIn(t.app, 'admin');
    expect((await admin.post(api(`/cases/${protectedCase.id}/named-users`), { userId: colleagueId, reason: 'Admin' })).statusCode).toBe(404);
    const denied = (await auditOf('person.identity_grant')).filter((e) => e.outcome === 'denied').map((e) => (e.details as { refused: string }).refused);
    expect(denied).toEqual(expect.arrayContaining(['not_named', 'self', 'grantee_not_allowed']));
    expect((await auditOf('person.identity_revoke')).some((e) => e.outcome === 'denied' && (e.details as { refused: string }).refused === 'last_named_user')).toBe(true);
  });

  it('names a colleague, who then sees the name everywhere; revoking takes it away again; both audited without the reason', async () => {
    const before = (await named.get(api(`/cases/${protectedCase.id}/named-users`))).json<NamedUsersView>();
    expect(before.namedUsers.map((u) => u.userId)).toEqual([named.session.user.id]);
    expect(before.candidates.map((c) => c.userId)).toContain(colleagueId);
    const res = await named.post(api(`/cases/${protectedCase.id}/named-users`), { userId: colleagueId, reason: 'Skälet Ärendeansvarig vikarie' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<NamedUsersView>().namedUsers.map((u) => u.userId)).toEqual([named.session.user.id, colleagueId]);

    expect((await colleague.get(api(`/cases/${protectedCase.id}`))).json().person).toMatchObject({ givenNames: GIVEN, familyNames: FAMILY });
    expect((await colleague.get(api(`/cases?q=${ALIAS}`))).json<{ items: { id: string }[] }>().items.map((i) => i.id)).toEqual([protectedCase.id]);
    expect((await colleague.get(api(`/cases/${protectedCase.id}/named-users`))).statusCode).toBe(200);
    expect((await colleague.get(api(`/groups/${groupId}`))).body).toContain(GIVEN);

    const revoked = await named.post(api(`/cases/${protectedCase.id}/named-users/revoke`), { userId: colleagueId, reason: 'Skälet Vikariatet slut' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json<NamedUsersView>().namedUsers.map((u) => u.userId)).toEqual([named.session.user.id]);
    expect((await colleague.get(api(`/cases/${protectedCase.id}`))).json().person.givenNames).toBeNull();
    expect((await colleague.get(api(`/cases?q=${ALIAS}`))).json<{ items: unknown[] }>().items).toEqual([]);

    const grant = (await auditOf('person.identity_grant')).find((e) => e.outcome === 'ok' && (e.details as { granteeUserId?: string }).granteeUserId === colleagueId);
    const revoke = (await auditOf('person.identity_revoke')).find((e) => e.outcome === 'ok');
    expect(grant).toMatchObject({ actor_username: 'koordinator.stockholm', person_id: protectedCase.personId, case_id: protectedCase.id });
    expect(revoke).toMatchObject({ actor_username: 'koordinator.stockholm', person_id: protectedCase.personId, details: expect.objectContaining({ granteeUserId: colleagueId }) });
    const trail = JSON.stringify(await t.database.db.selectFrom('audit_events').select('details').execute());
    expect(trail).not.toContain('Skälet');
  });

  it('shows auditors the whole history with reasons, and nobody else', async () => {
    const history = await auditor.get(api(`/audit/identity-grants?personId=${protectedCase.personId}`));
    expect(history.statusCode, history.body).toBe(200);
    const grants = history.json<{ grants: { userId: string; kind: string; reason: string; revokedAt: string | null; revokeReason: string | null }[] }>().grants;
    expect(grants.map((g) => [g.kind, g.userId, g.revokedAt !== null])).toEqual([
      ['registrant', named.session.user.id, false],
      ['named', colleagueId, true],
    ]);
    expect(grants[1]).toMatchObject({ reason: 'Skälet Ärendeansvarig vikarie', revokeReason: 'Skälet Vikariatet slut' });
    expect((await named.get(api(`/audit/identity-grants?personId=${protectedCase.personId}`))).statusCode).toBe(403);
    expect((await auditOf('audit.identity_grants')).some((e) => e.actor_username === 'revisor')).toBe(true);
  });
});

describe('matching and exports', () => {
  it('gives no signal and no evidence about a protected person to anyone, the named coordinator of its region included', async () => {
    const probe = { givenNames: GIVEN, familyNames: FAMILY, sex: 'female', birthDate: '1992-04-12', citizenships: ['TH'] };
    // Without the lookalike, nothing but the protected person matches: remove it from the index.
    await t.database.db.updateTable('persons').set({ protected_identity: true }).where('id', '=', lookalikeCase.personId).execute();
    try {
      for (const client of [named, colleague, await signIn(t.app, 'skola.goteborg')]) {
        const res = await client.post(api('/persons/check'), probe);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({ signal: 'none', matches: [] });
        expect(res.body).not.toContain(protectedCase.personId);
      }
    } finally {
      await t.database.db.updateTable('persons').set({ protected_identity: false }).where('id', '=', lookalikeCase.personId).execute();
    }
    // The same question about an unprotected person does raise the signal (the check can fail).
    const open = await colleague.post(api('/persons/check'), { givenNames: 'Synlig', familyNames: 'Öppensson', sex: 'female', birthDate: '1992-04-12', citizenships: ['TH'] });
    expect(open.json().signal).toBe('possible_match');
  });

  it('gives no privacy-preserving match on a protected person either, to its named coordinator included', async () => {
    const clk = (r: { givenNames: string; familyNames: string }) => encodeClk(clkEncoder.encode({ id: 'x', sex: 'female', birthDate: '1992-04-12', citizenships: ['TH'], ...r }));
    await t.database.db.updateTable('persons').set({ protected_identity: true }).where('id', '=', lookalikeCase.personId).execute();
    try {
      const res = await named.post(api('/persons/pprl/match'), { records: [{ ref: 'A', clk: clk({ givenNames: GIVEN, familyNames: FAMILY }) }, { ref: 'B', clk: clk({ givenNames: 'Synlig', familyNames: 'Öppensson' }) }] });
      expect(res.statusCode, res.body).toBe(200);
      const [a, b] = res.json<{ results: { signal: string; matches: { personId: string }[] }[] }>().results;
      expect(a).toMatchObject({ signal: 'none', matches: [] });
      expect(b!.signal).toBe('possible_match'); // the unprotected control is found
      expect(b!.matches.map((m) => m.personId)).toEqual([visibleCase.personId]);
    } finally {
      await t.database.db.updateTable('persons').set({ protected_identity: false }).where('id', '=', lookalikeCase.personId).execute();
    }
  });

  it('leaves protected persons out of the case export and the HTCDS export entirely', async () => {
    const cases = await analyst.get(api('/statistics/cases/export'));
    expect(cases.statusCode, cases.body.slice(0, 200)).toBe(200);
    expect(cases.body).toContain(visibleCase.ref);
    expect(cases.body).not.toContain(protectedCase.ref);
    expect(cases.body).not.toContain(protectedCase.personId);
    expect(leaks(cases.body)).toEqual([]);
    const htcds = await analyst.get(api('/statistics/htcds/export'));
    expect(htcds.statusCode).toBe(200);
    expect(htcds.body).toContain(visibleCase.ref); // the export does hold cases of 2026
    expect(htcds.body).not.toContain(protectedCase.ref);
    expect(htcds.body).not.toContain(protectedCase.personId);
    expect(leaks(htcds.body)).toEqual([]);
  });
});
