// Proof of the HTTP hardening: security headers (CSP and friends) on the API and on the web
// app, HSTS only behind TLS, no-store on the API, the global and the sign-in rate limits with
// the JSON error shape. Session fixation is proven in server/auth/auth.test.ts ("issues a new
// session on every sign-in and retires the old one (no fixation)").
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../test/harness.js';

const webDist = mkdtempSync(join(tmpdir(), 'lots-web-'));
writeFileSync(join(webDist, 'index.html'), '<!doctype html><html lang="sv"><head><title>Lots</title></head><body><div id="root"></div></body></html>');
mkdirSync(join(webDist, 'assets'));
writeFileSync(join(webDist, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(webDist, '.env'), 'SECRET=dotfile-must-not-be-served');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { LOTS_WEB_DIST: webDist, LOTS_RATE_LIMIT: '8', LOTS_LOGIN_RATE_LIMIT: '6' } });
});
afterAll(async () => {
  await t?.close();
  rmSync(webDist, { recursive: true, force: true });
});

function csp(header: string | string[] | number | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of String(header ?? '').split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name, values.join(' '));
  }
  return map;
}

describe('security headers', () => {
  it('sends a strict Content Security Policy with the web app and the API', async () => {
    for (const url of ['/', '/cases/123', '/api/v1/auth/session']) {
      const res = await t.app.inject({ method: 'GET', url });
      const policy = csp(res.headers['content-security-policy']);
      expect(policy.get('default-src'), url).toBe("'self'");
      expect(policy.get('script-src'), url).toBe("'self'");
      expect(policy.get('style-src'), url).toBe("'self'");
      expect(policy.get('img-src'), url).toBe("'self' data:");
      expect(policy.get('frame-ancestors'), url).toBe("'none'");
      expect(policy.get('form-action'), url).toBe("'self'");
      expect(policy.get('base-uri'), url).toBe("'none'");
      expect(policy.get('object-src'), url).toBe("'none'");
      expect([...policy.values()].join(' '), url).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['cross-origin-opener-policy'], url).toBe('same-origin');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['strict-transport-security'], `${url}: no HSTS on plain http`).toBeUndefined();
    }
  });

  it('serves the app shell as HTML under the policy, never an API path', async () => {
    const shell = await t.app.inject({ method: 'GET', url: '/cases/123' });
    expect(shell.headers['content-type']).toMatch(/text\/html/);
    const api = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toMatch(/application\/json/);
  });

  it('marks every API answer no-store, errors included', async () => {
    const anon = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session' });
    expect(anon.statusCode).toBe(401);
    expect(anon.headers['cache-control']).toBe('no-store');
    const c = await signIn(t.app, 'koordinator.stockholm');
    const list = await c.get('/api/v1/cases');
    expect(list.statusCode).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    expect((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).headers['cache-control']).toBe('no-store');
  });

  it('reveals no versions, grants no cross-origin access, lists no directories and serves no dotfiles', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/reference/municipalities', headers: { origin: 'https://evil.example' } });
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers.server).toBeUndefined();
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    expect(res.headers['permissions-policy']).toMatch(/camera=\(\), microphone=\(\), geolocation=\(\)/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="api.json"');
    for (const method of ['OPTIONS', 'DELETE', 'TRACE'] as const) {
      const other = await t.app.inject({ method, url: '/api/v1/cases', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
      expect(other.statusCode, method).toBeGreaterThanOrEqual(400);
      expect(other.headers['access-control-allow-origin'], method).toBeUndefined();
    }
    expect((await t.app.inject({ method: 'GET', url: '/assets/app.js' })).body).toBe('console.log(1)');
    for (const url of ['/assets/', '/.env', '/assets/../.env']) {
      const page = await t.app.inject({ method: 'GET', url });
      expect(page.body, url).not.toContain('SECRET=');
      expect(page.body, url).not.toMatch(/app\.js/);
    }
  });

  it('sends HSTS when the site runs behind TLS (LOTS_COOKIE_SECURE=true)', async () => {
    const secure = await createTestApp({ env: { LOTS_COOKIE_SECURE: 'true' } });
    try {
      const res = await secure.app.inject({ method: 'GET', url: '/api/v1/auth/session' });
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(csp(res.headers['content-security-policy']).has('upgrade-insecure-requests')).toBe(true);
    } finally {
      await secure.close();
    }
  });
});

describe('rate limits', () => {
  it('limits each signed-in user, answering 429 with the JSON error shape and Retry-After', async () => {
    const a = await signIn(t.app, 'koordinator.vast');
    const b = await signIn(t.app, 'koordinator.nord');
    const codes: number[] = [];
    for (let i = 0; i < 9; i++) codes.push((await a.get('/api/v1/auth/session')).statusCode);
    expect(codes.slice(0, 8)).toEqual(Array(8).fill(200));
    const limited = await a.get('/api/v1/auth/session');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: { code: 'rate_limited', message: expect.stringMatching(/too many requests/i) } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['cache-control']).toBe('no-store');
    // Another user has a bucket of their own; health checks are never limited.
    expect((await b.get('/api/v1/auth/session')).statusCode).toBe(200);
    for (let i = 0; i < 12; i++) expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });

  it('keeps the stricter sign-in limit per address', async () => {
    const app = await createTestApp({ env: { LOTS_LOGIN_RATE_LIMIT: '3' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await app.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'wrong-password' } });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await app.close();
    }
  });
});
