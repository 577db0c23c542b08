import { describe, expect, it } from 'vitest';
import { mergeCandidatePairs, scanCandidatePairs } from './candidate-pairs';
import type { CandidatePairs } from './candidate-pairs';
import { fitModel } from './fit';
import { TODAY } from './test-support';
import type { MatchRecord } from './types';

// Invented records with many shared names, so blocking yields pairs throughout the locality order.
function records(): MatchRecord[] {
  const given = ['Ana', 'Ioana', 'Olena', 'Oksana', 'Somchai', 'Mali', 'Carmen', 'Luis'];
  const family = ['Exemplescu', 'Probnyk', 'Samplez', 'Jaitestdee', 'Modelaru', 'Testenko'];
  const out: MatchRecord[] = [];
  for (let n = 0; n < 400; n++) {
    const g = given[(n * 7) % given.length] as string;
    const f = family[(n * 5) % family.length] as string;
    out.push({ id: `r${n}`, givenNames: n % 9 === 0 ? `${g}a` : g, familyNames: f, birthYear: 1970 + (n % 30), sex: n % 2 ? 'f' : 'm' });
  }
  return out;
}

function pairsOf(c: CandidatePairs): string[] {
  const out: string[] = [];
  for (let k = 0; k < c.count; k++) {
    const [x, y] = [c.a[k] as number, c.b[k] as number].sort((p, q) => p - q);
    out.push(`${x}-${y}:${(c.weight[k] as number).toFixed(9)}:${c.pattern[k]}`);
  }
  return out.sort();
}

describe('scanCandidatePairs in shards', () => {
  const { model, table, prepared } = fitModel(records(), { today: TODAY });
  const whole = scanCandidatePairs(prepared, table, model);

  it('gives, between the shards, exactly the pairs, weights and pattern counts of one run', () => {
    expect(whole.count).toBeGreaterThan(1000);
    for (const count of [2, 3]) {
      const parts = Array.from({ length: count }, (_, index) => scanCandidatePairs(prepared, table, model, {}, { index, count }));
      // Every shard does part of the work: none is empty, none holds it all.
      for (const p of parts) expect(p.count).toBeGreaterThan(0);
      for (const p of parts) expect(p.count).toBeLessThan(whole.count);
      const merged = mergeCandidatePairs(parts);
      expect(pairsOf(merged)).toEqual(pairsOf(whole));
      expect([...merged.patternCounts]).toEqual([...whole.patternCounts]);
    }
  });
});
