// The case interchange CSV: what it accepts, what it refuses (with line, column and the allowed
// values), and that writing and reading again gives back the same records.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_COLUMNS, readCaseFile, writeCaseFile, type CaseRecord } from './case-csv.js';
import { readCsv, writeCsv } from './csv.js';
import { syntheticRecords } from './synthetic-records.js';

const TODAY = '2026-11-25';
const HEADER = CASE_COLUMNS.join(',');
const row = (o: Partial<Record<(typeof CASE_COLUMNS)[number], string>> = {}) => {
  const base: Record<string, string> = {
    case_ref: 'K1', person_ref: 'P1', region: 'Stockholm', municipality_code: '', referred_on: '2024-03-01', referral_source: 'police',
    assessed_on: '2024-03-10', assessment: 'reason_to_assume', sex: 'female', age_group: '', birth_year: '1990', citizenship: 'TH',
    exploitation_forms: 'labour', labour_sector: 'S',
  };
  return CASE_COLUMNS.map((c) => o[c] ?? base[c]!).join(',');
};
const file = (...rows: string[]) => [HEADER, ...rows].join('\n');

describe('reading the case CSV', () => {
  it('accepts a valid file and normalises it', () => {
    const r = readCaseFile(file(row(), row({ case_ref: 'K2', person_ref: 'P2', region: '', municipality_code: '1480', exploitation_forms: 'labour;sexual', citizenship: 'th;se' })), TODAY);
    expect(r.errors).toEqual([]);
    expect(r.records[1]).toMatchObject({ region: 'vast', municipalityCode: '1480', forms: ['sexual', 'labour'], citizenships: ['TH', 'SE'], line: 3 });
  });

  it('refuses a wrong header, saying what is expected', () => {
    const r = readCaseFile('case,person\nK1,P1', TODAY);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toContain(`Expected the header line: ${HEADER}`);
    expect(r.errors[0]!.message).toContain('missing column(s): case_ref');
  });

  it('names the line, the column and the allowed values for each bad value', () => {
    const r = readCaseFile(file(row(), row({ case_ref: 'K2', sex: 'woman', exploitation_forms: 'labour;slavery', region: 'Norrland' }), row({ case_ref: 'K3', assessment: 'yes' })), TODAY);
    expect(r.records).toEqual([]);
    const byColumn = Object.fromEntries(r.errors.map((e) => [`${e.line}:${e.column}`, e]));
    expect(byColumn['3:sex']!.allowed).toEqual(['female', 'male', 'other', 'unknown']);
    expect(byColumn['3:exploitation_forms']!.message).toContain('"slavery" is not allowed');
    expect(byColumn['3:exploitation_forms']!.allowed).toContain('forced_marriage');
    expect(byColumn['3:region']!.allowed).toContain('Öst');
    expect(byColumn['4:assessment']!.allowed).toEqual(['reason_to_assume', 'no_reason_to_assume', 'pending']);
  });

  it('catches impossible dates and dates out of order', () => {
    const r = readCaseFile(file(row({ referred_on: '2023-02-29' }), row({ case_ref: 'K2', assessed_on: '2024-02-01' }), row({ case_ref: 'K3', assessed_on: '2027-01-01' }), row({ case_ref: 'K4', assessment: 'pending' })), TODAY);
    const messages = r.errors.map((e) => `${e.line}:${e.column}:${e.message}`);
    expect(messages).toContain('2:referred_on:"2023-02-29" is not a real date written YYYY-MM-DD');
    expect(messages.some((m) => m.startsWith('3:assessed_on:2024-02-01 is before referred_on 2024-03-01'))).toBe(true);
    expect(messages.some((m) => m.startsWith('4:assessed_on:2027-01-01 is in the future'))).toBe(true);
    expect(messages).toContain('5:assessed_on:must be blank while the assessment is pending');
  });

  it('catches a case_ref twice in one file and persons that disagree', () => {
    const r = readCaseFile(file(row(), row(), row({ case_ref: 'K3', sex: 'male' })), TODAY);
    expect(r.errors.map((e) => `${e.line}:${e.column}`)).toEqual(['3:case_ref', '4:sex']);
    expect(r.errors[0]!.message).toContain('already on line 2');
  });

  it('catches a stated age group that contradicts the birth year', () => {
    const r = readCaseFile(file(row({ age_group: 'child' }), row({ case_ref: 'K2', person_ref: 'P2', age_group: 'adult', birth_year: '2015' }), row({ case_ref: 'K3', person_ref: 'P3', age_group: 'child', birth_year: '2006' })), TODAY);
    expect(r.errors.map((e) => `${e.line}:${e.column}`)).toEqual(['2:age_group', '3:age_group']);
  });

  it('reports malformed CSV and rows with the wrong number of fields', () => {
    const r = readCaseFile(`${HEADER}\n${row()}\nK2,"unclosed\n${row({ case_ref: 'K3' })},extra`, TODAY);
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.records).toEqual([]);
  });
});

describe('writing the case CSV', () => {
  it('round-trips every record exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 60 }), (seed, n) => {
        const records: CaseRecord[] = syntheticRecords(seed, { years: [2022, 2023, 2024], count: n });
        const text = writeCaseFile(records);
        const back = readCaseFile(text, TODAY);
        expect(back.errors).toEqual([]);
        expect(back.records.map(({ line: _l, ...r }) => r)).toEqual([...records].sort((a, b) => (a.caseRef < b.caseRef ? -1 : 1)));
        expect(writeCaseFile(back.records)).toBe(text);
      }),
      { numRuns: 40 },
    );
  });

  it('quotes fields that need it', () => {
    const text = writeCsv(['a', 'b'], [['x,y', 'say "hi"'], [' lead', 'line\nbreak']]);
    expect(readCsv(text).records.map((r) => r.fields)).toEqual([['a', 'b'], ['x,y', 'say "hi"'], [' lead', 'line\nbreak']]);
  });
});
