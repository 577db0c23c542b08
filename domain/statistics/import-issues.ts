// Problems found in an import file (case interchange CSV, external series), each with a stable
// code and its parameters, so that a client can say it in its own language; the English message
// is made here from the same code and parameters, for the CLI, logs and API clients that do not
// translate. The web app translates every code (web/src/i18n/*-statistics.ts, statImportIssue),
// interpolating the parameters plus `value`, `column`, `line` and `allowed` (joined with ", ").
// Codes are public API: add new ones, never rename or reuse one.

export type IssueParams = Record<string, string | number>;

export interface ImportIssue<C extends string | null = string | null> {
  /** Line in the file, 1-based; the header is line 1. */
  line: number;
  /** The column, or null for the whole row or file. */
  column: C;
  value?: string;
  code: ImportIssueCode;
  params?: IssueParams;
  /** English. */
  message: string;
  allowed?: string[];
}

type Text = (p: IssueParams & { value: string; allowed: string }) => string;

const ISSUE_TEXT = {
  // The file
  not_utf8: () => 'the file is not UTF-8 text; save it as "CSV UTF-8" (comma-separated) and try again',
  empty_file: (p) => `the file is empty; expected the header line: ${p.expected}`,
  wrong_header: (p) =>
    `wrong header: ${[p.missing ? `missing column(s): ${p.missing}` : '', p.unknown ? `unknown column(s): ${p.unknown}` : '', p.repeated ? `repeated column(s): ${p.repeated}` : ''].filter(Boolean).join('; ') || 'not the expected columns'}. Expected the header line: ${p.expected}`,
  // CSV syntax (RFC 4180)
  csv_unclosed_quote: () => 'a quoted field is never closed (missing ")',
  csv_text_after_quote: () => 'text after a closing quote; write "" for a quote inside a quoted field',
  csv_quote_in_field: () => 'a quote inside an unquoted field; quote the whole field and write "" for the quote',
  field_count: (p) => `has ${p.count} fields; every row needs ${p.expected} (${p.columns})`,
  // Any column
  required: (p) => (p.allowed ? `is required; one of: ${p.allowed}` : 'is required'),
  not_allowed: (p) => `"${p.value}" is not allowed; one of: ${p.allowed}`,
  listed_twice: (p) => `"${p.item}" is listed twice`,
  // Case interchange CSV
  invalid_ref: (p) => `"${p.value}" is not a valid reference: 1–64 letters, digits and . _ : / - , starting with a letter or digit`,
  date_required: () => 'is required: a date written YYYY-MM-DD',
  invalid_date: (p) => `"${p.value}" is not a real date written YYYY-MM-DD`,
  future_date: (p) => `${p.value} is in the future (today is ${p.today})`,
  blank_while_pending: () => 'must be blank while the assessment is pending',
  assessed_before_referred: (p) => `${p.value} is before referred_on ${p.referredOn}: a case is assessed after it is referred`,
  unknown_region: (p) => `"${p.value}" is not a police region; one of: ${p.allowed} (or blank when municipality_code is given)`,
  region_required: () => 'give the police region or a municipality_code to derive it from',
  unknown_municipality: (p) => `"${p.value}" is not a Swedish municipality code (four digits, e.g. 0180 for Stockholm)`,
  municipality_in_other_region: (p) => `municipality ${p.value} (${p.municipality}) is in region ${p.municipalityRegion}, not ${p.region}`,
  invalid_birth_year: (p) => `"${p.value}" is not a four-digit year from 1900 to the year of referral`,
  unknown_age_with_birth_year: (p) => `"unknown" contradicts birth_year ${p.birthYear}; leave age_group blank to derive it`,
  age_group_contradicts_birth_year: (p) => `"${p.value}" contradicts birth_year ${p.birthYear} (about ${p.age} on ${p.on})`,
  invalid_country: (p) => `"${p.item}" is not allowed: ISO 3166-1 alpha-2 country codes separated by ; (e.g. TH;SE)`,
  invalid_form: (p) => `"${p.item}" is not allowed: codes separated by ; from: ${p.allowed}`,
  duplicate_case_ref: (p) => `case_ref ${p.value} is already on line ${p.firstLine}; each case appears once per file`,
  person_disagrees: (p) => `person_ref ${p.personRef} has ${p.column} "${p.first}" on line ${p.firstLine}; rows sharing a person_ref are the same person and must agree`,
  case_registered_here: (p) => `case_ref ${p.value} is a case registered in Lots, not an imported record; the import cannot change it`,
  case_worked_on: (p) => `case ${p.value} has been worked on in Lots since it was imported (status ${p.status}); change it there, not by import`,
  // External series
  unknown_series: (p) => `"${p.value}" is not a known series; one of: ${p.allowed}`,
  unknown_measure: (p) => `"${p.value}" is not a measure of ${p.series}; one of: ${p.allowed}`,
  unknown_breakdown: (p) => `"${p.value}" is not a breakdown of ${p.series}/${p.measure}; one of: ${p.allowed}`,
  invalid_year: (p) => `"${p.value}" is not a year from ${p.min} to ${p.max}`,
  invalid_number: (p) => `"${p.value}" is not a non-negative number (use . for decimals, blank is not allowed: leave the row out)`,
  not_whole_number: (p) => `${p.unit} are whole numbers`,
  wrong_unit: (p) => `the unit of ${p.series}/${p.measure} is "${p.unit}"`,
  source_required: () => 'is required: who published the figure',
  duplicate_value: (p) => `${p.key} is already on line ${p.firstLine}`,
} satisfies Record<string, Text>;

export type ImportIssueCode = keyof typeof ISSUE_TEXT;
export const IMPORT_ISSUE_CODES = Object.keys(ISSUE_TEXT) as ImportIssueCode[];

/** The English message of a code with its parameters (and the value and allowed values, when any). */
export function issueMessage(code: ImportIssueCode, params: IssueParams = {}, value = '', allowed: readonly string[] = []): string {
  return (ISSUE_TEXT[code] as Text)({ ...params, value, allowed: allowed.join(', ') });
}

export function importIssue<C extends string | null>(
  line: number,
  column: C,
  code: ImportIssueCode,
  opts: { value?: string; params?: IssueParams; allowed?: readonly string[] } = {},
): ImportIssue<C> {
  return {
    line,
    column,
    ...(opts.value !== undefined ? { value: opts.value } : {}),
    code,
    ...(opts.params && Object.keys(opts.params).length ? { params: opts.params } : {}),
    message: issueMessage(code, opts.params, opts.value, opts.allowed),
    ...(opts.allowed ? { allowed: [...opts.allowed] } : {}),
  };
}
