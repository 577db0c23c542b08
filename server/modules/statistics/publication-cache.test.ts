// The remembered disclosure control serves a publication only for the very model it was computed
// for: equal models (rebuilt from the same counts) share it, a single changed count does not.
import { describe, expect, it } from 'vitest';
import { suppress } from '../../../domain/statistics/disclosure.js';
import { buildIdentifiedModel } from '../../../domain/statistics/identified-model.js';
import { factsFromRecords, referenceCounts } from '../../../domain/statistics/reference-counts.js';
import { syntheticRecords } from '../../../domain/statistics/synthetic-records.js';
import { modelFingerprint, publicationOf } from './publication-cache.js';

const facts = factsFromRecords(syntheticRecords(77, { years: [2024], count: 300 }));
const build = () => buildIdentifiedModel(referenceCounts(facts, 2024));
// The same data with one identified person left out: the totals differ by one.
const buildWithOneLess = () => {
  const person = facts.find((f) => referenceCounts([f], 2024).byRegion.size > 0)!.personId;
  return buildIdentifiedModel(referenceCounts(facts.filter((f) => f.personId !== person), 2024));
};

describe('publication cache', () => {
  it('gives equal models the same publication, computed once, equal to suppress()', () => {
    const a = build();
    const b = build();
    expect(modelFingerprint(a)).toBe(modelFingerprint(b));
    const first = publicationOf(a);
    expect(publicationOf(b)).toBe(first);
    const fresh = suppress(build());
    expect([...first.suppressed].sort()).toEqual([...fresh.suppressed].sort());
  });

  it('computes anew when one count differs', () => {
    const a = build();
    const changed = buildWithOneLess();
    expect(changed.value('total@*')).toBe(a.value('total@*') - 1);
    expect(modelFingerprint(changed)).not.toBe(modelFingerprint(a));
    const p = publicationOf(changed);
    expect(p).not.toBe(publicationOf(a));
    expect([...p.suppressed].sort()).toEqual([...suppress(buildWithOneLess()).suppressed].sort());
  });
});
