import { describe, expect, it } from 'vitest';
import { doubleMetaphone } from './double-metaphone';

describe('doubleMetaphone', () => {
  it.each([
    ['smith', ['SM0', 'XMT']],
    ['schmidt', ['XMT', 'SMT']],
    ['thomas', ['TMS', 'TMS']],
    ['xavier', ['SF', 'SFR']],
    ['michael', ['MKL', 'MXL']],
    ['caesar', ['SSR', 'SSR']],
    ['jose', ['HS', 'HS']],
    ['philip', ['FLP', 'FLP']],
    ['knight', ['NT', 'NT']],
  ])('codes %s as %j', (word, codes) => {
    expect(doubleMetaphone(word)).toEqual(codes);
  });

  it.each([
    ['catherine', 'katherine'],
    ['stephen', 'steven'],
    ['smith', 'smyth'],
    ['oleksandr', 'aleksandr'],
  ])('gives %s and %s the same primary code', (a, b) => {
    expect(doubleMetaphone(a)[0]).toBe(doubleMetaphone(b)[0]);
  });

  it('codes up to the requested length', () => {
    expect(doubleMetaphone('wongwised')[0]).toBe(doubleMetaphone('wongsook')[0]);
    expect(doubleMetaphone('wongwised', 8)[0]).not.toBe(doubleMetaphone('wongsook', 8)[0]);
  });

  it('gives empty codes for empty input and non-Latin script', () => {
    expect(doubleMetaphone('')).toEqual(['', '']);
    expect(doubleMetaphone('สมชาย')).toEqual(['', '']);
  });
});
