// `lots serve`: migrate, optionally seed demo data, listen, and shut down gracefully.
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { loggerOptions } from '../logger.js';
import { startDailyJobs } from '../jobs/daily-jobs.js';
import { startAuditChainer } from '../audit/audit.chain.js';
import { DEMO_PASSWORD, DEMO_USERS, isDatabaseEmpty, seedDemo } from '../seed/demo.js';
import { progress } from './context.js';
import { startDataKeys } from '../crypto/data-keys.js';

export async function serve(opts: { demo?: boolean; port?: string }): Promise<void> {
  const config = loadConfig();
  if (opts.port) config.port = Number(opts.port);
  const database = await openDatabase({ url: config.databaseUrl, dataDir: `${config.dataDir}/pglite` });
  await migrateToLatest(database.db);
  // Names and free texts are encrypted at rest: no keys, no start (server/crypto/).
  const keyLines: string[] = [];
  const encrypting = progress('Encrypting stored values');
  let encryptingShown = false;
  const keys = await startDataKeys(database.db, {
    embeddedDataDir: config.databaseUrl ? null : config.dataDir,
    createEmbedded: true,
    say: (l) => keyLines.push(l),
    onProgress: (d, t) => {
      if (t === 0) return;
      encryptingShown = true;
      encrypting.update(d, t);
    },
  });
  if (encryptingShown) encrypting.done();
  let demo = config.demoMode;
  if (opts.demo) {
    if (config.databaseUrl && process.env.LOTS_ALLOW_DEMO_SEED !== 'true') {
      process.stderr.write('DATABASE_URL is set: not seeding demo data into a real database (set LOTS_ALLOW_DEMO_SEED=true to allow).\n');
    } else {
      demo = true;
      // Demo mode: privacy-preserving matching runs with an ephemeral secret (see persons/pprl-secret.ts).
      process.env.LOTS_DEMO ??= 'true';
      if (await isDatabaseEmpty(database.db)) {
        const bar = progress('Seeding demo data');
        await seedDemo(database.db, { onProgress: (d, t) => bar.update(d, t) });
        bar.done();
      }
    }
  }
  config.demoMode = demo;
  const app = await buildApp({ database, config, logger: loggerOptions(config.logLevel) });
  // Links committed audit events into the hash chain a few times a second (server/audit/audit.chain.ts).
  const chainer = startAuditChainer(database.db, { logger: app.log });
  const jobs = startDailyJobs(database.db, { logger: app.log });
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await jobs.stop();
    await app.close();
    await chainer.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  const lines = [
    '',
    `Lots is running at ${url}  (database: ${database.kind}${database.kind === 'pglite' ? `, ${config.dataDir}/pglite` : ''})`,
    `Identities encrypted at rest with data key "${keys.keyring.currentKid}" (${keys.source})`,
    ...keyLines,
  ];
  if (demo) {
    lines.push(`Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
    for (const u of DEMO_USERS) lines.push(`  ${u.username.padEnd(24)} ${u.description}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}
