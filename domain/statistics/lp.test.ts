// The interval solver against brute force: for small two-way tables with margins, the least and
// greatest value of each hidden cell found by the simplex equals the one found by trying every
// integer filling of the hidden cells (these table structures are totally unimodular, so the
// LP bounds are the integer bounds).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntervalLp } from './lp.js';
import { auditIntervals } from './intervals.js';
import { StatModel } from './model.js';

function tableModel(cells: number[][]): StatModel {
  const m = new StatModel(2024);
  const rows = cells.length;
  const cols = cells[0]!.length;
  let total = 0;
  cells.forEach((row, i) => row.forEach((v, j) => { m.set(`c${i}_${j}`, v); total += v; }));
  for (let i = 0; i < rows; i++) {
    m.set(`r${i}`, cells[i]!.reduce((s, v) => s + v, 0));
    m.relate([[`r${i}`, -1], ...cells[i]!.map((_, j): [string, number] => [`c${i}_${j}`, 1])]);
  }
  for (let j = 0; j < cols; j++) {
    m.set(`k${j}`, cells.reduce((s, r) => s + r[j]!, 0));
    m.relate([[`k${j}`, -1], ...cells.map((_, i): [string, number] => [`c${i}_${j}`, 1])]);
  }
  m.set('t', total);
  m.relate([['t', -1], ...cells.map((_, i): [string, number] => [`r${i}`, 1])]);
  return m;
}

function bruteForce(m: StatModel, hidden: string[]): Map<string, { lo: number; hi: number }> {
  const limit = m.value('t');
  const out = new Map(hidden.map((k) => [k, { lo: Infinity, hi: -Infinity }]));
  const assign = new Map<string, number>();
  const value = (k: string) => assign.get(k) ?? m.value(k);
  const walk = (i: number): void => {
    if (i === hidden.length) {
      if (m.relations.every((r) => r.terms.reduce((s, [k, a]) => s + a * value(k), 0) === 0)) {
        for (const k of hidden) {
          const o = out.get(k)!;
          o.lo = Math.min(o.lo, value(k));
          o.hi = Math.max(o.hi, value(k));
        }
      }
      return;
    }
    for (let v = 0; v <= limit; v++) {
      assign.set(hidden[i]!, v);
      walk(i + 1);
    }
    assign.delete(hidden[i]!);
  };
  walk(0);
  return out;
}

describe('IntervalLp', () => {
  it('finds the bounds of a small system', () => {
    const lp = new IntervalLp(3, [
      { terms: [[0, 1], [1, 1], [2, 1]], op: '=', rhs: 10 },
      { terms: [[0, 1], [1, -1]], op: '<=', rhs: 2 },
    ]);
    expect([lp.min(0), lp.max(0), lp.max(1), lp.max(2)]).toEqual([0, 6, 10, 10]);
  });

  it('reports an unbounded variable as Infinity', () => {
    const lp = new IntervalLp(2, [{ terms: [[0, 1], [1, -1]], op: '=', rhs: 0 }]);
    expect(lp.max(0)).toBe(Infinity);
    expect(lp.min(0)).toBe(0);
  });

  it('agrees with brute force on small tables with margins', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 2, maxLength: 3 }), { minLength: 2, maxLength: 2 }).filter((rows) => rows.every((r) => r.length === rows[0]!.length)),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        (cells, mask) => {
          const m = tableModel(cells);
          const keys = [...m.values.keys()].filter((k) => k !== 't');
          const hidden = keys.filter((_, i) => mask[i % mask.length]).slice(0, 4);
          fc.pre(hidden.length > 0);
          const lp = auditIntervals(m, new Set(hidden));
          const brute = bruteForce(m, hidden);
          for (const k of hidden) {
            const b = brute.get(k)!;
            const l = lp.get(k)!;
            expect({ k, lo: l.lo + 0, hi: Math.min(l.hi, m.value('t')) }).toEqual({ k, lo: b.lo, hi: b.hi });
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
