// The review queue: the dedupe batch (idempotent), scope per region (a cross-region pair goes
// to both, each sees only its own person), merge refused with two active reflection periods,
// and merge + unmerge restoring persons, cases and the audit trail exactly.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, referralBody, signIn, type Client, type TestApp } from '../../test/harness.js';
import { verifyAuditChain } from '../../audit/audit.verify.js';
import { chainAuditEvents } from '../../audit/audit.chain.js';
import { runDedupe } from './dedupe.service.js';
import { samePersonIdsFor } from './same-person.js';
import { openSnapshot } from './merge.repository.js';

let t: TestApp;
let stockholm: Client;
let vast: Client;
const ids: Record<string, { caseId: string; personId: string }> = {};

const person = (givenNames: string, familyNames: string, birthDate: string, sex: string, country: string) => ({
  ...referralBody().person,
  givenNames,
  familyNames,
  birthDate,
  birthYear: null,
  sex,
  citizenships: [country],
});

async function refer(client: Client, key: string, p: ReturnType<typeof person>, municipalityCode: string) {
  const res = await client.post('/api/v1/cases', referralBody({ person: p, municipalityCode }));
  expect(res.statusCode, res.body).toBe(201);
  ids[key] = { caseId: res.json().id, personId: res.json().person.id };
}

interface Item {
  id: string;
  version: number;
  status: string;
  personA: { personId: string; inYourRegion: boolean; label: string | null };
  personB: { personId: string; inYourRegion: boolean; label: string | null };
}

async function pairOf(client: Client, x: string, y: string, status = 'all'): Promise<Item | undefined> {
  const res = await client.get(`/api/v1/persons/candidates?status=${status}&pageSize=100`);
  expect(res.statusCode, res.body).toBe(200);
  const want = [ids[x]!.personId, ids[y]!.personId].sort();
  return (res.json().items as Item[]).find((i) => i.personA.personId === want[0] && i.personB.personId === want[1]);
}

// The whole stored row, its sealed names opened (a restored name is sealed afresh, so its
// ciphertext differs while its content is the same).
const personJson = async (id: string) => {
  const row = (await sql<{ row: Record<string, unknown> }>`select to_jsonb(p) as row from persons p where p.id = ${id}`.execute(t.database.db)).rows[0]?.row;
  return row && openSnapshot(row);
};
const caseCount = async (personId: string) => (await t.database.db.selectFrom('cases').select('id').where('person_id', '=', personId).execute()).length;
// Linked first (server/audit/audit.chain.ts), so the rows compared carry their place in the chain.
const auditRows = async () => {
  await chainAuditEvents(t.database.db);
  return t.database.db.selectFrom('audit_events').select(['seq', 'chain_seq', 'hash', 'details']).orderBy('seq').execute();
};

beforeAll(async () => {
  t = await createTestApp();
  [stockholm, vast] = await Promise.all(['koordinator.stockholm', 'koordinator.vast'].map((u) => signIn(t.app, u)));
  await refer(stockholm, 'ioana1', person('Ioana', 'Popescu', '1990-05-17', 'female', 'RO'), '0180');
  await refer(stockholm, 'ioana2', person('Ioana Maria', 'Popesku', '1990-05-17', 'female', 'RO'), '0180');
  await refer(stockholm, 'olena1', person('Olena', 'Kovalenko', '1985-02-11', 'female', 'UA'), '0180');
  await refer(vast, 'olena2', person('Olena', 'Kovalenko', '1985-02-11', 'female', 'UA'), '1480');
  await refer(vast, 'somchai1', person('Somchai', 'Jaidee', '1992-08-03', 'male', 'TH'), '1480');
  await refer(vast, 'somchai2', person('Somchai', 'Jaidee', '1992-08-03', 'male', 'TH'), '1480');
  await refer(stockholm, 'maria1', person('Maria', 'Ionescu', '1987-11-23', 'female', 'RO'), '0180');
  await refer(stockholm, 'maria2', person('Maria', 'Ionescu', '1987-11-23', 'female', 'RO'), '0180');
  await refer(stockholm, 'other', person('Amina', 'Hassan', '2001-06-30', 'female', 'SO'), '0180');
});
afterAll(() => t.close());

describe('the dedupe batch', () => {
  it('queues the likely pairs and is idempotent', async () => {
    const first = await runDedupe(t.database.db);
    expect(first.persons).toBe(9);
    expect(first.inserted).toBe(4);
    const rows = await t.database.db.selectFrom('person_match_candidates').select(['person_a', 'person_b', 'probability', 'band', 'regions_a', 'regions_b']).execute();
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r.probability).toBeGreaterThanOrEqual(0.8);
    const again = await runDedupe(t.database.db);
    expect(again).toMatchObject({ inserted: 0, updated: 4, alreadyDecided: 0 });
    expect(await t.database.db.selectFrom('person_match_candidates').select('id').execute()).toHaveLength(4);
  });
});

describe('scope of the review queue', () => {
  it("lists a region's pairs, a cross-region pair to both regions, and nothing of other regions", async () => {
    expect(await pairOf(stockholm, 'ioana1', 'ioana2')).toBeDefined();
    expect(await pairOf(stockholm, 'somchai1', 'somchai2')).toBeUndefined();
    expect(await pairOf(vast, 'somchai1', 'somchai2')).toBeDefined();
    expect(await pairOf(vast, 'ioana1', 'ioana2')).toBeUndefined();
    const cross = await pairOf(stockholm, 'olena1', 'olena2');
    const crossVast = await pairOf(vast, 'olena1', 'olena2');
    expect(cross?.id).toBe(crossVast?.id);
    const mine = [cross!.personA, cross!.personB].find((s) => s.personId === ids.olena1!.personId)!;
    const theirs = [cross!.personA, cross!.personB].find((s) => s.personId === ids.olena2!.personId)!;
    expect(mine).toMatchObject({ inYourRegion: true, label: 'Olena Kovalenko' });
    expect(theirs).toMatchObject({ inYourRegion: false, label: null });
  });

  it("shows the other region's person only as evidence, and refuses to merge across regions", async () => {
    const cross = (await pairOf(stockholm, 'olena1', 'olena2'))!;
    const res = await stockholm.get(`/api/v1/persons/candidates/${cross.id}`);
    expect(res.statusCode).toBe(200);
    const d = res.json();
    const theirs = d.personA.personId === ids.olena2!.personId ? 'personADetail' : 'personBDetail';
    expect(d[theirs]).toBeNull();
    expect(d.evidence.find((e: { field: string }) => e.field === 'birth')).toMatchObject({ agreement: 'agree' });
    expect(d.abilities).toEqual({ merge: false, notSame: true });
    expect(JSON.stringify(d)).not.toMatch(new RegExp(ids.olena2!.caseId));
    const merge = await stockholm.post(`/api/v1/persons/candidates/${cross.id}/merge`, { version: d.version, personVersions: { a: 1, b: 1 }, keep: 'personA', fields: {} });
    expect(merge.statusCode).toBe(403);
  });

  it("answers 404 for another region's pair, audited as denied, and 403 to other roles", async () => {
    const pair = (await pairOf(vast, 'somchai1', 'somchai2'))!;
    const res = await stockholm.get(`/api/v1/persons/candidates/${pair.id}`);
    const missing = await stockholm.get('/api/v1/persons/candidates/00000000-0000-4000-8000-000000000000');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual(missing.json());
    const audit = await t.database.db.selectFrom('audit_events').select(['outcome']).where('action', '=', 'person.read').where('resource_id', '=', pair.id).execute();
    expect(audit).toContainEqual({ outcome: 'denied' });
    const school = await signIn(t.app, 'skola.goteborg');
    expect((await school.get('/api/v1/persons/candidates')).statusCode).toBe(403);
  });
});

describe('merging', () => {
  it('is refused while both persons have an active reflection period', async () => {
    const socStockholm = (await t.database.db.selectFrom('organisations').select('id').where('name', '=', 'Socialtjänsten Stockholms stad').executeTakeFirstOrThrow()).id;
    const body = { kind: 'reflection', applicantOrgId: socStockholm, applicantKind: 'social_welfare_board', viaCoordinator: true, submittedOn: '2026-05-04' };
    const first = await stockholm.post(`/api/v1/cases/${ids.maria1!.caseId}/permits`, body);
    expect(first.statusCode, first.body).toBe(201);
    // The guard already treats the flagged pair as one person: a second application is stopped.
    const second = await stockholm.post(`/api/v1/cases/${ids.maria2!.caseId}/permits`, body);
    expect(second.statusCode, second.body).toBe(409);
    expect(second.json().error.code).toBe('duplicate_reflection_application');
    // As if both had been recorded before the pair was found: the merge must still be refused.
    await t.database.db
      .insertInto('permit_applications')
      .values({ case_id: ids.maria2!.caseId, person_id: ids.maria2!.personId, kind: 'reflection', applicant_org_id: socStockholm, applicant_kind: 'social_welfare_board', via_coordinator: true, submitted_on: '2026-05-04' })
      .execute();
    const pair = (await pairOf(stockholm, 'maria1', 'maria2'))!;
    const detail = (await stockholm.get(`/api/v1/persons/candidates/${pair.id}`)).json();
    expect(detail.mergeBlocked).toMatch(/reflection period/);
    const res = await stockholm.post(`/api/v1/persons/candidates/${pair.id}/merge`, {
      version: detail.version,
      personVersions: { a: detail.personADetail.version, b: detail.personBDetail.version },
      keep: 'personA',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('merge_two_reflection_periods');
    const denied = await t.database.db.selectFrom('audit_events').select('outcome').where('action', '=', 'person.merge').where('resource_id', '=', pair.id).execute();
    expect(denied).toEqual([{ outcome: 'denied' }]);
    expect((await pairOf(stockholm, 'maria1', 'maria2'))!.status).toBe('open');
  });

  it('merges and unmerges, restoring persons, cases and the audit trail exactly', async () => {
    const pair = (await pairOf(stockholm, 'ioana1', 'ioana2'))!;
    const detail = (await stockholm.get(`/api/v1/persons/candidates/${pair.id}`)).json();
    expect(detail.conflicts).toEqual(['givenNames', 'familyNames']);
    const keepSide = detail.personA.personId === ids.ioana1!.personId ? 'personA' : 'personB';
    const otherSide = keepSide === 'personA' ? 'b' : 'a';
    const [kept, removed] = [ids.ioana1!.personId, ids.ioana2!.personId];
    const before = { kept: await personJson(kept), removed: await personJson(removed) };
    const auditBefore = await auditRows();

    const res = await stockholm.post(`/api/v1/persons/candidates/${pair.id}/merge`, {
      version: detail.version,
      personVersions: { a: detail.personADetail.version, b: detail.personBDetail.version },
      keep: keepSide,
      fields: { familyNames: otherSide },
    });
    expect(res.statusCode, res.body).toBe(200);
    const merge = res.json();
    expect(merge).toMatchObject({ keptPersonId: kept, removedPersonId: removed, movedCaseIds: [ids.ioana2!.caseId] });
    expect(await caseCount(kept)).toBe(2);
    expect(await personJson(removed)).toBeUndefined();
    const merged = (await personJson(kept))!;
    expect(merged.given_names).toBe('Ioana');
    expect(merged.family_names).toBe('Popesku');
    expect(merged.aliases).toEqual(expect.arrayContaining(['Ioana Popescu', 'Ioana Maria Popesku']));
    expect((await pairOf(stockholm, 'ioana1', 'ioana2'))!.status).toBe('merged');
    expect((await auditRows()).slice(0, auditBefore.length)).toEqual(auditBefore);
    const mergeAudit = await t.database.db.selectFrom('audit_events').select(['person_id', 'details']).where('action', '=', 'person.merge').where('outcome', '=', 'ok').execute();
    expect(mergeAudit.map((a) => a.person_id).sort()).toEqual([kept, removed].sort());
    expect(JSON.stringify(mergeAudit)).not.toMatch(/Ioana|Popes/);

    const merges = await stockholm.get('/api/v1/persons/merges');
    expect(merges.json().items.map((m: { id: string }) => m.id)).toContain(merge.id);
    expect((await vast.post(`/api/v1/persons/merges/${merge.id}/unmerge`, {})).statusCode).toBe(404);

    const undone = await stockholm.post(`/api/v1/persons/merges/${merge.id}/unmerge`, {});
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json().notRestored).toEqual([]);
    expect(await personJson(removed)).toEqual(before.removed);
    const { version: _v1, updated_at: _u1, ...keptNow } = (await personJson(kept))!;
    const { version: _v0, updated_at: _u0, ...keptThen } = before.kept!;
    expect(keptNow).toEqual(keptThen);
    expect([await caseCount(kept), await caseCount(removed)]).toEqual([1, 1]);
    expect((await pairOf(stockholm, 'ioana1', 'ioana2'))!.status).toBe('open');
    expect((await auditRows()).slice(0, auditBefore.length)).toEqual(auditBefore);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
    const timeline = await t.database.db.selectFrom('case_events').select('kind').where('case_id', '=', ids.ioana2!.caseId).execute();
    expect(timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['person_merged', 'person_unmerged']));
    const again = await stockholm.post(`/api/v1/persons/merges/${merge.id}/unmerge`, {});
    expect(again.statusCode).toBe(409);
  });
});

describe('not the same', () => {
  it('closes a pair for good: re-running the batch never reopens it', async () => {
    const cross = (await pairOf(vast, 'olena1', 'olena2'))!;
    const stale = await vast.post(`/api/v1/persons/candidates/${cross.id}/not-same`, { version: cross.version + 5 });
    expect(stale.statusCode).toBe(409);
    const res = await vast.post(`/api/v1/persons/candidates/${cross.id}/not-same`, { version: cross.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'not_same', decidedBy: 'Vera Koordinator' });
    const rerun = await runDedupe(t.database.db);
    expect(rerun.alreadyDecided).toBe(1);
    expect((await pairOf(stockholm, 'olena1', 'olena2', 'open'))).toBeUndefined();
    expect((await pairOf(stockholm, 'olena1', 'olena2', 'not_same'))?.status).toBe('not_same');
    expect((await vast.post(`/api/v1/persons/candidates/${cross.id}/not-same`, { version: cross.version + 1 })).statusCode).toBe(409);
  });
});

describe('samePersonIdsFor (the reflection-period guard)', () => {
  it('names the persons of open auto-flagged pairs and the persons merged into this one', async () => {
    const db = t.database.db;
    expect(await samePersonIdsFor(db, ids.maria1!.personId)).toEqual([ids.maria2!.personId]);
    expect(await samePersonIdsFor(db, ids.amina?.personId ?? ids.other!.personId)).toEqual([]);
    // The cross-region pair was decided "not the same": it no longer counts.
    expect(await samePersonIdsFor(db, ids.olena1!.personId)).toEqual([]);
    const pair = (await pairOf(stockholm, 'ioana1', 'ioana2'))!;
    const detail = (await stockholm.get(`/api/v1/persons/candidates/${pair.id}`)).json();
    const keep = detail.personA.personId === ids.ioana1!.personId ? 'personA' : 'personB';
    const merged = await stockholm.post(`/api/v1/persons/candidates/${pair.id}/merge`, {
      version: detail.version,
      personVersions: { a: detail.personADetail.version, b: detail.personBDetail.version },
      keep,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(await samePersonIdsFor(db, ids.ioana1!.personId)).toEqual([ids.ioana2!.personId]);
  });
});
