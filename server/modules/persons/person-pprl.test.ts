// Privacy-preserving matching: a partner sends keyed Bloom-filter encodings and learns only the
// neutral signal per record; a coordinator sees Dice scores for persons in the region.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClkEncoder } from '../../../domain/matching/bloom.js';
import { todayFrom } from '../../../domain/matching/birth-date.js';
import type { MatchRecord } from '../../../domain/matching/types.js';
import { createTestApp, referralBody, signIn, type Client, type TestApp } from '../../test/harness.js';
import { encodeClk } from './pprl.service.js';
import { newPprlSecret, nodeHmac, pprlSecret } from './pprl-secret.js';

const secret = newPprlSecret();
process.env.LOTS_PPRL_SECRET = secret;
const encoder = createClkEncoder(nodeHmac, new Uint8Array(Buffer.from(secret, 'base64')), { today: todayFrom(new Date()) });
const clk = (r: Omit<MatchRecord, 'id'>) => encodeClk(encoder.encode({ id: 'x', ...r }));

let t: TestApp;
let police: Client;
let stockholm: Client;
let vast: Client;
let personId: string;

const malai = { givenNames: 'Malai', familyNames: 'Testperson', birthYear: 1994, sex: 'female', citizenships: ['TH'] };
const records = [
  { ref: 'P-1', clk: clk(malai) },
  { ref: 'P-2', clk: clk({ givenNames: 'Zbigniew', familyNames: 'Okänddottir', birthDate: '1971-09-30', sex: 'male', citizenships: ['PL'] }) },
  { ref: 'P-3', clk: clk({ givenNames: 'Sombat', familyNames: 'Hemligsson', birthYear: 1988, sex: 'female', citizenships: ['TH'] }) },
];

beforeAll(async () => {
  t = await createTestApp();
  const referrer = await signIn(t.app, 'socialsekreterare');
  [police, stockholm, vast] = await Promise.all(['polis', 'koordinator.stockholm', 'koordinator.vast'].map((u) => signIn(t.app, u)));
  const res = await referrer.post('/api/v1/cases', referralBody());
  personId = res.json().person.id;
  const hidden = referralBody({ person: { ...referralBody().person, givenNames: 'Sombat', familyNames: 'Hemligsson', birthYear: 1988, protectedIdentity: true } });
  expect((await referrer.post('/api/v1/cases', hidden)).statusCode).toBe(201);
});
afterAll(() => t.close());

describe('POST /persons/pprl/match', () => {
  it('answers a partner only the neutral signal per record, protected identities left out', async () => {
    const res = await police.post('/api/v1/persons/pprl/match', { records });
    expect(res.statusCode, res.body).toBe(200);
    const results = res.json().results;
    expect(results.map((r: { ref: string; signal: string }) => [r.ref, r.signal])).toEqual([
      ['P-1', 'possible_match'],
      ['P-2', 'none'],
      ['P-3', 'none'],
    ]);
    for (const r of results) expect(Object.keys(r).sort()).toEqual(['matches', 'message', 'ref', 'signal']);
    for (const r of results) expect(r.matches).toEqual([]);
    expect(res.body).not.toMatch(/dice|LOTS-|stockholm/i);
  });

  it("shows the region's coordinator Dice scores for its own persons only", async () => {
    const mine = (await stockholm.post('/api/v1/persons/pprl/match', { records: [records[0]] })).json().results[0];
    expect(mine.matches).toHaveLength(1);
    expect(mine.matches[0]).toMatchObject({ personId, band: 'auto_flag' });
    expect(mine.matches[0].dice).toBeGreaterThan(0.9);
    const other = (await vast.post('/api/v1/persons/pprl/match', { records: [records[0]] })).json().results[0];
    expect(other).toMatchObject({ signal: 'possible_match', matches: [] });
  });

  it('refuses malformed encodings by field, and roles without a part in it', async () => {
    const bad = await police.post('/api/v1/persons/pprl/match', { records: [{ ref: 'short', clk: Buffer.alloc(16).toString('base64') }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([{ path: 'records.0.clk', message: expect.stringMatching(/128 bytes/) }]);
    expect((await police.post('/api/v1/persons/pprl/match', { records: [{ ref: 'x', clk: 'not base64!' }] })).statusCode).toBe(400);
    const analyst = await signIn(t.app, 'analytiker');
    expect((await analyst.post('/api/v1/persons/pprl/match', { records })).statusCode).toBe(403);
  });

  it('audits each request without names or scores', async () => {
    const events = await t.database.db.selectFrom('audit_events').select(['details']).where('action', '=', 'person.pprl_match').execute();
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(events[0]?.details).toMatchObject({ records: 3, possibleMatches: 1, shownPersonIds: [] });
    expect(JSON.stringify(events)).not.toMatch(/Malai|Testperson|dice/i);
  });
});

describe('the PPRL secret', () => {
  it('comes from LOTS_PPRL_SECRET, must be long enough, and is absent outside tests and demos', () => {
    expect(pprlSecret({ LOTS_PPRL_SECRET: secret })).toHaveLength(32);
    expect(() => pprlSecret({ LOTS_PPRL_SECRET: Buffer.from('short').toString('base64') })).toThrow(/at least 16 bytes/);
    expect(pprlSecret({})).toBeNull();
    expect(pprlSecret({ LOTS_DEMO: 'true' })).toHaveLength(32);
  });
});
