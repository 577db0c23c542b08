// Bad input gets a clear 4xx naming the field; nothing a client can send produces a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, referralBody, signIn, type Client, type TestApp } from '../test/harness.js';

let t: TestApp;
let c: Client;
beforeAll(async () => {
  t = await createTestApp();
  c = await signIn(t.app, 'socialsekreterare');
});
afterAll(() => t.close());

const fieldsOf = (body: { error: { fields?: { path: string }[] } }) => (body.error.fields ?? []).map((f) => f.path);

describe('validation', () => {
  it('rejects unknown JSON fields, naming them', async () => {
    const res = await c.post('/api/v1/cases', { ...referralBody(), hacker: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.message).toMatch(/hacker/);
  });

  it('names the failing nested field', async () => {
    const res = await c.post('/api/v1/cases', referralBody({ person: { ...referralBody().person, sex: 'robot' } }));
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json())).toContain('body.person.sex');
  });

  it('refuses impossible and future dates', async () => {
    const bad = await c.post('/api/v1/cases', referralBody({ referredOn: '2026-02-30' }));
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toContain('body.referredOn');
    const future = await c.post('/api/v1/cases', referralBody({ referredOn: '2999-01-01' }));
    expect(future.statusCode).toBe(400);
    expect(fieldsOf(future.json())).toContain('referredOn');
  });

  it('refuses an unknown municipality', async () => {
    const res = await c.post('/api/v1/cases', referralBody({ municipalityCode: '9999' }));
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json())).toContain('municipalityCode');
  });

  it('answers 400 for malformed JSON, 413 for an oversized body and 415 for a wrong content type', async () => {
    const malformed = await c.request({ method: 'POST', url: '/api/v1/cases', payload: '{"person":', headers: { 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(400);
    const huge = await c.request({ method: 'POST', url: '/api/v1/cases', payload: JSON.stringify({ summary: 'x'.repeat(2_000_000) }), headers: { 'content-type': 'application/json' } });
    expect(huge.statusCode).toBe(413);
    const form = await c.request({ method: 'POST', url: '/api/v1/cases', payload: 'a=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(form.statusCode).toBe(415);
  });

  it('answers 400 for a malformed id and query', async () => {
    expect((await c.get('/api/v1/cases/not-a-uuid')).statusCode).toBe(400);
    expect((await c.get('/api/v1/cases?pageSize=100000')).statusCode).toBe(400);
    expect((await c.get('/api/v1/cases?unknown=1')).statusCode).toBe(400);
  });

  it('never answers 5xx to hostile strings', async () => {
    const payloads = ["'; drop table cases; --", '<script>alert(1)</script>', '\u0000', '𝕷𝖔𝖙𝖘 \u202e', 'a'.repeat(300)];
    for (const p of payloads) {
      const res = await c.post('/api/v1/cases', referralBody({ summary: p, person: { ...referralBody().person, givenNames: p.slice(0, 200) } }));
      expect(res.statusCode, p).toBeLessThan(500);
      const list = await c.get(`/api/v1/cases?q=${encodeURIComponent(p.slice(0, 100))}`);
      expect(list.statusCode, p).toBeLessThan(500);
    }
  });
});

describe('unauthenticated', () => {
  it('answers 401 without a session', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/cases' })).statusCode).toBe(401);
  });
});
