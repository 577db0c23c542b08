// External series: figures the system does not produce but the indicators and the report show
// beside its own (DOMAIN.md §6–7). Each value is kept with its series, measure, breakdown, year,
// unit and source. The import format is one long CSV:
//   series,measure,breakdown,year,value,unit,source,note
// and every (series, measure, breakdown, year) appears once. Published external tables may be
// internally inconsistent (ÅMP 2024); they are kept exactly as published.
import type { Label } from './dimensions.js';
import { readCsv } from './csv.js';
import { importIssue, type ImportIssue, type ImportIssueCode, type IssueParams } from './import-issues.js';

export interface MeasureDef {
  code: string;
  label: Label;
  unit: string;
  breakdowns: readonly string[];
}

export interface SeriesDef {
  code: string;
  title: Label;
  defaultSource: string;
  measures: readonly MeasureDef[];
}

const m = (code: string, sv: string, en: string, unit: string, breakdowns: readonly string[]): MeasureDef => ({ code, label: { sv, en }, unit, breakdowns });
const SEX = ['women', 'men', 'total'] as const;
const SURVEY = ['yes', 'answered', 'municipalities'] as const;

export const SERIES: readonly SeriesDef[] = [
  {
    code: 'reported_crimes',
    title: { sv: 'Anmälda brott (tabell 7)', en: 'Reported crimes (Table 7)' },
    defaultSource: 'Brottsförebyggande rådet (Brå), kriminalstatistiken',
    measures: [
      m('trafficking', 'människohandel (4 kap. 1 a § BrB)', 'trafficking (Penal Code ch. 4 § 1a)', 'offences', ['total']),
      m('exploitation', 'människoexploatering inkl. grov (4 kap. 1 b §)', 'exploitation incl. gross (ch. 4 § 1b)', 'offences', ['total']),
      m('child_sexual_purchase', 'utnyttjande av barn genom köp av sexuell handling (6 kap. 9 §)', 'exploiting a child through purchase of a sexual act (ch. 6 § 9)', 'offences', ['total']),
      m('purchase_sexual_act', 'köp av sexuell handling/tjänst (6 kap. 11 §)', 'purchase of a sexual act/service (ch. 6 § 11)', 'offences', ['total']),
      m('procuring', 'koppleri inkl. grovt (6 kap. 12 §)', 'procuring incl. gross (ch. 6 § 12)', 'offences', ['total']),
    ],
  },
  {
    code: 'prosecution_decisions',
    title: { sv: 'Lagföringsbeslut (tabell 8)', en: 'Prosecution decisions (Table 8)' },
    defaultSource: 'Brottsförebyggande rådet (Brå) / Åklagarmyndigheten',
    measures: [
      m('trafficking', 'människohandel', 'trafficking', 'decisions', SEX),
      m('exploitation', 'människoexploatering', 'exploitation', 'decisions', SEX),
      m('purchase_sexual_act', 'köp av sexuell handling', 'purchase of a sexual act', 'decisions', SEX),
      m('procuring', 'koppleri', 'procuring', 'decisions', SEX),
    ],
  },
  {
    code: 'migration_permits',
    title: { sv: 'Uppehållstillstånd för bevispersoner och betänketid (tabell 5–6)', en: 'Witness and reflection-period permits (Tables 5–6)' },
    defaultSource: 'Migrationsverket',
    measures: [
      m('witness_permit', 'bevisperson, beviljade inkl. förlängningar', 'witness permits granted incl. extensions', 'permits', SEX),
      m('reflection_period', 'betänketid, beviljade inkl. förlängningar', 'reflection periods granted incl. extensions', 'permits', SEX),
      m('reflection_by_applicant', 'betänketid efter sökande', 'reflection periods by applicant', 'permits', ['prosecution', 'police', 'social_welfare_board', 'via_coordinator', 'total']),
    ],
  },
  {
    code: 'municipal_survey',
    title: { sv: 'Kommunenkäter (indikator 1, 2 och 7)', en: 'Municipal surveys (indicators 1, 2 and 7)' },
    defaultSource: 'Jämställdhetsmyndigheten (kommunenkät) och Brå (lokal problembild)',
    measures: [
      m('policy_documents', 'kommuner vars styrdokument omfattar sexuell exploatering av barn, prostitution och människohandel', 'municipalities whose policy documents include sexual exploitation of children, prostitution and trafficking', 'municipalities', SURVEY),
      m('crime_mapping', 'kommuner som tar med prostitution och människohandel i sin lokala problembild', 'municipalities that include prostitution and trafficking in their mapping of local crime problems', 'municipalities', SURVEY),
      m('method_support', 'kommuner som erbjuder personal kunskaps- och metodstöd', 'municipalities offering staff knowledge and method support', 'municipalities', SURVEY),
    ],
  },
];

export const SERIES_COLUMNS = ['series', 'measure', 'breakdown', 'year', 'value', 'unit', 'source', 'note'] as const;

export interface SeriesValue {
  series: string;
  measure: string;
  breakdown: string;
  year: number;
  value: number;
  unit: string;
  source: string;
  note: string;
}

/** A problem in a series file: line, column, value, a stable code with parameters, the English message. */
export type SeriesError = ImportIssue;

export function seriesDef(code: string): SeriesDef | undefined {
  return SERIES.find((s) => s.code === code);
}

export function readSeriesFile(text: string): { values: SeriesValue[]; errors: SeriesError[]; rows: number } {
  const { records, issues } = readCsv(text);
  const errors: SeriesError[] = issues.map((i) => importIssue(i.line, null, i.code));
  const [header, ...rows] = records;
  const expected = SERIES_COLUMNS.join(',');
  if (!header || header.fields.map((h) => h.trim()).join(',') !== expected) {
    const names = header?.fields.map((h) => h.trim()) ?? [];
    const params = {
      missing: SERIES_COLUMNS.filter((c) => !names.includes(c)).join(', '),
      unknown: names.filter((n) => !(SERIES_COLUMNS as readonly string[]).includes(n)).join(', '),
      repeated: [...new Set(names.filter((n, i) => names.indexOf(n) !== i))].join(', '),
      expected,
    };
    return { values: [], errors: [importIssue(1, null, 'wrong_header', { params, allowed: SERIES_COLUMNS })], rows: rows.length };
  }
  const values: SeriesValue[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (r.fields.length !== SERIES_COLUMNS.length) {
      errors.push(importIssue(r.line, null, 'field_count', { params: { count: r.fields.length, expected: SERIES_COLUMNS.length, columns: expected } }));
      continue;
    }
    const [series, measure, breakdown, yearText, valueText, unit, source, note] = r.fields.map((f) => f.trim()) as string[] as [string, string, string, string, string, string, string, string];
    const err = (column: string, value: string, code: ImportIssueCode, params?: IssueParams, allowed?: readonly string[]) => errors.push(importIssue(r.line, column, code, { value, params, allowed }));
    const def = seriesDef(series);
    if (!def) { err('series', series, 'unknown_series', undefined, SERIES.map((s) => s.code)); continue; }
    const md = def.measures.find((x) => x.code === measure);
    if (!md) { err('measure', measure, 'unknown_measure', { series }, def.measures.map((x) => x.code)); continue; }
    const before = errors.length;
    if (!md.breakdowns.includes(breakdown)) err('breakdown', breakdown, 'unknown_breakdown', { series, measure }, md.breakdowns);
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (!(year >= 1990 && year <= 2100)) err('year', yearText, 'invalid_year', { min: 1990, max: 2100 });
    const value = /^\d+(\.\d+)?$/.test(valueText.replace(/\s/g, '')) ? Number(valueText.replace(/\s/g, '')) : NaN;
    if (!Number.isFinite(value)) err('value', valueText, 'invalid_number');
    else if (!Number.isInteger(value)) err('value', valueText, 'not_whole_number', { unit: md.unit });
    if (unit !== md.unit) err('unit', unit, 'wrong_unit', { series, measure, unit: md.unit }, [md.unit]);
    if (source === '') err('source', source, 'source_required');
    const key = `${series}|${measure}|${breakdown}|${yearText}`;
    if (seen.has(key)) err('year', yearText, 'duplicate_value', { key: `${series}/${measure}/${breakdown} ${yearText}`, firstLine: seen.get(key)! });
    else seen.set(key, r.line);
    if (errors.length === before) values.push({ series, measure, breakdown, year, value, unit, source, note });
  }
  return { values: errors.length ? [] : values, errors, rows: rows.length };
}
