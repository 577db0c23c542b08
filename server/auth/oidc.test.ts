// OIDC single sign-on against a real provider (oidc-provider) started in this process: matched
// and linked users, provisioning by claims (on and off), tampered state and nonce, a foreign
// issuer, deactivated users, the authentication-context check, and 404 when SSO is off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { createTestApp, type TestApp } from '../test/harness.js';
import { driveProvider, startTestProvider, type TestProvider } from './oidc-test-provider.js';

let t: TestApp;
let idp: TestProvider;
let other: TestProvider;
const apps: FastifyInstance[] = [];
const orgs: Record<string, string> = {};

/** A Lots app on the shared test database, configured for the test provider. */
async function lots(env: Record<string, string> = {}): Promise<FastifyInstance> {
  const config = loadConfig({
    LOTS_WEB_DIST: '/nonexistent',
    LOTS_LOGIN_RATE_LIMIT: '1000',
    LOTS_RATE_LIMIT: '100000',
    LOTS_MFA: 'required',
    LOTS_OIDC_ISSUER: idp.issuer,
    LOTS_OIDC_CLIENT_ID: idp.clientId,
    LOTS_OIDC_CLIENT_SECRET: idp.clientSecret,
    LOTS_OIDC_REDIRECT_URI: idp.redirectUri,
    LOTS_OIDC_SCOPES: 'openid email profile lots',
    LOTS_OIDC_ORGANISATION_MAP: JSON.stringify({ 'SE-RK-VAST': orgs.rkVast, 'SE-RK-STHLM': orgs.rkStockholm }),
    LOTS_OIDC_ROLE_MAP: JSON.stringify({ 'lots-koordinator': 'coordinator', 'lots-analytiker': 'national_analyst' }),
    ...env,
  });
  const app = await buildApp({ database: t.database, config });
  apps.push(app);
  return app;
}

interface Started {
  cookie: string;
  location: URL;
}

async function start(app: FastifyInstance): Promise<Started> {
  const res = await app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
  expect(res.statusCode, res.body).toBe(302);
  const cookie = res.cookies.find((c) => c.name === 'lots_oidc')!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  return { cookie: cookie.value, location: new URL(res.headers.location as string) };
}

function callback(app: FastifyInstance, query: string, cookie: string | null) {
  return app.inject({ method: 'POST', url: '/api/v1/auth/oidc/callback', payload: { query }, cookies: cookie ? { lots_oidc: cookie } : {} });
}

/** The whole browser round trip: start, the provider's sign-in and consent, the callback. */
async function ssoSignIn(app: FastifyInstance, login: { sub: string; acr?: string; amr?: string }) {
  const s = await start(app);
  const back = await driveProvider(s.location.href, login);
  return callback(app, back.search, s.cookie);
}

const sessionCookie = (res: { cookies: { name: string; value: string }[] }) => res.cookies.find((c) => c.name === 'lots_session')?.value;
const count = async (table: 'users' | 'sessions' | 'user_identities') =>
  Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  t = await createTestApp();
  idp = await startTestProvider();
  other = await startTestProvider({ clientSecret: idp.clientSecret });
  const db = t.database.db;
  const org = async (name: string) => (await db.selectFrom('organisations').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  orgs.rkVast = await org('Regionkoordinatorerna Väst');
  orgs.rkStockholm = await org('Regionkoordinatorerna Stockholm');
  await db.updateTable('users').set({ email: 'anna.lind@rk-stockholm.example' }).where('username', '=', 'koordinator.stockholm').execute();
  await db.updateTable('users').set({ email: 'sara.berg@example.se' }).where('username', '=', 'aklagare').execute();
  idp.accounts.set('idp-anna', { email: 'anna.lind@rk-stockholm.example', email_verified: true, name: 'Anna Lind' });
  idp.accounts.set('idp-bertil', {
    email: 'bertil.ek@rk-vast.example',
    email_verified: true,
    name: 'Bertil Ek',
    preferred_username: 'bertil.ek',
    organisation: 'SE-RK-VAST',
    roles: ['lots-koordinator', 'unmapped-group'],
  });
  idp.accounts.set('idp-cecilia', { email: 'cecilia@nowhere.example', email_verified: true, name: 'Cecilia Okänd', organisation: 'SE-UNKNOWN', roles: ['lots-koordinator'] });
  idp.accounts.set('idp-david', { email: 'david@rk-vast.example', email_verified: true, name: 'David Fel', organisation: 'SE-RK-VAST', roles: ['lots-analytiker'] });
  idp.accounts.set('idp-sara', { email: 'sara.berg@example.se', email_verified: true, name: 'Sara Berg' });
  idp.accounts.set('idp-unverified', { email: 'sara.berg@example.se', email_verified: false });
  other.accounts.set('idp-anna', { email: 'anna.lind@rk-stockholm.example', email_verified: true });
}, 120_000);

afterAll(async () => {
  for (const app of apps) await app.close();
  await idp?.stop();
  await other?.stop();
  await t?.close();
});

describe('OIDC single sign-on', () => {
  it('signs in a matched user: first by e-mail, then by the (issuer, subject) link; a normal session, exempt from local TOTP', async () => {
    const app = await lots();
    const s = await start(app);
    expect(s.location.origin).toBe(idp.issuer);
    const q = s.location.searchParams;
    expect([q.get('response_type'), q.get('code_challenge_method'), q.get('client_id'), q.get('redirect_uri')]).toEqual(['code', 'S256', 'lots', idp.redirectUri]);
    expect(q.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(q.get('nonce')).toMatch(/^[\w-]{20,}$/);
    expect(q.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    const stored = await t.database.db.selectFrom('oidc_login_states').selectAll().execute();
    expect(stored.map((r) => r.state)).toContain(q.get('state'));
    expect(stored.map((r) => r.id)).not.toContain(s.cookie);

    const back = await driveProvider(s.location.href, { sub: 'idp-anna' });
    expect(back.searchParams.get('iss')).toBe(idp.issuer);
    const res = await callback(app, back.search, s.cookie);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.user.username).toBe('koordinator.stockholm');
    const cookie = sessionCookie(res)!;
    const cases = await app.inject({ method: 'GET', url: '/api/v1/cases', cookies: { lots_session: cookie } });
    expect(cases.statusCode).toBe(200);
    const mfa = await app.inject({ method: 'GET', url: '/api/v1/auth/mfa', cookies: { lots_session: cookie } });
    expect(mfa.json()).toMatchObject({ method: 'oidc', exempt: true, required: false });
    const link = await t.database.db.selectFrom('user_identities').selectAll().where('subject', '=', 'idp-anna').executeTakeFirstOrThrow();
    expect([link.issuer, link.user_id]).toEqual([idp.issuer, body.user.id]);
    expect(await t.database.db.selectFrom('oidc_login_states').select('id').where('state', '=', q.get('state')!).execute()).toEqual([]);

    // The link, not the e-mail, finds the user from now on.
    idp.accounts.set('idp-anna', { email: 'anna.lind.ny@rk-stockholm.example', email_verified: true, name: 'Anna Lind' });
    const again = await ssoSignIn(app, { sub: 'idp-anna' });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().user.username).toBe('koordinator.stockholm');
    expect(sessionCookie(again)).not.toBe(cookie);

    const events = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'details'])
      .where('resource_id', '=', body.user.id)
      .where('action', 'in', ['auth.identity_link', 'auth.login'])
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['auth.identity_link', 'auth.login', 'auth.login']);
    expect(events[1]!.details).toEqual({ method: 'oidc', issuer: idp.issuer });
    // The subject (possibly a personal identity number) is not written to the audit trail.
    expect(JSON.stringify(events)).not.toContain('idp-anna');
  });

  it('provisions a user in the organisation and with the roles the claims map to, when enabled', async () => {
    const app = await lots({ LOTS_OIDC_PROVISION: 'true' });
    const before = await count('users');
    const res = await ssoSignIn(app, { sub: 'idp-bertil' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'bertil.ek', displayName: 'Bertil Ek', roles: ['coordinator'], organisation: { id: orgs.rkVast, region: 'vast' } });
    expect(await count('users')).toBe(before + 1);
    const user = await t.database.db.selectFrom('users').select(['email', 'password_hash']).where('username', '=', 'bertil.ek').executeTakeFirstOrThrow();
    expect(user).toEqual({ email: 'bertil.ek@rk-vast.example', password_hash: null });
    const created = await t.database.db.selectFrom('audit_events').select('details').where('action', '=', 'user.create').where('resource_id', '=', res.json().user.id).executeTakeFirstOrThrow();
    expect(created.details).toMatchObject({ via: 'oidc', issuer: idp.issuer, after: { organisationId: orgs.rkVast, roles: ['coordinator'] } });

    // An organisation Lots does not know, or a role that does not fit the organisation: refused, nothing created.
    const unknownOrg = await ssoSignIn(app, { sub: 'idp-cecilia' });
    expect([unknownOrg.statusCode, unknownOrg.json().error.code]).toEqual([403, 'sso_unknown_organisation']);
    const noRole = await ssoSignIn(app, { sub: 'idp-david' });
    expect([noRole.statusCode, noRole.json().error.code]).toEqual([403, 'sso_no_role']);
    expect(await count('users')).toBe(before + 1);
    expect(sessionCookie(unknownOrg)).toBeUndefined();
  });

  it('refuses an unknown identity when provisioning is off, with a clear error and no user created', async () => {
    const app = await lots();
    idp.accounts.set('idp-erik', { email: 'erik@rk-vast.example', email_verified: true, organisation: 'SE-RK-VAST', roles: ['lots-koordinator'] });
    const [users, identities, sessions] = [await count('users'), await count('user_identities'), await count('sessions')];
    const res = await ssoSignIn(app, { sub: 'idp-erik' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'sso_no_account', message: expect.stringContaining('ask your administrator') });
    expect(sessionCookie(res)).toBeUndefined();
    expect([await count('users'), await count('user_identities'), await count('sessions')]).toEqual([users, identities, sessions]);
    // An e-mail the provider says is unverified matches nobody.
    const unverified = await ssoSignIn(app, { sub: 'idp-unverified' });
    expect([unverified.statusCode, unverified.json().error.code]).toEqual([403, 'sso_email_unverified']);
    const failures = await t.database.db.selectFrom('audit_events').select('details').where('action', '=', 'auth.login_failed').orderBy('seq', 'desc').limit(2).execute();
    expect(failures.map((f) => (f.details as { reason: string }).reason)).toEqual(['email_unverified', 'no_account']);
  });

  it('refuses a tampered state, a tampered nonce, a foreign issuer and a lost state cookie: 4xx and no session', async () => {
    const app = await lots();
    const sessions = await count('sessions');
    const noSession = (res: Awaited<ReturnType<typeof callback>>) => {
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(sessionCookie(res)).toBeUndefined();
    };

    // State changed on the way back.
    const a = await start(app);
    const backA = await driveProvider(a.location.href, { sub: 'idp-sara' });
    backA.searchParams.set('state', `${backA.searchParams.get('state')}x`);
    const tamperedState = await callback(app, backA.search, a.cookie);
    noSession(tamperedState);
    expect(tamperedState.json().error.code).toBe('sso_failed');

    // Nonce changed on the way to the provider: the ID token carries the wrong one.
    const b = await start(app);
    b.location.searchParams.set('nonce', 'forged-nonce-value-0123456789');
    const backB = await driveProvider(b.location.href, { sub: 'idp-sara' });
    const tamperedNonce = await callback(app, backB.search, b.cookie);
    noSession(tamperedNonce);
    expect(tamperedNonce.json().error.code).toBe('sso_failed');

    // Mix-up: the request is sent to another provider, whose answer names its own issuer.
    const c = await start(app);
    const foreign = new URL(c.location.pathname + c.location.search, other.issuer);
    const backC = await driveProvider(foreign.href, { sub: 'idp-anna' });
    expect(backC.searchParams.get('iss')).toBe(other.issuer);
    noSession(await callback(app, backC.search, c.cookie));
    // … and with its issuer parameter removed, the code does not redeem at ours.
    const d = await start(app);
    const backD = await driveProvider(new URL(d.location.pathname + d.location.search, other.issuer).href, { sub: 'idp-anna' });
    backD.searchParams.set('iss', idp.issuer);
    noSession(await callback(app, backD.search, d.cookie));

    // No state cookie (another browser), or one already used: refused before the provider is asked.
    const e = await start(app);
    const backE = await driveProvider(e.location.href, { sub: 'idp-sara' });
    const lost = await callback(app, backE.search, null);
    noSession(lost);
    expect(lost.json().error.code).toBe('sso_state_invalid');
    expect((await callback(app, backE.search, 'made-up-handle')).statusCode).toBe(400);
    expect(await count('sessions')).toBe(sessions);
    const reasons = await t.database.db.selectFrom('audit_events').select('details').where('action', '=', 'auth.login_failed').orderBy('seq', 'desc').limit(6).execute();
    expect(reasons.map((r) => (r.details as { reason: string }).reason).reverse()).toEqual(['invalid_response', 'invalid_response', 'invalid_response', 'callback_error', 'no_state', 'no_state']);

    // The same state once more, honestly: it works, and only once.
    const f = await start(app);
    const backF = await driveProvider(f.location.href, { sub: 'idp-sara' });
    const ok = await callback(app, backF.search, f.cookie);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().user.username).toBe('aklagare');
    noSession(await callback(app, backF.search, f.cookie));
  });

  it('refuses a deactivated user', async () => {
    const app = await lots();
    await t.database.db.updateTable('users').set({ active: false }).where('username', '=', 'aklagare').execute();
    try {
      const res = await ssoSignIn(app, { sub: 'idp-sara' });
      expect([res.statusCode, res.json().error.code]).toEqual([403, 'sso_inactive']);
      expect(sessionCookie(res)).toBeUndefined();
    } finally {
      await t.database.db.updateTable('users').set({ active: true }).where('username', '=', 'aklagare').execute();
    }
  });

  it('asks for and checks the authentication context when LOTS_OIDC_REQUIRED_ACR is set', async () => {
    const app = await lots({ LOTS_OIDC_REQUIRED_ACR: 'urn:lots:test:loa3' });
    expect((await start(app)).location.searchParams.get('acr_values')).toBe('urn:lots:test:loa3');
    const weak = await ssoSignIn(app, { sub: 'idp-anna', acr: 'urn:lots:test:loa2' });
    expect([weak.statusCode, weak.json().error.code]).toEqual([403, 'sso_insufficient_authentication']);
    const strong = await ssoSignIn(app, { sub: 'idp-anna', acr: 'urn:lots:test:loa3' });
    expect(strong.statusCode, strong.body).toBe(200);
  });

  it('sends the browser back to the sign-in page when the provider cannot be reached', async () => {
    const app = await lots({ LOTS_OIDC_ISSUER: 'http://127.0.0.1:9' });
    const res = await app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
    expect([res.statusCode, res.headers.location]).toEqual([303, '/login?sso_error=unavailable']);
    expect(res.cookies.find((c) => c.name === 'lots_oidc')).toBeUndefined();
  });

  it('is off without LOTS_OIDC_ISSUER: its routes answer 404 and the sign-in page offers no button', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/oidc/callback', payload: { query: '?code=x&state=y' } })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/options' })).json().sso).toEqual({ enabled: false, label: null });
    const on = await lots({ LOTS_OIDC_LABEL: 'e-legitimation eller SITHS' });
    expect((await on.inject({ method: 'GET', url: '/api/v1/auth/options' })).json()).toEqual({ sso: { enabled: true, label: 'e-legitimation eller SITHS' }, mfaRequired: true });
  });
});
