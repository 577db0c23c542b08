// The pieces of encryption at rest without a database: keyring formats and errors, key files,
// sealing and opening single values, lists and codes, and the blind index's normalisation.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameIndexOf, searchTokenSets } from './blind-index.js';
import { isSealed, kidOf, open, openList, openOrLegacy, openUnlessCode, seal, sealList, sealUnlessCode, SealedValueError } from './field-cipher.js';
import { loadKeyring, newMasterKey, parseKeyring, readKeyFile, testKeyring, useKeyring, writeKeyFile } from './keyring.js';

const dir = mkdtempSync(join(tmpdir(), 'lots-keys-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const b64 = () => newMasterKey().toString('base64');

describe('the keyring', () => {
  it('reads the JSON and the list form, the list`s first entry being current', () => {
    const json = parseKeyring(JSON.stringify({ current: 'b2', keys: { a1: b64(), b2: b64() } }), 'test');
    expect([json.currentKid, json.kids]).toEqual(['b2', ['a1', 'b2']]);
    const list = parseKeyring(`k2:${b64()}, k1:${b64()}`, 'test');
    expect([list.currentKid, list.kids]).toEqual(['k2', ['k2', 'k1']]);
  });

  it('refuses malformed keyrings with a message naming the source, never the key', () => {
    const key = b64();
    const attempts = [
      ['', /LOTS_DATA_KEYS is empty/],
      ['{"current":"x"', /not valid JSON/],
      [JSON.stringify({ current: 'x', keys: { y: key } }), /current key id "x" is not among its keys/],
      [`k1:${Buffer.alloc(16).toString('base64')}`, /key "k1" must be base64 of exactly 32 bytes/],
      [`k1:${key},k1:${key}`, /appears twice/],
      [`bad kid!:${key}`, /each entry must be <kid>:<base64/],
      [`bad!:${key}`, /invalid data key id "bad!"/],
    ] as const;
    for (const [text, message] of attempts) {
      let error: Error | undefined;
      try {
        parseKeyring(text, 'LOTS_DATA_KEYS');
      } catch (e) {
        error = e as Error;
      }
      expect(error?.message, text).toMatch(message);
      expect(error?.message).not.toContain(key);
    }
  });

  it('writes key files readable by the owner only, never over an existing one', () => {
    const path = join(dir, 'keys.json');
    writeKeyFile(path, new Map([['a1', newMasterKey()]]), 'a1');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(() => writeKeyFile(path, new Map([['b2', newMasterKey()]]), 'b2')).toThrow(/exists already/);
    const read = readKeyFile(path);
    read.keys.set('b2', newMasterKey());
    writeKeyFile(path, read.keys, 'b2', { replace: true });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const ring = loadKeyring({ env: { LOTS_DATA_KEY_FILE: path } });
    expect([ring.keyring.currentKid, ring.keyring.kids, ring.source]).toEqual(['b2', ['a1', 'b2'], `LOTS_DATA_KEY_FILE (${path})`]);
  });

  it('creates the embedded database`s key file on first start only, and needs a key for PostgreSQL', () => {
    const data = join(dir, 'embedded');
    expect(() => loadKeyring({ env: {}, embeddedDataDir: data, createEmbedded: false })).toThrow(/data-keys\.json does not exist/);
    const first = loadKeyring({ env: {}, embeddedDataDir: data, createEmbedded: true });
    expect(first.created).toBe(join(data, 'data-keys.json'));
    expect(statSync(first.created!).mode & 0o777).toBe(0o600);
    const again = loadKeyring({ env: {}, embeddedDataDir: data, createEmbedded: true });
    expect([again.created, again.keyring.currentKid]).toEqual([undefined, first.keyring.currentKid]);
    expect(() => loadKeyring({ env: {}, embeddedDataDir: null })).toThrow(/no data encryption key: set LOTS_DATA_KEY_FILE/);
    const env = { LOTS_DATA_KEYS: `e1:${b64()}`, LOTS_DATA_KEY_FILE: join(dir, 'missing.json') };
    expect(loadKeyring({ env, embeddedDataDir: data }).source).toBe('LOTS_DATA_KEYS');
    writeFileSync(join(dir, 'broken.json'), 'nonsense');
    expect(() => loadKeyring({ env: { LOTS_DATA_KEY_FILE: join(dir, 'broken.json') } })).toThrow(/LOTS_DATA_KEY_FILE \(.*broken\.json\): each entry must be/);
  });
});

describe('a sealed value', () => {
  const ring = testKeyring();
  beforeAll(() => useKeyring(ring));

  it('is enc:v1:<kid>:<base64>, differs every time, and opens only in its own column', () => {
    const a = seal('persons.given_names', 'Ploy', ring) as unknown as string;
    const b = seal('persons.given_names', 'Ploy', ring) as unknown as string;
    expect(a).toMatch(/^enc:v1:test0001:[A-Za-z0-9+/]+=*$/);
    expect(a).not.toBe(b);
    expect([kidOf(a), isSealed(a), isSealed('Ploy')]).toEqual(['test0001', true, false]);
    expect(open('persons.given_names', a, ring)).toBe('Ploy');
    expect(() => open('persons.family_names', a, ring)).toThrow(/persons\.family_names: encrypted value failed authentication/);
    expect(() => open('persons.given_names', a.replace('test0001', 'test0002'), ring)).toThrow(/data key "test0002", which the keyring does not hold/);
    expect(() => open('persons.given_names', 'enc:v1:test0001:AAAA', ring)).toThrow(/too short/);
  });

  it('keeps the empty value empty, refuses plaintext outside the legacy path, and keeps codes plain', () => {
    expect(seal('cases.summary', '', ring)).toBe('');
    expect(open('cases.summary', '', ring)).toBe('');
    let error: unknown;
    try {
      open('cases.summary', 'Klartext', ring);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SealedValueError);
    expect((error as SealedValueError).reason).toBe('plaintext');
    expect(openOrLegacy('cases.summary', 'Klartext', ring)).toBe('Klartext');
    expect(sealList('persons.aliases', [])).toBe('');
    expect(openList('persons.aliases', sealList('persons.aliases', ['Nok', 'Nong Nok']))).toEqual(['Nok', 'Nong Nok']);
    expect(sealUnlessCode('referrals.withdraw_reason', 'consent_withdrawn', ['consent_withdrawn'])).toBe('consent_withdrawn');
    const free = sealUnlessCode('referrals.withdraw_reason', 'Personen flyttade', ['consent_withdrawn']);
    expect(isSealed(free as unknown as string)).toBe(true);
    expect(openUnlessCode('referrals.withdraw_reason', free, ['consent_withdrawn'])).toBe('Personen flyttade');
  });
});

describe('the blind index', () => {
  const ring = testKeyring(['test0001', 'test0002']);

  it('folds case, Latin diacritics, Cyrillic script and token order, and differs per key', () => {
    const index = nameIndexOf(['Ștefania Maria', 'Popescu-Ionescu'], 'test0002', ring);
    expect(index).toHaveLength(4);
    const [, under2] = searchTokenSets('IONESCU stefania', ring);
    for (const t of under2!) expect(index).toContain(t);
    expect(nameIndexOf(['Ольга'], 'test0002', ring)).toEqual(nameIndexOf(['Olga'], 'test0002', ring));
    expect(nameIndexOf(['Olga'], 'test0001', ring)).not.toEqual(nameIndexOf(['Olga'], 'test0002', ring));
    expect(searchTokenSets('  --  ', ring)).toEqual([]);
    expect(index.join()).not.toMatch(/stefania|ionescu/i);
  });
});
