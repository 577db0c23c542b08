// Encryption of single values (a name, a note) with AES-256-GCM under the current data key.
// Stored form: enc:v1:<kid>:<base64(iv | ciphertext | tag)>, a fresh random 96-bit IV per value.
// The associated data binds the value to its column ("persons.given_names"; for a jsonb key
// "case_events.data.text") and to its key id, so a value copied into another column, or given
// another key id, fails authentication instead of being read. The empty string stays empty
// (it says nothing, and erasure blanks values to it); everything else is sealed.
//
// Repositories seal what they write and open what they read, so services and presenters see
// plain values. The database type of a sealed column is `Sealed`, which is not a string: the
// compiler refuses a plain string written to it and a sealed value handed on unopened.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { activeKeyring, type Keyring } from './keyring.js';

declare const sealedBrand: unique symbol;
/** A value as stored in an encrypted column. At run time a string. */
export type Sealed = { readonly [sealedBrand]: 'sealed' };

export const SEALED_PREFIX = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The stored empty value (erasure writes it; comparisons in SQL use it). */
export const EMPTY_SEALED = '' as unknown as Sealed;

export class SealedValueError extends Error {
  constructor(
    readonly field: string,
    readonly reason: 'tampered' | 'unknown_key' | 'malformed' | 'plaintext',
    message: string,
  ) {
    super(message);
    this.name = 'SealedValueError';
  }
}

const aad = (kid: string, field: string) => Buffer.from(`lots:v1:${kid}:${field}`, 'utf8');

/** The key id a stored value was sealed under; null for the empty value and for plaintext. */
export function kidOf(stored: string): string | null {
  if (!stored.startsWith(SEALED_PREFIX)) return null;
  const end = stored.indexOf(':', SEALED_PREFIX.length);
  return end < 0 ? null : stored.slice(SEALED_PREFIX.length, end);
}

export function isSealed(stored: string): boolean {
  return kidOf(stored) !== null;
}

/** Seals `plaintext` for `field` under the current key ('' stays ''). */
export function seal(field: string, plaintext: string, keyring: Keyring = activeKeyring()): Sealed {
  if (plaintext === '') return EMPTY_SEALED;
  const key = keyring.current;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.cipherKey, iv);
  cipher.setAAD(aad(key.kid, field));
  const body = Buffer.concat([iv, cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${SEALED_PREFIX}${key.kid}:${body.toString('base64')}` as unknown as Sealed;
}

function decrypt(field: string, stored: string, keyring: Keyring): string {
  const kid = kidOf(stored);
  if (kid === null) throw new SealedValueError(field, 'malformed', `${field}: malformed encrypted value`);
  if (!keyring.has(kid)) throw new SealedValueError(field, 'unknown_key', `${field}: encrypted under data key "${kid}", which the keyring does not hold (LOTS_DATA_KEYS / LOTS_DATA_KEY_FILE)`);
  const body = Buffer.from(stored.slice(SEALED_PREFIX.length + kid.length + 1), 'base64');
  if (body.length < IV_BYTES + TAG_BYTES) throw new SealedValueError(field, 'malformed', `${field}: encrypted value too short (damaged)`);
  const decipher = createDecipheriv('aes-256-gcm', keyring.entry(kid).cipherKey, body.subarray(0, IV_BYTES));
  decipher.setAAD(aad(kid, field));
  decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new SealedValueError(field, 'tampered', `${field}: encrypted value failed authentication (altered, moved from another column, or sealed with another key under id "${kid}")`);
  }
}

/** Opens a stored value. Plaintext where a sealed value belongs is an error, never passed on. */
export function open(field: string, stored: Sealed | string, keyring: Keyring = activeKeyring()): string {
  const s = stored as unknown as string;
  if (s === '') return '';
  if (!s.startsWith(SEALED_PREFIX)) throw new SealedValueError(field, 'plaintext', `${field}: unencrypted value found where an encrypted one belongs (run \`lots keys rotate\` to encrypt legacy data)`);
  return decrypt(field, s, keyring);
}

/** For `lots keys rotate` and the start-up pass only: legacy plaintext is returned as it is. */
export function openOrLegacy(field: string, stored: string, keyring: Keyring = activeKeyring()): string {
  if (stored === '' || !stored.startsWith(SEALED_PREFIX)) return stored;
  return decrypt(field, stored, keyring);
}

export function sealNullable(field: string, plaintext: string | null | undefined): Sealed | null {
  return plaintext === null || plaintext === undefined ? null : seal(field, plaintext);
}

export function openNullable(field: string, stored: Sealed | string | null): string | null {
  return stored === null ? null : open(field, stored);
}

/** A list (aliases) is sealed as one JSON array; the empty list is stored as ''. */
export function sealList(field: string, values: readonly string[]): Sealed {
  return values.length === 0 ? EMPTY_SEALED : seal(field, JSON.stringify(values));
}

export function openList(field: string, stored: Sealed | string): string[] {
  const text = open(field, stored);
  return text === '' ? [] : parseList(field, text);
}

export function openListOrLegacy(field: string, stored: string, keyring: Keyring = activeKeyring()): string[] {
  const text = openOrLegacy(field, stored, keyring);
  return text === '' ? [] : parseList(field, text);
}

function parseList(field: string, text: string): string[] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === 'string')) throw new SealedValueError(field, 'malformed', `${field}: not a list of strings`);
  return parsed;
}

/** A value that may be a system code (kept plain, e.g. 'consent_withdrawn') or free text (sealed). */
export function sealUnlessCode(field: string, value: string | null, codes: readonly string[]): Sealed | null {
  if (value === null) return null;
  return codes.includes(value) ? (value as unknown as Sealed) : seal(field, value);
}

export function openUnlessCode(field: string, stored: Sealed | string | null, codes: readonly string[]): string | null {
  if (stored === null) return null;
  const s = stored as unknown as string;
  return codes.includes(s) ? s : open(field, s);
}
