// Properties of the statistics model and disclosure control on random synthetic data: every
// table adds up (rows to totals, regions to the nation), every cell of 1–2 is hidden when
// published, and no hidden cell can be narrowed below an interval MIN_WIDTH wide.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STAT_DIMENSIONS } from './dimensions.js';
import { MIN_WIDTH, suppress } from './disclosure.js';
import { buildIdentifiedModel } from './identified-model.js';
import { auditIntervals, width } from './intervals.js';
import { REGION_CODES, StatModel } from './model.js';
import { addProgrammeTables } from './programmes.js';
import { factsFromRecords, referenceCounts } from './reference-counts.js';
import { syntheticRecords } from './synthetic-records.js';
import { additivityProblems, viewTable } from './table.js';
import { countriesOf, eurostatViews, identifiedView, programmeView } from './views.js';
import { PROGRAMME_TABLES } from './programmes.js';

function modelFor(seed: number, count: number): StatModel {
  const facts = factsFromRecords(syntheticRecords(seed, { years: [2024], count }));
  const model = buildIdentifiedModel(referenceCounts(facts, 2024));
  // Programme counts from the same seed: small numbers per region and row.
  const rand = (k: number) => (seed * 31 + k * 17) % 5;
  const counts = new Map(REGION_CODES.map((r, i) => [r, new Map([
    ['nsp', new Map([['women', rand(i)], ['men', rand(i + 1)], ['girls', rand(i + 2)], ['accompanying_children', rand(i + 3)]])],
    ['amp', new Map([['women', rand(i + 4)], ['boys', rand(i + 5)], ['accompanying_family', rand(i + 6)]])],
    ['permits', new Map([['reflection_female', rand(i + 7) + 1], ['witness_male', rand(i + 8)], ['persons', 1]])],
    ['permit_applicants', new Map([['police', rand(i + 7) + 1], ['via_coordinator', 0]])],
  ])]));
  addProgrammeTables(model, counts);
  model.verify();
  return model;
}

const settings = { numRuns: 25 };

describe('tables add up', () => {
  it('rows sum to totals and regions to the nation, for every table and every region', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 300 }), (seed, count) => {
        const model = modelFor(seed, count);
        const countries = countriesOf([model]);
        const views = [
          ...STAT_DIMENSIONS.flatMap((d) => [null, ...REGION_CODES].map((r) => identifiedView(d, r, countries))),
          ...PROGRAMME_TABLES.flatMap((t) => [null, ...REGION_CODES].map((r) => programmeView(t, r))),
          ...eurostatViews(countries),
        ];
        for (const v of views) expect(additivityProblems(viewTable(v, [model])), `${v.by} ${v.region}`).toEqual([]);
        for (const d of ['form', 'sex_age', 'source', 'citizenship'] as const) {
          const nation = viewTable(identifiedView(d, null, countries), [model]);
          const regions = REGION_CODES.map((r) => viewTable(identifiedView(d, r, countries), [model]));
          for (const [i, row] of nation.rows.entries()) expect(regions.reduce((s, t) => s + (t.rows[i]!.values[0] ?? 0), 0), `${d} ${row.code}`).toBe(row.values[0]);
        }
      }),
      settings,
    );
  });
});

describe('disclosure control', () => {
  it('hides every cell of 1–2 and leaves every hidden cell at least MIN_WIDTH wide', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 400 }), (seed, count) => {
        const model = modelFor(seed, count);
        const pub = suppress(model);
        for (const [k, v] of model.values) if (!model.hidden.has(k) && v >= 1 && v <= 2) expect(pub.suppressed.has(k), k).toBe(true);
        // An independent audit of the final pattern (no cache): every interval wide enough.
        const intervals = auditIntervals(model, pub.suppressed);
        for (const k of pub.suppressed) expect(width(intervals.get(k)!), k).toBeGreaterThanOrEqual(MIN_WIDTH);
        // The national total is never hidden unless it is 1–2 or the whole year is tiny.
        const total = model.value('total@*');
        if (total > 10) expect(pub.suppressed.has('total@*')).toBe(false);
      }),
      settings,
    );
  });

  it('is deterministic: the same data gives the same pattern', () => {
    const a = suppress(modelFor(7, 200));
    const b = suppress(modelFor(7, 200));
    expect([...a.suppressed].sort()).toEqual([...b.suppressed].sort());
  });

  it('protects a small two-way table the classic way', () => {
    const m = new StatModel(2024);
    const v: Record<string, number> = { a: 1, b: 5, c: 4, d: 7 };
    for (const [k, x] of Object.entries(v)) m.set(k, x);
    m.set('r1', 6, 16); m.set('r2', 11, 16); m.set('c1', 5, 16); m.set('c2', 12, 16); m.set('t', 17, 64); m.protect.add('t');
    m.relate([['r1', -1], ['a', 1], ['b', 1]]);
    m.relate([['r2', -1], ['c', 1], ['d', 1]]);
    m.relate([['c1', -1], ['a', 1], ['c', 1]]);
    m.relate([['c2', -1], ['b', 1], ['d', 1]]);
    m.relate([['t', -1], ['r1', 1], ['r2', 1]]);
    const p = suppress(m);
    expect([...p.suppressed].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(p.intervals.get('a')).toEqual({ lo: 0, hi: 5 });
  });
});
