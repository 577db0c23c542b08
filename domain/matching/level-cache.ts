// A small direct-mapped cache from a pair of token ids to their comparison level. Common names
// meet each other over and over in a batch, so a cache that stays in the processor's cache
// catches most repeats; rare pairs simply overwrite a slot. (A Map keyed by the combined ids
// was the largest single cost: its keys leave the small-integer range and every lookup missed
// main memory.) Each slot is two neighbouring integers, the first id and the second id with the
// level in its low bits, so a lookup touches one cache line, not one in a key and one in a
// value array. The slot is a hash of the first id plus the second id, so the pairs of one token
// with tokens numbered close together (which prepareAll numbers in phonetic order, and a query
// meets together) share cache lines; a hash of both ids scattered them, a miss per lookup.

/** Bits of the second word that hold the level (levels are 0 to 6). */
const LEVEL_BITS = 3;
const LEVEL_MASK = (1 << LEVEL_BITS) - 1;

export class LevelCache {
  private readonly slots: Int32Array;
  private readonly shift: number;
  private readonly mask: number;

  /** 2^bits slots of eight bytes; token ids must stay below 2^28. */
  constructor(bits = 18) {
    this.slots = new Int32Array(2 << bits).fill(-1);
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
  }

  private slot(a: number, b: number): number {
    return (((Math.imul(a, 0x9e3779b1) >>> this.shift) + b) & this.mask) << 1;
  }

  /** The cached level for the ordered pair a ≤ b, or -1. */
  get(a: number, b: number): number {
    const i = this.slot(a, b);
    const second = this.slots[i + 1] as number;
    return this.slots[i] === a && second >>> LEVEL_BITS === b ? second & LEVEL_MASK : -1;
  }

  set(a: number, b: number, level: number): void {
    const i = this.slot(a, b);
    this.slots[i] = a;
    this.slots[i + 1] = (b << LEVEL_BITS) | level;
  }
}
