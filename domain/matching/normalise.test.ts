import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { caseFold, foldDiacritics, foldForComparison, normaliseForDisplay, tokeniseName } from './normalise';

describe('normaliseForDisplay', () => {
  it('unifies Romanian cedilla letters to the comma-below forms and keeps diacritics', () => {
    expect(normaliseForDisplay('Ştefan Ţăranu')).toBe('Ștefan Țăranu');
    expect(normaliseForDisplay('Ștefan Țăranu')).toBe('Ștefan Țăranu');
    // s + combining cedilla composes under NFKC and is then unified too.
    expect(normaliseForDisplay('S\u0327tefan')).toBe('Ștefan');
  });

  it('applies NFKC and collapses white space', () => {
    expect(normaliseForDisplay('  Ｓｅｒｈｉｉ \t Testenko ')).toBe('Serhii Testenko');
  });
});

describe('caseFold and foldDiacritics', () => {
  it('folds case including letters whose fold is not their lower case', () => {
    expect(caseFold('STRAẞE')).toBe('strasse');
    expect(caseFold('Straße')).toBe('strasse');
  });

  it('removes Latin diacritics, including letters without a decomposition', () => {
    expect(foldDiacritics('ștefan țăranu')).toBe('stefan taranu');
    expect(foldDiacritics('łukasz øster')).toBe('lukasz oster');
  });

  it('leaves Thai vowel signs alone: they are part of the word', () => {
    expect(foldDiacritics('สมชาย')).toBe('สมชาย');
  });
});

describe('foldForComparison', () => {
  it('makes Ștefan, Ştefan and Stefan one name', () => {
    const forms = ['Ștefan', 'Ştefan', 'Stefan', 'ȘTEFAN', 'S\u0327tefan'].map(foldForComparison);
    expect(new Set(forms)).toEqual(new Set(['stefan']));
  });

  it('romanises Cyrillic before folding, so й and ё are not lost to diacritic stripping', () => {
    expect(foldForComparison('Сергій')).toBe('serhii');
    expect(foldForComparison('Андрей')).toBe('andrei');
  });

  it('drops apostrophes inside names', () => {
    expect(foldForComparison("O'Testy")).toBe('otesty');
    expect(foldForComparison('Mar’yana')).toBe('maryana');
  });
});

describe('tokeniseName', () => {
  it('splits on spaces and hyphens so that order and double-barrelling do not matter', () => {
    expect(tokeniseName('Ana-Maria  Exemplescu')).toEqual(['ana', 'maria', 'exemplescu']);
    expect(new Set(tokeniseName('Exemplescu Ana'))).toEqual(new Set(tokeniseName('Ana Exemplescu')));
  });

  it('gives no tokens for empty or punctuation-only names instead of failing', () => {
    expect(tokeniseName('')).toEqual([]);
    expect(tokeniseName('   ')).toEqual([]);
    expect(tokeniseName('?!.,-–')).toEqual([]);
  });

  it('romanises Thai script word by word (RTGS), so it tokenises like a romanised name', () => {
    expect(tokeniseName('สมชาย ใจดี')).toEqual(['somchai', 'chaidi']);
    expect(tokeniseName('Somchai ใจดี')).toEqual(['somchai', 'chaidi']);
  });

  it('never throws and yields only non-empty lower-case tokens', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
        const tokens = tokeniseName(s);
        return tokens.every((t) => t.length > 0 && t === t.toLowerCase());
      }),
    );
  });
});
