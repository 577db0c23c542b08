// Corroboration through a third record. When A and B are likely the same person, and so are B
// and C, then A and C are too, even if their own records share little: one registration has no
// birth date, the other no citizenship, and only B holds both. A pair comparison cannot see
// that; the other records can.
//
// The rule, and why it is safe to put in front of a reviewer:
// - The probability offered is a lower bound that needs no independence: P(A=C) ≥ P(A=B and
//   B=C) ≥ P(A=B) + P(B=C) − 1 (Fréchet). Two supports of 0.95 give at least 0.90.
// - Only one step: the supports are direct scores, never corroborated ones, so chains do not
//   compound and the result does not depend on order.
// - Nothing about A and C may speak against it: every compared field of the direct comparison
//   must weigh zero or more. A record with little in it (a common name and nothing else) looks
//   like several different people at once; two of those people differ somewhere (a birth year,
//   the sex), and that disagreement stops the step. Measured on the benchmark, this keeps about
//   two corroborated pairs true for each false one; without it, one in three.
// - Pairs known to be different people (a reviewer's "not the same") neither support nor receive.
// - A caller may bar records from being the third one (the server bars protected identities).

/** A directly scored pair of records, by index. */
export interface IndexedPair {
  readonly a: number;
  readonly b: number;
  readonly probability: number;
}

/** A pair raised by corroboration: `a` < `b`, `via` the third record. */
export interface Corroboration {
  readonly a: number;
  readonly b: number;
  readonly via: number;
  /** P(a = via) and P(via = b), the direct scores the bound rests on. */
  readonly supports: readonly [number, number];
  /** The bound: supports[0] + supports[1] − 1. */
  readonly probability: number;
}

export interface CorroborateOptions {
  /** The lowest probability worth offering (the review band's edge). */
  readonly threshold: number;
  /**
   * The direct comparison of two records that no direct pair covers or that scored below the
   * bound: its probability, and whether any field weighs against the two being one person.
   */
  readonly direct: (a: number, b: number) => { probability: number; contradicted: boolean };
  /** Pairs known to be different people. */
  readonly different?: (a: number, b: number) => boolean;
  /**
   * Whether a record may be the third one (all may, by default). The server bars protected
   * identities: a pair raised through one would tell its reviewers that such a record exists.
   */
  readonly mayCorroborate?: (record: number) => boolean;
}

function key(a: number, b: number): number {
  return a < b ? a * 0x100000000 + b : b * 0x100000000 + a;
}

/**
 * Every pair that one step of corroboration raises to `threshold` or above, with the best
 * (highest) bound over all third records; ties go to the lowest `via`. Pairs whose direct score
 * is already at least as high are left out: they need no support.
 */
export function corroborate(pairs: readonly IndexedPair[], options: CorroborateOptions): Corroboration[] {
  const { threshold } = options;
  const different = options.different ?? (() => false);
  const direct = new Map<number, number>();
  const strong = new Map<number, { other: number; probability: number }[]>();
  for (const p of pairs) {
    if (p.a === p.b) continue;
    const k = key(p.a, p.b);
    direct.set(k, Math.max(direct.get(k) ?? 0, p.probability));
    // A support below the threshold cannot lift any bound to it (the other support is at most 1).
    if (p.probability < threshold || different(p.a, p.b)) continue;
    for (const [x, y] of [
      [p.a, p.b],
      [p.b, p.a],
    ] as const) {
      let list = strong.get(x);
      if (list === undefined) strong.set(x, (list = []));
      list.push({ other: y, probability: p.probability });
    }
  }
  const best = new Map<number, Corroboration>();
  const mayCorroborate = options.mayCorroborate ?? (() => true);
  const vias = [...strong.keys()].filter((via) => mayCorroborate(via)).sort((x, y) => x - y);
  for (const via of vias) {
    const list = strong.get(via) as { other: number; probability: number }[];
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const x = list[i] as { other: number; probability: number };
        const y = list[j] as { other: number; probability: number };
        if (x.other === y.other) continue;
        const bound = x.probability + y.probability - 1;
        if (bound < threshold) continue;
        const k = key(x.other, y.other);
        if ((direct.get(k) ?? 0) >= bound) continue;
        const known = best.get(k);
        if (known !== undefined && known.probability >= bound) continue;
        const [first, second] = x.other < y.other ? [x, y] : [y, x];
        best.set(k, { a: first.other, b: second.other, via, supports: [first.probability, second.probability], probability: bound });
      }
    }
  }
  const out: Corroboration[] = [];
  for (const c of best.values()) {
    if (different(c.a, c.b)) continue;
    const d = options.direct(c.a, c.b);
    if (d.contradicted || d.probability >= c.probability) continue;
    out.push(c);
  }
  return out.sort((p, q) => q.probability - p.probability || p.a - q.a || p.b - q.b);
}
