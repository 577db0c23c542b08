// External series: figures the system does not produce but the indicators and the report show
// beside its own (DOMAIN.md §6–7). Each value is kept with its series, measure, breakdown, year,
// unit and source. The import format is one long CSV:
//   series,measure,breakdown,year,value,unit,source,note
// and every (series, measure, breakdown, year) appears once. Published external tables may be
// internally inconsistent (ÅMP 2024); they are kept exactly as published.
import type { Label } from './dimensions.js';
import { readCsv } from './csv.js';

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

export interface SeriesError {
  line: number;
  column: string | null;
  value?: string;
  message: string;
  allowed?: string[];
}

export function seriesDef(code: string): SeriesDef | undefined {
  return SERIES.find((s) => s.code === code);
}

export function readSeriesFile(text: string): { values: SeriesValue[]; errors: SeriesError[]; rows: number } {
  const { records, issues } = readCsv(text);
  const errors: SeriesError[] = issues.map((i) => ({ line: i.line, column: null, message: i.message }));
  const [header, ...rows] = records;
  const expected = SERIES_COLUMNS.join(',');
  if (!header || header.fields.map((h) => h.trim()).join(',') !== expected) {
    return { values: [], errors: [{ line: 1, column: null, message: `wrong header; expected the header line: ${expected}`, allowed: [...SERIES_COLUMNS] }], rows: rows.length };
  }
  const values: SeriesValue[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (r.fields.length !== SERIES_COLUMNS.length) {
      errors.push({ line: r.line, column: null, message: `has ${r.fields.length} fields; every row needs ${SERIES_COLUMNS.length} (${expected})` });
      continue;
    }
    const [series, measure, breakdown, yearText, valueText, unit, source, note] = r.fields.map((f) => f.trim()) as string[] as [string, string, string, string, string, string, string, string];
    const err = (column: string, value: string, message: string, allowed?: readonly string[]) => errors.push({ line: r.line, column, value, message, ...(allowed ? { allowed: [...allowed] } : {}) });
    const def = seriesDef(series);
    if (!def) { err('series', series, `"${series}" is not a known series; one of: ${SERIES.map((s) => s.code).join(', ')}`, SERIES.map((s) => s.code)); continue; }
    const md = def.measures.find((x) => x.code === measure);
    if (!md) { err('measure', measure, `"${measure}" is not a measure of ${series}; one of: ${def.measures.map((x) => x.code).join(', ')}`, def.measures.map((x) => x.code)); continue; }
    const before = errors.length;
    if (!md.breakdowns.includes(breakdown)) err('breakdown', breakdown, `"${breakdown}" is not a breakdown of ${series}/${measure}; one of: ${md.breakdowns.join(', ')}`, md.breakdowns);
    const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (!(year >= 1990 && year <= 2100)) err('year', yearText, `"${yearText}" is not a year from 1990 to 2100`);
    const value = /^\d+(\.\d+)?$/.test(valueText.replace(/\s/g, '')) ? Number(valueText.replace(/\s/g, '')) : NaN;
    if (!Number.isFinite(value)) err('value', valueText, `"${valueText}" is not a non-negative number (use . for decimals, blank is not allowed: leave the row out)`);
    else if (!Number.isInteger(value)) err('value', valueText, `${md.unit} are whole numbers`);
    if (unit !== md.unit) err('unit', unit, `the unit of ${series}/${measure} is "${md.unit}"`, [md.unit]);
    if (source === '') err('source', source, 'is required: who published the figure');
    const key = `${series}|${measure}|${breakdown}|${yearText}`;
    if (seen.has(key)) err('year', yearText, `${series}/${measure}/${breakdown} ${yearText} is already on line ${seen.get(key)}`);
    else seen.set(key, r.line);
    if (errors.length === before) values.push({ series, measure, breakdown, year, value, unit, source, note });
  }
  return { values: errors.length ? [] : values, errors, rows: rows.length };
}
