// Dice throughput of the kernels, in comparisons per second on one core: JavaScript with SWAR,
// table and BigInt popcounts, and the hand-written WebAssembly kernels (SIMD and scalar). Each
// is timed on a set that fits in the processor's cache and on one that must stream from memory;
// the best of five runs is reported, because other work shares this machine.

import { cardinality, diceOneToManyBigInt, diceOneToManySwar, diceOneToManyTable, packFilters } from '../../domain/matching/dice';
import type { FilterSet } from '../../domain/matching/dice';
import { WasmDice } from '../../domain/matching/dice-wasm';
import { createRandom } from '../../domain/matching/prng';

export interface DiceBench {
  kernel: string;
  filters: number;
  millionsPerSecond: number;
}

function randomSet(count: number, seed: number): FilterSet {
  const random = createRandom(seed);
  // About 40 % of bits set, like a filled CLK.
  return packFilters(Array.from({ length: count }, () => Uint32Array.from({ length: 32 }, () => ((random() * 2 ** 32) & (random() * 2 ** 32) & ~(random() * 2 ** 32 * 0.3)) >>> 0)));
}

function bestRate(comparisonsPerRun: number, run: () => void, minimumMs = 150): number {
  let best = 0;
  for (let trial = 0; trial < 5; trial++) {
    let done = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < minimumMs) {
      run();
      done += comparisonsPerRun;
      elapsed = performance.now() - start;
    }
    best = Math.max(best, done / elapsed / 1000);
  }
  return best;
}

export function benchDice(): DiceBench[] {
  const results: DiceBench[] = [];
  for (const count of [4_096, 100_000]) {
    const set = randomSet(count, count);
    const query = set.data.slice(0, 32);
    const out = new Float32Array(count);
    const js = [
      ['JavaScript SWAR popcount (Uint32Array)', diceOneToManySwar],
      ['JavaScript 16-bit table popcount', diceOneToManyTable],
    ] as const;
    for (const [name, kernel] of js) results.push({ kernel: name, filters: count, millionsPerSecond: bestRate(count, () => kernel(query, set, out)) });
    if (count === 4_096) results.push({ kernel: 'JavaScript BigUint64Array', filters: count, millionsPerSecond: bestRate(count, () => diceOneToManyBigInt(query, set, out)) });
    for (const kind of ['simd', 'scalar'] as const) {
      const kernel = WasmDice.create(kind);
      if (kernel === null) continue;
      kernel.load(set);
      const queryCard = cardinality(query);
      results.push({ kernel: `WebAssembly ${kind === 'simd' ? 'SIMD i8x16.popcnt' : 'scalar i64.popcnt'}`, filters: count, millionsPerSecond: bestRate(count, () => kernel.diceOneToMany(query, queryCard)) });
    }
  }
  return results;
}
