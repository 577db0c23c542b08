// CLI: the data encryption keys (names and free texts are encrypted at rest, server/crypto/).
//   lots keys generate [--file PATH] [--add] [--print]   a new key file (0600), or a new current key
//   lots keys rotate                                       re-encrypt under the current key
//   lots keys status                                       keys and how many values each one holds
import type { Command } from 'commander';
import { sql } from 'kysely';
import { loadConfig } from '../../config.js';
import { compareKeys } from '../../crypto/data-keys.js';
import { activeKeyring, DataKeyError, embeddedKeyFile, newKid, newMasterKey, readKeyFile, writeKeyFile } from '../../crypto/keyring.js';
import { reencryptAll, valuesByKey } from '../../crypto/reencrypt.js';
import { fail, progress, withDatabase } from '../context.js';

function keyFilePath(file: string | undefined): string {
  if (file) return file;
  const fromEnv = process.env.LOTS_DATA_KEY_FILE?.trim();
  if (fromEnv) return fromEnv;
  const config = loadConfig();
  if (config.databaseUrl) throw new DataKeyError('name the key file with --file (or LOTS_DATA_KEY_FILE): with DATABASE_URL there is no default place for it');
  return embeddedKeyFile(config.dataDir);
}

function describeCounts(counts: Map<string, number>, current: string): string {
  if (counts.size === 0) return 'no encrypted values yet';
  return [...counts.entries()]
    .sort(([a], [b]) => (a === current ? -1 : b === current ? 1 : a.localeCompare(b)))
    .map(([kid, n]) => `${kid === 'plaintext' ? 'unencrypted' : `"${kid}"${kid === current ? ' (current)' : ''}`}: ${n}`)
    .join(', ');
}

export function register(cli: Command): void {
  const keys = cli.command('keys').description('data encryption keys: names, aliases and free texts are encrypted at rest (AES-256-GCM)');

  keys
    .command('generate')
    .description('write a new key file (mode 0600) holding one fresh 256-bit key; with --add, add a fresh current key to an existing file')
    .option('--file <path>', 'the key file (default: $LOTS_DATA_KEY_FILE, or data-keys.json in LOTS_DATA_DIR for the embedded database)')
    .option('--add', 'add a new key to the existing file and make it current, keeping the old keys so existing values stay readable (then run `lots keys rotate`)')
    .option('--print', 'print a new key as <kid>:<base64> for LOTS_DATA_KEYS instead of writing a file')
    .action((o: { file?: string; add?: boolean; print?: boolean }) => {
      try {
        const kid = newKid();
        const key = newMasterKey();
        if (o.print) {
          if (o.add || o.file) throw new DataKeyError('--print writes no file: use it without --file and --add');
          console.log(`${kid}:${key.toString('base64')}`);
          process.stderr.write('Put this into LOTS_DATA_KEYS (first entry is current), e.g. through your secrets manager; it is not stored anywhere.\n');
          return;
        }
        const path = keyFilePath(o.file);
        if (o.add) {
          const existing = readKeyFile(path);
          existing.keys.set(kid, key);
          writeKeyFile(path, existing.keys, kid, { replace: true });
          console.log(`added data key "${kid}" to ${path} and made it current (${existing.keys.size} keys in the file)`);
          process.stderr.write('Restart every Lots process so that new values are written under it, then run `lots keys rotate`.\n');
          return;
        }
        writeKeyFile(path, new Map([[kid, key]]), kid);
        console.log(`created ${path} (mode 0600) with data key "${kid}"`);
        process.stderr.write(`Point Lots at it with LOTS_DATA_KEY_FILE=${path}; keep it out of backups and out of the repository.\n`);
      } catch (e) {
        fail(e);
      }
    });

  keys
    .command('rotate')
    .description(
      're-encrypt every value (and the name search index) that is not under the current key, legacy unencrypted values included; ' +
        'resumable batches of 500 rows, each in its own transaction; keys no value uses any more are retired',
    )
    .action(() =>
      withDatabase(async ({ db }) => {
        const keyring = activeKeyring();
        const bar = progress('Re-encrypting');
        let shown = false;
        const result = await reencryptAll(db, keyring, {
          onProgress: (d, t) => {
            if (t === 0) return;
            shown = true;
            bar.update(d, t);
          },
        });
        if (shown) bar.done();
        const counts = await valuesByKey(db);
        const others = [...counts.keys()].filter((k) => k !== keyring.currentKid);
        console.log(
          result.rows === 0
            ? `nothing to re-encrypt: every value is under the current data key "${keyring.currentKid}"`
            : `re-encrypted ${result.values} values in ${result.rows} rows under data key "${keyring.currentKid}"`,
        );
        if (others.length > 0) {
          console.log(`values still under other keys (written meanwhile by a process with an older keyring?): ${describeCounts(counts, keyring.currentKid)}; run again once every process uses the new key`);
          process.exitCode = 2;
          return;
        }
        await sql`update data_encryption_state set plaintext_pending = false where id = 1`.execute(db);
        const retired = await db.deleteFrom('data_keys').where('kid', '<>', keyring.currentKid).returning('kid').execute();
        const unused = keyring.kids.filter((k) => k !== keyring.currentKid);
        if (retired.length > 0 || unused.length > 0) {
          const names = [...new Set([...retired.map((r) => r.kid), ...unused])].map((k) => `"${k}"`).join(', ');
          console.log(`no value is under ${names} any more: ${unused.length > 0 ? 'remove it from the key file once every process has restarted, and ' : ''}keep a copy only as long as backups made before this rotation are kept`);
        }
      }).catch(fail),
    );

  keys
    .command('status')
    .description('the keys of the keyring, the keys the database has values under, and how many values each holds')
    .action(() =>
      withDatabase(async ({ db }) => {
        const keyring = activeKeyring();
        const check = await compareKeys(db, keyring);
        console.log(`keyring: current "${keyring.currentKid}"${keyring.kids.length > 1 ? `, also ${keyring.kids.filter((k) => k !== keyring.currentKid).map((k) => `"${k}"`).join(', ')}` : ''}`);
        console.log(`registered in the database: ${check.registered.map((k) => `"${k}"`).join(', ') || 'none'}`);
        console.log(`values: ${describeCounts(await valuesByKey(db), keyring.currentKid)}`);
      }).catch(fail),
    );
}
