// Problems in import files carry a stable code and parameters; the English message is made from
// them (domain/statistics/import-issues.ts), and the web app has a Swedish and an English text
// for every code using only parameters the code provides (here, since domain/ may not import web/).
import { describe, expect, it } from 'vitest';
import { CASE_COLUMNS, readCaseFile } from '../../../domain/statistics/case-csv.js';
import { IMPORT_ISSUE_CODES, importIssue, issueMessage, type ImportIssue } from '../../../domain/statistics/import-issues.js';
import { readSeriesFile, SERIES_COLUMNS } from '../../../domain/statistics/series.js';
import { svStatistics } from '../../../web/src/i18n/sv-statistics.js';
import { enStatistics } from '../../../web/src/i18n/en-statistics.js';

const TODAY = '2026-11-25';
const HEADER = CASE_COLUMNS.join(',');
let n = 0;
/** A valid row with some columns changed; each its own case and person. */
const row = (o: Partial<Record<(typeof CASE_COLUMNS)[number], string>> = {}) => {
  n++;
  const base: Record<string, string> = {
    case_ref: `K${n}`, person_ref: `P${n}`, region: 'Stockholm', municipality_code: '', referred_on: '2024-03-01', referral_source: 'police',
    assessed_on: '2024-03-10', assessment: 'reason_to_assume', sex: 'female', age_group: '', birth_year: '1990', citizenship: 'TH',
    exploitation_forms: 'labour', labour_sector: 'S',
  };
  return CASE_COLUMNS.map((c) => o[c] ?? base[c]!).join(',');
};

const caseFile = [
  HEADER,
  row({ sex: '' }),
  row({ sex: 'woman' }),
  row({ exploitation_forms: 'labour;labour' }),
  row({ case_ref: '-bad' }),
  row({ referred_on: '' }),
  row({ referred_on: '2023-02-29' }),
  row({ assessed_on: '2027-01-01' }),
  row({ assessment: 'pending' }),
  row({ assessed_on: '2024-02-01' }),
  row({ region: 'Norrland' }),
  row({ region: '', municipality_code: '' }),
  row({ region: '', municipality_code: '9999' }),
  row({ region: 'Syd', municipality_code: '0180' }),
  row({ birth_year: '1800' }),
  row({ age_group: 'unknown' }),
  row({ age_group: 'child' }),
  row({ citizenship: 'XX' }),
  row({ exploitation_forms: 'slavery' }),
  row({ case_ref: 'DUP' }),
  row({ case_ref: 'DUP' }),
  row({ person_ref: 'SAME', sex: 'female' }),
  row({ person_ref: 'SAME', sex: 'male' }),
  row().replace(/,S$/, ',S,extra'),
  'a,"b"c' + ','.repeat(CASE_COLUMNS.length - 2),
  'a,b"c' + ','.repeat(CASE_COLUMNS.length - 2),
  'K99,"never closed',
].join('\n');

const seriesFile = [
  SERIES_COLUMNS.join(','),
  'nonsense,x,total,2024,1,offences,Brå,',
  'reported_crimes,theft,total,2024,1,offences,Brå,',
  'reported_crimes,trafficking,women,2024,1,offences,Brå,',
  'reported_crimes,exploitation,total,1890,1,offences,Brå,',
  'reported_crimes,procuring,total,2020,-1,offences,Brå,',
  'reported_crimes,procuring,total,2021,1.5,offences,Brå,',
  'reported_crimes,procuring,total,2022,1,cases,Brå,',
  'reported_crimes,procuring,total,2023,1,offences,,',
  'reported_crimes,trafficking,total,2024,1,offences,Brå,',
  'reported_crimes,trafficking,total,2024,2,offences,Brå,',
  'reported_crimes,trafficking,total',
].join('\n');

const issues: ImportIssue[] = [
  ...readCaseFile(caseFile, TODAY).errors,
  ...readCaseFile('', TODAY).errors,
  ...readCaseFile('case,person\nK1,P1', TODAY).errors,
  ...readSeriesFile(seriesFile).errors,
  ...readSeriesFile('a,b\n1,2').errors,
  // Made by the services: a file that is not UTF-8, and case_refs the database knows.
  importIssue(1, null, 'not_utf8'),
  importIssue(2, 'case_ref', 'case_registered_here', { value: 'LOTS-2026-000001' }),
  importIssue(2, 'case_ref', 'case_worked_on', { value: 'H1', params: { status: 'support' } }),
];

describe('import issue codes', () => {
  it('are produced for every kind of problem', () => {
    expect([...new Set(issues.map((i) => i.code))].sort()).toEqual([...IMPORT_ISSUE_CODES].sort());
  });

  it('carry the parameters the message is made from', () => {
    for (const i of issues) expect(i.message, i.code).toBe(issueMessage(i.code, i.params, i.value, i.allowed));
    const get = (code: string) => issues.find((i) => i.code === code)!;
    expect(get('future_date')).toMatchObject({ line: 8, column: 'assessed_on', value: '2027-01-01', params: { today: TODAY } });
    expect(get('assessed_before_referred')).toMatchObject({ column: 'assessed_on', value: '2024-02-01', params: { referredOn: '2024-03-01' } });
    expect(get('not_allowed')).toMatchObject({ column: 'sex', value: 'woman', allowed: ['female', 'male', 'other', 'unknown'] });
    expect(get('invalid_form')).toMatchObject({ value: 'slavery', params: { item: 'slavery' } });
    expect(get('duplicate_case_ref')).toMatchObject({ line: 21, value: 'DUP', params: { firstLine: 20 } });
    expect(get('person_disagrees')).toMatchObject({ line: 23, column: 'sex', value: 'male', params: { personRef: 'SAME', column: 'sex', first: 'female', firstLine: 22 } });
    expect(get('municipality_in_other_region')).toMatchObject({ value: '0180', params: { municipality: 'Stockholm', municipalityRegion: 'Stockholm', region: 'Syd' } });
    expect(get('age_group_contradicts_birth_year')).toMatchObject({ value: 'child', params: { birthYear: 1990, age: 33, on: '2024-03-10' } });
    expect(get('field_count')).toMatchObject({ params: { count: 15, expected: 14 } });
    expect(get('wrong_header').params).toMatchObject({ missing: expect.stringContaining('case_ref'), unknown: 'case, person', expected: HEADER });
    expect(get('unknown_breakdown')).toMatchObject({ value: 'women', params: { series: 'reported_crimes', measure: 'trafficking' }, allowed: ['total'] });
    expect(get('duplicate_value')).toMatchObject({ params: { key: 'reported_crimes/trafficking/total 2024', firstLine: 10 } });
  });

  it('are translated to Swedish and English in the web app, with only parameters the code gives', () => {
    const given = new Map<string, Set<string>>();
    for (const i of issues) {
      const keys = given.get(i.code) ?? new Set(['value', 'column', 'line', 'allowed']);
      for (const k of Object.keys(i.params ?? {})) keys.add(k);
      given.set(i.code, keys);
    }
    for (const [lang, texts] of [['sv', svStatistics.statImportIssue], ['en', enStatistics.statImportIssue]] as const) {
      for (const code of IMPORT_ISSUE_CODES) {
        const text = (texts as Record<string, string>)[code];
        expect(text, `${lang} ${code}`).toBeTruthy();
        const used = [...text!.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
        for (const p of used) expect(given.get(code)!.has(p), `${lang} ${code} uses {{${p}}}`).toBe(true);
      }
    }
  });
});
