// The guard against a second reflection period application for the same person, across
// organisations and cases, including two applications racing each other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';
import { ORG, isoToday, newCase, orgId, share } from './process.fixtures.js';

let t: TestApp;
let soc: Client;
let polis: Client;
let coordinator: Client;
let migration: Client;
let caseA: { id: string; personId: string };
let caseB: string;
const org: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  [soc, polis, coordinator, migration] = await Promise.all(['socialsekreterare', 'polis', 'koordinator.stockholm', 'migrationsverket'].map((u) => signIn(t.app, u)));
  for (const [k, name] of Object.entries(ORG)) org[k] = await orgId(t, name);
  caseA = await newCase(soc);
  for (const o of [ORG.socStockholm, ORG.police, ORG.migration]) await share(t, caseA.id, o);
  // A second case for the same person (a later referral elsewhere in the region).
  caseB = (await newCase(coordinator, { municipalityCode: '0184' })).id;
  await t.database.db.updateTable('cases').set({ person_id: caseA.personId }).where('id', '=', caseB).execute();
});
afterAll(() => t.close());

const reflection = (applicantOrgId: string, applicantKind: string, submittedOn: string) => ({ kind: 'reflection', applicantOrgId, applicantKind, viaCoordinator: false, submittedOn });

async function decide(permitId: string, body: Record<string, unknown>) {
  const list = await coordinator.get(`/api/v1/cases/${caseA.id}/permits`);
  const version = list.json().permits.find((p: { id: string }) => p.id === permitId)?.version as number;
  return migration.post(`/api/v1/permits/${permitId}/decision`, { version, ...body });
}

describe('a second reflection application for the same person', () => {
  let first: string;
  let second: string;

  it("is stopped while social services' application is pending, naming the organisation, date and status", async () => {
    const ok = await soc.post(`/api/v1/cases/${caseA.id}/permits`, reflection(org.socStockholm!, 'social_welfare_board', '2026-03-02'));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ kind: 'reflection', status: 'pending', active: true, applicantOrganisation: { name: ORG.socStockholm } });
    first = ok.json().id;

    const dup = await polis.post(`/api/v1/cases/${caseA.id}/permits`, reflection(org.police!, 'police', '2026-03-03'));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('duplicate_reflection_application');
    expect(dup.json().error.message).toContain(ORG.socStockholm);
    expect(dup.json().error.message).toContain('2026-03-02');
    expect(dup.json().error.message).toContain('pending');
  });

  it('is audited as refused, and nothing is saved', async () => {
    const ev = await t.database.db
      .selectFrom('audit_events')
      .select(['outcome', 'actor_username', 'person_id', 'details'])
      .where('action', '=', 'permit.refused_duplicate')
      .executeTakeFirstOrThrow();
    expect(ev).toMatchObject({ outcome: 'denied', actor_username: 'polis', person_id: caseA.personId });
    expect(ev.details).toMatchObject({ active: { permitId: first, organisationId: org.socStockholm } });
    const rows = await t.database.db.selectFrom('permit_applications').select('id').where('person_id', '=', caseA.personId).execute();
    expect(rows).toHaveLength(1);
  });

  it("is stopped on another case of the same person, too", async () => {
    const dup = await coordinator.post(`/api/v1/cases/${caseB}/permits`, reflection(org.prosecution!, 'prosecution', '2026-03-04'));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain(ORG.socStockholm);
  });

  it('passes once the first is refused', async () => {
    const refused = await decide(first, { decision: 'refused', decidedOn: '2026-03-05' });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({ status: 'refused', active: false, validFrom: null });
    const ok = await polis.post(`/api/v1/cases/${caseA.id}/permits`, reflection(org.police!, 'police', '2026-03-06'));
    expect(ok.statusCode, ok.body).toBe(201);
    second = ok.json().id;
  });

  it('passes once the granted period has expired', async () => {
    const granted = await decide(second, { decision: 'granted', decidedOn: '2026-03-10' });
    expect(granted.json()).toMatchObject({ decision: 'granted', validFrom: '2026-03-10', validUntil: '2026-04-08', status: 'expired', active: false });
    const ok = await soc.post(`/api/v1/cases/${caseA.id}/permits`, reflection(org.socStockholm!, 'social_welfare_board', '2026-04-20'));
    expect(ok.statusCode, ok.body).toBe(201);
    const withdrawn = await soc.post(`/api/v1/permits/${ok.json().id}/withdraw`, { version: 1, withdrawnOn: '2026-04-22' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', decision: 'withdrawn', withdrawnOn: '2026-04-22' });
  });

  it('passes once the pending one is withdrawn, and is stopped again while a granted period runs', async () => {
    const ok = await coordinator.post(`/api/v1/cases/${caseB}/permits`, { ...reflection(org.socStockholm!, 'social_welfare_board', '2026-05-01'), viaCoordinator: true });
    expect(ok.statusCode, ok.body).toBe(201);
    const decidedOn = isoToday(-5);
    const granted = await coordinator.post(`/api/v1/permits/${ok.json().id}/decision`, { version: 1, decision: 'granted', decidedOn });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json()).toMatchObject({ status: 'granted', active: true, validFrom: decidedOn, validUntil: isoToday(24), dayOfPeriod: 6, daysLeft: 24, viaCoordinator: true });
    const dup = await polis.post(`/api/v1/cases/${caseA.id}/permits`, reflection(org.police!, 'police', isoToday()));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain('granted');
    expect(dup.json().error.message).toContain('2026-05-01');
  });

  it('does not apply to witness permits', async () => {
    const body = { kind: 'witness', applicantOrgId: org.prosecution!, applicantKind: 'prosecution', viaCoordinator: false, submittedOn: '2026-06-01' };
    expect((await coordinator.post(`/api/v1/cases/${caseA.id}/permits`, body)).statusCode).toBe(201);
    expect((await coordinator.post(`/api/v1/cases/${caseA.id}/permits`, body)).statusCode).toBe(201);
  });
});

describe('two applications racing for the same person', () => {
  it('let exactly one through', async () => {
    const c = await newCase(soc, { person: { givenNames: 'Ana', familyNames: 'Samtidig', sex: 'female', birthYear: 1999, citizenships: ['RO'] } });
    for (const o of [ORG.socStockholm, ORG.police]) await share(t, c.id, o);
    const results = await Promise.all([
      soc.post(`/api/v1/cases/${c.id}/permits`, reflection(org.socStockholm!, 'social_welfare_board', '2026-07-01')),
      polis.post(`/api/v1/cases/${c.id}/permits`, reflection(org.police!, 'police', '2026-07-01')),
      coordinator.post(`/api/v1/cases/${c.id}/permits`, reflection(org.prosecution!, 'prosecution', '2026-07-01')),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    const rows = await t.database.db.selectFrom('permit_applications').select('id').where('person_id', '=', c.personId).execute();
    expect(rows).toHaveLength(1);
  });
});
