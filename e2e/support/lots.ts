// Starts Lots for a journey: the real server and built web app on a fresh embedded database
// seeded with the demo data, listening on a free loopback port.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { openDatabase, type Database } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { seedDemo } from '../../server/seed/demo.js';
import { prepareEncryption } from '../../server/crypto/data-keys.js';
import { testKeyring, useKeyring } from '../../server/crypto/keyring.js';

export interface RunningLots {
  url: string;
  database: Database;
  stop(): Promise<void>;
}

/** `history`: also the demo's historical statistics (2021–2025); off by default to keep journeys quick. */
export async function startLots(opts: { cases?: number; history?: boolean; env?: Record<string, string> } = {}): Promise<RunningLots> {
  const webDist = resolve('web/dist');
  if (!existsSync(`${webDist}/index.html`)) throw new Error('web/dist is missing: run `npm run build` first');
  const database = await openDatabase({ dataDir: 'memory://' });
  await migrateToLatest(database.db);
  // Names and free texts are encrypted at rest; the journeys use the fixed synthetic test key.
  useKeyring(testKeyring());
  await prepareEncryption(database.db, testKeyring());
  await seedDemo(database.db, { cases: opts.cases ?? 12, history: opts.history ?? false });
  // `env`: settings a journey needs (e.g. LOTS_MFA=required; demo mode alone turns two-factor sign-in off).
  const config = { ...loadConfig({ LOTS_WEB_DIST: webDist, LOTS_LOGIN_RATE_LIMIT: '1000', ...opts.env }), demoMode: true };
  const app: FastifyInstance = await buildApp({ database, config });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    database,
    stop: async () => {
      await app.close();
      await database.close();
    },
  };
}
