import { describe, expect, it } from 'vitest';
import { ageAt, ageGroupAt, isIsoDate } from './age.js';

describe('ageAt from a birth date', () => {
  it('counts a birthday on the day itself, not the day before', () => {
    expect(ageAt({ birthDate: '2006-05-10' }, '2024-05-10')).toEqual({ years: 18, basis: 'birth_date' });
    expect(ageAt({ birthDate: '2006-05-10' }, '2024-05-09')).toEqual({ years: 17, basis: 'birth_date' });
    expect(ageAt({ birthDate: '2006-05-10' }, '2024-05-11').years).toBe(18);
  });

  it('handles month boundaries and the year end', () => {
    expect(ageAt({ birthDate: '2000-12-31' }, '2018-12-30').years).toBe(17);
    expect(ageAt({ birthDate: '2000-12-31' }, '2018-12-31').years).toBe(18);
    expect(ageAt({ birthDate: '2000-01-01' }, '2017-12-31').years).toBe(17);
  });

  it('reaches a 29 February birthday on 1 March in common years and on the 29th in leap years', () => {
    const e = { birthDate: '2008-02-29' };
    expect(ageAt(e, '2026-02-28').years).toBe(17);
    expect(ageAt(e, '2026-03-01').years).toBe(18);
    expect(ageAt(e, '2028-02-28').years).toBe(19);
    expect(ageAt(e, '2028-02-29').years).toBe(20);
  });

  it('is 0 on the day of birth', () => {
    expect(ageAt({ birthDate: '2024-03-01' }, '2024-03-01').years).toBe(0);
  });

  it('skips a birth date after the date asked about, or one that is not a real date', () => {
    expect(ageAt({ birthDate: '2030-01-01', birthYear: 2000 }, '2024-01-01')).toEqual({ years: 23, basis: 'birth_year' });
    expect(ageAt({ birthDate: '2023-02-29' }, '2024-01-01')).toEqual({ years: null, basis: 'unknown' });
    expect(ageAt({ birthDate: '2006-5-10' }, '2024-01-01').basis).toBe('unknown');
  });

  it('prefers the birth date over the birth year and the estimate', () => {
    expect(ageAt({ birthDate: '2006-05-10', birthYear: 1990, estimatedAge: 40 }, '2024-05-10')).toEqual({
      years: 18,
      basis: 'birth_date',
    });
  });
});

describe('ageAt from a birth year', () => {
  it('counts the person as born on 1 July of that year', () => {
    expect(ageAt({ birthYear: 2006 }, '2024-06-30')).toEqual({ years: 17, basis: 'birth_year' });
    expect(ageAt({ birthYear: 2006 }, '2024-07-01')).toEqual({ years: 18, basis: 'birth_year' });
  });

  it('ignores a birth year that is not a whole number', () => {
    expect(ageAt({ birthYear: 2006.5 }, '2024-07-01').basis).toBe('unknown');
  });
});

describe('ageAt from an estimate', () => {
  it('uses the estimate as is when no estimate date is given', () => {
    expect(ageAt({ estimatedAge: 16 }, '2030-01-01')).toEqual({ years: 16, basis: 'estimated' });
  });

  it('advances the estimate by whole years since it was made', () => {
    const e = { estimatedAge: 16, estimatedAgeOn: '2023-09-15' };
    expect(ageAt(e, '2023-09-15').years).toBe(16);
    expect(ageAt(e, '2024-09-14').years).toBe(16);
    expect(ageAt(e, '2024-09-15').years).toBe(17);
    expect(ageAt(e, '2025-09-15').years).toBe(18);
  });

  it('reads an estimate backwards as the youngest age consistent with it', () => {
    expect(ageAt({ estimatedAge: 16, estimatedAgeOn: '2024-06-01' }, '2024-05-31').years).toBe(15);
  });

  it('floors a fractional estimate and ignores a negative one', () => {
    expect(ageAt({ estimatedAge: 16.5 }, '2024-01-01').years).toBe(16);
    expect(ageAt({ estimatedAge: -1 }, '2024-01-01').basis).toBe('unknown');
  });
});

describe('ageAt without evidence', () => {
  it('is unknown for empty or null evidence', () => {
    expect(ageAt({}, '2024-01-01')).toEqual({ years: null, basis: 'unknown' });
    expect(ageAt({ birthDate: null, birthYear: null, estimatedAge: null, estimatedAgeOn: null }, '2024-01-01').basis).toBe(
      'unknown',
    );
  });

  it('rejects a malformed reference date', () => {
    expect(() => ageAt({}, '2024-13-01')).toThrow(RangeError);
    expect(() => ageAt({}, '2024-01-01T00:00:00Z')).toThrow(RangeError);
  });
});

describe('ageGroupAt', () => {
  it('is child under 18, adult from the 18th birthday, unknown without evidence', () => {
    expect(ageGroupAt({ birthDate: '2006-05-10' }, '2024-05-09')).toBe('child');
    expect(ageGroupAt({ birthDate: '2006-05-10' }, '2024-05-10')).toBe('adult');
    expect(ageGroupAt({ birthYear: 2006 }, '2024-06-30')).toBe('child');
    expect(ageGroupAt({ estimatedAge: 17, estimatedAgeOn: '2023-01-01' }, '2024-01-01')).toBe('adult');
    expect(ageGroupAt({}, '2024-01-01')).toBe('unknown');
  });
});

describe('isIsoDate', () => {
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2024-04-31')).toBe(false);
  });
});
