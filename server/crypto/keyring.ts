// The data keys that encrypt direct identifiers at rest (docs/security.md#encryption-at-rest).
// A keyring holds one or more 256-bit master keys, each under a short key id (kid) that is stored
// with every value it encrypted; one of them is current and encrypts new values. From each master
// key two working keys are derived with HKDF-SHA-256: one for AES-256-GCM, one for the HMAC of
// the blind index, so neither use can weaken the other.
//
// Sources, in order: LOTS_DATA_KEYS (the keyring itself), LOTS_DATA_KEY_FILE (a file holding it),
// and for the embedded database only a key file beside the PGlite data directory, created on
// first start. Formats (file or variable):
//   {"current":"3f9a0c1e","keys":{"3f9a0c1e":"<base64 of 32 bytes>","0b1c2d3e":"<base64>"}}
//   3f9a0c1e:<base64>,0b1c2d3e:<base64>        (a list: the first entry is current)
import { createHmac, createSecretKey, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const KID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const KEY_BYTES = 32;

export class DataKeyError extends Error {}

interface KeyEntry {
  kid: string;
  cipherKey: KeyObject;
  indexKey: Buffer;
  /** A non-secret fingerprint stored in the database (data_keys) to tell a wrong key under a known id. */
  checkValue: string;
}

function derive(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `lots/${purpose}/v1`, KEY_BYTES));
}

export class Keyring {
  private readonly entries = new Map<string, KeyEntry>();

  constructor(
    keys: ReadonlyMap<string, Buffer>,
    readonly currentKid: string,
  ) {
    if (!keys.has(currentKid)) throw new DataKeyError(`the current data key id "${currentKid}" is not in the keyring`);
    for (const [kid, master] of keys) {
      if (!KID_PATTERN.test(kid)) throw new DataKeyError(`invalid data key id "${kid}": use 1–32 letters, digits, _ or -`);
      if (master.length !== KEY_BYTES) throw new DataKeyError(`data key "${kid}" must be exactly 32 bytes (base64 of 32 random bytes)`);
      this.entries.set(kid, {
        kid,
        cipherKey: createSecretKey(derive(master, 'field-encryption')),
        indexKey: derive(master, 'blind-index'),
        checkValue: createHmac('sha256', derive(master, 'key-check')).update('lots data key check').digest('base64').slice(0, 22),
      });
    }
  }

  get kids(): string[] {
    return [...this.entries.keys()];
  }

  has(kid: string): boolean {
    return this.entries.has(kid);
  }

  entry(kid: string): KeyEntry {
    const e = this.entries.get(kid);
    if (!e) throw new DataKeyError(`no data key "${kid}" in the keyring (LOTS_DATA_KEYS / LOTS_DATA_KEY_FILE): values encrypted under it cannot be read`);
    return e;
  }

  get current(): KeyEntry {
    return this.entry(this.currentKid);
  }
}

/** A fresh key id: 8 hex characters (stored in every value, so kept short). */
export function newKid(): string {
  return randomBytes(4).toString('hex');
}

export function newMasterKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

function decodeKey(kid: string, b64: string, source: string): Buffer {
  const clean = b64.replace(/\s/g, '');
  const key = Buffer.from(clean, 'base64');
  if (key.length !== KEY_BYTES || key.toString('base64') !== clean) throw new DataKeyError(`${source}: key "${kid}" must be base64 of exactly 32 bytes`);
  return key;
}

export interface KeyringText {
  current: string;
  keys: Record<string, string>;
}

/** The raw entries of either format; `source` names where it came from in errors (never the key itself). */
export function parseKeyEntries(text: string, source: string): { keys: Map<string, Buffer>; current: string } {
  const trimmed = text.trim();
  if (trimmed === '') throw new DataKeyError(`${source} is empty`);
  const keys = new Map<string, Buffer>();
  let current: string | undefined;
  if (trimmed.startsWith('{')) {
    let parsed: Partial<KeyringText>;
    try {
      parsed = JSON.parse(trimmed) as Partial<KeyringText>;
    } catch {
      throw new DataKeyError(`${source} is not valid JSON`);
    }
    if (typeof parsed.current !== 'string' || typeof parsed.keys !== 'object' || parsed.keys === null) {
      throw new DataKeyError(`${source} must look like {"current":"<kid>","keys":{"<kid>":"<base64>"}}`);
    }
    current = parsed.current;
    for (const [kid, b64] of Object.entries(parsed.keys)) {
      if (typeof b64 !== 'string') throw new DataKeyError(`${source}: key "${kid}" must be a base64 string`);
      keys.set(kid, decodeKey(kid, b64, source));
    }
  } else {
    for (const item of trimmed.split(/[\s,]+/).filter(Boolean)) {
      const at = item.indexOf(':');
      if (at <= 0) throw new DataKeyError(`${source}: each entry must be <kid>:<base64 of 32 bytes>`);
      const kid = item.slice(0, at);
      if (keys.has(kid)) throw new DataKeyError(`${source}: key id "${kid}" appears twice`);
      keys.set(kid, decodeKey(kid, item.slice(at + 1), source));
      current ??= kid;
    }
  }
  if (current === undefined) throw new DataKeyError(`${source} holds no key`);
  if (!keys.has(current)) throw new DataKeyError(`${source}: the current key id "${current}" is not among its keys`);
  return { keys, current };
}

export function parseKeyring(text: string, source: string): Keyring {
  const { keys, current } = parseKeyEntries(text, source);
  return new Keyring(keys, current);
}

/** The JSON text of a key file. */
export function keyringText(keys: ReadonlyMap<string, Buffer>, current: string): string {
  const out: KeyringText = { current, keys: Object.fromEntries([...keys].map(([kid, k]) => [kid, k.toString('base64')])) };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** Reads a key file's raw entries (for `lots keys generate --add`). */
export function readKeyFile(path: string): { keys: Map<string, Buffer>; current: string } {
  return parseKeyEntries(readText(path), path);
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new DataKeyError(`cannot read the data key file ${path}: ${(e as Error).message}`);
  }
}

/**
 * Writes a key file readable by its owner only (0600). `replace` swaps an existing file
 * atomically (write beside it, then rename); otherwise an existing file is never overwritten.
 */
export function writeKeyFile(path: string, keys: ReadonlyMap<string, Buffer>, current: string, opts: { replace?: boolean } = {}): void {
  mkdirSync(dirname(path), { recursive: true });
  const text = keyringText(keys, current);
  if (!opts.replace) {
    try {
      writeFileSync(path, text, { flag: 'wx', mode: 0o600 });
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      throw new DataKeyError(err.code === 'EEXIST' ? `${path} exists already: it may hold keys your data needs (use --add to add a new current key to it)` : `cannot create ${path}: ${err.message}`);
    }
    return;
  }
  const tmp = join(dirname(path), `.${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(tmp, text, { flag: 'wx', mode: 0o600 });
  renameSync(tmp, path);
}

/** The default key file of an embedded database: beside its PGlite directory. */
export function embeddedKeyFile(dataDir: string): string {
  return join(dataDir, 'data-keys.json');
}

export interface LoadedKeyring {
  keyring: Keyring;
  /** Where it came from, for start-up output: 'LOTS_DATA_KEYS' or a file path. */
  source: string;
  /** Set when this call created the key file (embedded database, first start). */
  created?: string;
}

/**
 * The keyring this process uses. With PostgreSQL a key must be configured; with the embedded
 * database and nothing configured, `<dataDir>/data-keys.json` is used, and created (0600) when
 * `createEmbedded` and it does not exist yet.
 */
export function loadKeyring(opts: { env?: NodeJS.ProcessEnv; embeddedDataDir?: string | null; createEmbedded?: boolean } = {}): LoadedKeyring {
  const env = opts.env ?? process.env;
  const inline = env.LOTS_DATA_KEYS?.trim();
  if (inline) return { keyring: parseKeyring(inline, 'LOTS_DATA_KEYS'), source: 'LOTS_DATA_KEYS' };
  const file = env.LOTS_DATA_KEY_FILE?.trim();
  if (file) return { keyring: parseKeyring(readText(file), `LOTS_DATA_KEY_FILE (${file})`), source: `LOTS_DATA_KEY_FILE (${file})` };
  if (!opts.embeddedDataDir) {
    throw new DataKeyError(
      'no data encryption key: set LOTS_DATA_KEY_FILE (create one with `lots keys generate --file <path>`) or LOTS_DATA_KEYS; names and free texts are never stored unencrypted',
    );
  }
  const path = embeddedKeyFile(opts.embeddedDataDir);
  if (existsSync(path)) return { keyring: parseKeyring(readText(path), path), source: `the key file ${path}` };
  if (!opts.createEmbedded) throw new DataKeyError(`no data encryption key: ${path} does not exist (set LOTS_DATA_KEY_FILE to the key file of this data)`);
  const kid = newKid();
  writeKeyFile(path, new Map([[kid, newMasterKey()]]), kid);
  return { keyring: parseKeyring(readText(path), path), source: `the key file ${path}`, created: path };
}

/** The configured keyring, or null when none is configured and the embedded key file does not exist. */
export function tryLoadKeyring(embeddedDataDir: string | null, env: NodeJS.ProcessEnv = process.env): LoadedKeyring | null {
  if (!env.LOTS_DATA_KEYS?.trim() && !env.LOTS_DATA_KEY_FILE?.trim() && (!embeddedDataDir || !existsSync(embeddedKeyFile(embeddedDataDir)))) return null;
  return loadKeyring({ env, embeddedDataDir, createEmbedded: false });
}

// The keyring of this process. Repositories encrypt and decrypt through it (field-cipher.ts).
let active: Keyring | null = null;

export function useKeyring(keyring: Keyring | null): void {
  active = keyring;
}

export function keyringLoaded(): boolean {
  return active !== null;
}

export function activeKeyring(): Keyring {
  if (active === null) throw new DataKeyError('the data encryption keys are not loaded in this process (LOTS_DATA_KEYS / LOTS_DATA_KEY_FILE)');
  return active;
}

/** A random keyring that lives only as long as the process (benchmarks). */
export function ephemeralKeyring(): Keyring {
  const kid = newKid();
  return new Keyring(new Map([[kid, newMasterKey()]]), kid);
}

/**
 * Fixed, synthetic keys for tests and browser journeys only, never for real data: each id's key
 * is derived from its name. The last id is current.
 */
export function testKeyring(kids: readonly string[] = ['test0001']): Keyring {
  return new Keyring(new Map(kids.map((kid) => [kid, derive(Buffer.from(`lots synthetic test key ${kid}`), 'test')])), kids.at(-1)!);
}
