// Dice similarity of Bloom filters, 2·|A∧B| / (|A|+|B|), in plain JavaScript. Filters are
// Uint32Array words; the bit counts of stored filters are kept beside them so a comparison only
// counts the intersection. Three popcount variants are kept because the benchmark measures them
// against each other and against WebAssembly (dice-wasm.ts); the SWAR one is the JS default.

export function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  v = (v + (v >>> 4)) & 0x0f0f0f0f;
  return Math.imul(v, 0x01010101) >>> 24;
}

export function cardinality(filter: Uint32Array): number {
  let n = 0;
  for (let i = 0; i < filter.length; i++) n += popcount32(filter[i] as number);
  return n;
}

/** Dice of two filters of equal length; two empty filters count as 0 (nothing shared). */
export function dice(a: Uint32Array, b: Uint32Array): number {
  let both = 0;
  for (let i = 0; i < a.length; i++) both += popcount32((a[i] as number) & (b[i] as number));
  const total = cardinality(a) + cardinality(b);
  return total === 0 ? 0 : (2 * both) / total;
}

/** Many filters of one size in one array, with their bit counts. */
export interface FilterSet {
  /** 32-bit words per filter. */
  words: number;
  count: number;
  data: Uint32Array;
  cards: Int32Array;
}

export function packFilters(filters: readonly Uint32Array[]): FilterSet {
  const words = filters[0]?.length ?? 32;
  const data = new Uint32Array(words * filters.length);
  const cards = new Int32Array(filters.length);
  filters.forEach((f, i) => {
    if (f.length !== words) throw new RangeError('filters differ in size');
    data.set(f, i * words);
    cards[i] = cardinality(f);
  });
  return { words, count: filters.length, data, cards };
}

/** Dice of `query` against every filter of `set`, into `out`: SWAR popcount on 32-bit words. */
export function diceOneToManySwar(query: Uint32Array, set: FilterSet, out: Float32Array): void {
  const { words, count, data, cards } = set;
  const qCard = cardinality(query);
  for (let f = 0, base = 0; f < count; f++, base += words) {
    let both = 0;
    for (let i = 0; i < words; i++) {
      let v = (query[i] as number) & (data[base + i] as number);
      v = v - ((v >>> 1) & 0x55555555);
      v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
      both += Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
    }
    const total = qCard + (cards[f] as number);
    out[f] = total === 0 ? 0 : (2 * both) / total;
  }
}

const BYTE_COUNTS = Uint8Array.from({ length: 65536 }, (_, i) => popcount32(i));

/** The same with a 64 K table of 16-bit counts. */
export function diceOneToManyTable(query: Uint32Array, set: FilterSet, out: Float32Array): void {
  const { words, count, data, cards } = set;
  const qCard = cardinality(query);
  for (let f = 0, base = 0; f < count; f++, base += words) {
    let both = 0;
    for (let i = 0; i < words; i++) {
      const v = (query[i] as number) & (data[base + i] as number);
      both += (BYTE_COUNTS[v & 0xffff] as number) + (BYTE_COUNTS[v >>> 16] as number);
    }
    const total = qCard + (cards[f] as number);
    out[f] = total === 0 ? 0 : (2 * both) / total;
  }
}

/** The same on 64-bit BigInt words, measured because the brief asked; BigInt is slow in V8. */
export function diceOneToManyBigInt(query: Uint32Array, set: FilterSet, out: Float32Array): void {
  const q = new BigUint64Array(query.buffer, query.byteOffset, query.length / 2);
  const all = new BigUint64Array(set.data.buffer, set.data.byteOffset, set.data.length / 2);
  const words = set.words / 2;
  const qCard = cardinality(query);
  for (let f = 0; f < set.count; f++) {
    let both = 0;
    for (let i = 0; i < words; i++) {
      const v = (q[i] as bigint) & (all[f * words + i] as bigint);
      both += popcount32(Number(v & 0xffffffffn)) + popcount32(Number(v >> 32n));
    }
    const total = qCard + (set.cards[f] as number);
    out[f] = total === 0 ? 0 : (2 * both) / total;
  }
}
