import { describe, expect, it } from 'vitest';
import { estimateU, termFrequencies } from './estimate';
import { FIELD_SPECS, modelFrom, withM } from './model';
import type { FieldName } from './model';
import { prepareRecord } from './prepare';
import { estimatePriorFromPatterns, fitMAndPrior, logMOfPattern, PATTERN_COUNT, patternOf } from './prior-em';
import { selfConsistentPrior } from './refit';
import { emptyComparison } from './compare';
import { ALIAS_KINDS, NAME_ALIAS } from './compare-names';
import type { AliasKind } from './compare-names';
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

  it('estimates the birth u of relatives from pairs that share a family name but not a given name', () => {
    // 60 families of four with invented surnames: two twins born the same day, two siblings
    // born other years. Among strangers a date agrees about 1 time in 2,000 here; among
    // relatives 1 pair in 6 are twins.
    const own = new TokenTable();
    const syllables = ['ba', 'co', 'di', 'fu', 'ge', 'hi', 'jo', 'ku', 'le', 'mo'];
    const names = ['Olena', 'Iryna', 'Taras', 'Pavlo'];
    const families = Array.from({ length: 60 }, (_, f) =>
      names.map((given, k) =>
        prepareRecord(
          person({
            givenNames: given,
            familyNames: `${syllables[f % 10]}${syllables[Math.floor(f / 10)]}enko`,
            birthDate: `${1960 + (f % 30) + (k < 2 ? 0 : k)}-${String(1 + (f % 12)).padStart(2, '0')}-${String(1 + (f % 28)).padStart(2, '0')}`,
          }),
          own,
          { today: TODAY },
        ),
      ),
    ).flat();
    const fit = estimateU(families, own, { samplePairs: 20_000, seed: 3 });
    const relatives = fit.uBirthWhenFamilyOnly.trusted;
    // 60 twin pairs among 360 pairs of relatives (plus one added per level).
    expect(relatives[0]).toBeCloseTo(61 / 365, 2);
    expect(relatives[0]).toBeGreaterThan(50 * (fit.u.birth[0] as number));
    expect(relatives.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
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
      // An alias-level name rests on one of the kinds: for matches as the expert split shares
      // the level, for non-matches any kind alike.
      const kind = (field: 'given' | 'family', level: number): AliasKind | null => {
        if (level !== NAME_ALIAS) return null;
        const split = match ? (FIELD_SPECS.find((s) => s.name === field)?.mAlias as number[]) : ALIAS_KINDS.map(() => 1);
        const total = split.reduce((a, b) => a + b, 0);
        return ALIAS_KINDS[draw(split.map((x) => x / total))] as AliasKind;
      };
      c.levels.given = draw(source('given'));
      c.names.givenAlias = kind('given', c.levels.given);
      c.levels.family = draw(source('family'));
      c.names.familyAlias = kind('family', c.levels.family);
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

describe('fitMAndPrior', () => {
  it('recovers planted m: names from pairs with the same date, the rest from pairs with the same names', () => {
    const random = createRandom(17);
    const draw = (p: readonly number[]): number => {
      let r = random();
      for (let i = 0; i < p.length; i++) {
        r -= p[i] as number;
        if (r < 0) return i;
      }
      return p.length - 1;
    };
    // Names as EM sees them: exact, alias by spelling, by a name left out, by one typing slip,
    // by sound, JW ≥ 0.92, ≥ 0.88, other.
    const mName = [0.65, 0.12, 0.07, 0.06, 0.02, 0.04, 0.02, 0.02];
    const uName = [0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.94];
    const mBirth = [0.9, 0.06, 0.03, 0.005, 0.005];
    const uBirth = [0.0005, 0.002, 0.02, 0.08, 0.8975];
    const counts = new Uint32Array(PATTERN_COUNT);
    const c = emptyComparison();
    const plant = (name: () => number, family: () => number, birth: number, sex: number, citizenship: number): void => {
      const toLevel = (slot: number): [number, AliasKind | null] => (slot === 0 ? [0, null] : slot <= 4 ? [1, ALIAS_KINDS[slot - 1] as AliasKind] : [slot - 3, null]);
      [c.levels.given, c.names.givenAlias] = toLevel(name());
      [c.levels.family, c.names.familyAlias] = toLevel(family());
      c.levels.birth = birth;
      c.levels.sex = sex;
      c.levels.citizenship = citizenship;
      c.birthEstimated = false;
      c.birthBothEstimated = false;
      const p = patternOf(c);
      counts[p] = (counts[p] ?? 0) + 1;
    };
    // Pairs that share a known birth date, whatever their names: 3,000 duplicates, 6,000 not.
    for (let k = 0; k < 3000; k++) plant(() => draw(mName), () => draw(mName), 0, draw([0.98, 0.02]), 0);
    for (let k = 0; k < 6000; k++) plant(() => draw(uName), () => draw(uName), 0, draw([0.5, 0.5]), draw([0.3, 0.7]));
    // Pairs whose names agree (exact or alias), any date: 4,000 duplicates, 4,000 namesakes.
    const agreeing = (p: readonly number[]) => () => {
      const head = p.slice(0, 5);
      const total = head.reduce((a, b) => a + b, 0);
      return draw(head.map((x) => x / total));
    };
    for (let k = 0; k < 4000; k++) plant(agreeing(mName), agreeing(mName), draw(mBirth), draw([0.98, 0.02]), 0);
    for (let k = 0; k < 4000; k++) plant(agreeing([0.6, 0.1, 0.1, 0.1, 0.1]), agreeing([0.5, 0.1, 0.2, 0.1, 0.1]), draw(uBirth), draw([0.8, 0.2]), draw([0.4, 0.6]));
    const model = modelFrom({ given: [0.01, 0.02, 0.01, 0.01, 0.95], family: [0.01, 0.02, 0.01, 0.01, 0.95], birth: uBirth, sex: [0.5, 0.5], citizenship: [0.2, 0.8], contact: [0.5, 0.5], document: [0.5, 0.5] }, 1e-6);
    const fit = fitMAndPrior(counts, model, 1e9);
    expect(fit.m.given[0]).toBeCloseTo(0.65, 1);
    expect(fit.alias.given[0]).toBeCloseTo(0.12, 1);
    expect(fit.alias.given[1]).toBeCloseTo(0.07, 1);
    expect(fit.alias.given[2]).toBeCloseTo(0.06, 1);
    expect(fit.m.given[1]).toBeCloseTo(fit.alias.given.reduce((a, b) => a + b, 0), 12);
    expect(fit.m.given[4]).toBeLessThan(0.04);
    expect(fit.m.birth[0]).toBeCloseTo(0.9, 1);
    expect(fit.m.birth[4]).toBeLessThan(0.02);
    expect(fit.m.citizenship[0]).toBeGreaterThan(0.95);
    // Session A also sees the name-agreeing duplicates whose dates agree: (3,000 + about 3,600)
    // duplicates among about 12,600 pairs.
    expect(fit.sessions.names.pairs).toBeGreaterThan(12_000);
    expect(fit.sessions.names.matchShare).toBeGreaterThan(0.47);
    expect(fit.sessions.names.matchShare).toBeLessThan(0.57);
    // Estimated dates keep the expert m.
    expect(withM(model, fit.m, {}, fit.alias).fields.birth.estimated?.m).toEqual(model.fields.birth.estimated?.m);
  });
});

describe('refit', () => {
  it('finds the prior at which expected duplicates equal the sum of the candidates’ probabilities', () => {
    // Two pairs certain (100 bits), one pair with no evidence either way (0 bits), among 1,000 pairs.
    const weights = [100, 100, 0];
    const prior = selfConsistentPrior(weights, 3, 1000, 1e-6);
    // prior = (1 + 1 + prior) / 1000, so prior = 2 / 999.
    expect(prior).toBeCloseTo(2 / 999, 8);
  });

  it('moves a pair’s weight to new m by the difference in log2 m of its pattern', () => {
    const model = modelFrom({ given: [0.01, 0.02, 0.01, 0.01, 0.95], family: [0.01, 0.02, 0.01, 0.01, 0.95], birth: [0.0005, 0.002, 0.02, 0.08, 0.8975], sex: [0.5, 0.5], citizenship: [0.2, 0.8], contact: [0.5, 0.5], document: [0.5, 0.5] }, 1e-6);
    const other = withM(model, { ...Object.fromEntries(FIELD_SPECS.map((s) => [s.name, s.m])), given: [0.7, 0.2, 0.05, 0.03, 0.02], birth: [0.9, 0.05, 0.03, 0.01, 0.01] } as Record<FieldName, number[]>);
    const c = emptyComparison();
    c.levels.given = 0;
    c.levels.family = 4;
    c.levels.birth = 0;
    c.levels.sex = 1;
    const pattern = patternOf(c);
    // given exact 0.52 → 0.7, birth exact 0.8 → 0.9; family and sex unchanged.
    expect(logMOfPattern(other, pattern) - logMOfPattern(model, pattern)).toBeCloseTo(Math.log2(0.7 / 0.52) + Math.log2(0.9 / 0.8), 12);
  });
});
