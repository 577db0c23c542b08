import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POLICE_REGIONS, regionFromName } from '../codelists/police-regions.js';
import { parseCsvRecords } from './csv.js';
import { MUNICIPALITIES, municipalityByCode, regionForMunicipality } from './municipalities.js';

const csv = parseCsvRecords(readFileSync(new URL('./municipalities.csv', import.meta.url), 'utf8'));

describe('MUNICIPALITIES', () => {
  it('matches municipalities.csv row for row (run generate.ts after editing the CSV)', () => {
    expect(MUNICIPALITIES).toHaveLength(csv.length);
    csv.forEach((row, i) => {
      expect(MUNICIPALITIES[i]).toEqual({
        code: row.municipality_code,
        name: row.municipality_name,
        countyCode: row.county_code,
        countyName: row.county_name,
        region: regionFromName(row.police_region ?? ''),
      });
    });
  });

  it('has all 290 municipalities with unique four-digit codes', () => {
    expect(MUNICIPALITIES).toHaveLength(290);
    expect(new Set(MUNICIPALITIES.map((m) => m.code)).size).toBe(290);
    for (const m of MUNICIPALITIES) {
      expect(m.code).toMatch(/^\d{4}$/);
      expect(m.code.startsWith(m.countyCode)).toBe(true);
    }
  });

  it('gives every police region at least one municipality', () => {
    for (const r of POLICE_REGIONS) expect(MUNICIPALITIES.some((m) => m.region === r.code), r.code).toBe(true);
  });
});

describe('lookups', () => {
  it('finds a municipality and its region by code', () => {
    expect(municipalityByCode('0114')?.name).toBe('Upplands Väsby');
    expect(regionForMunicipality('0114')).toBe('stockholm');
    expect(municipalityByCode('2463')?.name).toBe('Åsele');
    expect(regionForMunicipality('2463')).toBe('nord');
    expect(regionForMunicipality('1280')).toBe('syd');
  });

  it('pads a code whose leading zero a spreadsheet dropped', () => {
    expect(municipalityByCode('114')?.code).toBe('0114');
  });

  it('returns undefined for an unknown code', () => {
    expect(municipalityByCode('9999')).toBeUndefined();
    expect(regionForMunicipality('')).toBeUndefined();
  });
});
