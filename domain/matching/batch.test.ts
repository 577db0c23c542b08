import { describe, expect, it } from 'vitest';
import { matchBatch } from './batch';
import type { BatchPair } from './batch';
import { fitModel } from './fit';
import { MatchIndex } from './match-index';
import { TODAY } from './test-support';
import type { MatchRecord } from './types';

// A small invented population: background people with distinct names, plus the cases under test.
function population(): MatchRecord[] {
  const given = ['Ana', 'Ion', 'Elena', 'Mihai', 'Olena', 'Taras', 'Carmen', 'Luis', 'Somsak', 'Mali', 'Irina', 'Pavlo'];
  const family = ['Exemplescu', 'Testenko', 'Samplez', 'Quartova', 'Probeanu', 'Jaitestdee', 'Fictivich', 'Modelaru', 'Placeholdez', 'Dummova'];
  const out: MatchRecord[] = [];
  let n = 0;
  for (const g of given) {
    for (const f of family) {
      n++;
      out.push({ id: `bg${n}`, givenNames: g, familyNames: f, birthDate: `${1960 + (n % 45)}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 27)).padStart(2, '0')}`, sex: n % 2 ? 'f' : 'm' });
    }
  }
  return out;
}

const duplicates: MatchRecord[] = [
  { id: 'dupA', givenNames: 'Serhii', familyNames: 'Vyhadanenko', birthDate: '1988-03-14', sex: 'm', citizenships: ['UA'] },
  { id: 'dupB', givenNames: 'VYGADANENKO', familyNames: 'Sergey', birthDate: '1988-03-14', sex: 'm', citizenships: ['UKR'] },
  { id: 'sibA', givenNames: 'Natalia', familyNames: 'Inventadez', birthDate: '1990-06-02', sex: 'f' },
  { id: 'sibB', givenNames: 'Camila', familyNames: 'Inventadez', birthDate: '1994-11-20', sex: 'f' },
  // Twins: one surname, one documented birth date, other given names.
  { id: 'twinA', givenNames: 'Oksana', familyNames: 'Probnyk', birthDate: '1992-07-09', sex: 'f', citizenships: ['UA'] },
  { id: 'twinB', givenNames: 'Halyna', familyNames: 'Probnyk', birthDate: '1992-07-09', sex: 'f', citizenships: ['UA'] },
  // One person, registered twice, with two letters of the given name swapped the second time.
  { id: 'slipA', givenNames: 'Valentyna', familyNames: 'Zrazkova', birthDate: '1979-02-11', sex: 'f', citizenships: ['UA'] },
  { id: 'slipB', givenNames: 'Valentnya', familyNames: 'Zrazkova', birthDate: '1979-02-11', sex: 'f', citizenships: ['UA'] },
  { id: 'odd1', givenNames: '', familyNames: '', birthDate: '2091-01-01' },
  { id: 'odd2', givenNames: '—', familyNames: '...', birthYear: 3000 },
];

describe('matchBatch', () => {
  const result = matchBatch([...population(), ...duplicates], { today: TODAY, samplePairs: 20_000 });

  it('finds the transliterated, order-swapped duplicate and flags it for review', () => {
    const pair = result.pairs.find((p) => p.recordIdA === 'dupA' && p.recordIdB === 'dupB');
    expect(pair?.band).toBe('auto_flag');
    expect(pair?.score).toBeGreaterThan(0.99);
  });

  it('does not offer sisters with the same surname', () => {
    expect(result.pairs.some((p) => p.recordIdA === 'sibA' && p.recordIdB === 'sibB')).toBe(false);
  });

  it('does not offer twins, but offers a duplicate with a typing slip in the given name', () => {
    expect(result.pairs.find((p) => p.recordIdA === 'twinA' && p.recordIdB === 'twinB')).toBeUndefined();
    const twins = matchBatch([...population(), ...duplicates], { today: TODAY, samplePairs: 20_000, minBand: 'none' }).pairs.find((p) => p.recordIdA === 'twinA');
    expect(twins?.score).toBeLessThan(0.8);
    const slip = result.pairs.find((p) => p.recordIdA === 'slipA' && p.recordIdB === 'slipB');
    expect(slip?.score).toBeGreaterThan(0.8);
  });

  it('returns only review and auto-flag pairs by default, best first', () => {
    expect(result.pairs.every((p) => p.band !== 'none')).toBe(true);
    const scores = result.pairs.map((p) => p.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('estimates a prior below one and above zero', () => {
    expect(result.model.prior).toBeGreaterThan(0);
    expect(result.model.prior).toBeLessThan(0.5);
  });

  it('copes with an empty batch and a batch of one', () => {
    expect(matchBatch([], { today: TODAY }).pairs).toEqual([]);
    expect(matchBatch([duplicates[0] as MatchRecord], { today: TODAY }).pairs).toEqual([]);
  });
});

describe('MatchIndex', () => {
  const records = [...population(), ...duplicates];
  const { model, table, prepared } = fitModel(records, { today: TODAY, samplePairs: 20_000 });
  const index = new MatchIndex(model, table, { today: TODAY });
  for (const r of prepared) index.addPrepared(r);

  it('finds a new registration of a known person, with an explanation per field', () => {
    const hits = index.lookup({ id: 'new', givenNames: 'Serhiy', familyNames: 'Vyhadanenko', birthDate: '1988-03-14', sex: 'm' });
    // Both earlier registrations of this person are found, and nobody else.
    expect(new Set(hits.map((h) => h.record.id))).toEqual(new Set(['dupA', 'dupB']));
    const explanation = hits[0]?.score.contributions.find((c) => c.field === 'given');
    expect(explanation).toMatchObject({ level: 1, label: 'alias, phonetic or one typing slip: transliteration, name form or recorded alias' });
    expect(hits[0]?.score.band).not.toBe('none');
  });

  it('returns nothing for someone unlike anyone indexed', () => {
    expect(index.lookup({ id: 'new', givenNames: 'Kittisak', familyNames: 'Noneofthese', birthDate: '1979-08-09' })).toEqual([]);
  });

  it('does not fail on a registration with no usable name or date', () => {
    expect(index.lookup({ id: 'new', givenNames: '   ', familyNames: '', birthDate: '2099-12-31' })).toEqual([]);
  });
});

describe('corroboration in the batch', () => {
  // With no phones or document numbers in the population, u for a shared one is fitted from
  // almost no pairs (about one half, after smoothing) and sharing one would count against a
  // pair. So a third of the background people get a phone and another third a document number,
  // all distinct, and u is fitted as in a real register.
  const background = population().map((r, i): MatchRecord => (i % 3 === 0 ? { ...r, phones: [`+46 70 100 ${1000 + i}`] } : i % 3 === 1 ? { ...r, documentNumbers: [`BG${100000 + i}`] } : r));
  // One person registered three times. corrX holds everything; corrY has the date but no
  // citizenship or document; corrZ has the document (and a phone) but no date. X–Y (name and
  // date) and X–Z (name and document) are strong; Y and Z share only the name, which alone is
  // far below 0.80, and nothing of theirs disagrees.
  const person = { givenNames: 'Dariya', familyNames: 'Vymyslenko', sex: 'f' };
  const corrX: MatchRecord = { id: 'corrX', ...person, birthDate: '1991-04-23', citizenships: ['UA'], documentNumbers: ['FX123456'] };
  const corrY: MatchRecord = { id: 'corrY', ...person, birthDate: '1991-04-23' };
  const corrZ: MatchRecord = { id: 'corrZ', ...person, citizenships: ['UA'], documentNumbers: ['FX123456'], phones: ['+46 70 555 12 34'] };
  // A namesake of another generation sharing corrZ's household phone: Z–N is strong, so Z would
  // carry X–N to p(X,Z) + p(Z,N) − 1, but N's birth year differs from X's.
  const namesake: MatchRecord = { id: 'corrN', ...person, birthDate: '1968-09-30', phones: ['+46 70 555 12 34'] };
  const records = [...background, corrX, corrY, corrZ, namesake];
  const options = { today: TODAY, samplePairs: 20_000 };
  const find = (pairs: readonly BatchPair[], a: string, b: string): BatchPair | undefined => pairs.find((p) => p.recordIdA === a && p.recordIdB === b);
  const result = matchBatch(records, options);

  it('raises the pair that a third record holds together, to the lower bound', () => {
    const pair = find(result.pairs, 'corrY', 'corrZ');
    const xy = find(result.pairs, 'corrX', 'corrY');
    const xz = find(result.pairs, 'corrX', 'corrZ');
    expect(xy?.corroboration).toBeUndefined();
    expect(xz?.corroboration).toBeUndefined();
    expect(pair?.corroboration?.via).toBe('corrX');
    // The supports are p(Y, X) and p(X, Z), the direct scores of those two pairs.
    expect(pair?.corroboration?.supports).toEqual([xy?.score, xz?.score]);
    const [s0, s1] = pair?.corroboration?.supports ?? [0, 0];
    expect(pair?.score).toBeCloseTo(s0 + s1 - 1, 12);
    expect(pair?.score).toBeGreaterThanOrEqual(0.8);
    expect(pair?.corroboration?.direct).toBeLessThan(0.8);
    expect(pair?.corroboration?.direct).toBeLessThan(pair?.score ?? 0);
  });

  it('leaves the pair at its direct score when corroboration is off', () => {
    expect(find(matchBatch(records, { ...options, corroborate: false }).pairs, 'corrY', 'corrZ')).toBeUndefined();
    const all = matchBatch(records, { ...options, corroborate: false, minBand: 'none' }).pairs;
    const direct = find(all, 'corrY', 'corrZ');
    expect(direct?.corroboration).toBeUndefined();
    expect(direct?.score).toBeCloseTo(find(result.pairs, 'corrY', 'corrZ')?.corroboration?.direct ?? -1, 9);
    expect(all.some((p) => p.corroboration !== undefined)).toBe(false);
  });

  it('does not let a pair known to be different people support', () => {
    const pairs = matchBatch(records, { ...options, different: [['corrY', 'corrX']] }).pairs;
    expect(find(pairs, 'corrY', 'corrZ')).toBeUndefined();
    // Only corroboration is affected: the direct pair itself is still offered.
    expect(find(pairs, 'corrX', 'corrY')).toBeDefined();
  });

  it('does not raise a namesake whose birth year differs from one of the records', () => {
    expect(find(result.pairs, 'corrZ', 'corrN')?.score).toBeGreaterThanOrEqual(0.8);
    expect(find(result.pairs, 'corrX', 'corrN')).toBeUndefined();
    expect(result.pairs.some((p) => p.corroboration !== undefined && (p.recordIdA === 'corrN' || p.recordIdB === 'corrN'))).toBe(false);
    // Without the birth date nothing speaks against X–N, and Z raises it.
    const undated: MatchRecord = { id: 'corrN', ...person, phones: ['+46 70 555 12 34'] };
    const raised = find(matchBatch([...background, corrX, corrY, corrZ, undated], options).pairs, 'corrX', 'corrN');
    expect(raised?.corroboration?.via).toBe('corrZ');
  });
});
