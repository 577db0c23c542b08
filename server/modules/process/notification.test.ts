// Anonymous and declined notifications: codes only (anything that could carry a name is
// refused), routed to the region, and counted for coordinators (own region) and analysts (all).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../../test/harness.js';

let t: TestApp;
let referrer: Client;
let stockholm: Client;
let vast: Client;
let analyst: Client;

beforeAll(async () => {
  t = await createTestApp();
  [referrer, stockholm, vast, analyst] = await Promise.all(['socialsekreterare', 'koordinator.stockholm', 'koordinator.vast', 'analytiker'].map((u) => signIn(t.app, u)));
});
afterAll(() => t.close());

function notification(overrides: Record<string, unknown> = {}) {
  return {
    notifiedOn: '2026-05-04',
    reason: 'declined',
    municipalityCode: '0180',
    referralSource: 'social_services',
    sex: 'female',
    ageGroup: 'adult',
    exploitationForms: ['sexual'],
    citizenship: 'TH',
    ...overrides,
  };
}

const count = (list: { code: string; count: number }[], code: string) => list.find((r) => r.code === code)?.count;

describe('sending a notification', () => {
  it('stores only codes, routes by municipality and audits without personal data', async () => {
    const res = await referrer.post('/api/v1/notifications/anonymous', notification());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ region: 'stockholm', municipalityCode: '0180', reason: 'declined', exploitationForms: ['sexual'], citizenship: 'TH' });
    const audit = await t.database.db.selectFrom('audit_events').select(['resource_type', 'person_id', 'case_id']).where('action', '=', 'notification.anonymous').execute();
    expect(audit).toEqual([{ resource_type: 'notification', person_id: null, case_id: null }]);
  });

  it.each([
    ['a name', { name: 'Malai Testperson' }],
    ['free text', { note: 'Hon bor på hotellet' }],
    ['a person object', { person: { givenNames: 'Malai' } }],
    ['a birth date', { birthDate: '1994-01-01' }],
  ])('refuses %s as an unknown field', async (_what, extra) => {
    const res = await referrer.post('/api/v1/notifications/anonymous', notification(extra));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });

  it.each([
    ['sex', { sex: 'Malai' }],
    ['ageGroup', { ageGroup: '34 år' }],
    ['reason', { reason: 'she was scared' }],
    ['exploitationForms', { exploitationForms: ['massage parlour on Storgatan'] }],
    ['citizenship', { citizenship: 'Thailändska' }],
    ['referralSource', { referralSource: 'Anna på kliniken' }],
    ['municipalityCode', { municipalityCode: 'Solna' }],
  ])('refuses text in %s', async (field, bad) => {
    const res = await referrer.post('/api/v1/notifications/anonymous', notification(bad));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path).join(' ')).toContain(field);
  });

  it('refuses an unknown municipality and a future date, naming the field', async () => {
    expect((await referrer.post('/api/v1/notifications/anonymous', notification({ municipalityCode: '0000' }))).json().error.fields).toEqual([
      { path: 'municipalityCode', message: 'unknown municipality code 0000' },
    ]);
    expect((await referrer.post('/api/v1/notifications/anonymous', notification({ notifiedOn: '2099-01-01' }))).json().error.fields).toEqual([
      { path: 'notifiedOn', message: 'cannot be in the future' },
    ]);
  });

  it('is for first responders and coordinators only', async () => {
    expect((await stockholm.post('/api/v1/notifications/anonymous', notification({ municipalityCode: '1480', reason: 'anonymous', sex: 'male', ageGroup: 'child', exploitationForms: ['labour', 'begging'] }))).statusCode).toBe(201);
    for (const username of ['nsp', 'analytiker', 'revisor']) {
      const c = username === 'analytiker' ? analyst : await signIn(t.app, username);
      expect((await c.post('/api/v1/notifications/anonymous', notification())).statusCode, username).toBe(403);
    }
  });
});

describe('counting notifications', () => {
  beforeAll(async () => {
    expect((await referrer.post('/api/v1/notifications/anonymous', notification({ notifiedOn: '2025-11-20', exploitationForms: [], sex: 'unknown', ageGroup: 'unknown' }))).statusCode).toBe(201);
  });

  it('gives national analysts every region, by form, sex, age and year', async () => {
    const res = await analyst.get('/api/v1/notifications/anonymous?year=2026');
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c).toMatchObject({ region: null, year: 2026, total: 2, byYear: [{ year: 2026, count: 2 }] });
    expect(count(c.byRegion, 'stockholm')).toBe(1);
    expect(count(c.byRegion, 'vast')).toBe(1);
    expect(count(c.byRegion, 'nord')).toBe(0);
    expect(count(c.byForm, 'sexual')).toBe(1);
    expect(count(c.byForm, 'multiple')).toBe(1);
    expect(count(c.byForm, 'labour')).toBe(0);
    expect(count(c.bySex, 'female')).toBe(1);
    expect(count(c.byAgeGroup, 'child')).toBe(1);
    expect(count(c.bySexAge, 'women')).toBe(1);
    expect(count(c.bySexAge, 'boys')).toBe(1);
    expect(count(c.bySexAge, 'total')).toBe(2);
    expect(count(c.byReason, 'anonymous')).toBe(1);

    const all = (await analyst.get('/api/v1/notifications/anonymous')).json();
    expect(all.byYear).toEqual([
      { year: 2025, count: 1 },
      { year: 2026, count: 2 },
    ]);
    expect(count(all.byForm, 'not_reported')).toBe(1);
    expect(count(all.bySexAge, 'unknown_adult')).toBe(1);
  });

  it('gives a coordinator only the own region', async () => {
    const mine = (await stockholm.get('/api/v1/notifications/anonymous')).json();
    expect(mine).toMatchObject({ region: 'stockholm', total: 2 });
    expect(mine.byRegion).toEqual([{ code: 'stockholm', count: 2 }]);
    const theirs = (await vast.get('/api/v1/notifications/anonymous?year=2026')).json();
    expect(theirs).toMatchObject({ region: 'vast', total: 1 });
  });

  it('refuses other roles and bad query parameters', async () => {
    expect((await referrer.get('/api/v1/notifications/anonymous')).statusCode).toBe(403);
    expect((await analyst.get('/api/v1/notifications/anonymous?year=twenty')).statusCode).toBe(400);
    expect((await analyst.get('/api/v1/notifications/anonymous?region=syd')).statusCode).toBe(400);
  });
});
