import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bigrams, createClkEncoder, fieldElements, hashesPerElement } from './bloom';
import type { Hmac } from './bloom';
import { createBalancer, createDiffuser } from './bloom-hardening';
import { cardinality, dice } from './dice';
import { createRandom } from './prng';
import { person, TODAY } from './test-support';

// Tests run in Node, so they bind the injected HMAC to node:crypto as bench/ does.
const hmac: Hmac = (key, message) => new Uint8Array(createHmac('sha256', key).update(message).digest());
const secret = new TextEncoder().encode('test secret, not for use');
const otherSecret = new TextEncoder().encode('another test secret');

const bitsOf = (filter: Uint32Array): number => cardinality(filter);

describe('CLK encoding', () => {
  const encoder = createClkEncoder(hmac, secret, { today: TODAY });

  it('encodes the same person identically: Dice 1', () => {
    const a = person({ givenNames: 'Serhii', familyNames: 'Testenko', birthDate: '1990-05-17', sex: 'm', citizenships: ['UA'] });
    const b = person({ givenNames: 'SERHII', familyNames: 'testenko', birthDate: '1990-05-17', sex: 'male', citizenships: ['UKR'] });
    expect(dice(encoder.encode(a), encoder.encode(b))).toBe(1);
  });

  it('is 1024 bits with about 200 bits per name field', () => {
    const given = createClkEncoder(hmac, secret, { today: TODAY, layout: { bits: 1024, fields: [{ field: 'given', key: 'name', targetBits: 200 }] } });
    for (const name of ['Ana', 'Serhii', 'Chaiyaphon', 'Alexandru-Cristian']) {
      const filter = given.encode(person({ givenNames: name, familyNames: '' }));
      expect(filter).toHaveLength(32);
      expect(bitsOf(filter)).toBeGreaterThan(160);
      expect(bitsOf(filter)).toBeLessThan(240);
    }
  });

  it('sets the same bits whichever field a name is written in', () => {
    const a = person({ givenNames: 'Olena', familyNames: 'Testenko' });
    const b = person({ givenNames: 'Testenko', familyNames: 'Olena' });
    expect(dice(encoder.encode(a), encoder.encode(b))).toBeGreaterThan(0.97);
  });

  it('keeps transliteration variants close and different people apart', () => {
    const base = encoder.encode(person({ givenNames: 'Serhii', familyNames: 'Testenko', birthDate: '1990-05-17' }));
    const variant = encoder.encode(person({ givenNames: 'Sergey', familyNames: 'Testenko', birthDate: '1990-05-17' }));
    const stranger = encoder.encode(person({ givenNames: 'Mariana', familyNames: 'Exemplescu', birthDate: '1971-02-03' }));
    expect(dice(base, variant)).toBeGreaterThan(0.8);
    expect(dice(base, stranger)).toBeLessThan(0.5);
  });

  it('under another secret, the same record sets unrelated bits', () => {
    const other = createClkEncoder(hmac, otherSecret, { today: TODAY });
    const r = person({ givenNames: 'Serhii', familyNames: 'Testenko', birthDate: '1990-05-17' });
    // Two unrelated filters with about 40 % of bits set share about that share of them.
    expect(dice(encoder.encode(r), other.encode(r))).toBeLessThan(0.55);
  });

  it('handles empty names and future dates without error', () => {
    const filter = encoder.encode(person({ givenNames: '', familyNames: '!!!', birthDate: '2091-01-01' }));
    expect(bitsOf(filter)).toBe(0);
  });
});

describe('elements and hash counts', () => {
  it('pads bigrams so first and last letters count', () => {
    expect(bigrams('ana')).toEqual(['_a', 'an', 'na', 'a_']);
  });

  it('uses the year only for an estimated date', () => {
    expect(fieldElements(person({ givenNames: 'A', familyNames: 'B', birthDate: '1990-01-01' }), 'birth', TODAY)).toEqual(['y1990']);
    expect(fieldElements(person({ givenNames: 'A', familyNames: 'B', birthDate: '1990-05-17' }), 'birth', TODAY)).toHaveLength(3);
  });

  it('picks k so that the expected number of set bits meets the target', () => {
    const k = hashesPerElement(10, 200, 1024);
    const expectedBits = 1024 * (1 - Math.exp((-k * 10) / 1024));
    expect(Math.abs(expectedBits - 200)).toBeLessThan(15);
  });
});

describe('hardening against frequency attacks', () => {
  // A population whose names follow a skewed distribution, as real names do.
  const encoder = createClkEncoder(hmac, secret, { today: TODAY, layout: { bits: 1024, fields: [{ field: 'given', key: 'name', targetBits: 200 }] } });
  const names = ['Maria', 'Elena', 'Ana', 'Ioana', 'Olena', 'Serhii', 'Somchai', 'Carmen', 'Lucia', 'Mihaela'];
  const random = createRandom(3);
  const population = Array.from({ length: 400 }, () => {
    const i = Math.min(names.length - 1, Math.floor(-Math.log(1 - random()) * 2.5));
    return encoder.encode(person({ givenNames: names[i] as string, familyNames: '' }));
  });

  function positionFrequencies(filters: Uint32Array[]): number[] {
    const bits = filters[0]!.length * 32;
    const counts = new Array<number>(bits).fill(0);
    for (const f of filters) for (let i = 0; i < bits; i++) if (((f[i >>> 5] as number) >>> (i & 31)) & 1) counts[i]! += 1;
    return counts.map((c) => c / filters.length);
  }

  const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

  it('diffusion spreads every bigram over many positions and moves bit frequencies towards one half', () => {
    const diffuse = createDiffuser(hmac, secret, 1024);
    const plain = positionFrequencies(population);
    const hardened = positionFrequencies(population.map(diffuse));
    // Unhardened, a quarter of the positions are never set: only the bigrams' own positions
    // carry information, each with its bigram's frequency. Diffused, almost every position is
    // a mixture of several, and the frequencies take many more distinct values.
    const never = (f: number[]): number => f.filter((x) => x === 0).length;
    expect(never(plain)).toBeGreaterThan(150);
    expect(never(hardened)).toBeLessThan(never(plain) / 4);
    expect(Math.abs(mean(hardened) - 0.5)).toBeLessThan(Math.abs(mean(plain) - 0.5));
    expect(new Set(hardened).size).toBeGreaterThan(new Set(plain).size);
  });

  it('balancing gives every encoding the same number of set bits', () => {
    const balance = createBalancer(hmac, secret, 1024);
    const weights = new Set(population.map((f) => bitsOf(balance(f))));
    expect(weights).toEqual(new Set([1024]));
    expect(new Set(population.map(bitsOf)).size).toBeGreaterThan(1);
  });

  it('keeps identical encodings identical and is keyed by the secret', () => {
    const a = population[0] as Uint32Array;
    const diffuse = createDiffuser(hmac, secret, 1024);
    expect(dice(diffuse(a), diffuse(a))).toBe(1);
    expect(dice(diffuse(a), createDiffuser(hmac, otherSecret, 1024)(a))).toBeLessThan(0.7);
  });
});
