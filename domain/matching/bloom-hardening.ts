// Hardening Bloom filter encodings against frequency attacks. An unhardened CLK leaks: the bits
// of common bigrams ("an", "_m") are set in many records, so an attacker who knows name
// frequencies can align the most frequent positions with the most frequent bigrams and read
// names back. Two defences, both keyed by the same secret as the encoding:
//  - balancing (Schnell and Borgs 2016): append the complement and permute, so every encoding
//    has exactly half its bits set and the Hamming weight no longer reveals name length;
//  - diffusion (Armknecht, Heng and Schnell 2023): each output bit is the XOR of a few keyed,
//    randomly chosen input bits, so no output position belongs to one bigram and position
//    frequencies flatten towards one half.
// docs/matching.md describes the threat model and what each leaves open.

import type { Hmac } from './bloom';
import { deriveKey } from './bloom';

export type Hardening = 'none' | 'balance' | 'diffusion';

/** A keyed stream of 32-bit numbers: HMAC(key, counter), eight words per block. */
function keyedStream(hmac: Hmac, key: Uint8Array): () => number {
  let block: Uint8Array = new Uint8Array(0);
  let index = 0;
  let counter = 0;
  return () => {
    if (index + 4 > block.length) {
      block = hmac(key, new Uint8Array([counter >>> 24, (counter >>> 16) & 255, (counter >>> 8) & 255, counter & 255]));
      counter++;
      index = 0;
    }
    const word = (((block[index] as number) << 24) | ((block[index + 1] as number) << 16) | ((block[index + 2] as number) << 8) | (block[index + 3] as number)) >>> 0;
    index += 4;
    return word;
  };
}

function keyedInt(next: () => number, n: number): number {
  // Rejection sampling keeps the choice uniform for any n.
  const limit = Math.floor(0x100000000 / n) * n;
  for (;;) {
    const x = next();
    if (x < limit) return x % n;
  }
}

function getBit(filter: Uint32Array, i: number): number {
  return ((filter[i >>> 5] as number) >>> (i & 31)) & 1;
}

function setBit(filter: Uint32Array, i: number): void {
  filter[i >>> 5] = (filter[i >>> 5] as number) | (1 << (i & 31));
}

/** Balancing: the filter and its complement, permuted; output twice the input size. */
export function createBalancer(hmac: Hmac, secret: Uint8Array, bits: number): (filter: Uint32Array) => Uint32Array {
  const next = keyedStream(hmac, deriveKey(hmac, secret, 'balance'));
  const size = bits * 2;
  const permutation = Uint32Array.from({ length: size }, (_, i) => i);
  for (let i = size - 1; i > 0; i--) {
    const j = keyedInt(next, i + 1);
    [permutation[i], permutation[j]] = [permutation[j] as number, permutation[i] as number];
  }
  return (filter) => {
    const out = new Uint32Array(size / 32);
    for (let i = 0; i < bits; i++) {
      const bit = getBit(filter, i);
      setBit(out, permutation[bit === 1 ? i : bits + i] as number);
    }
    return out;
  };
}

/** Diffusion: output bit j is the XOR of `taps` keyed input positions; same size as the input. */
export function createDiffuser(hmac: Hmac, secret: Uint8Array, bits: number, taps = 3): (filter: Uint32Array) => Uint32Array {
  const next = keyedStream(hmac, deriveKey(hmac, secret, 'diffusion'));
  const sources = Uint32Array.from({ length: bits * taps }, () => keyedInt(next, bits));
  return (filter) => {
    const out = new Uint32Array(bits / 32);
    for (let j = 0; j < bits; j++) {
      let bit = 0;
      for (let t = 0; t < taps; t++) bit ^= getBit(filter, sources[j * taps + t] as number);
      if (bit === 1) setBit(out, j);
    }
    return out;
  };
}

export function createHardener(hmac: Hmac, secret: Uint8Array, bits: number, hardening: Hardening): (filter: Uint32Array) => Uint32Array {
  switch (hardening) {
    case 'none':
      return (filter) => filter;
    case 'balance':
      return createBalancer(hmac, secret, bits);
    case 'diffusion':
      return createDiffuser(hmac, secret, bits);
  }
}
