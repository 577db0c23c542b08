// Every codelist: unique codes, both labels present, and every HTCDS code a real value of the
// HTCDS v2.0 field the list names (read from the repository's copy of the standard).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../reference/csv.js';
import { CASE_STATUSES, CLOSURE_REASONS } from './case-status.js';
import { codesOf, type CodeEntry } from './codelist.js';
import { EXPLOITATION_FORMS, FORM_TABLE_ROWS, HTCDS_EXPLOITATION_FIELD } from './exploitation-forms.js';
import { HTCDS_ORGANISATION_FIELD, ORGANISATION_KINDS } from './organisation-kinds.js';
import { POLICE_REGIONS } from './police-regions.js';
import { HTCDS_REFERRAL_SOURCE_FIELD, REFERRAL_SOURCES } from './referral-sources.js';
import { ROLES, roleDescription } from './roles.js';
import { AGE_GROUPS, HTCDS_GENDER_FIELD, SEX_AGE_TABLE_ROWS, SEXES, sexAgeRow } from './sex-age.js';

const LISTS: Record<string, readonly CodeEntry[]> = {
  EXPLOITATION_FORMS,
  FORM_TABLE_ROWS,
  POLICE_REGIONS,
  SEXES,
  AGE_GROUPS,
  SEX_AGE_TABLE_ROWS,
  REFERRAL_SOURCES,
  ORGANISATION_KINDS,
  ROLES,
  CASE_STATUSES,
  CLOSURE_REASONS,
};

const fieldStandards = parseCsvRecords(
  readFileSync(new URL('../reference/htcds/htcds_v2.0_field_standards.csv', import.meta.url), 'utf8'),
);

function htcdsPicklist(field: string): string[] {
  const row = fieldStandards.find((r) => r['Field Name including Prefix'] === field);
  if (!row) throw new Error(`HTCDS field ${field} not found`);
  return (row['Value Names (if picklist)'] ?? '').split('|').map((v) => v.trim()).filter(Boolean);
}

describe.each(Object.entries(LISTS))('%s', (_name, list) => {
  it('has unique snake_case codes', () => {
    const codes = codesOf(list);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z][a-z_]*$/);
  });

  it('has a non-empty Swedish and English label for every code', () => {
    for (const e of list) {
      expect(e.sv.trim(), e.code).not.toBe('');
      expect(e.en.trim(), e.code).not.toBe('');
    }
  });
});

describe('HTCDS mappings', () => {
  it.each([
    ['EXPLOITATION_FORMS', EXPLOITATION_FORMS, HTCDS_EXPLOITATION_FIELD],
    ['SEXES', SEXES, HTCDS_GENDER_FIELD],
    ['REFERRAL_SOURCES', REFERRAL_SOURCES, HTCDS_REFERRAL_SOURCE_FIELD],
    ['ORGANISATION_KINDS', ORGANISATION_KINDS, HTCDS_ORGANISATION_FIELD],
  ] as const)('%s maps only to values of the named HTCDS field', (_name, list, field) => {
    const allowed = htcdsPicklist(field);
    expect(allowed.length).toBeGreaterThan(3);
    for (const e of list as readonly CodeEntry[]) {
      if (e.htcds != null) expect(allowed, `${e.code} → ${e.htcds}`).toContain(e.htcds);
    }
  });

  it('maps every form of exploitation and every sex', () => {
    for (const e of [...EXPLOITATION_FORMS, ...SEXES] as readonly CodeEntry[]) expect(e.htcds, e.code).toBeTruthy();
  });
});

describe('list contents the rest of the system is written against', () => {
  it('keeps the forms and table rows in published order', () => {
    expect(codesOf(EXPLOITATION_FORMS)).toEqual([
      'sexual', 'labour', 'criminal', 'begging', 'domestic_work', 'forced_marriage', 'organ_removal',
      'military_service', 'surrogacy', 'illegal_adoption', 'other',
    ]);
    expect(codesOf(FORM_TABLE_ROWS)).toEqual([
      'sexual', 'labour', 'criminal', 'begging', 'domestic_work', 'forced_marriage', 'organ_removal',
      'military_service', 'surrogacy', 'illegal_adoption', 'multiple', 'other', 'not_reported', 'total',
    ]);
    expect(codesOf(SEX_AGE_TABLE_ROWS)).toEqual([
      'women', 'men', 'other_adult', 'unknown_adult', 'adults',
      'girls', 'boys', 'other_child', 'unknown_child', 'children', 'total',
    ]);
  });

  it('gives every role a description in both languages', () => {
    for (const r of ROLES) {
      expect(roleDescription(r.code, 'sv')).toMatch(/\.$/);
      expect(roleDescription(r.code, 'en')).toMatch(/\.$/);
    }
    expect(roleDescription('nobody', 'en')).toBe('nobody');
  });
});

describe('sexAgeRow', () => {
  it('maps children to the child rows and adults to the adult rows', () => {
    expect(sexAgeRow('female', 'child')).toBe('girls');
    expect(sexAgeRow('male', 'child')).toBe('boys');
    expect(sexAgeRow('other', 'child')).toBe('other_child');
    expect(sexAgeRow('unknown', 'child')).toBe('unknown_child');
    expect(sexAgeRow('female', 'adult')).toBe('women');
    expect(sexAgeRow('male', 'adult')).toBe('men');
    expect(sexAgeRow('other', 'adult')).toBe('other_adult');
    expect(sexAgeRow('unknown', 'adult')).toBe('unknown_adult');
  });

  it('counts unknown age as adult, since the published table has no unknown-age row', () => {
    expect(sexAgeRow('female', 'unknown')).toBe('women');
    expect(sexAgeRow('unknown', 'unknown')).toBe('unknown_adult');
  });

  it('only ever returns a leaf row of the table', () => {
    const rows = new Set<string>(codesOf(SEX_AGE_TABLE_ROWS));
    for (const s of codesOf(SEXES)) {
      for (const a of codesOf(AGE_GROUPS)) {
        const row = sexAgeRow(s, a);
        expect(rows.has(row)).toBe(true);
        expect(['adults', 'children', 'total']).not.toContain(row);
      }
    }
  });
});
