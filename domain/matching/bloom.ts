// Privacy-preserving linkage: a record encoded as a keyed Bloom filter (a cryptographic long-term
// key, CLK). Every q-gram of every field sets bit positions drawn from its own HMAC-SHA-256, under
// a key per field derived from one secret, so without the secret the positions cannot be
// recomputed from a dictionary of names. The HMAC is injected: domain/ runs in browsers too,
// and the secret belongs where the encoding happens (see bench/matching/node-hmac.ts).

import { birthInfoOf } from './birth-date';
import type { Today } from './birth-date';
import { normaliseCitizenship, normaliseSex } from './identifiers';
import { tokeniseName } from './normalise';
import { withoutPatronymics } from './patronymic';
import { thaiKey } from './thai-romanisation';
import { slavicKey } from './transliterate-cyrillic';
import type { MatchRecord } from './types';

/** HMAC-SHA-256: 32 bytes for a key and a message. */
export type Hmac = (key: Uint8Array, message: Uint8Array) => Uint8Array;

export type ClkField = 'given' | 'family' | 'birth' | 'sex' | 'citizenship';

export interface ClkFieldLayout {
  field: ClkField;
  /** Label of the derived key. Both name fields share one, so swapped name order sets the same bits. */
  key: string;
  /** About how many distinct bits the field should set. */
  targetBits: number;
}

export interface ClkLayout {
  /** Filter size in bits; a multiple of 64. */
  bits: number;
  fields: readonly ClkFieldLayout[];
}

/**
 * About 200 bits per name field, as the issue asks; the birth date gets 150 because in tests on
 * the synthetic data it separated people best (at 60 bits, names swamped it); sex and
 * citizenship say little and get few.
 */
export const DEFAULT_CLK_LAYOUT: ClkLayout = {
  bits: 1024,
  fields: [
    { field: 'given', key: 'name', targetBits: 200 },
    { field: 'family', key: 'name', targetBits: 200 },
    { field: 'birth', key: 'birth', targetBits: 150 },
    { field: 'sex', key: 'sex', targetBits: 12 },
    { field: 'citizenship', key: 'citizenship', targetBits: 24 },
  ],
};

const encoder = new TextEncoder();
const KEY_CONTEXT = 'lots/clk/v1/';

/** A field key from the one secret: HMAC(secret, context ‖ label). */
export function deriveKey(hmac: Hmac, secret: Uint8Array, label: string): Uint8Array {
  return hmac(secret, encoder.encode(KEY_CONTEXT + label));
}

/** Bigrams of a token, padded so first and last letters count as much as the middle. */
export function bigrams(token: string): string[] {
  const padded = `_${token}_`;
  const out: string[] = [];
  for (let i = 0; i + 2 <= padded.length; i++) out.push(padded.slice(i, i + 2));
  return out;
}

/**
 * The elements hashed for one field. Names give the bigrams of each token's plain, Slavic-key and
 * Thai-key forms, so transliteration variants share most bits; dates give the year, year-month
 * and day, so a near date shares some bits; an estimated date gives only its year.
 */
export function fieldElements(record: MatchRecord, field: ClkField, today: Today): string[] {
  const set = new Set<string>();
  switch (field) {
    case 'given':
    case 'family': {
      const raw = field === 'given' ? record.givenNames : record.familyNames;
      for (const token of withoutPatronymics(tokeniseName(raw ?? ''))) {
        for (const form of [token, slavicKey(token), thaiKey(token)]) for (const g of bigrams(form)) set.add(g);
      }
      break;
    }
    case 'birth': {
      const b = birthInfoOf(record.birthDate, record.birthYear, record.birthDateImputed, today);
      if (b !== null) {
        set.add(`y${b.year}`);
        if (!b.weak && b.month !== null) set.add(`m${b.year}-${b.month}`);
        if (!b.weak && b.month !== null && b.day !== null) set.add(`d${b.year}-${b.month}-${b.day}`);
      }
      break;
    }
    case 'sex': {
      const sex = normaliseSex(record.sex);
      if (sex !== null) set.add(sex);
      break;
    }
    case 'citizenship':
      for (const c of record.citizenships ?? []) {
        const code = normaliseCitizenship(c);
        if (code !== null) set.add(code);
      }
      break;
  }
  return [...set];
}

/** Hashes per element so that `elements` set about `targetBits` distinct bits of `bits`. */
export function hashesPerElement(elements: number, targetBits: number, bits: number): number {
  if (elements === 0) return 0;
  const positions = -bits * Math.log(1 - Math.min(targetBits, bits - 1) / bits);
  return Math.max(1, Math.round(positions / elements));
}

/** Bits needed to address a position in a filter of `bits` bits (10 for 1024). */
function positionBits(bits: number): number {
  return Math.ceil(Math.log2(bits));
}

/**
 * Set `k` positions for one element. The positions are consecutive `positionBits`-bit fields of
 * HMAC(key, element), then of HMAC(key, element ‖ 0x00 ‖ n) when more are needed (a 1024-bit
 * filter takes 25 positions from one digest). An element hashed with fewer positions in another
 * record sets a prefix of the same positions, so the two records still share those bits.
 */
function setPositions(filter: Uint32Array, hmac: Hmac, key: Uint8Array, element: string, k: number, bits: number): void {
  const width = positionBits(bits);
  const perDigest = Math.floor(256 / width);
  let digest = hmac(key, encoder.encode(element));
  for (let n = 0, block = 1; n < k; n++) {
    const slot = n % perDigest;
    if (n > 0 && slot === 0) digest = hmac(key, encoder.encode(`${element}\u0000${block++}`));
    let value = 0;
    for (let b = slot * width; b < (slot + 1) * width; b++) value = (value << 1) | (((digest[b >>> 3] as number) >>> (7 - (b & 7))) & 1);
    const position = value % bits;
    filter[position >>> 5] = (filter[position >>> 5] as number) | (1 << (position & 31));
  }
}

export interface ClkEncoder {
  layout: ClkLayout;
  encode(record: MatchRecord): Uint32Array;
}

/** An encoder holding the derived field keys; the secret itself is not kept. */
export function createClkEncoder(hmac: Hmac, secret: Uint8Array, options: { layout?: ClkLayout; today: Today }): ClkEncoder {
  const layout = options.layout ?? DEFAULT_CLK_LAYOUT;
  if (layout.bits % 64 !== 0) throw new RangeError('filter size must be a multiple of 64 bits');
  const keys = new Map(layout.fields.map((f) => [f.key, deriveKey(hmac, secret, f.key)]));
  return {
    layout,
    encode(record) {
      const filter = new Uint32Array(layout.bits / 32);
      for (const f of layout.fields) {
        const elements = fieldElements(record, f.field, options.today);
        const k = hashesPerElement(elements.length, f.targetBits, layout.bits);
        const key = keys.get(f.key) as Uint8Array;
        for (const e of elements) setPositions(filter, hmac, key, e, k, layout.bits);
      }
      return filter;
    },
  };
}
