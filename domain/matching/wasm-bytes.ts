// A few helpers for writing WebAssembly modules by hand: LEB128 numbers, sections, and the
// opcodes the Dice kernels use. Only what dice-wasm.ts needs; the opcode values are from the
// WebAssembly core and fixed-width SIMD specifications.

export function unsignedLeb(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

export function signedLeb(value: number): number[] {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

export function name(text: string): number[] {
  const bytes = [...new TextEncoder().encode(text)];
  return [...unsignedLeb(bytes.length), ...bytes];
}

export function vector(items: number[][]): number[] {
  return [...unsignedLeb(items.length), ...items.flat()];
}

export function section(id: number, body: number[]): number[] {
  return [id, ...unsignedLeb(body.length), ...body];
}

export const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

export const T = { i32: 0x7f, i64: 0x7e, f32: 0x7d, v128: 0x7b } as const;

/** Instructions as byte arrays; `memarg(align, offset)` follows loads and stores. */
export const op = {
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  end: [0x0b],
  brIf: (depth: number) => [0x0d, ...unsignedLeb(depth)],
  select: [0x1b],
  get: (i: number) => [0x20, ...unsignedLeb(i)],
  set: (i: number) => [0x21, ...unsignedLeb(i)],
  tee: (i: number) => [0x22, ...unsignedLeb(i)],
  i32Load: (offset: number) => [0x28, 2, ...unsignedLeb(offset)],
  i64Load: (offset: number) => [0x29, 3, ...unsignedLeb(offset)],
  f32Store: (offset: number) => [0x38, 2, ...unsignedLeb(offset)],
  i32Const: (v: number) => [0x41, ...signedLeb(v)],
  i32Eqz: [0x45],
  i32LtU: [0x49],
  i32Add: [0x6a],
  i32Shl: [0x74],
  i64Popcnt: [0x7b],
  i64Add: [0x7c],
  i64And: [0x83],
  i64Const0: [0x42, 0x00],
  f32Div: [0x95],
  i32WrapI64: [0xa7],
  f32ConvertI32U: [0xb3],
  v128Load: (offset: number) => [0xfd, 0x00, 4, ...unsignedLeb(offset)],
  i32x4ExtractLane: (lane: number) => [0xfd, 0x1b, lane],
  v128And: [0xfd, 0x4e],
  i8x16Popcnt: [0xfd, 0x62],
  i8x16Add: [0xfd, 0x6e],
  i16x8ExtaddPairwiseI8x16U: [0xfd, 0x7d],
  i32x4ExtaddPairwiseI16x8U: [0xfd, 0x7f],
};
