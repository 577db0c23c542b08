// Dice of one query filter against many, in hand-written WebAssembly: one kernel with 128-bit
// SIMD (AND, per-byte popcount, widening adds) and one with scalar 64-bit popcount for engines
// without SIMD. Each has a variant for 1024-bit filters that keeps the query in locals. The bytes are assembled here from wasm-bytes.ts; nothing is fetched or generated
// by a compiler. Both kernels compute 2·|A∧B| / max(1, |A|+|B|) per filter into a float array.

import type { FilterSet } from './dice';
import { HEADER, T, name, op, section, unsignedLeb, vector } from './wasm-bytes';

// Parameters and locals of both kernels, by index.
const Q = 0;
const BASE = 1;
const N = 2;
const BYTES = 3;
const QCARD = 4;
const CARDS = 5;
const OUT = 6;
const I = 7;
const P = 8;
const G = 9;
const QP = 10;
const TOTAL = 11;
const D = 12;
const ACC = 13;
/** First of the locals that hold the query in the 1024-bit kernel. */
const QUERY = 14;

/** The query's k-th piece: from memory, or from a local when the kernel preloads the query. */
function queryPart(k: number, preloaded: boolean, load: (offset: number) => number[], size: number): number[] {
  return preloaded ? op.get(QUERY + k) : [...op.get(QP), ...load(size * k)];
}

/** SIMD body of one 128-byte group: eight AND+popcount, summed per byte, then widened to i32. */
function simdGroup(preloaded: boolean): number[] {
  const code: number[] = [];
  for (let k = 0; k < 8; k++) {
    code.push(...queryPart(k, preloaded, op.v128Load, 16), ...op.get(P), ...op.v128Load(16 * k), ...op.v128And, ...op.i8x16Popcnt);
    if (k > 0) code.push(...op.i8x16Add);
  }
  code.push(...op.i16x8ExtaddPairwiseI8x16U, ...op.i32x4ExtaddPairwiseI16x8U, ...op.tee(ACC));
  code.push(...op.i32x4ExtractLane(0));
  for (let lane = 1; lane < 4; lane++) code.push(...op.get(ACC), ...op.i32x4ExtractLane(lane), ...op.i32Add);
  code.push(...op.get(TOTAL), ...op.i32Add, ...op.set(TOTAL));
  return code;
}

/** Scalar body of one 128-byte group: sixteen 64-bit AND+popcount, added into TOTAL. */
function scalarGroup(preloaded: boolean): number[] {
  const code: number[] = [];
  for (let k = 0; k < 16; k++) {
    code.push(...queryPart(k, preloaded, op.i64Load, 8), ...op.get(P), ...op.i64Load(8 * k), ...op.i64And, ...op.i64Popcnt);
    if (k > 0) code.push(...op.i64Add);
  }
  code.push(...op.i32WrapI64, ...op.get(TOTAL), ...op.i32Add, ...op.set(TOTAL));
  return code;
}

function advance(local: number, by: number): number[] {
  return [...op.get(local), ...op.i32Const(by), ...op.i32Add, ...op.set(local)];
}

/**
 * The loop over filters around a group body that consumes `step` bytes per pass. With `preload`
 * (code that puts the query into locals), filters are exactly one group and there is no inner loop.
 */
function kernelBody(group: number[], step: number, preload: number[] | null): number[] {
  const perFilter =
    preload === null
      ? [
          ...op.i32Const(0), ...op.set(G),
          ...op.loop,
          ...group,
          ...advance(P, step),
          ...advance(QP, step),
          ...op.get(G), ...op.i32Const(step), ...op.i32Add, ...op.tee(G),
          ...op.get(BYTES), ...op.i32LtU, ...op.brIf(0),
          ...op.end,
        ]
      : [...group, ...advance(P, step)];
  return [
    ...(preload ?? []),
    ...op.get(BASE), ...op.set(P),
    ...op.get(Q), ...op.set(QP),
    ...op.block,
    ...op.get(N), ...op.i32Eqz, ...op.brIf(0),
    ...op.loop,
    ...op.i32Const(0), ...op.set(TOTAL),
    ...perFilter,
    // out[i] = 2·total / max(1, qcard + cards[i])
    ...op.get(OUT),
    ...op.get(TOTAL), ...op.i32Const(1), ...op.i32Shl, ...op.f32ConvertI32U,
    ...op.get(QCARD), ...op.get(CARDS), ...op.i32Load(0), ...op.i32Add, ...op.tee(D),
    ...op.i32Const(1), ...op.get(D), ...op.select,
    ...op.f32ConvertI32U, ...op.f32Div,
    ...op.f32Store(0),
    ...advance(CARDS, 4),
    ...advance(OUT, 4),
    ...op.get(Q), ...op.set(QP),
    ...op.get(I), ...op.i32Const(1), ...op.i32Add, ...op.tee(I),
    ...op.get(N), ...op.i32LtU, ...op.brIf(0),
    ...op.end,
    ...op.end,
    ...op.end,
  ];
}

function functionBody(kind: 'simd' | 'scalar', preloaded: boolean): number[] {
  const wide = kind === 'simd' ? T.v128 : T.i64;
  const parts = kind === 'simd' ? 8 : 16;
  const load = kind === 'simd' ? op.v128Load : op.i64Load;
  const size = kind === 'simd' ? 16 : 8;
  const locals = vector([
    [...unsignedLeb(6), T.i32],
    [...unsignedLeb(1 + (preloaded ? parts : 0)), wide],
  ]);
  const preload = preloaded ? Array.from({ length: parts }, (_, k) => [...op.get(Q), ...load(size * k), ...op.set(QUERY + k)]).flat() : null;
  const group = kind === 'simd' ? simdGroup(preloaded) : scalarGroup(preloaded);
  const body = [...locals, ...kernelBody(group, 128, preload)];
  return [...unsignedLeb(body.length), ...body];
}

/** Two exports: `dice` for any multiple of 1024 bits, `dice1024` with the query held in locals. */
function moduleBytes(kind: 'simd' | 'scalar'): Uint8Array<ArrayBuffer> {
  const params = [T.i32, T.i32, T.i32, T.i32, T.i32, T.i32, T.i32];
  const types = section(1, vector([[0x60, ...vector(params.map((p) => [p])), ...vector([])]]));
  const functions = section(3, vector([[0], [0]]));
  const memory = section(5, vector([[0x00, ...unsignedLeb(1)]]));
  const exports = section(7, vector([[...name('memory'), 0x02, 0], [...name('dice'), 0x00, 0], [...name('dice1024'), 0x00, 1]]));
  const code = section(10, vector([functionBody(kind, false), functionBody(kind, true)]));
  return new Uint8Array([...HEADER, ...types, ...functions, ...memory, ...exports, ...code]);
}

type DiceExport = (q: number, base: number, n: number, bytes: number, qcard: number, cards: number, out: number) => void;

/** A loaded kernel with its own memory: load a filter set once, then score queries against it. */
export class WasmDice {
  private count = 0;
  private bytesPerFilter = 0;
  private layout = { query: 0, filters: 0, cards: 0, out: 0 };

  private constructor(
    readonly kind: 'simd' | 'scalar',
    private readonly memory: WebAssembly.Memory,
    private readonly runAny: DiceExport,
    private readonly run1024: DiceExport,
  ) {}

  /** The kernel, or null where this engine cannot run it (no WebAssembly, no SIMD, or a CSP). */
  static create(kind: 'simd' | 'scalar'): WasmDice | null {
    try {
      const bytes = moduleBytes(kind);
      if (typeof WebAssembly === 'undefined' || !WebAssembly.validate(bytes)) return null;
      const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
      const { memory, dice, dice1024 } = instance.exports as { memory: WebAssembly.Memory; dice: DiceExport; dice1024: DiceExport };
      return new WasmDice(kind, memory, dice, dice1024);
    } catch {
      return null;
    }
  }

  /** Copy a filter set into the kernel's memory. Filter size must be a multiple of 1024 bits. */
  load(set: FilterSet): void {
    const bytes = set.words * 4;
    if (bytes % 128 !== 0) throw new RangeError('the kernels take filters of a multiple of 1024 bits');
    const query = 0;
    const filters = bytes;
    const cards = filters + bytes * set.count;
    const out = cards + 4 * set.count;
    const needed = out + 4 * set.count;
    const pages = Math.ceil(needed / 65536) - this.memory.buffer.byteLength / 65536;
    if (pages > 0) this.memory.grow(pages);
    new Uint32Array(this.memory.buffer, filters, set.words * set.count).set(set.data);
    new Int32Array(this.memory.buffer, cards, set.count).set(set.cards);
    this.layout = { query, filters, cards, out };
    this.count = set.count;
    this.bytesPerFilter = bytes;
  }

  /**
   * Dice of `query` against every loaded filter. The result is a view into the kernel's memory,
   * valid until the next call; copy it to keep it.
   */
  diceOneToMany(query: Uint32Array, queryCard: number): Float32Array {
    new Uint32Array(this.memory.buffer, this.layout.query, query.length).set(query);
    const run = this.bytesPerFilter === 128 ? this.run1024 : this.runAny;
    run(this.layout.query, this.layout.filters, this.count, this.bytesPerFilter, queryCard, this.layout.cards, this.layout.out);
    return new Float32Array(this.memory.buffer, this.layout.out, this.count);
  }
}
