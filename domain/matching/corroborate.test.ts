import { describe, expect, it } from 'vitest';
import { corroborate } from './corroborate';
import type { CorroborateOptions, IndexedPair } from './corroborate';

// Records are plain indices here; `direct` is a stub standing in for the pair comparison.
const THRESHOLD = 0.8;

type Direct = CorroborateOptions['direct'];

/** A stub that answers every pair the same unless given a specific answer, and records its calls. */
function stub(answers: Record<string, { probability: number; contradicted: boolean }> = {}): Direct & { calls: [number, number][] } {
  const calls: [number, number][] = [];
  const fn = (a: number, b: number): { probability: number; contradicted: boolean } => {
    calls.push([a, b]);
    return answers[`${Math.min(a, b)}-${Math.max(a, b)}`] ?? { probability: 0.3, contradicted: false };
  };
  return Object.assign(fn, { calls });
}

function pair(a: number, b: number, probability: number): IndexedPair {
  return { a, b, probability };
}

describe('corroborate', () => {
  const A = 0;
  const B = 1;
  const C = 2;
  const D = 3;

  it('raises A–C through B to the lower bound, with the supports in a–via, via–b order', () => {
    const direct = stub({ '0-2': { probability: 0.3, contradicted: false } });
    const out = corroborate([pair(A, B, 0.97), pair(B, C, 0.95)], { threshold: THRESHOLD, direct });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ a: A, b: C, via: B, supports: [0.97, 0.95] });
    expect(out[0]?.probability).toBeCloseTo(0.92, 12);
    expect(direct.calls).toEqual([[A, C]]);
  });

  it('orders a < b and the supports to match, whatever order the input pairs are in', () => {
    // p(A,B) = 0.95, p(B,C) = 0.97, given backwards and with reversed ends.
    const out = corroborate([pair(C, B, 0.97), pair(B, A, 0.95)], { threshold: THRESHOLD, direct: stub() });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ a: A, b: C, via: B, supports: [0.95, 0.97] });
    // The via may also be the lowest index: 0 links 2 (0.9) and 1 (0.98).
    const low = corroborate([pair(0, 2, 0.9), pair(0, 1, 0.98)], { threshold: THRESHOLD, direct: stub() });
    expect(low).toHaveLength(1);
    expect(low[0]).toMatchObject({ a: 1, b: 2, via: 0, supports: [0.98, 0.9] });
    expect(low[0]?.probability).toBeCloseTo(0.88, 12);
  });

  it('offers nothing when the bound falls below the threshold', () => {
    // 0.85 + 0.9 − 1 = 0.75 < 0.8, though both supports are above it.
    const direct = stub();
    expect(corroborate([pair(A, B, 0.85), pair(B, C, 0.9)], { threshold: THRESHOLD, direct })).toEqual([]);
    expect(direct.calls).toEqual([]);
  });

  it('never uses a support below the threshold, even beside a certain one', () => {
    const direct = stub();
    expect(corroborate([pair(A, B, 0.79), pair(B, C, 1)], { threshold: THRESHOLD, direct })).toEqual([]);
    expect(direct.calls).toEqual([]);
  });

  it('offers nothing when the direct comparison speaks against the pair', () => {
    const direct = stub({ '0-2': { probability: 0.3, contradicted: true } });
    expect(corroborate([pair(A, B, 0.97), pair(B, C, 0.95)], { threshold: THRESHOLD, direct })).toEqual([]);
  });

  it('leaves out a pair whose direct score is already at least the bound', () => {
    // Given as a pair in the input: 0.93 ≥ 0.92, so direct() is not even consulted.
    const direct = stub();
    expect(corroborate([pair(A, B, 0.97), pair(B, C, 0.95), pair(C, A, 0.93)], { threshold: THRESHOLD, direct })).toEqual([]);
    expect(direct.calls).toEqual([]);
    // A weak direct pair in the input does not stop it.
    expect(corroborate([pair(A, B, 0.97), pair(B, C, 0.95), pair(A, C, 0.5)], { threshold: THRESHOLD, direct: stub() })).toHaveLength(1);
    // Answered by direct(): 0.95 ≥ 0.92.
    const high = stub({ '0-2': { probability: 0.95, contradicted: false } });
    expect(corroborate([pair(A, B, 0.97), pair(B, C, 0.95)], { threshold: THRESHOLD, direct: high })).toEqual([]);
  });

  it('does not let a pair known to be different people support, and falls back to another third record', () => {
    const pairs = [pair(A, B, 0.97), pair(B, C, 0.95), pair(A, D, 0.9), pair(D, C, 0.92)];
    const different = (x: number, y: number): boolean => Math.min(x, y) === A && Math.max(x, y) === B;
    const out = corroborate(pairs, { threshold: THRESHOLD, direct: stub(), different }).filter((c) => c.a === A && c.b === C);
    // Without A–B, only D links A and C: 0.9 + 0.92 − 1 = 0.82 (B–D through C is raised too).
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ a: A, b: C, via: D, supports: [0.9, 0.92] });
    expect(out[0]?.probability).toBeCloseTo(0.82, 12);
    // Alone, a different support leaves nothing.
    expect(corroborate([pair(A, B, 0.97), pair(B, C, 0.95)], { threshold: THRESHOLD, direct: stub(), different })).toEqual([]);
  });

  it('does not raise a pair known to be different people', () => {
    const direct = stub();
    const different = (x: number, y: number): boolean => Math.min(x, y) === A && Math.max(x, y) === C;
    expect(corroborate([pair(A, B, 0.97), pair(B, C, 0.95)], { threshold: THRESHOLD, direct, different })).toEqual([]);
    expect(direct.calls).toEqual([]);
  });

  it('does not let a barred record be the third one, and falls back to another', () => {
    const pairs = [pair(A, B, 0.97), pair(B, C, 0.95), pair(A, D, 0.93), pair(D, C, 0.92)];
    const barred = corroborate(pairs, { threshold: THRESHOLD, direct: stub(), mayCorroborate: (r) => r !== B });
    expect(barred.find((c) => c.a === A && c.b === C)).toMatchObject({ via: D, supports: [0.93, 0.92] });
    const none = corroborate(pairs, { threshold: THRESHOLD, direct: stub(), mayCorroborate: (r) => r !== B && r !== D });
    expect(none.find((c) => c.a === A && c.b === C)).toBeUndefined();
  });

  it('takes the best bound over all third records', () => {
    // A = 0 and C = 1, through 2 (0.80), 3 (0.93) and 4 (0.90).
    const pairs = [pair(0, 2, 0.9), pair(2, 1, 0.9), pair(0, 4, 0.95), pair(4, 1, 0.95), pair(0, 3, 0.97), pair(3, 1, 0.96)];
    const out = corroborate(pairs, { threshold: THRESHOLD, direct: stub() }).filter((c) => c.a === 0 && c.b === 1);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ via: 3, supports: [0.97, 0.96] });
    expect(out[0]?.probability).toBeCloseTo(0.93, 12);
  });

  it('breaks a tie between third records by the lowest via', () => {
    // The higher via is listed first; both give 0.95 + 0.95 − 1.
    const pairs = [pair(0, 9, 0.95), pair(9, 1, 0.95), pair(0, 5, 0.95), pair(5, 1, 0.95)];
    const out = corroborate(pairs, { threshold: THRESHOLD, direct: stub() }).filter((c) => c.a === 0 && c.b === 1);
    expect(out).toHaveLength(1);
    expect(out[0]?.via).toBe(5);
  });

  it('takes only one step: a corroborated pair does not support another', () => {
    const out = corroborate([pair(A, B, 0.97), pair(B, C, 0.97), pair(C, D, 0.97)], { threshold: THRESHOLD, direct: stub() });
    expect(out.map((c) => [c.a, c.b, c.via])).toEqual([
      [A, C, B],
      [B, D, C],
    ]);
    expect(out.some((c) => c.a === A && c.b === D)).toBe(false);
  });

  it('returns the pairs by probability, best first, then by a, then by b', () => {
    const pairs = [
      // 10 links 0, 3 and 4 (0.95 each): (0,3), (0,4), (3,4) at 0.90.
      pair(10, 4, 0.95),
      pair(3, 10, 0.95),
      pair(10, 0, 0.95),
      // 11 links 1 and 2: (1,2) at 0.90.
      pair(2, 11, 0.95),
      pair(11, 1, 0.95),
      // 13 links 7 and 8: 0.92; 12 links 5 and 6: 0.98.
      pair(8, 13, 0.96),
      pair(13, 7, 0.96),
      pair(12, 6, 0.99),
      pair(5, 12, 0.99),
    ];
    const out = corroborate(pairs, { threshold: THRESHOLD, direct: stub() });
    expect(out.map((c) => [c.a, c.b])).toEqual([
      [5, 6],
      [7, 8],
      [0, 3],
      [0, 4],
      [1, 2],
      [3, 4],
    ]);
  });

  it('ignores self-pairs and copes with no pairs', () => {
    expect(corroborate([], { threshold: THRESHOLD, direct: stub() })).toEqual([]);
    expect(corroborate([pair(A, A, 0.99), pair(A, B, 0.99)], { threshold: THRESHOLD, direct: stub() })).toEqual([]);
  });
});
