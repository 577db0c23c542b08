import { describe, expect, it } from 'vitest';
import { estimateU, termFrequencies } from './estimate';
import { FIELD_SPECS, modelFrom } from './model';
import { prepareRecord } from './prepare';
import { estimatePriorFromPatterns, PATTERN_COUNT, patternOf } from './prior-em';
import { emptyComparison } from './compare';
import { createRandom } from './prng';
import { TODAY, person } from './test-support';
import { TokenTable } from './token-table';

describe('estimateU', () => {
  const table = new TokenTable();
  const given = ['Maria', 'Elena', 'Ioana', 'Olena', 'Somchai', 'Carmen', 'Ana', 'Serhii'];
  const family = ['Exemplescu', 'Testenko', 'Jaitestdee', 'Samplez', 'Quartova', 'Probeanu'];
  const random = createRandom(5);
  const records = Array.from({ length: 400 }, (_, i) =>
    prepareRecord(
      person({
        givenNames: given[i % given.length] as string,
        familyNames: family[Math.floor(random() * family.length)] as string,
        birthDate: `19${60 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`,
        sex: i % 2 === 0 ? 'f' : 'm',
      }),
      table,
      { today: TODAY },
    ),
  );

  it('gives each field a distribution over its levels', () => {
    const { u } = estimateU(records, table, { samplePairs: 5000, seed: 1 });
    for (const spec of FIELD_SPECS) {
      const values = u[spec.name];
      expect(values).toHaveLength(spec.levels.length);
      expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
      expect(values.every((x) => x > 0)).toBe(true);
    }
  });

  it('finds exact given-name agreement about as often as chance predicts', () => {
    const { u } = estimateU(records, table, { samplePairs: 20000, seed: 2 });
    // Eight given names in equal shares: a random pair agrees one time in eight.
    expect(u.given[0]).toBeGreaterThan(0.1);
    expect(u.given[0]).toBeLessThan(0.15);
  });

  it('counts whole name values for term frequencies', () => {
    const tf = termFrequencies(records);
    expect(tf.total).toBe(400);
    expect(tf.given.get('maria')).toBe(50);
  });
});

describe('estimatePriorFromPatterns', () => {
  it('recovers the share of matches among candidate pairs', () => {
    // Plant 2 % matches drawn from the expert m and 98 % non-matches from an assumed u.
    const uBlock = { given: [0.05, 0.15, 0.1, 0.1, 0.6], family: [0.3, 0.3, 0.1, 0.1, 0.2], birth: [0.002, 0.01, 0.05, 0.2, 0.738], sex: [0.6, 0.4], citizenship: [0.7, 0.3], contact: [0.5, 0.5], document: [0.5, 0.5] };
    const model = modelFrom(uBlock, 1e-6);
    const random = createRandom(9);
    const draw = (p: readonly number[]): number => {
      let r = random();
      for (let i = 0; i < p.length; i++) {
        r -= p[i] as number;
        if (r < 0) return i;
      }
      return p.length - 1;
    };
    const counts = new Uint32Array(PATTERN_COUNT);
    const c = emptyComparison();
    const n = 50_000;
    for (let k = 0; k < n; k++) {
      const match = random() < 0.02;
      const source = match ? (f: keyof typeof uBlock) => FIELD_SPECS.find((s) => s.name === f)?.m as number[] : (f: keyof typeof uBlock) => uBlock[f];
      c.levels.given = draw(source('given'));
      c.levels.family = draw(source('family'));
      c.levels.birth = draw(source('birth'));
      c.levels.sex = draw(source('sex'));
      c.levels.citizenship = draw(source('citizenship'));
      c.birthEstimated = false;
      const p = patternOf(c);
      counts[p] = (counts[p] ?? 0) + 1;
    }
    const result = estimatePriorFromPatterns(counts, model, n * 100);
    expect(result.withinCandidates).toBeGreaterThan(0.017);
    expect(result.withinCandidates).toBeLessThan(0.023);
    expect(result.prior).toBeCloseTo(result.withinCandidates / 100, 8);
  });
});
