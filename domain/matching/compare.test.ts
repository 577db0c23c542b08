import { describe, expect, it } from 'vitest';
import { BIRTH_EXACT, BIRTH_OTHER, BIRTH_WITHIN_2, BIRTH_YEAR, BIRTH_YEAR_MONTH, compareBirth, parseBirthDate } from './birth-date';
import { NAME_ALIAS, NAME_EXACT, NAME_JW88, NAME_JW92, NAME_OTHER } from './compare-names';
import { comparePeople, person, TODAY } from './test-support';

const levelsOf = (a: Parameters<typeof person>[0], b: Parameters<typeof person>[0]) => comparePeople(person(a), person(b)).comparison;

describe('name levels', () => {
  it('is exact for the same names in any case and with or without diacritics', () => {
    const c = levelsOf({ givenNames: 'Ștefan', familyNames: 'Exemplescu' }, { givenNames: 'STEFAN', familyNames: 'exemplescu' });
    expect([c.levels.given, c.levels.family]).toEqual([NAME_EXACT, NAME_EXACT]);
  });

  it('is alias or phonetic for transliteration variants', () => {
    const c = levelsOf({ givenNames: 'Serhii', familyNames: 'Testenko' }, { givenNames: 'Sergey', familyNames: 'Testenko' });
    expect(c.levels.given).toBe(NAME_ALIAS);
    const thai = levelsOf({ givenNames: 'Chaiyaphon', familyNames: 'Jaitestdee' }, { givenNames: 'Chaiyaporn', familyNames: 'Jaitestdee' });
    expect(thai.levels.given).toBe(NAME_ALIAS);
  });

  it('puts one typing slip at the alias level and grades worse spellings by Jaro-Winkler', () => {
    const family = (a: string, b: string) => levelsOf({ givenNames: 'Maria', familyNames: a }, { givenNames: 'Maria', familyNames: b });
    expect(family('Exemplescu', 'Exemplesku').levels.family).toBe(NAME_ALIAS); // phonetic
    // One slip: two letters swapped, one changed, one dropped, one added.
    for (const slip of ['Exemplecsu', 'Exenplescu', 'Exemplscu', 'Exemplesacu']) {
      const c = family('Exemplescu', slip);
      expect([c.levels.family, c.names.familyAlias]).toEqual([NAME_ALIAS, 'typo']);
    }
    // A doubled letter is a spelling the Slavic key already joins.
    expect(family('Exemplescu', 'Exempllescu').names.familyAlias).toBe('spelling');
    // Two slips are no longer one: Jaro-Winkler decides.
    expect(family('Exemplescu', 'Exenplecsu').levels.family).toBe(NAME_JW92);
    expect(family('Testenko', 'Tesrenka').levels.family).toBe(NAME_JW88);
    expect(family('Exemplescu', 'Exemplanu').levels.family).toBe(NAME_JW88);
    // Sounding alike counts as phonetic, at the alias level.
    expect(levelsOf({ givenNames: 'Dwayne', familyNames: 'Sample' }, { givenNames: 'Duane', familyNames: 'Sample' }).levels.given).toBe(NAME_ALIAS);
    expect(family('Exemplescu', 'Quartova').levels.family).toBe(NAME_OTHER);
  });

  it('does not call short names one edit apart a typing slip', () => {
    // Ion / Ioan and Ana / Ina are different names as often as slips; they only sound alike.
    const ion = levelsOf({ givenNames: 'Ion', familyNames: 'Probeanu' }, { givenNames: 'Ioan', familyNames: 'Probeanu' });
    expect([ion.levels.given, ion.names.givenAlias]).toEqual([NAME_ALIAS, 'partial']);
    const mihaela = levelsOf({ givenNames: 'Mihaela', familyNames: 'Probeanu' }, { givenNames: 'Mihaea', familyNames: 'Probeanu' });
    expect([mihaela.levels.given, mihaela.names.givenAlias]).toEqual([NAME_ALIAS, 'typo']);
  });

  it('finds swapped given and family names', () => {
    const c = levelsOf({ givenNames: 'Olena', familyNames: 'Testenko' }, { givenNames: 'Testenko', familyNames: 'Olena' });
    expect(c.names.alignment).toBe('swapped');
    expect([c.levels.given, c.levels.family]).toEqual([NAME_EXACT, NAME_EXACT]);
  });

  it('matches a whole name typed into one field against both fields of the other', () => {
    const c = levelsOf({ givenNames: 'Somchai Jaitestdee', familyNames: '' }, { givenNames: 'Somchai', familyNames: 'Jaitestdee' });
    expect(c.names.alignment).toBe('one_field_a');
    expect([c.levels.given, c.levels.family]).toEqual([NAME_EXACT, NAME_EXACT]);
  });

  it('treats a dropped middle name or second surname as alias, not exact', () => {
    const c = levelsOf({ givenNames: 'Ana Maria', familyNames: 'García Testez' }, { givenNames: 'Ana', familyNames: 'García' });
    expect([c.levels.given, c.levels.family]).toEqual([NAME_ALIAS, NAME_ALIAS]);
  });

  it('ignores a patronymic present on one side only', () => {
    const c = levelsOf({ givenNames: 'Serhii Petrovych', familyNames: 'Testenko' }, { givenNames: 'Serhii', familyNames: 'Testenko' });
    expect(c.levels.given).toBe(NAME_EXACT);
  });

  it('says what an alias-level match rests on: spelling, a name left out, one typing slip, or sound', () => {
    const spelling = levelsOf({ givenNames: 'Serhii', familyNames: 'Testenko' }, { givenNames: 'Sergey', familyNames: 'Testenko' });
    expect(spelling.names.givenAlias).toBe('spelling');
    const nameForm = levelsOf({ givenNames: 'Mykola', familyNames: 'Testenko' }, { givenNames: 'Nikolai', familyNames: 'Testenko' });
    expect(nameForm.names.givenAlias).toBe('spelling');
    const sound = levelsOf({ givenNames: 'Dwayne', familyNames: 'Sample' }, { givenNames: 'Duane', familyNames: 'Sample' });
    expect(sound.names.givenAlias).toBe('partial');
    const part = levelsOf({ givenNames: 'Ana Maria', familyNames: 'García Testez' }, { givenNames: 'Ana', familyNames: 'García' });
    expect([part.names.givenAlias, part.names.familyAlias]).toEqual(['subset', 'subset']);
    // A name left out and a slip in another: neither one thing nor the other.
    const both = levelsOf({ givenNames: 'Ana', familyNames: 'García Testez' }, { givenNames: 'Ana', familyNames: 'Garcai' });
    expect([both.levels.family, both.names.familyAlias]).toEqual([NAME_ALIAS, 'partial']);
    // Two names each one slip off are not one slip.
    const twoSlips = levelsOf({ givenNames: 'Mihaela Florentina', familyNames: 'Sample' }, { givenNames: 'Mihaea Florentna', familyNames: 'Sample' });
    expect([twoSlips.levels.given, twoSlips.names.givenAlias]).toEqual([NAME_ALIAS, 'partial']);
    const slipAndSpelling = levelsOf({ givenNames: 'Serhii Testenko', familyNames: 'Sample' }, { givenNames: 'Sergey Testneko', familyNames: 'Sample' });
    expect(slipAndSpelling.names.givenAlias).toBe('typo');
    // Two surnames, one repeated: one of them is left over, but the other side's names are not
    // all met, so this is partial.
    const repeated = levelsOf({ givenNames: 'Ana', familyNames: 'García García' }, { givenNames: 'Ana', familyNames: 'García Testez' });
    expect([repeated.levels.family, repeated.names.familyAlias]).toEqual([NAME_ALIAS, 'partial']);
    const exact = levelsOf({ givenNames: 'Ana', familyNames: 'García' }, { givenNames: 'Ana', familyNames: 'García' });
    expect([exact.names.givenAlias, exact.names.familyAlias]).toEqual([null, null]);
  });

  it('uses the alias list, but an alias match is never better than alias', () => {
    const a = person({ givenNames: 'Noi', familyNames: 'Jaitestdee', aliases: ['Siriporn Jaitestdee'] });
    const b = person({ givenNames: 'Siriporn', familyNames: 'Jaitestdee' });
    const c = comparePeople(a, b).comparison;
    expect(c.levels.given).toBe(NAME_ALIAS);
    expect(c.names.variantA).toBe(1);
    // A recorded alias met letter for letter rests on spelling.
    expect(c.names.givenAlias).toBe('spelling');
  });

  it('treats empty or punctuation-only names as missing, not as a mismatch', () => {
    const c = levelsOf({ givenNames: '', familyNames: '???' }, { givenNames: 'Maria', familyNames: 'Exemplescu' });
    expect([c.levels.given, c.levels.family]).toEqual([null, null]);
  });
});

describe('birth date levels', () => {
  const b = (text: string) => parseBirthDate(text, TODAY);

  it('grades exact, same month, same year, within two years and other', () => {
    expect(compareBirth(b('1990-05-17'), b('1990-05-17'))).toBe(BIRTH_EXACT);
    expect(compareBirth(b('1990-05-17'), b('1990-05-18'))).toBe(BIRTH_YEAR_MONTH);
    expect(compareBirth(b('1990-05-17'), b('1990-09-17'))).toBe(BIRTH_YEAR);
    expect(compareBirth(b('1990-05-17'), b('1992-05-17'))).toBe(BIRTH_WITHIN_2);
    expect(compareBirth(b('1990-05-17'), b('1993-05-17'))).toBe(BIRTH_OTHER);
  });

  it('weakens 1 January and year-only dates to a year comparison', () => {
    expect(compareBirth(b('1990-01-01'), b('1990-01-01'))).toBe(BIRTH_YEAR);
    expect(compareBirth(b('1990-01-01'), b('1990-05-17'))).toBe(BIRTH_YEAR);
  });

  it('allows four years between two estimates, but two between an estimate and a known date', () => {
    // Each estimate may be two years out, so two of them may be four apart.
    expect(compareBirth(b('1990'), b('1994-01-01'))).toBe(BIRTH_WITHIN_2);
    expect(compareBirth(b('1990'), b('1995-01-01'))).toBe(BIRTH_OTHER);
    // Against a known date, an estimate two years out is the most the level allows.
    expect(compareBirth(b('1990'), b('1992-05-17'))).toBe(BIRTH_WITHIN_2);
    expect(compareBirth(b('1990'), b('1993-05-17'))).toBe(BIRTH_OTHER);
    const one = levelsOf({ givenNames: 'Maria', familyNames: 'Exemplescu', birthYear: 1990 }, { givenNames: 'Maria', familyNames: 'Exemplescu', birthDate: '1991-05-17' });
    expect([one.birthEstimated, one.birthBothEstimated]).toEqual([true, false]);
    const both = levelsOf({ givenNames: 'Maria', familyNames: 'Exemplescu', birthYear: 1990 }, { givenNames: 'Maria', familyNames: 'Exemplescu', birthDate: '1991-01-01' });
    expect([both.birthEstimated, both.birthBothEstimated]).toEqual([true, true]);
  });

  it('drops future and impossible dates instead of failing', () => {
    expect(b('2091-04-03')).toBeNull();
    expect(b('1990-02-30')).toBeNull();
    expect(b('not a date')).toBeNull();
    const c = levelsOf({ givenNames: 'Maria', familyNames: 'Exemplescu', birthDate: '2091-04-03' }, { givenNames: 'Maria', familyNames: 'Exemplescu', birthDate: '1990-05-17' });
    expect(c.levels.birth).toBeNull();
  });

  it('falls back to the birth year when there is no usable date', () => {
    const c = levelsOf({ givenNames: 'Maria', familyNames: 'Exemplescu', birthYear: 1990 }, { givenNames: 'Maria', familyNames: 'Exemplescu', birthDate: '1990-05-17' });
    expect(c.levels.birth).toBe(BIRTH_YEAR);
    expect(c.birthEstimated).toBe(true);
  });
});

describe('other fields', () => {
  it('compares sex, citizenship, contacts and documents, with missing values as null', () => {
    const c = levelsOf(
      { givenNames: 'Maria', familyNames: 'Exemplescu', sex: 'F', citizenships: ['ROU'], phones: ['+46 70-123 45 67'], documentNumbers: ['ab 123-456'] },
      { givenNames: 'Maria', familyNames: 'Exemplescu', sex: 'kvinna', citizenships: ['MD', 'RO'], phones: ['0701234567'], emails: ['x@example.org'], documentNumbers: ['XY999888'] },
    );
    expect(c.levels).toMatchObject({ sex: 0, citizenship: 0, contact: 0, document: 1 });
    const missing = levelsOf({ givenNames: 'Maria', familyNames: 'Exemplescu', sex: 'unknown' }, { givenNames: 'Maria', familyNames: 'Exemplescu', sex: 'f' });
    expect(missing.levels).toMatchObject({ sex: null, citizenship: null, contact: null, document: null });
  });
});
