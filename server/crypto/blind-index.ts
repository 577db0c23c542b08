// The blind index: exact lookups on encrypted names without decrypting the table. Every name
// token (domain/matching/normalise.ts: case folded, Latin diacritics removed, Cyrillic romanised,
// split on spaces and hyphens) becomes HMAC-SHA-256 under the blind-index key derived from a data
// key, truncated to 128 bits. persons.name_index holds the set of a person's tokens (given names,
// family names and aliases) under the key of the names' own key id; a search asks for all of its
// tokens under every key of the keyring, so rows sealed before and after a key change are found
// while `lots keys rotate` runs.
//
// What the index reveals to someone holding only the database: which persons share a name token
// and how many distinct tokens a name has (frequency analysis can guess very common names).
// It reveals no token without the key.
import { createHmac } from 'node:crypto';
import { tokeniseName } from '../../domain/matching/normalise.js';
import { activeKeyring, type Keyring } from './keyring.js';

const TOKEN_BYTES = 16;

/** The distinct folded tokens of some names. */
export function nameTokens(names: readonly string[]): string[] {
  const out = new Set<string>();
  for (const n of names) for (const t of tokeniseName(n)) out.add(t);
  return [...out];
}

function blind(indexKey: Buffer, token: string): string {
  return createHmac('sha256', indexKey).update(`name\u0000${token}`, 'utf8').digest().subarray(0, TOKEN_BYTES).toString('base64');
}

/** The index entries of a person's names under key `kid` (the current key by default), sorted. */
export function nameIndexOf(names: readonly string[], kid?: string, keyring: Keyring = activeKeyring()): string[] {
  const key = keyring.entry(kid ?? keyring.currentKid).indexKey;
  return nameTokens(names)
    .map((t) => blind(key, t))
    .sort();
}

/**
 * What to look for: the query's tokens blinded under each key of the keyring (one set per key).
 * Empty when the query has no name token.
 */
export function searchTokenSets(query: string, keyring: Keyring = activeKeyring()): string[][] {
  const tokens = nameTokens([query]);
  if (tokens.length === 0) return [];
  return keyring.kids.map((kid) => tokens.map((t) => blind(keyring.entry(kid).indexKey, t)));
}
