import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../reference/csv.js';
import { COUNTRY_CODES, EU_MEMBER_STATES, countryName, isCountryCode, isEuMemberState } from './countries.js';

const htcdsCountries = parseCsvRecords(
  readFileSync(new URL('../reference/htcds/htcds_v2.0_excel_validation_codelists.csv', import.meta.url), 'utf8'),
)
  .filter((r) => r.list === 'Citizenship/Country (ISO 3166-1 alpha-2)')
  .map((r) => r.code);

describe('COUNTRY_CODES', () => {
  it('is the HTCDS citizenship list, code for code', () => {
    expect(COUNTRY_CODES).toHaveLength(249);
    expect([...COUNTRY_CODES]).toEqual(htcdsCountries);
    expect(new Set(COUNTRY_CODES).size).toBe(249);
    for (const c of COUNTRY_CODES) expect(c).toMatch(/^[A-Z]{2}$/);
  });

  it('recognises codes exactly', () => {
    expect(isCountryCode('TH')).toBe(true);
    expect(isCountryCode('th')).toBe(false);
    expect(isCountryCode('XK')).toBe(false);
    expect(isCountryCode(null)).toBe(false);
  });
});

describe('countryName', () => {
  it('names countries in Swedish and English', () => {
    expect(countryName('SE', 'sv')).toBe('Sverige');
    expect(countryName('TH', 'en')).toBe('Thailand');
    expect(countryName('RO', 'sv')).toBe('Rumänien');
  });

  it('falls back to the input for malformed codes', () => {
    expect(countryName('xx-1', 'en')).toBe('xx-1');
  });
});

describe('EU_MEMBER_STATES', () => {
  it('has the 27 member states, all valid codes', () => {
    expect(EU_MEMBER_STATES).toHaveLength(27);
    expect(new Set(EU_MEMBER_STATES).size).toBe(27);
    for (const c of EU_MEMBER_STATES) expect(isCountryCode(c)).toBe(true);
    expect(isEuMemberState('SE')).toBe(true);
    expect(isEuMemberState('GB')).toBe(false);
    expect(isEuMemberState('NO')).toBe(false);
  });
});
