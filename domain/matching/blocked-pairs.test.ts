import { describe, expect, it } from 'vitest';
import { collectBlockedPairs, mergeCandidatePairs, scanCandidatePairs, scoreBlockedPairs } from './candidate-pairs';
import type { CandidatePairs } from './candidate-pairs';
import { fitModel } from './fit';
import { TODAY } from './test-support';
import type { MatchRecord } from './types';

// Invented records with many shared names, so blocking yields pairs throughout the locality order.
function records(): MatchRecord[] {
  const given = ['Ana', 'Ioana', 'Olena', 'Oksana', 'Somchai', 'Mali', 'Carmen', 'Luis'];
  const family = ['Exemplescu', 'Probnyk', 'Samplez', 'Jaitestdee', 'Modelaru', 'Testenko'];
  return Array.from({ length: 300 }, (_, n) => ({
    id: `r${n}`,
    givenNames: n % 7 === 0 ? `${given[n % given.length] as string}a` : (given[n % given.length] as string),
    familyNames: family[(n * 5) % family.length] as string,
    birthYear: 1970 + (n % 25),
  }));
}

/** Every pair with its exact weight and pattern, in scan order. */
function rows(c: CandidatePairs): string[] {
  return Array.from({ length: c.count }, (_, k) => `${c.a[k]}-${c.b[k]}:${c.weight[k]}:${c.pattern[k]}`);
}

describe('blocked pairs collected first and scored later', () => {
  const { model, table, prepared } = fitModel(records(), { today: TODAY });

  it('give the fused scan, pair for pair in the same order, shard by shard', () => {
    for (const shard of [{ index: 0, count: 1 }, { index: 1, count: 2 }, { index: 1, count: 2, first: 0.7 }]) {
      const fused = scanCandidatePairs(prepared, table, model, {}, shard);
      const scored = scoreBlockedPairs(prepared, table, model, collectBlockedPairs(prepared, table, {}, shard));
      expect(fused.count).toBeGreaterThan(100);
      expect(rows(scored)).toEqual(rows(fused));
      expect([...scored.patternCounts]).toEqual([...fused.patternCounts]);
    }
  });

  it('split unevenly by `first`, still give one run between the shards', () => {
    const whole = scanCandidatePairs(prepared, table, model);
    const parts = [0, 1].map((index) => scanCandidatePairs(prepared, table, model, {}, { index, count: 2, first: 0.8 }));
    const even = scanCandidatePairs(prepared, table, model, {}, { index: 0, count: 2 });
    expect(parts[0]?.count).toBeGreaterThan(even.count);
    expect(rows(mergeCandidatePairs(parts)).sort()).toEqual(rows(whole).sort());
  });
});
