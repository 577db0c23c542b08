// Test harness: a real database per test file. PGlite in memory by default; with
// TEST_DATABASE_URL set, a fresh PostgreSQL database is created (and dropped afterwards).
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { prepareEncryption } from '../crypto/data-keys.js';
import { activeKeyring, keyringLoaded, testKeyring, useKeyring } from '../crypto/keyring.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo.js';
import { createScratchDatabase } from '../db/scratch-database.js';

export interface TestDatabase extends Database {
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const database = await openDatabase({ dataDir: 'memory://' });
    await migrateToLatest(database.db);
    await prepareTestKeys(database);
    return { ...database, drop: () => database.close() };
  }
  const scratch = await createScratchDatabase(adminUrl, 'lots_test');
  const database = await openDatabase({ url: scratch.url, poolSize: 5 });
  await migrateToLatest(database.db);
  await prepareTestKeys(database);
  return {
    ...database,
    drop: async () => {
      await database.close();
      await scratch.drop();
    },
  };
}

/** Names and free texts are sealed with a fixed, synthetic test key (server/crypto/keyring.ts). */
async function prepareTestKeys(database: Database): Promise<void> {
  if (!keyringLoaded()) useKeyring(testKeyring());
  await prepareEncryption(database.db, activeKeyring());
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

/** An app on a fresh database with the demo organisations and users (no cases unless asked). */
export async function createTestApp(opts: { cases?: number; env?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  await seedDemo(database.db, { cases: opts.cases ?? 0, publishedSeries: false });
  // Two-factor sign-in is off unless a test asks for it (LOTS_MFA=required), so signIn() below works.
  const config = loadConfig({ LOTS_WEB_DIST: '/nonexistent', LOTS_LOGIN_RATE_LIMIT: '1000', LOTS_RATE_LIMIT: '100000', LOTS_MFA: 'off', ...opts.env });
  const app = await buildApp({ database, config });
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** A signed-in client: keeps the session cookie and sends the CSRF token on writes. */
export interface Client {
  username: string;
  csrfToken: string;
  session: { user: { id: string; organisation: { id: string } } };
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export async function signIn(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'lots_session');
  if (!cookie) throw new Error('no session cookie');
  const session = res.json() as Client['session'] & { csrfToken: string };
  const request = (opts: InjectOptions) =>
    app.inject({
      ...opts,
      cookies: { lots_session: cookie.value },
      headers: { 'x-csrf-token': session.csrfToken, ...(opts.headers ?? {}) },
    });
  return {
    username,
    csrfToken: session.csrfToken,
    session,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, body) => request({ method: 'POST', url, payload: body as InjectOptions['payload'] }),
    patch: (url, body) => request({ method: 'PATCH', url, payload: body as InjectOptions['payload'] }),
  };
}

export function referralBody(overrides: Record<string, unknown> = {}) {
  return {
    person: {
      givenNames: 'Malai',
      familyNames: 'Testperson',
      aliases: [],
      sex: 'female',
      birthYear: 1994,
      citizenships: ['TH'],
      protectedIdentity: false,
    },
    municipalityCode: '0180',
    referralSource: 'social_services',
    referredOn: '2026-03-02',
    exploitationForms: ['labour'],
    summary: 'Syntetiskt testärende.',
    ...overrides,
  };
}
