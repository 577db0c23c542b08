import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cardinality, dice, diceOneToManyBigInt, diceOneToManySwar, diceOneToManyTable, packFilters, popcount32 } from './dice';
import { WasmDice } from './dice-wasm';
import { createRandom } from './prng';

function randomFilters(n: number, words: number, seed: number): Uint32Array[] {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => Uint32Array.from({ length: words }, () => (random() * 2 ** 32) >>> 0));
}

describe('popcount and Dice', () => {
  it('counts bits', () => {
    expect(popcount32(0)).toBe(0);
    expect(popcount32(0xffffffff)).toBe(32);
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (x) => popcount32(x) === x.toString(2).split('1').length - 1));
  });

  it('is 2·|A∧B| / (|A|+|B|)', () => {
    const a = Uint32Array.from([0b1111, 0]);
    const b = Uint32Array.from([0b0011, 0b1]);
    expect(dice(a, b)).toBeCloseTo((2 * 2) / (4 + 3), 12);
    expect(dice(a, a)).toBe(1);
    expect(dice(new Uint32Array(2), new Uint32Array(2))).toBe(0);
  });
});

describe('one-to-many kernels', () => {
  const filters = randomFilters(300, 32, 1);
  const set = packFilters(filters);
  const query = filters[17] as Uint32Array;
  const expected = filters.map((f) => dice(query, f));

  it.each([
    ['swar', diceOneToManySwar],
    ['table', diceOneToManyTable],
    ['bigint', diceOneToManyBigInt],
  ] as const)('%s agrees with the reference', (_, kernel) => {
    const out = new Float32Array(set.count);
    kernel(query, set, out);
    out.forEach((x, i) => expect(x).toBeCloseTo(expected[i] as number, 6));
  });

  it.each(['simd', 'scalar'] as const)('the hand-written WebAssembly %s kernel agrees, for 1024 and 2048 bits', (kind) => {
    const kernel = WasmDice.create(kind);
    // Node 20 supports both; an engine without them gets null and the JavaScript kernels.
    expect(kernel).not.toBeNull();
    if (kernel === null) return;
    kernel.load(set);
    const out = kernel.diceOneToMany(query, cardinality(query));
    out.forEach((x, i) => expect(x).toBeCloseTo(expected[i] as number, 6));
    expect(out[17]).toBe(1);
    const wide = randomFilters(50, 64, 2);
    kernel.load(packFilters(wide));
    const wideOut = kernel.diceOneToMany(wide[3] as Uint32Array, cardinality(wide[3] as Uint32Array));
    wide.forEach((f, i) => expect(wideOut[i]).toBeCloseTo(dice(wide[3] as Uint32Array, f), 6));
  });

  it('gives 0, not NaN, for empty filters', () => {
    const kernel = WasmDice.create('scalar');
    if (kernel === null) return;
    kernel.load(packFilters([new Uint32Array(32)]));
    expect(kernel.diceOneToMany(new Uint32Array(32), 0)[0]).toBe(0);
  });
});
