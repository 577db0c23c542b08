// Start-up checks of the data keys against the database (table data_keys, 0008-encryption):
// every key id that has sealed values here must be in this process's keyring, with the same key
// (its fingerprint), or the process refuses to start: reading would fail on every value, and
// writing under a forgotten key would lose data. The current key is registered on first use.
// Rows written before encryption existed are sealed here once (data_encryption_state).
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { DataKeyError, loadKeyring, useKeyring, type Keyring, type LoadedKeyring } from './keyring.js';
import { reencryptAll, type ReencryptProgress } from './reencrypt.js';

export interface KeyCheck {
  /** Key ids registered in the database that this keyring does not hold. */
  missing: string[];
  /** Key ids whose key differs from the one registered under that id. */
  mismatched: string[];
  registered: string[];
}

export async function compareKeys(db: Kysely<DB>, keyring: Keyring): Promise<KeyCheck> {
  const rows = await db.selectFrom('data_keys').select(['kid', 'check_value']).orderBy('added_at').execute();
  return {
    registered: rows.map((r) => r.kid),
    missing: rows.filter((r) => !keyring.has(r.kid)).map((r) => r.kid),
    mismatched: rows.filter((r) => keyring.has(r.kid) && keyring.entry(r.kid).checkValue !== r.check_value).map((r) => r.kid),
  };
}

/** Throws a clear error when the keyring cannot read this database's values. */
export function assertKeysFit(check: KeyCheck, source: string): void {
  if (check.missing.length > 0) {
    throw new DataKeyError(
      `this database holds values encrypted under data key${check.missing.length > 1 ? 's' : ''} ${check.missing.map((k) => `"${k}"`).join(', ')}, which ${source} does not hold: ` +
        'set LOTS_DATA_KEY_FILE (or LOTS_DATA_KEYS) to the keyring these values were written with; nothing is read or written without it',
    );
  }
  if (check.mismatched.length > 0) {
    throw new DataKeyError(
      `data key${check.mismatched.length > 1 ? 's' : ''} ${check.mismatched.map((k) => `"${k}"`).join(', ')} in ${source} ${check.mismatched.length > 1 ? 'are' : 'is'} not the key that encrypted this database's values (the fingerprint differs): use the key file these values were written with`,
    );
  }
}

export async function registerCurrentKey(db: Kysely<DB>, keyring: Keyring): Promise<void> {
  await db
    .insertInto('data_keys')
    .values({ kid: keyring.currentKid, check_value: keyring.current.checkValue })
    .onConflict((oc) => oc.column('kid').doNothing())
    .execute();
}

export async function plaintextPending(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('data_encryption_state').select('plaintext_pending').where('id', '=', 1).executeTakeFirst();
  return row?.plaintext_pending === true;
}

/**
 * What every process that opens the database with keys does first: check the keys, register
 * the current one, and seal rows left unencrypted from before migration 0008 (once).
 */
export async function prepareEncryption(
  db: Kysely<DB>,
  keyring: Keyring,
  opts: { source?: string; onProgress?: ReencryptProgress } = {},
): Promise<{ legacySealed: number }> {
  assertKeysFit(await compareKeys(db, keyring), opts.source ?? 'the keyring');
  await registerCurrentKey(db, keyring);
  if (!(await plaintextPending(db))) return { legacySealed: 0 };
  const result = await reencryptAll(db, keyring, { onProgress: opts.onProgress });
  await sql`update data_encryption_state set plaintext_pending = false where id = 1`.execute(db);
  return { legacySealed: result.values };
}

/**
 * Loads this process's keyring (keyring.ts: LOTS_DATA_KEYS, LOTS_DATA_KEY_FILE, or the embedded
 * database's own key file, created on first start), makes it the active one, and prepares the
 * database. `say` receives the lines worth telling the operator.
 */
export async function startDataKeys(
  db: Kysely<DB>,
  opts: { embeddedDataDir: string | null; createEmbedded: boolean; say: (line: string) => void; onProgress?: ReencryptProgress },
): Promise<LoadedKeyring> {
  const loaded = loadKeyring({ embeddedDataDir: opts.embeddedDataDir, createEmbedded: opts.createEmbedded });
  if (loaded.created) {
    opts.say(`Created the data encryption key file ${loaded.created} (mode 0600). Names and free texts in this database are encrypted with it:`);
    opts.say('  keep it safe, and keep it out of the backups (without it nothing can be read back).');
  }
  useKeyring(loaded.keyring);
  const { legacySealed } = await prepareEncryption(db, loaded.keyring, { source: loaded.source, onProgress: opts.onProgress });
  if (legacySealed > 0) opts.say(`Encrypted ${legacySealed} values stored before encryption at rest (data key "${loaded.keyring.currentKid}").`);
  return loaded;
}
