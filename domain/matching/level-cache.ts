// A small direct-mapped cache from a pair of token ids to their comparison level. Common names
// meet each other over and over in a batch, so a cache that stays in the processor's cache
// catches most repeats; rare pairs simply overwrite a slot. (A Map keyed by the combined ids
// was the largest single cost: its keys leave the small-integer range and every lookup missed
// main memory.)

export class LevelCache {
  private readonly keys: Float64Array;
  private readonly values: Int8Array;
  private readonly shift: number;

  /** 2^bits slots; 2^18 slots take about 2.3 MB. */
  constructor(bits = 18) {
    this.keys = new Float64Array(1 << bits).fill(-1);
    this.values = new Int8Array(1 << bits);
    this.shift = 32 - bits;
  }

  private slot(a: number, b: number): number {
    return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77)) >>> this.shift;
  }

  /** The cached level for the ordered pair a ≤ b, or -1. */
  get(a: number, b: number): number {
    const i = this.slot(a, b);
    return this.keys[i] === a * 4294967296 + b ? (this.values[i] as number) : -1;
  }

  set(a: number, b: number, level: number): void {
    const i = this.slot(a, b);
    this.keys[i] = a * 4294967296 + b;
    this.values[i] = level;
  }
}
