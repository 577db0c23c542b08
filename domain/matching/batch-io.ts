// The batch tool's file formats: input columns record_id, given_names, family_names, birth_date,
// birth_year, sex, citizenship (any order, extra columns ignored) and output columns
// record_id_a, record_id_b, score, band. Bad rows are reported by line and skipped; doubtful
// values (an impossible date) are reported as warnings and treated as missing.

import type { BatchPair } from './batch';
import { formatCsv, parseCsv } from './csv';
import type { CsvProblem } from './csv';
import type { MatchRecord } from './types';

export const BATCH_INPUT_COLUMNS = ['record_id', 'given_names', 'family_names', 'birth_date', 'birth_year', 'sex', 'citizenship'] as const;
export const BATCH_OUTPUT_COLUMNS = ['record_id_a', 'record_id_b', 'score', 'band'] as const;

type InputColumn = (typeof BATCH_INPUT_COLUMNS)[number];

export interface BatchInput {
  records: MatchRecord[];
  /** Rows that were skipped. */
  errors: CsvProblem[];
  /** Rows that were kept with a value dropped. */
  warnings: CsvProblem[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseBatchInput(text: string): BatchInput {
  const { rows, errors } = parseCsv(text);
  const warnings: CsvProblem[] = [];
  const records: MatchRecord[] = [];
  const header = rows.shift();
  if (header === undefined) return { records, errors: [...errors, { line: 1, message: 'the file is empty' }], warnings };
  const position = new Map(header.fields.map((name, i) => [name.trim().toLowerCase(), i]));
  const missing = BATCH_INPUT_COLUMNS.filter((c) => !position.has(c));
  if (missing.length > 0) {
    return { records, errors: [...errors, { line: header.line, message: `missing columns: ${missing.join(', ')}` }], warnings };
  }
  const seen = new Set<string>();
  for (const row of rows) {
    if (row.fields.length !== header.fields.length) {
      errors.push({ line: row.line, message: `expected ${header.fields.length} fields, found ${row.fields.length}` });
      continue;
    }
    const get = (column: InputColumn): string => (row.fields[position.get(column) as number] ?? '').trim();
    const id = get('record_id');
    if (id === '') {
      errors.push({ line: row.line, message: 'record_id is empty' });
      continue;
    }
    if (seen.has(id)) {
      errors.push({ line: row.line, message: `record_id ${id} appears more than once` });
      continue;
    }
    seen.add(id);
    const birthDate = get('birth_date');
    const birthYearText = get('birth_year');
    let birthYear: number | null = null;
    if (birthDate !== '' && !ISO_DATE.test(birthDate)) warnings.push({ line: row.line, message: `birth_date "${birthDate}" is not YYYY-MM-DD; ignored` });
    if (birthYearText !== '') {
      if (/^\d{4}$/.test(birthYearText)) birthYear = Number(birthYearText);
      else warnings.push({ line: row.line, message: `birth_year "${birthYearText}" is not a year; ignored` });
    }
    records.push({
      id,
      givenNames: get('given_names'),
      familyNames: get('family_names'),
      birthDate: ISO_DATE.test(birthDate) ? birthDate : null,
      birthYear,
      sex: get('sex') || null,
      citizenships: get('citizenship')
        .split(/[;|,\s]+/)
        .filter((c) => c !== ''),
    });
  }
  return { records, errors: errors.sort((a, b) => a.line - b.line), warnings };
}

export function formatBatchOutput(pairs: readonly BatchPair[]): string {
  return formatCsv([[...BATCH_OUTPUT_COLUMNS], ...pairs.map((p) => [p.recordIdA, p.recordIdB, p.score.toFixed(4), p.band])]);
}
