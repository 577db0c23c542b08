// Two-factor sign-in for password accounts (LOTS_MFA=required): forced enrolment, the code step,
// wrong and replayed codes, lockout, pending sessions that open nothing, the administrator's
// reset; and with LOTS_MFA=off, voluntary enrolment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../test/harness.js';
import { DEMO_PASSWORD } from '../seed/demo.js';
import { totpCode } from './totp.js';
import { getTotp } from './totp.repository.js';
import { resetMfa } from './mfa.service.js';
import { systemActor } from './actor.js';

interface Browser {
  cookie: string;
  csrf: string;
  call(method: InjectOptions['method'], url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

function browser(app: FastifyInstance, cookie: string, csrf: string): Browser {
  const b: Browser = {
    cookie,
    csrf,
    call: (method, url, payload) =>
      app.inject({ method, url, cookies: { lots_session: b.cookie }, headers: { 'x-csrf-token': b.csrf }, ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }) }),
  };
  return b;
}

async function passwordStep(app: FastifyInstance, username: string) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD } });
  const cookie = res.cookies.find((c) => c.name === 'lots_session')?.value ?? '';
  return { res, body: res.json<{ mfa?: string; csrfToken: string }>(), b: browser(app, cookie, res.json<{ csrfToken?: string }>().csrfToken ?? '') };
}

/** Takes the new session a successful code step hands out. */
function adopt(b: Browser, res: LightMyRequestResponse): void {
  b.cookie = res.cookies.find((c) => c.name === 'lots_session')!.value;
  b.csrf = res.json<{ csrfToken: string }>().csrfToken;
}

const nextCode = (secret: string) => totpCode(secret, Date.now() + 30_000);

/** Signs in and completes the forced enrolment; returns the full session and the secret. */
async function enrolled(app: FastifyInstance, username: string): Promise<{ b: Browser; secret: string }> {
  const { body, b } = await passwordStep(app, username);
  expect(body.mfa).toBe('enrol');
  const enrolment = await b.call('POST', '/api/v1/auth/mfa/enrolment');
  expect(enrolment.statusCode, enrolment.body).toBe(200);
  const { secret } = enrolment.json<{ secret: string }>();
  const confirm = await b.call('POST', '/api/v1/auth/mfa/enrolment/confirm', { code: totpCode(secret) });
  expect(confirm.statusCode, confirm.body).toBe(200);
  adopt(b, confirm);
  return { b, secret };
}

async function userId(t: TestApp, username: string): Promise<string> {
  return (await t.database.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

async function failureReasons(t: TestApp, username: string): Promise<string[]> {
  const rows = await t.database.db
    .selectFrom('audit_events')
    .select('details')
    .where('action', '=', 'auth.login_failed')
    .where('actor_username', '=', username)
    .orderBy('seq')
    .execute();
  return rows.map((r) => (r.details as { reason: string }).reason);
}

describe('two-factor sign-in (LOTS_MFA=required)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { LOTS_MFA: 'required', LOTS_MAX_FAILED_LOGINS: '3' } });
  });
  afterAll(() => t.close());

  it('forces enrolment: an un-enrolled coordinator reads no cases until a code confirms the authenticator', async () => {
    const { body, b } = await passwordStep(t.app, 'koordinator.stockholm');
    expect(body).toEqual({ mfa: 'enrol', csrfToken: expect.any(String) });
    const pendingCookie = b.cookie;
    // The waiting session opens nothing: no cases, no session, not even the code step.
    expect((await b.call('GET', '/api/v1/cases')).statusCode).toBe(401);
    expect((await b.call('GET', '/api/v1/persons/candidates')).statusCode).toBe(401);
    const session = await b.call('GET', '/api/v1/auth/session');
    expect([session.statusCode, session.json().error.code]).toEqual([401, 'mfa_pending']);
    expect((await b.call('GET', '/api/v1/auth/mfa/pending')).json()).toEqual({ mfa: 'enrol', csrfToken: b.csrf });
    expect((await b.call('POST', '/api/v1/auth/mfa/verify', { code: '123456' })).statusCode).toBe(409);

    const enrolment = await b.call('POST', '/api/v1/auth/mfa/enrolment');
    expect(enrolment.statusCode).toBe(200);
    const { secret, otpauthUri, qrSvg } = enrolment.json<{ secret: string; otpauthUri: string; qrSvg: string }>();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toBe(`otpauth://totp/Lots:koordinator.stockholm?secret=${secret}&issuer=Lots&algorithm=SHA1&digits=6&period=30`);
    expect(qrSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const stored = await getTotp(t.database.db, await userId(t, 'koordinator.stockholm'));
    expect([stored.secret, stored.enrolledAt]).toEqual([secret, null]);

    const wrong = await b.call('POST', '/api/v1/auth/mfa/enrolment/confirm', { code: totpCode(secret, Date.now() - 120_000) });
    expect([wrong.statusCode, wrong.json().error.code]).toEqual([401, 'mfa_wrong_code']);
    expect((await b.call('GET', '/api/v1/cases')).statusCode).toBe(401);

    const confirm = await b.call('POST', '/api/v1/auth/mfa/enrolment/confirm', { code: totpCode(secret) });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json().user.username).toBe('koordinator.stockholm');
    adopt(b, confirm);
    expect(b.cookie).not.toBe(pendingCookie);
    expect((await b.call('GET', '/api/v1/cases')).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', cookies: { lots_session: pendingCookie } })).statusCode).toBe(401);
    expect((await getTotp(t.database.db, await userId(t, 'koordinator.stockholm'))).enrolledAt).not.toBeNull();

    const status = await b.call('GET', '/api/v1/auth/mfa');
    expect(status.json()).toMatchObject({ method: 'password', enrolled: true, required: true, exempt: false });
    const events = await t.database.db.selectFrom('audit_events').select(['action', 'details']).where('actor_username', '=', 'koordinator.stockholm').orderBy('seq').execute();
    expect(events.map((e) => e.action)).toEqual(['auth.mfa_challenge', 'auth.login_failed', 'auth.mfa_enrol', 'auth.login', 'case.list']);
    expect(events[3]!.details).toEqual({ method: 'password', secondFactor: 'totp', enrolled: true });
    // Once enrolled, setting up another authenticator needs an administrator's reset first.
    expect((await b.call('POST', '/api/v1/auth/mfa/enrolment')).statusCode).toBe(409);
  });

  it('asks an enrolled user for the code, refusing a wrong one and a replayed one', async () => {
    const { secret, b: first } = await enrolled(t.app, 'koordinator.vast');
    const usedAtEnrolment = totpCode(secret);
    expect((await first.call('POST', '/api/v1/auth/logout')).statusCode).toBe(204);

    const { body, b } = await passwordStep(t.app, 'koordinator.vast');
    expect(body.mfa).toBe('verify');
    expect((await b.call('GET', '/api/v1/cases')).statusCode).toBe(401);
    expect((await b.call('GET', '/api/v1/cases/00000000-0000-4000-8000-000000000001')).statusCode).toBe(401);
    expect((await b.call('POST', '/api/v1/auth/mfa/enrolment')).statusCode).toBe(409);
    const badFormat = await b.call('POST', '/api/v1/auth/mfa/verify', { code: '12ab56' });
    expect([badFormat.statusCode, badFormat.json().error.fields[0].path]).toEqual([400, 'body.code']);

    const wrong = await b.call('POST', '/api/v1/auth/mfa/verify', { code: totpCode(secret, Date.now() + 150_000) });
    expect([wrong.statusCode, wrong.json().error.code]).toEqual([401, 'mfa_wrong_code']);
    const replay = await b.call('POST', '/api/v1/auth/mfa/verify', { code: usedAtEnrolment });
    expect([replay.statusCode, replay.json().error.code]).toEqual([401, 'mfa_code_used']);
    expect((await b.call('GET', '/api/v1/cases')).statusCode).toBe(401);

    const ok = await b.call('POST', '/api/v1/auth/mfa/verify', { code: nextCode(secret) });
    expect(ok.statusCode, ok.body).toBe(200);
    adopt(b, ok);
    expect((await b.call('GET', '/api/v1/cases')).statusCode).toBe(200);
    expect(await failureReasons(t, 'koordinator.vast')).toEqual(['wrong_code', 'replayed_code']);
  });

  it('locks the account after repeated wrong codes, and a fresh password step buys no new guesses', async () => {
    const { secret, b: first } = await enrolled(t.app, 'koordinator.nord');
    await first.call('POST', '/api/v1/auth/logout');
    const wrongCode = totpCode(secret, Date.now() + 300_000);

    const a = (await passwordStep(t.app, 'koordinator.nord')).b;
    expect((await a.call('POST', '/api/v1/auth/mfa/verify', { code: wrongCode })).statusCode).toBe(401);
    expect((await a.call('POST', '/api/v1/auth/mfa/verify', { code: wrongCode })).statusCode).toBe(401);
    const b = (await passwordStep(t.app, 'koordinator.nord')).b;
    const locked = await b.call('POST', '/api/v1/auth/mfa/verify', { code: wrongCode });
    expect([locked.statusCode, locked.json().error.code]).toEqual([401, 'mfa_locked']);
    // The waiting session is gone, and the password is refused during the lockout.
    expect((await b.call('POST', '/api/v1/auth/mfa/verify', { code: nextCode(secret) })).statusCode).toBe(401);
    expect((await passwordStep(t.app, 'koordinator.nord')).res.statusCode).toBe(401);
    expect(await failureReasons(t, 'koordinator.nord')).toEqual(['wrong_code', 'wrong_code', 'wrong_code', 'locked']);
  });

  it('lets an administrator reset a user’s second factor, audited, ending their sessions; never their own', async () => {
    const { b: user } = await enrolled(t.app, 'koordinator.mitt');
    const { b: admin } = await enrolled(t.app, 'admin');
    const { b: other } = await enrolled(t.app, 'revisor');
    const target = await userId(t, 'koordinator.mitt');

    expect((await other.call('POST', `/api/v1/users/${target}/mfa/reset`)).statusCode).toBe(403);
    expect((await admin.call('POST', `/api/v1/users/${await userId(t, 'admin')}/mfa/reset`)).statusCode).toBe(403);
    expect((await admin.call('POST', '/api/v1/users/00000000-0000-4000-8000-000000000009/mfa/reset')).statusCode).toBe(404);
    expect((await admin.call('POST', `/api/v1/users/${target}/mfa/reset`)).statusCode).toBe(204);

    expect((await user.call('GET', '/api/v1/cases')).statusCode).toBe(401);
    expect(await getTotp(t.database.db, target)).toEqual({ secret: null, enrolledAt: null, lastStep: null });
    const reset = await t.database.db.selectFrom('audit_events').select(['actor_username', 'resource_id', 'details']).where('action', '=', 'user.mfa_reset').execute();
    expect(reset).toEqual([{ actor_username: 'admin', resource_id: target, details: { wasEnrolled: true } }]);
    // The user sets up a new authenticator at the next sign-in.
    expect((await passwordStep(t.app, 'koordinator.mitt')).body.mfa).toBe('enrol');
  });

  it('answers a sign-in with an over-long password with a field error (ASVS 2.1.2)', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'admin', password: 'x'.repeat(129) } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('body.password');
  });
});

describe('two-factor sign-in (LOTS_MFA=off)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { LOTS_MFA: 'off', LOTS_LOGIN_RATE_LIMIT: '5', LOTS_MAX_FAILED_LOGINS: '100' } });
  });
  afterAll(() => t.close());

  it('signs in with the password alone, allows voluntary enrolment, and then always asks for the code', async () => {
    const options = await t.app.inject({ method: 'GET', url: '/api/v1/auth/options' });
    expect(options.json()).toEqual({ sso: { enabled: false, label: null }, mfaRequired: false });
    const { body, b } = await passwordStep(t.app, 'polis');
    expect(body).toMatchObject({ user: { username: 'polis' } });
    expect((await b.call('GET', '/api/v1/auth/mfa')).json()).toEqual({ method: 'password', enrolled: false, enrolledAt: null, required: false, exempt: false });
    const { secret } = (await b.call('POST', '/api/v1/auth/mfa/enrolment')).json<{ secret: string }>();
    // A typo while signed in is refused but does not count towards the lockout.
    expect((await b.call('POST', '/api/v1/auth/mfa/enrolment/confirm', { code: totpCode(secret, Date.now() + 200_000) })).statusCode).toBe(401);
    const confirm = await b.call('POST', '/api/v1/auth/mfa/enrolment/confirm', { code: totpCode(secret) });
    expect(confirm.statusCode).toBe(200);
    adopt(b, confirm);
    expect((await b.call('GET', '/api/v1/auth/mfa')).json()).toMatchObject({ enrolled: true, required: false });
    const failures = await t.database.db.selectFrom('users').select('failed_logins').where('username', '=', 'polis').executeTakeFirstOrThrow();
    expect(failures.failed_logins).toBe(0);
    expect((await passwordStep(t.app, 'polis')).body.mfa).toBe('verify');
  });

  it('limits code attempts per address like sign-in (LOTS_LOGIN_RATE_LIMIT), on top of the lockout', async () => {
    const { b } = await passwordStep(t.app, 'polis');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await b.call('POST', '/api/v1/auth/mfa/verify', { code: '000000' })).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const limited = await b.call('POST', '/api/v1/auth/mfa/verify', { code: '000000' });
    expect([limited.statusCode, limited.json().error.code]).toEqual([429, 'rate_limited']);
  });
});

describe('recovery from the command line', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { LOTS_MFA: 'required' } });
  });
  afterAll(() => t.close());

  it('lets the operator reset the only administrator’s second factor (`lots mfa reset`), audited as the system', async () => {
    await enrolled(t.app, 'admin');
    const admin = await userId(t, 'admin');
    await resetMfa(t.database.db, systemActor('cli'), admin);
    expect((await getTotp(t.database.db, admin)).enrolledAt).toBeNull();
    const event = await t.database.db.selectFrom('audit_events').select(['actor_username', 'resource_id']).where('action', '=', 'user.mfa_reset').executeTakeFirstOrThrow();
    expect(event).toEqual({ actor_username: 'system:cli', resource_id: admin });
    expect((await passwordStep(t.app, 'admin')).body.mfa).toBe('enrol');
  });
});
