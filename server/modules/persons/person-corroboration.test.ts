// Corroboration in the review queue: a pair whose own records score below the review band is
// offered when both persons match a third one, with the supports the coordinator may open; a
// "not the same" on a support shows at once and withdraws the pair at the next run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, referralBody, signIn, type Client, type TestApp } from '../../test/harness.js';
import { runDedupe } from './dedupe.service.js';

let t: TestApp;
let stockholm: Client;
let vast: Client;
const ids: Record<string, string> = {};

interface Item {
  id: string;
  version: number;
  probability: number;
  corroborated: boolean;
  personA: { personId: string };
  personB: { personId: string };
}

interface Detail extends Item {
  corroboration: { direct: number; supports: { probability: number; candidateId: string | null; status: string | null }[] } | null;
}

// One invented person registered three times: X with a date but no citizenship, Y with both,
// Z with a second given name and a citizenship but no date. X and Z share only the names.
async function refer(client: Client, key: string, person: Record<string, unknown>, municipalityCode: string) {
  const body = referralBody({ municipalityCode });
  const res = await client.post('/api/v1/cases', { ...body, person: { ...body.person, givenNames: 'Oksana', familyNames: 'Vyhadana', sex: 'female', ...person } });
  expect(res.statusCode, res.body).toBe(201);
  ids[key] = res.json().person.id;
}

async function pairOf(client: Client, x: string, y: string): Promise<Item | undefined> {
  const res = await client.get('/api/v1/persons/candidates?status=all&pageSize=100');
  expect(res.statusCode, res.body).toBe(200);
  const want = [ids[x], ids[y]].sort();
  return (res.json().items as Item[]).find((i) => i.personA.personId === want[0] && i.personB.personId === want[1]);
}

async function detail(client: Client, id: string): Promise<Detail> {
  const res = await client.get(`/api/v1/persons/candidates/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

beforeAll(async () => {
  t = await createTestApp();
  [stockholm, vast] = await Promise.all(['koordinator.stockholm', 'koordinator.vast'].map((u) => signIn(t.app, u)));
  await refer(stockholm, 'x', { birthYear: null, birthDate: '1991-04-12', citizenships: [] }, '0180');
  await refer(stockholm, 'y', { birthYear: null, birthDate: '1991-04-12', citizenships: ['UA'] }, '0180');
  await refer(vast, 'z', { givenNames: 'Oksana Marta', birthYear: null, birthDate: null, citizenships: ['UA'] }, '1480');
});
afterAll(() => t.close());

describe('corroboration through a third person', () => {
  it('offers X–Z through Y at the lower bound, with the evidence of X and Z alone', async () => {
    const run = await runDedupe(t.database.db);
    expect(run.pairs).toBe(3);
    const xy = (await pairOf(stockholm, 'x', 'y'))!;
    const yz = (await pairOf(stockholm, 'y', 'z'))!;
    const xz = (await pairOf(stockholm, 'x', 'z'))!;
    expect(xz).toBeDefined();
    const d = await detail(stockholm, xz.id);
    expect(d.corroboration).not.toBeNull();
    const c = d.corroboration!;
    // Alone, X and Z would not be offered; through Y they are, at supports added less one.
    expect(c.direct).toBeLessThan(0.8);
    expect(d.probability).toBeGreaterThanOrEqual(0.8);
    expect(c.supports).toHaveLength(2);
    const [first, second] = [c.supports[0]!, c.supports[1]!];
    expect(d.probability).toBeCloseTo(first.probability + second.probability - 1, 3);
    // Supports in the pair's order: (person_a, Y) then (Y, person_b); Stockholm may open both.
    const lowFirst = d.personA.personId === ids.x;
    expect([first.candidateId, second.candidateId]).toEqual(lowFirst ? [xy.id, yz.id] : [yz.id, xy.id]);
    expect(first.probability).toBeCloseTo(lowFirst ? xy.probability : yz.probability, 3);
    // A pair scored on its own records carries no corroboration; the queue marks which is which.
    expect((await detail(stockholm, xy.id)).corroboration).toBeNull();
    expect([xz.corroborated, xy.corroborated, yz.corroborated]).toEqual([true, false, false]);
  });

  it("gives Väst the support it may open and only the score of Stockholm's own pair", async () => {
    const xz = (await pairOf(vast, 'x', 'z'))!;
    expect(xz).toBeDefined();
    expect(await pairOf(vast, 'x', 'y')).toBeUndefined();
    const d = await detail(vast, xz.id);
    const yz = (await pairOf(vast, 'y', 'z'))!;
    const byId = d.corroboration!.supports.map((s) => s.candidateId);
    expect(byId).toContain(yz.id);
    expect(byId).toContain(null);
    expect(JSON.stringify(d)).not.toContain(ids.y as string);
  });

  it('shows a support marked "not the same" at once, and the next run withdraws the pair', async () => {
    const yz = (await pairOf(vast, 'y', 'z'))!;
    const res = await vast.post(`/api/v1/persons/candidates/${yz.id}/not-same`, { version: yz.version });
    expect(res.statusCode, res.body).toBe(200);
    const xz = (await pairOf(stockholm, 'x', 'z'))!;
    const supports = (await detail(stockholm, xz.id)).corroboration!.supports;
    expect(supports.find((s) => s.candidateId === yz.id)?.status).toBe('not_same');

    const rerun = await runDedupe(t.database.db);
    expect(rerun.withdrawn).toBe(1);
    expect(await pairOf(stockholm, 'x', 'z')).toBeUndefined();
    expect((await stockholm.get(`/api/v1/persons/candidates/${xz.id}`)).statusCode).toBe(404);
    // The support pairs themselves are as they were: one open, one decided.
    expect((await pairOf(stockholm, 'x', 'y')) !== undefined).toBe(true);
    expect((await pairOf(vast, 'y', 'z'))).toBeDefined();
    const audit = await t.database.db.selectFrom('audit_events').select('details').where('action', '=', 'person.dedupe').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ withdrawn: 1 });
  });

  it('never lets a protected identity be the third person', async () => {
    // X2 and Z2 as X and Z above; the record bridging them is protected.
    await refer(stockholm, 'x2', { familyNames: 'Fiktivna', birthYear: null, birthDate: '1993-09-21', citizenships: [] }, '0180');
    await refer(stockholm, 'p2', { familyNames: 'Fiktivna', birthYear: null, birthDate: '1993-09-21', citizenships: ['UA'], protectedIdentity: true }, '0180');
    await refer(vast, 'z2', { givenNames: 'Oksana Marta', familyNames: 'Fiktivna', birthYear: null, birthDate: null, citizenships: ['UA'] }, '1480');
    await runDedupe(t.database.db);
    const stored = await t.database.db.selectFrom('person_match_candidates').select(['person_a', 'person_b']).execute();
    const has = (x: string, y: string) => stored.some((r) => [r.person_a, r.person_b].sort().join() === [ids[x], ids[y]].sort().join());
    // The protected person's own pairs are scored as usual (and shown only to its named users) …
    expect(has('x2', 'p2')).toBe(true);
    expect(has('p2', 'z2')).toBe(true);
    // … but X2 and Z2, whose own records stay below the band, are not raised through it.
    expect(has('x2', 'z2')).toBe(false);
  });
});
