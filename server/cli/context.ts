// Shared plumbing for CLI commands: open the configured database, run, close, and turn
// errors into one clear line on stderr with a non-zero exit code.
import { loadConfig, type Config } from '../config.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import { AppError } from '../http/errors.js';
import { startDataKeys } from '../crypto/data-keys.js';
import { tryLoadKeyring, useKeyring } from '../crypto/keyring.js';

/**
 * `dataKeys`: 'prepare' (default) loads the data encryption keys (creating the embedded
 * database's key file on first use) and checks them against the database; 'load' only loads
 * keys that exist (restore checks the restored data itself); 'none' for commands that never
 * read or write an encrypted value (migrate, backup).
 */
export async function withDatabase<T>(
  run: (database: Database, config: Config) => Promise<T>,
  opts: { migrate?: boolean; dataKeys?: 'prepare' | 'load' | 'none' } = {},
): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase({ url: config.databaseUrl, dataDir: `${config.dataDir}/pglite` });
  try {
    if (opts.migrate !== false) await migrateToLatest(database.db);
    const embeddedDataDir = config.databaseUrl ? null : config.dataDir;
    if ((opts.dataKeys ?? 'prepare') === 'prepare') {
      const bar = progress('Encrypting stored values');
      let shown = false;
      const onProgress = (d: number, t: number) => {
        if (t === 0) return;
        shown = true;
        bar.update(d, t);
      };
      await startDataKeys(database.db, { embeddedDataDir, createEmbedded: true, say: (l) => process.stderr.write(`${l}\n`), onProgress });
      if (shown) bar.done();
    } else if (opts.dataKeys === 'load') {
      const loaded = tryLoadKeyring(embeddedDataDir);
      if (loaded) useKeyring(loaded.keyring);
    }
    return await run(database, config);
  } finally {
    await database.close();
  }
}

export function fail(err: unknown): never {
  if (err instanceof AppError) {
    process.stderr.write(`error: ${err.message}\n`);
    for (const f of err.fields ?? []) process.stderr.write(`  ${f.path}: ${f.message}\n`);
  } else {
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
  }
  process.exit(1);
}

/** A progress line on a terminal; silent when output is piped. */
export function progress(label: string) {
  const tty = process.stderr.isTTY;
  let last = 0;
  return {
    update(done: number, total: number) {
      if (!tty) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const width = 30;
      const filled = total > 0 ? Math.round((done / total) * width) : width;
      process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    },
    done() {
      if (tty) process.stderr.write('\n');
    },
  };
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}
