import { describe, expect, it } from 'vitest';
import { modelFrom } from './model';
import type { FieldName } from './model';
import { logOdds, scoreComparison } from './score';
import { comparePeople, person } from './test-support';
import { bandFor } from './types';
import { fieldWeight } from './weights';
import { TF_ADJUSTMENT_WEIGHT } from './field-parameters';

// Every m and u is spelt out here so the expected weights below can be worked out by hand.
const m: Record<FieldName, number[]> = {
  given: [0.5, 0.3, 0.1, 0.05, 0.05],
  family: [0.6, 0.2, 0.1, 0.05, 0.05],
  birth: [0.8, 0.05, 0.05, 0.06, 0.04],
  sex: [0.96, 0.04],
  citizenship: [0.9, 0.1],
  contact: [0.4, 0.6],
  document: [0.5, 0.5],
};
const u: Record<FieldName, number[]> = {
  given: [0.01, 0.02, 0.01, 0.01, 0.95],
  family: [0.005, 0.01, 0.01, 0.01, 0.965],
  birth: [0.0001, 0.001, 0.02, 0.08, 0.8989],
  sex: [0.5, 0.5],
  citizenship: [0.2, 0.8],
  contact: [0.01, 0.99],
  document: [0.001, 0.999],
};
const PRIOR = 1e-4;
const log2 = Math.log2;

function score(a: Parameters<typeof person>[0], b: Parameters<typeof person>[0], model = modelFrom(u, PRIOR, { m })) {
  const { comparison, pa, pb } = comparePeople(person(a), person(b));
  return { result: scoreComparison(model, comparison, pa, pb), fast: fieldWeight(model, comparison, pa, pb) };
}

describe('scoreComparison', () => {
  it('adds log2(m/u) over the fields plus the prior log-odds', () => {
    const { result, fast } = score(
      { givenNames: 'Serhii', familyNames: 'Testenko', birthDate: '1990-05-17', sex: 'm', citizenships: ['UA'] },
      { givenNames: 'Sergey', familyNames: 'Testenko', birthDate: '1990-05-17', sex: 'male', citizenships: ['UKR'] },
    );
    // given: alias (0.3 / 0.02); family: exact (0.6 / 0.005); birth: exact (0.8 / 0.0001);
    // sex: same (0.96 / 0.5); citizenship: overlap (0.9 / 0.2); contact and document missing.
    const fields = log2(0.3 / 0.02) + log2(0.6 / 0.005) + log2(0.8 / 0.0001) + log2(0.96 / 0.5) + log2(0.9 / 0.2);
    const prior = log2(1e-4 / (1 - 1e-4));
    expect(result.weight).toBeCloseTo(prior + fields, 10);
    expect(result.priorWeight).toBeCloseTo(prior, 10);
    expect(fast).toBeCloseTo(fields, 10);
    expect(result.probability).toBeCloseTo(1 / (1 + 2 ** -(prior + fields)), 12);
    expect(result.band).toBe('auto_flag');
    const byField = Object.fromEntries(result.contributions.map((c) => [c.field, c]));
    expect(byField.given).toMatchObject({ level: 1, label: 'alias, phonetic or one typing slip: transliteration, name form or recorded alias', m: 0.3, u: 0.02 });
    expect(byField.contact).toMatchObject({ level: null, label: 'missing', weight: 0 });
  });

  it('gives missing values no weight at all', () => {
    const { result } = score({ givenNames: 'Maria', familyNames: 'Exemplescu' }, { givenNames: 'Maria', familyNames: 'Exemplescu', birthDate: '1990-05-17', sex: 'f' });
    const expected = log2(0.5 / 0.01) + log2(0.6 / 0.005);
    expect(result.weight - result.priorWeight).toBeCloseTo(expected, 10);
  });

  it('counts disagreement against the pair', () => {
    const { result } = score(
      { givenNames: 'Maria', familyNames: 'Exemplescu', birthDate: '1990-05-17', sex: 'f' },
      { givenNames: 'Ion', familyNames: 'Exemplescu', birthDate: '1972-11-02', sex: 'm' },
    );
    const expected = log2(0.05 / 0.95) + log2(0.6 / 0.005) + log2(0.04 / 0.8989) + log2(0.04 / 0.5);
    expect(result.weight - result.priorWeight).toBeCloseTo(expected, 10);
    expect(result.band).toBe('none');
  });

  it('adjusts name agreement for how common the name is, at three quarters strength', () => {
    expect(TF_ADJUSTMENT_WEIGHT).toBe(0.75);
    // Testenko is carried by 3 of 1,000 records: another record carries it with chance 2/1000.
    const termFrequencies = { given: new Map<string, number>(), family: new Map([['testenko', 3]]), total: 1000, floor: 0.001 };
    const model = modelFrom(u, PRIOR, { m, termFrequencies });
    const exact = score({ givenNames: 'Maria', familyNames: 'Testenko' }, { givenNames: 'Maria', familyNames: 'Testenko' }, model);
    // Maria is not in the table, so it gets the floor 0.001. u = u_level^0.25 × adjusted^0.75:
    // given 0.01^0.25 × 0.001^0.75 = 0.0017783, family 0.005^0.25 × 0.002^0.75 = 0.0025149.
    const expectedExact = log2(0.5 / (0.01 ** 0.25 * 0.001 ** 0.75)) + log2(0.6 / (0.005 ** 0.25 * 0.002 ** 0.75));
    expect(expectedExact).toBeCloseTo(8.1354 + 7.8984, 3);
    expect(exact.result.weight - exact.result.priorWeight).toBeCloseTo(expectedExact, 10);
    expect(exact.fast).toBeCloseTo(expectedExact, 10);
    const family = exact.result.contributions.find((c) => c.field === 'family');
    expect(family).toMatchObject({ basis: 'name_frequency', m: 0.6 });
    expect(family?.u).toBeCloseTo(0.0025149, 6);
    // An alias-level family match scales the alias u (0.01) by 0.002 / u_exact (0.005) = 0.004,
    // three quarters of the way: 0.01^0.25 × 0.004^0.75.
    const alias = score({ givenNames: 'Maria', familyNames: 'Testenko' }, { givenNames: 'Maria', familyNames: 'Testenko Quartova' }, model);
    const expectedAlias = log2(0.5 / (0.01 ** 0.25 * 0.001 ** 0.75)) + log2(0.2 / (0.01 ** 0.25 * 0.004 ** 0.75));
    expect(alias.result.weight - alias.result.priorWeight).toBeCloseTo(expectedAlias, 10);
    expect(alias.fast).toBeCloseTo(expectedAlias, 10);
  });

  it('weighs an alias-level name by what the match rests on when the model splits the level', () => {
    // The given alias level's m (0.3) and u (0.02) split into spelling (0.15 / 0.005), a name
    // left out (0.06 / 0.006), one typing slip (0.07 / 0.004) and sound alone (0.02 / 0.005);
    // the level keeps the sums.
    const model = modelFrom(u, PRIOR, {
      m,
      uAlias: { given: [0.005, 0.006, 0.004, 0.005], family: [0.004, 0.003, 0.002, 0.001] },
      mAlias: { given: [0.15, 0.06, 0.07, 0.02], family: [0.1, 0.05, 0.04, 0.01] },
    });
    expect(model.fields.given.m[1]).toBeCloseTo(0.3, 12);
    expect(model.fields.given.u[1]).toBeCloseTo(0.02, 12);
    const family = log2(0.6 / 0.005);
    const cases: [string, string, number, string][] = [
      // Serhii / Sergey: spelling, log2(0.15 / 0.005) = 4.91 bits.
      ['Serhii', 'Sergey', log2(0.15 / 0.005), 'transliteration, name form or recorded alias'],
      // Ana / Ana Maria: a name left out, log2(0.06 / 0.006) = 3.32 bits.
      ['Ana', 'Ana Maria', log2(0.06 / 0.006), 'a name left out on one side'],
      // Mihaela / Mihaea: one typing slip, log2(0.07 / 0.004) = 4.13 bits.
      ['Mihaela', 'Mihaea', log2(0.07 / 0.004), 'one typing slip'],
      // Dwayne / Duane: sound alone, log2(0.02 / 0.005) = 2 bits.
      ['Dwayne', 'Duane', log2(0.02 / 0.005), 'sound alone or part of the name'],
    ];
    for (const [a, b, given, label] of cases) {
      const pair = score({ givenNames: a, familyNames: 'Testenko' }, { givenNames: b, familyNames: 'Testenko' }, model);
      expect(pair.result.weight - pair.result.priorWeight).toBeCloseTo(given + family, 10);
      expect(pair.fast).toBeCloseTo(given + family, 10);
      const contribution = pair.result.contributions.find((c) => c.field === 'given');
      expect(contribution).toMatchObject({ level: 1, label: `alias, phonetic or one typing slip: ${label}` });
      expect(contribution?.weight).toBeCloseTo(given, 10);
    }
  });

  it('takes sex as implied only by a given name that is one name, not by one that is a slip away', () => {
    const model = modelFrom(u, PRIOR, { m, uWhenNamesAgree: { sex: [0.97, 0.03], citizenship: [0.7, 0.3] } });
    // Maria against Maria, sexes recorded differently: a recording error is nearly as likely
    // among namesakes as among duplicates, log2(0.04 / 0.03) = +0.42 bits.
    const same = score({ givenNames: 'Maria', familyNames: 'Exemplescu', sex: 'f' }, { givenNames: 'Maria', familyNames: 'Exemplescu', sex: 'm' }, model);
    const expectedSame = log2(0.5 / 0.01) + log2(0.6 / 0.005) + log2(0.04 / 0.03);
    expect(same.result.weight - same.result.priorWeight).toBeCloseTo(expectedSame, 10);
    expect(same.fast).toBeCloseTo(expectedSame, 10);
    // Maria against Mario is one slip apart, and also another name of the other sex: plain u,
    // log2(0.04 / 0.5) = −3.64 bits.
    const slip = score({ givenNames: 'Maria', familyNames: 'Exemplescu', sex: 'f' }, { givenNames: 'Mario', familyNames: 'Exemplescu', sex: 'm' }, model);
    const expectedSlip = log2(0.3 / 0.02) + log2(0.6 / 0.005) + log2(0.04 / 0.5);
    expect(slip.result.weight - slip.result.priorWeight).toBeCloseTo(expectedSlip, 10);
    expect(slip.fast).toBeCloseTo(expectedSlip, 10);
  });

  it('weighs a shared birth date by the u of relatives when only the family name is shared', () => {
    // Among pairs with one surname and other given names, a trusted date agrees 1 time in 100
    // (twins and siblings), not 1 in 10,000 as between strangers.
    const relatives = { trusted: [0.01, 0.01, 0.03, 0.1, 0.85], estimated: [0.0001, 0.0001, 0.04, 0.15, 0.8098], estimatedBoth: [0.0001, 0.0001, 0.04, 0.2, 0.7598] };
    const model = modelFrom(u, PRIOR, {
      m,
      uBirthWhenFamilyOnly: relatives,
      uBirthEstimated: [0.0001, 0.0001, 0.03, 0.15, 0.8198],
      mBirthEstimated: [0.001, 0.001, 0.55, 0.4, 0.048],
      uBirthBothEstimated: [0.0001, 0.0001, 0.02, 0.16, 0.8198],
      mBirthBothEstimated: [0.001, 0.001, 0.35, 0.58, 0.068],
    });
    const twins = score(
      { givenNames: 'Olena', familyNames: 'Testenko', birthDate: '1990-05-17', sex: 'f' },
      { givenNames: 'Iryna', familyNames: 'Testenko', birthDate: '1990-05-17', sex: 'f' },
      model,
    );
    // given other log2(0.05 / 0.95) = −4.25, family exact log2(0.6 / 0.005) = 6.91, birth exact
    // log2(0.8 / 0.01) = 6.32, sex log2(0.96 / 0.5) = 0.94: 9.93 bits; prior log2(1e-4 / (1 −
    // 1e-4)) = −13.29, so −3.37 bits, probability 0.088: below the review band. With the
    // strangers' u the date alone would count 12.97 bits and the pair 0.91, under review.
    const expectedTwins = log2(0.05 / 0.95) + log2(0.6 / 0.005) + log2(0.8 / 0.01) + log2(0.96 / 0.5);
    expect(twins.result.weight - twins.result.priorWeight).toBeCloseTo(expectedTwins, 10);
    expect(twins.fast).toBeCloseTo(expectedTwins, 10);
    expect(twins.result.probability).toBeCloseTo(0.088, 3);
    expect(twins.result.band).toBe('none');
    expect(twins.result.contributions.find((c) => c.field === 'birth')).toMatchObject({ u: 0.01, basis: 'names_agree' });
    // The same person with a slip in the given name keeps the strangers' u: given alias
    // log2(0.3 / 0.02) = 3.91, family 6.91, birth log2(0.8 / 0.0001) = 12.97, sex 0.94: 24.72
    // bits, 11.43 with the prior, probability 0.9996.
    const slip = score(
      { givenNames: 'Mihaela', familyNames: 'Testenko', birthDate: '1990-05-17', sex: 'f' },
      { givenNames: 'Mihaea', familyNames: 'Testenko', birthDate: '1990-05-17', sex: 'f' },
      model,
    );
    const expectedSlip = log2(0.3 / 0.02) + log2(0.6 / 0.005) + log2(0.8 / 0.0001) + log2(0.96 / 0.5);
    expect(slip.result.weight - slip.result.priorWeight).toBeCloseTo(expectedSlip, 10);
    expect(slip.fast).toBeCloseTo(expectedSlip, 10);
    expect(slip.result.band).toBe('auto_flag');
    // Two estimated dates of siblings: the relatives' u for two estimates, log2(0.35 / 0.04).
    const estimated = score(
      { givenNames: 'Olena', familyNames: 'Testenko', birthYear: 1990 },
      { givenNames: 'Iryna', familyNames: 'Testenko', birthDate: '1990-01-01' },
      model,
    );
    const birth = estimated.result.contributions.find((c) => c.field === 'birth');
    expect(birth).toMatchObject({ level: 2, u: 0.04 });
    expect(birth?.weight).toBeCloseTo(log2(0.35 / 0.04), 10);
  });

  it('weakens estimated birth dates with their own m and u, one estimate or two', () => {
    const model = modelFrom(u, PRIOR, {
      m,
      uBirthEstimated: [0.0001, 0.0001, 0.03, 0.15, 0.8198],
      mBirthEstimated: [0.001, 0.001, 0.55, 0.4, 0.048],
      uBirthBothEstimated: [0.0001, 0.0001, 0.02, 0.16, 0.8198],
      mBirthBothEstimated: [0.001, 0.001, 0.35, 0.58, 0.068],
    });
    // 1 January against a known date: one estimate, "same year".
    const one = score(
      { givenNames: 'Maria', familyNames: 'Exemplescu', birthDate: '1990-01-01' },
      { givenNames: 'Maria', familyNames: 'Exemplescu', birthDate: '1990-05-17' },
      model,
    );
    const expectedOne = log2(0.5 / 0.01) + log2(0.6 / 0.005) + log2(0.55 / 0.03);
    expect(one.result.weight - one.result.priorWeight).toBeCloseTo(expectedOne, 10);
    expect(one.fast).toBeCloseTo(expectedOne, 10);
    expect(one.result.contributions.find((c) => c.field === 'birth')?.basis).toBe('estimated_date');
    // Two estimates three years apart: "within 4 years" with the two-estimate m and u.
    const both = score(
      { givenNames: 'Maria', familyNames: 'Exemplescu', birthYear: 1990 },
      { givenNames: 'Maria', familyNames: 'Exemplescu', birthDate: '1993-01-01' },
      model,
    );
    const expectedBoth = log2(0.5 / 0.01) + log2(0.6 / 0.005) + log2(0.58 / 0.16);
    expect(both.result.weight - both.result.priorWeight).toBeCloseTo(expectedBoth, 10);
    expect(both.fast).toBeCloseTo(expectedBoth, 10);
  });
});

describe('bands', () => {
  it('flags from 0.99, offers review from 0.80, and never anything else', () => {
    expect(bandFor(0.995)).toBe('auto_flag');
    expect(bandFor(0.99)).toBe('auto_flag');
    expect(bandFor(0.9)).toBe('review');
    expect(bandFor(0.8)).toBe('review');
    expect(bandFor(0.79)).toBe('none');
    expect(logOdds(0.5)).toBe(0);
  });
});
