// The demo's historical case records: valid interchange CSV, and counted by the reference rules
// they give exactly the published Tables 1 and 2 (2021–2024) and the action plan's 2025 figures.
import { describe, expect, it } from 'vitest';
import { ACTION_PLAN_2025, DEMO_HISTORY_YEARS, crossTab, demoCrossTab, demoHistoryRecords } from './demo-history.js';
import { PUBLISHED_TABLE_1, PUBLISHED_TABLE_2, PUBLISHED_YEARS } from './published-tables.js';
import { factsFromRecords, referenceCounts } from './reference-counts.js';
import { readCaseFile, writeCaseFile } from './case-csv.js';

const records = demoHistoryRecords();
const facts = factsFromRecords(records);
const national = (year: number, dim: string) => {
  const out = new Map<string, number>();
  for (const dims of referenceCounts(facts, year).byRegion.values()) for (const [code, n] of dims.get(dim) ?? []) out.set(code, (out.get(code) ?? 0) + n);
  return out;
};

describe('crossTab', () => {
  it('keeps both margins and the fixed cells, never negative', () => {
    const tab = crossTab({ a: 5, b: 3, c: 2 }, { x: 4, y: 6 }, (r, c) => (r === 'a' && c === 'x' ? 10 : 1), [['b', 'y', 2]], 'c');
    const cell = (r: string, c: string) => tab.get(r)!.get(c)!;
    expect(cell('b', 'y')).toBeGreaterThanOrEqual(2);
    for (const [r, n] of Object.entries({ a: 5, b: 3, c: 2 })) expect(cell(r, 'x') + cell(r, 'y')).toBe(n);
    expect(['a', 'b', 'c'].reduce((s, r) => s + cell(r, 'x'), 0)).toBe(4);
    for (const row of tab.values()) for (const v of row.values()) expect(v).toBeGreaterThanOrEqual(0);
  });

  it('refuses margins that do not agree and a fixed cell beyond a margin', () => {
    expect(() => crossTab({ a: 2 }, { x: 3 }, () => 1)).toThrow(/margins differ/);
    expect(() => crossTab({ a: 2 }, { x: 2 }, () => 1, [['a', 'x', 3]])).toThrow(/exceeds/);
  });

  it('puts the action plan 2025 cells where it says', () => {
    const tab = demoCrossTab(2025);
    // Labour, sexual and multiple are published in full; forced marriage only for girls (at least 4).
    for (const [form, cell, n] of ACTION_PLAN_2025.fixed) {
      if (form === 'forced_marriage') expect(tab.get(form)!.get(cell)).toBeGreaterThanOrEqual(n);
      else expect(tab.get(form)!.get(cell), `${form}/${cell}`).toBe(n);
    }
  });
});

describe('demo history records', () => {
  it('are a valid interchange file that reads back unchanged', () => {
    const text = writeCaseFile(records);
    const read = readCaseFile(text, '2026-01-01');
    expect(read.errors).toEqual([]);
    expect(writeCaseFile(read.records)).toBe(text);
    expect(records.length).toBeGreaterThan(2_200);
    expect(records.length).toBeLessThan(2_800);
    expect(records.every((r) => r.caseRef.startsWith('DEMO-') && r.personRef.startsWith('DEMO-P-'))).toBe(true);
  });

  it('reproduce the published Tables 1 and 2 for 2021–2024', () => {
    PUBLISHED_YEARS.forEach((year, yi) => {
      const form = national(year, 'form');
      const sexAge = national(year, 'sex_age');
      for (const [code, values] of Object.entries(PUBLISHED_TABLE_1)) if (code !== 'total') expect(form.get(code) ?? 0, `${year} ${code}`).toBe(values[yi]);
      for (const [code, values] of Object.entries(PUBLISHED_TABLE_2)) if (!['adults', 'children', 'total'].includes(code)) expect(sexAge.get(code) ?? 0, `${year} ${code}`).toBe(values[yi]);
    });
  });

  it('reproduce the 2025 figures of the action plan', () => {
    const form = national(2025, 'form');
    const sexAge = national(2025, 'sex_age');
    expect([...form.values()].reduce((s, n) => s + n, 0)).toBe(481);
    expect([form.get('labour'), form.get('sexual'), form.get('multiple')]).toEqual([318, 81, 37]);
    expect([sexAge.get('women'), sexAge.get('men'), sexAge.get('girls'), sexAge.get('boys'), sexAge.get('unknown_adult')]).toEqual([212, 251, 8, 9, 1]);
    // 24 Thai women in beauty and body care among those exploited for both labour and sexual purposes.
    const thai = records.filter((r) => r.assessedOn?.startsWith('2025') && r.forms.join() === 'sexual,labour' && r.sex === 'female' && r.citizenships[0] === 'TH' && r.labourSector === 'S');
    expect(thai.length).toBeGreaterThanOrEqual(24);
  });

  it('spread every year over all seven regions, with repeats and negative assessments that do not count', () => {
    for (const year of DEMO_HISTORY_YEARS) expect(referenceCounts(facts, year).byRegion.size, String(year)).toBe(7);
    expect(records.some((r) => r.caseRef.endsWith('-A'))).toBe(true);
    expect(records.some((r) => r.assessment === 'no_reason_to_assume')).toBe(true);
    const persons = new Map<string, Set<string>>();
    for (const r of records) persons.set(r.personRef, (persons.get(r.personRef) ?? new Set()).add(r.assessedOn!.slice(0, 4)));
    expect([...persons.values()].some((years) => years.size > 1)).toBe(true);
  });
});
