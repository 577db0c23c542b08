// Proof that secrets and personal data stay out of the logs (ASVS V7.1.1, V7.1.2): the server's
// own logger settings (server/logger.ts) at the most verbose level, a capture of every line,
// and requests carrying a password, a session cookie, a CSRF token, a bearer token and a name
// in a query string.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { loggerOptions } from '../logger.js';
import { systemActor } from '../auth/actor.js';
import { addToken } from '../modules/users/user.service.js';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo.js';
import { createTestDatabase, referralBody, type TestDatabase } from '../test/harness.js';

let database: TestDatabase;
let app: FastifyInstance;
const lines: string[] = [];
const capture = new Writable({
  write(chunk: Buffer, _enc, done) {
    lines.push(chunk.toString('utf8'));
    done();
  },
});

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db, { cases: 0 });
  const config = loadConfig({ LOTS_WEB_DIST: '/nonexistent', LOTS_LOGIN_RATE_LIMIT: '1000', LOTS_MFA: 'off' });
  app = await buildApp({ database, config, logger: { ...loggerOptions('trace'), stream: capture } });
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('the logs', () => {
  it('never hold a password, a session cookie, a CSRF token, a bearer token or a searched name', async () => {
    const wrongPassword = 'Wrong-Secret-Passw0rd-xyz';
    await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'koordinator.stockholm', password: wrongPassword } });
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'koordinator.stockholm', password: DEMO_PASSWORD } });
    expect(login.statusCode).toBe(200);
    const cookie = login.cookies.find((c) => c.name === 'lots_session')!.value;
    const csrf = (login.json() as { csrfToken: string }).csrfToken;
    const headers = { 'x-csrf-token': csrf };
    const created = await app.inject({ method: 'POST', url: '/api/v1/cases', cookies: { lots_session: cookie }, headers, payload: referralBody({ person: { ...referralBody().person, givenNames: 'Loggnamn', familyNames: 'Hemligsson' } }) });
    expect(created.statusCode).toBe(201);
    await app.inject({ method: 'GET', url: '/api/v1/cases?q=Hemligsson', cookies: { lots_session: cookie } });

    const token = (await addToken(database.db, systemActor('test'), 'koordinator.stockholm', 'log test')).token;
    const withToken = await app.inject({ method: 'GET', url: '/api/v1/cases', headers: { authorization: `Bearer ${token}` } });
    expect(withToken.statusCode).toBe(200);
    const badToken = 'lots_this-is-not-a-valid-token-but-still-secret-0123456789';
    expect((await app.inject({ method: 'GET', url: '/api/v1/cases', headers: { authorization: `Bearer ${badToken}` } })).statusCode).toBe(401);

    const log = lines.join('');
    // Every request was logged, one line each with its method and path …
    expect(lines.filter((l) => l.includes('"msg":"request completed"') && l.includes('"method":')).length).toBe(6);
    expect(log).toContain('/api/v1/auth/login');
    for (const secret of [wrongPassword, DEMO_PASSWORD, cookie, csrf, token, token.slice(5), badToken, 'Hemligsson', 'Loggnamn']) {
      expect(log.includes(secret), `log contains ${secret.slice(0, 12)}…`).toBe(false); // … without the secrets
    }
    expect(log).not.toMatch(/authorization|cookie|x-csrf-token|password/i);
  });
});
