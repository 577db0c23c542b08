// The registration-time check: evidence for the region's coordinator, only the neutral signal
// for everyone else (same keys, status and timing class with and without a match), protected
// identities left out, odd input answered without errors, and the index kept in step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, referralBody, signIn, type Client, type TestApp } from '../../test/harness.js';
import { CHECK_MIN_MS } from './person-check.service.js';

let t: TestApp;
let referrer: Client;
let school: Client;
let stockholm: Client;
let vast: Client;
let caseId: string;
let personId: string;

const malai = { givenNames: 'Malai', familyNames: 'Testperson', birthYear: 1994, sex: 'female', citizenships: ['TH'] };
const stranger = { givenNames: 'Zbigniew', familyNames: 'Okänddottir', birthDate: '1971-09-30', sex: 'male', citizenships: ['PL'] };

async function timed(client: Client, body: unknown): Promise<{ res: LightMyRequestResponse; ms: number }> {
  const started = performance.now();
  const res = await client.post('/api/v1/persons/check', body);
  return { res, ms: performance.now() - started };
}

beforeAll(async () => {
  t = await createTestApp();
  [referrer, school, stockholm, vast] = await Promise.all(['socialsekreterare', 'skola.goteborg', 'koordinator.stockholm', 'koordinator.vast'].map((u) => signIn(t.app, u)));
  const res = await referrer.post('/api/v1/cases', referralBody());
  expect(res.statusCode, res.body).toBe(201);
  caseId = res.json().id;
  personId = res.json().person.id;
  const hidden = referralBody({ person: { ...referralBody().person, givenNames: 'Sombat', familyNames: 'Hemligsson', birthYear: 1988, protectedIdentity: true } });
  expect((await referrer.post('/api/v1/cases', hidden)).statusCode).toBe(201);
});
afterAll(() => t.close());

describe('POST /persons/check for a first responder', () => {
  it('answers only the neutral signal, with the same keys, status and timing class with and without a match', async () => {
    await timed(school, stranger); // the first call builds the index; time the steady state
    const hit = await timed(school, malai);
    const miss = await timed(school, stranger);
    expect(hit.res.statusCode).toBe(200);
    expect(miss.res.statusCode).toBe(200);
    expect(hit.res.json()).toEqual({ signal: 'possible_match', message: 'Personen kan redan vara känd: kontakta regionkoordinatorn', matches: [] });
    expect(miss.res.json()).toEqual({ signal: 'none', message: expect.any(String), matches: [] });
    expect(Object.keys(hit.res.json()).sort()).toEqual(Object.keys(miss.res.json()).sort());
    expect(hit.res.body).not.toMatch(/Malai|Testperson|stockholm|LOTS-/i);
    for (const { ms } of [hit, miss]) {
      expect(ms).toBeGreaterThanOrEqual(CHECK_MIN_MS - 1);
      expect(ms).toBeLessThan(CHECK_MIN_MS + 1_500);
    }
  });

  it('leaves protected identities out of the signal', async () => {
    const res = await school.post('/api/v1/persons/check', { givenNames: 'Sombat', familyNames: 'Hemligsson', birthYear: 1988 });
    expect(res.json().signal).toBe('none');
  });

  it('handles empty, punctuation-only and future-dated input without errors', async () => {
    for (const body of [
      {},
      { givenNames: '', familyNames: '' },
      { givenNames: '!!! ...', familyNames: '—,;:' },
      { givenNames: 'Malai', familyNames: 'Testperson', birthDate: '2099-01-01' },
      { givenNames: '   ', familyNames: 'Testperson', birthYear: 3000, estimatedAge: 0 },
    ]) {
      const res = await school.post('/api/v1/persons/check', body);
      expect(res.statusCode, res.body).toBe(200);
      expect(['possible_match', 'none']).toContain(res.json().signal);
    }
  });

  it('refuses roles that raise no referrals, and unknown fields', async () => {
    const prosecutor = await signIn(t.app, 'aklagare');
    expect((await prosecutor.post('/api/v1/persons/check', malai)).statusCode).toBe(403);
    expect((await school.post('/api/v1/persons/check', { ...malai, nickname: 'x' })).statusCode).toBe(400);
  });
});

describe('POST /persons/check for a coordinator', () => {
  it("shows the region's coordinator the evidence, field by field", async () => {
    const res = await stockholm.post('/api/v1/persons/check', malai);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.signal).toBe('possible_match');
    expect(body.matches).toHaveLength(1);
    const [m] = body.matches;
    expect(m.personId).toBe(personId);
    expect(m.probability).toBeGreaterThanOrEqual(0.8);
    expect(m.person.givenNames).toBe('Malai');
    expect(m.person.cases.map((c: { id: string }) => c.id)).toEqual([caseId]);
    const given = m.evidence.find((e: { field: string }) => e.field === 'given');
    expect(given).toMatchObject({ level: 0, agreement: 'agree' });
    expect(given.weight).toBeGreaterThan(1);
  });

  it("gives another region's coordinator only the signal", async () => {
    const res = await vast.post('/api/v1/persons/check', malai);
    expect(res.json()).toEqual({ signal: 'possible_match', message: expect.any(String), matches: [] });
  });

  it('audits every check without names', async () => {
    const events = await t.database.db.selectFrom('audit_events').select(['actor_username', 'details']).where('action', '=', 'person.match_check').execute();
    expect(events.length).toBeGreaterThanOrEqual(6);
    expect(JSON.stringify(events)).not.toMatch(/Malai|Testperson|Zbigniew/);
    expect(events.find((e) => e.actor_username === 'koordinator.stockholm')?.details).toMatchObject({ signal: 'possible_match', shownPersonIds: [personId] });
  });
});

describe('the match index', () => {
  it('keeps in step with new referrals and edited persons', async () => {
    const olga = { givenNames: 'Olga', familyNames: 'Vasylenko', birthDate: '1979-03-14', sex: 'female', citizenships: ['UA'] };
    expect((await school.post('/api/v1/persons/check', olga)).json().signal).toBe('none');
    const created = await referrer.post('/api/v1/cases', referralBody({ person: { ...referralBody().person, ...olga, birthYear: null } }));
    expect(created.statusCode, created.body).toBe(201);
    expect((await school.post('/api/v1/persons/check', olga)).json().signal).toBe('possible_match');

    const view = (await stockholm.get(`/api/v1/cases/${created.json().id}`)).json();
    const renamed = await stockholm.patch(`/api/v1/cases/${view.id}`, { version: view.version, person: { givenNames: 'Natalia', familyNames: 'Bondarenko' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await school.post('/api/v1/persons/check', olga)).json().signal).toBe('none');
    expect((await school.post('/api/v1/persons/check', { ...olga, givenNames: 'Natalia', familyNames: 'Bondarenko' })).json().signal).toBe('possible_match');
  });
});
