// Sign-in: sessions, CSRF, lockout, idle timeout, API tokens, session fixation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, referralBody, signIn, type TestApp } from '../test/harness.js';
import { systemActor } from './actor.js';
import { addToken } from '../modules/users/user.service.js';
import { digest } from './tokens.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { LOTS_MAX_FAILED_LOGINS: '3' } });
});
afterAll(() => t.close());

const login = (username: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });

describe('sign-in', () => {
  it('sets an httpOnly, SameSite=Strict session cookie and returns abilities', async () => {
    const res = await login('koordinator.stockholm', 'demo-lots-2026');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'lots_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(res.json().abilities).toMatchObject({ listCases: true, viewAudit: false });
    // Only a digest of the session token is stored.
    const stored = await t.database.db.selectFrom('sessions').select('id').where('id', '=', digest(cookie.value)).executeTakeFirst();
    expect(stored).toBeDefined();
    expect(await t.database.db.selectFrom('sessions').select('id').where('id', '=', cookie.value).executeTakeFirst()).toBeUndefined();
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await login('nobody', 'whatever-password');
    const wrong = await login('admin', 'wrong-password-1');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    for (let i = 0; i < 3; i++) expect((await login('iom', 'wrong-password-x')).statusCode).toBe(401);
    expect((await login('iom', 'demo-lots-2026')).statusCode).toBe(401);
    const failures = await t.database.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'auth.login_failed')
      .where('actor_username', '=', 'iom')
      .execute();
    expect(failures.map((f) => (f.details as { reason: string }).reason)).toEqual(['wrong_password', 'wrong_password', 'wrong_password', 'locked']);
    await t.database.db.updateTable('users').set({ locked_until: new Date(Date.now() - 1000) }).where('username', '=', 'iom').execute();
    expect((await login('iom', 'demo-lots-2026')).statusCode).toBe(200);
  });

  it('issues a new session on every sign-in and retires the old one (no fixation)', async () => {
    const first = await login('nsp', 'demo-lots-2026');
    const old = first.cookies.find((c) => c.name === 'lots_session')!.value;
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'nsp', password: 'demo-lots-2026' },
      cookies: { lots_session: old },
    });
    const fresh = second.cookies.find((c) => c.name === 'lots_session')!.value;
    expect(fresh).not.toBe(old);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', cookies: { lots_session: old } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', cookies: { lots_session: fresh } })).statusCode).toBe(200);
  });

  it('ends a session after the idle timeout and after sign-out', async () => {
    const c = await signIn(t.app, 'aklagare');
    expect((await c.get('/api/v1/auth/session')).statusCode).toBe(200);
    await t.database.db.updateTable('sessions').set({ last_seen_at: new Date(Date.now() - 31 * 60_000) }).where('user_id', '=', c.session.user.id).execute();
    expect((await c.get('/api/v1/auth/session')).statusCode).toBe(401);
    const d = await signIn(t.app, 'aklagare');
    expect((await d.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await d.get('/api/v1/auth/session')).statusCode).toBe(401);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write without the token', async () => {
    const c = await signIn(t.app, 'socialsekreterare');
    const res = await c.request({ method: 'POST', url: '/api/v1/cases', payload: referralBody(), headers: { 'x-csrf-token': '' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
    const wrong = await c.request({ method: 'POST', url: '/api/v1/cases', payload: referralBody(), headers: { 'x-csrf-token': 'forged' } });
    expect(wrong.statusCode).toBe(403);
    expect((await c.post('/api/v1/cases', referralBody())).statusCode).toBe(201);
  });
});

describe('API tokens', () => {
  it('authenticate a system integration without CSRF and can be revoked', async () => {
    const { token, id } = await addToken(t.database.db, systemActor('test'), 'migrationsverket', 'integration test');
    expect(token.startsWith('lots_')).toBe(true);
    const row = await t.database.db.selectFrom('api_tokens').select('token_hash').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(digest(token));
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/cases', payload: referralBody({ referralSource: 'migration_agency' }), headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(201);
    await t.database.db.updateTable('api_tokens').set({ revoked_at: new Date() }).where('id', '=', id).execute();
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/cases', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
  });
});

describe('password length (ASVS 2.1.2)', () => {
  it('allows 64 and 128 characters and refuses 129 with a field error', async () => {
    const admin = await signIn(t.app, 'admin');
    const target = (await t.database.db.selectFrom('users').select('id').where('username', '=', 'analytiker').executeTakeFirstOrThrow()).id;
    const set = (password: string) => admin.request({ method: 'PUT', url: `/api/v1/users/${target}/password`, payload: { password } });
    const long = await set('å'.repeat(129));
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields).toEqual([{ path: 'password', message: 'must be at most 128 characters' }]);
    expect((await set('p'.repeat(64))).statusCode).toBe(204);
    expect((await set('ä'.repeat(128))).statusCode).toBe(204);
    expect((await login('analytiker', 'ä'.repeat(128))).statusCode).toBe(200);
  });
});

describe('session cookie over HTTPS (ASVS 3.4.4)', () => {
  it('is named with the __Host- prefix, Secure, path=/ and no Domain; the unprefixed name is ignored', async () => {
    const secure = await createTestApp({ env: { LOTS_COOKIE_SECURE: 'true' } });
    try {
      const res = await secure.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nsp', password: 'demo-lots-2026' } });
      expect(res.cookies.map((c) => c.name)).toEqual(['__Host-lots_session']);
      const cookie = res.cookies[0]!;
      expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict', path: '/' });
      expect(cookie.domain).toBeUndefined();
      const withPrefix = await secure.app.inject({ method: 'GET', url: '/api/v1/auth/session', cookies: { '__Host-lots_session': cookie.value } });
      expect(withPrefix.statusCode).toBe(200);
      const plain = await secure.app.inject({ method: 'GET', url: '/api/v1/auth/session', cookies: { lots_session: cookie.value } });
      expect(plain.statusCode).toBe(401);
      const out = await secure.app.inject({ method: 'POST', url: '/api/v1/auth/logout', cookies: { '__Host-lots_session': cookie.value }, headers: { 'x-csrf-token': res.json().csrfToken } });
      expect(out.cookies.find((c) => c.name === '__Host-lots_session')?.value).toBe('');
    } finally {
      await secure.close();
    }
  });
});
