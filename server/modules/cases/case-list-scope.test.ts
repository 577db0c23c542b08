// The case list counts and pages the actor's scope in disjoint parts (caseScopeParts), each on
// its own index, and merges the parts' pages. This holds it to the plain scope predicate: for
// every kind of user, with scopes that overlap (a case an organisation referred and that is also
// shared with it, a case of the coordinator's own region shared too), every page of the list is
// exactly the plain predicate's rows in the list's order, nothing twice, and the total is theirs.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../../auth/auth.service.js';
import { caseScope, caseScopeParts } from '../../policies/case.policy.js';
import { createTestApp, signIn, type TestApp } from '../../test/harness.js';

let t: TestApp;
const USERS = ['socialsekreterare', 'polis', 'migrationsverket', 'aklagare', 'skola.goteborg', 'socialtjanst.goteborg', 'koordinator.stockholm', 'koordinator.vast'];

beforeAll(async () => {
  t = await createTestApp({ cases: 60 });
  const db = t.database.db;
  const orgOf = async (username: string) => (await db.selectFrom('users').select('organisation_id').where('username', '=', username).executeTakeFirstOrThrow()).organisation_id;
  const cases = await db.selectFrom('cases').select(['id', 'referring_org_id', 'region']).orderBy('ref').execute();
  const share = async (caseId: string, username: string, revoked = false) =>
    db.insertInto('case_shares').values({ case_id: caseId, organisation_id: await orgOf(username), purpose: 'support', fields: ['summary'], revoked_at: revoked ? new Date() : null }).execute();
  const soc = await orgOf('socialsekreterare');
  const police = await orgOf('polis');
  // Overlaps on purpose: shared with the organisation that referred the case, or into a region.
  for (const c of cases.filter((c) => c.referring_org_id === soc).slice(0, 3)) await share(c.id, 'socialsekreterare');
  for (const c of cases.filter((c) => c.referring_org_id !== soc).slice(0, 7)) await share(c.id, 'socialsekreterare');
  for (const c of cases.filter((c) => c.referring_org_id === police).slice(0, 2)) await share(c.id, 'polis');
  for (const c of cases.filter((c) => c.region === 'stockholm').slice(0, 5)) await share(c.id, 'polis');
  for (const c of cases.slice(10, 14)) await share(c.id, 'migrationsverket', true);
  for (const c of cases.slice(20, 26)) await share(c.id, 'aklagare');
}, 120_000);
afterAll(() => t.close());

describe('the case list of a scope in parts', () => {
  it.each(USERS)('pages exactly the plain scope of %s, in order, each case once', async (username) => {
    const db = t.database.db;
    const user = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
    const actor = (await loadActor(db, user.id, 'session', 'test'))!;
    const expected = (await db.selectFrom('cases').select('id').where(caseScope(actor)).orderBy('referred_on', 'desc').orderBy('ref', 'desc').execute()).map((r) => r.id);
    const client = await signIn(t.app, username);
    for (const filter of ['', '&status=received']) {
      const want = filter ? (await db.selectFrom('cases').select('id').where(caseScope(actor)).where('status', '=', 'received').orderBy('referred_on', 'desc').orderBy('ref', 'desc').execute()).map((r) => r.id) : expected;
      const got: string[] = [];
      for (let page = 1; page <= 20; page++) {
        const res = await client.get(`/api/v1/cases?pageSize=7&page=${page}${filter}`);
        expect(res.statusCode, res.body).toBe(200);
        const body = res.json() as { total: number; items: { id: string }[] };
        expect(body.total).toBe(want.length);
        got.push(...body.items.map((i) => i.id));
        if (body.items.length < 7) break;
      }
      expect(got).toEqual(want);
    }
    if (username === 'socialsekreterare' || username === 'polis') expect(caseScopeParts(actor).length).toBeGreaterThan(1);
    if (username === 'socialsekreterare') expect(expected.length).toBeGreaterThan(7);
  });

  it('counts a case that is in several parts once', async () => {
    const db = t.database.db;
    const overlap = await sql<{ n: number }>`select count(*)::int as n from cases c join case_shares s on s.case_id = c.id and s.revoked_at is null and s.organisation_id = c.referring_org_id`.execute(db);
    expect(overlap.rows[0]!.n).toBeGreaterThan(0);
  });
});
