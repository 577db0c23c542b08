// The case interchange CSV: a stable public format for historical case records (docs/statistics.md
// "Case interchange CSV"). UTF-8, comma-separated, one header row with exactly these columns.
// Reading validates every row and reports every problem with line, column and the allowed values;
// writing produces the same format, so export → import → export is a fixpoint.
import { POLICE_REGIONS } from '../codelists/police-regions.js';
import { readCsv, writeCsv, type CsvIssue } from './csv.js';
import { checkCrossRows, validateCaseRow } from './case-row.js';
import { CASE_COLUMNS, type CaseColumn, type CaseRecord, type CaseRowError } from './case-record.js';
import { importIssue } from './import-issues.js';

export * from './case-record.js';

export interface CaseFileResult {
  records: (CaseRecord & { line: number })[];
  errors: CaseRowError[];
  rows: number;
}

export const MAX_REPORTED_ERRORS = 1000;

function headerErrors(header: readonly string[]): CaseRowError[] {
  const expected = CASE_COLUMNS.join(',');
  const names = header.map((h) => h.trim());
  const missing = CASE_COLUMNS.filter((c) => !names.includes(c));
  const unknown = names.filter((n) => !(CASE_COLUMNS as readonly string[]).includes(n));
  const dupes = names.filter((n, i) => names.indexOf(n) !== i);
  if (missing.length + unknown.length + dupes.length === 0) return [];
  const params = { missing: missing.join(', '), unknown: unknown.join(', '), repeated: [...new Set(dupes)].join(', '), expected };
  return [importIssue(1, null, 'wrong_header', { params, allowed: CASE_COLUMNS })];
}

/** Validates a whole file. `today` (YYYY-MM-DD) bounds dates; rows are never half-accepted. */
export function readCaseFile(text: string, today: string): CaseFileResult {
  const { records, issues } = readCsv(text);
  const errors: CaseRowError[] = issues.map((i: CsvIssue) => importIssue(i.line, null, i.code));
  const [header, ...rows] = records;
  if (!header) return { records: [], errors: [importIssue(1, null, 'empty_file', { params: { expected: CASE_COLUMNS.join(',') } })], rows: 0 };
  const headErr = headerErrors(header.fields);
  if (headErr.length) return { records: [], errors: headErr, rows: rows.length };
  const index = new Map(header.fields.map((h, i) => [h.trim(), i]));
  const out: (CaseRecord & { line: number })[] = [];
  for (const r of rows) {
    if (r.fields.length !== CASE_COLUMNS.length) {
      errors.push(importIssue(r.line, null, 'field_count', { params: { count: r.fields.length, expected: CASE_COLUMNS.length, columns: CASE_COLUMNS.join(',') } }));
      continue;
    }
    const get = (c: CaseColumn) => r.fields[index.get(c)!]!.trim();
    const result = validateCaseRow(get, r.line, today);
    if ('errors' in result) errors.push(...result.errors);
    else out.push({ ...result.record, line: r.line });
  }
  errors.push(...checkCrossRows(out));
  errors.sort((a, b) => a.line - b.line);
  return { records: errors.length ? [] : out, errors, rows: rows.length };
}

const REGION_NAME = new Map(POLICE_REGIONS.map((r) => [r.code, r.sv]));

export function caseRecordFields(r: CaseRecord): string[] {
  return [
    r.caseRef,
    r.personRef,
    REGION_NAME.get(r.region) ?? r.region,
    r.municipalityCode ?? '',
    r.referredOn,
    r.referralSource,
    r.assessedOn ?? '',
    r.assessment,
    r.sex,
    r.ageGroup ?? '',
    r.birthYear === null ? '' : String(r.birthYear),
    r.citizenships.join(';'),
    r.forms.join(';'),
    r.labourSector ?? '',
  ];
}

/** The interchange CSV of `records`, in case_ref order. */
export function writeCaseFile(records: readonly CaseRecord[]): string {
  const sorted = [...records].sort((a, b) => (a.caseRef < b.caseRef ? -1 : a.caseRef > b.caseRef ? 1 : 0));
  return writeCsv(CASE_COLUMNS, sorted.map(caseRecordFields));
}

/** True when two records carry the same data (the import skips unchanged cases). */
export function sameCaseRecord(a: CaseRecord, b: CaseRecord): boolean {
  return caseRecordFields(a).join('\u0000') === caseRecordFields(b).join('\u0000');
}
