// A small RFC 4180 reader and writer: quoted fields, doubled quotes, line breaks inside quotes,
// CRLF or LF. Each row keeps the line it started on, so problems can be reported by line and
// a malformed row is skipped rather than failing the whole file.

export interface CsvRow {
  line: number;
  fields: string[];
}

export interface CsvProblem {
  line: number;
  message: string;
}

export interface CsvParseResult {
  rows: CsvRow[];
  errors: CsvProblem[];
}

export function parseCsv(text: string): CsvParseResult {
  const rows: CsvRow[] = [];
  const errors: CsvProblem[] = [];
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let line = 1;
  let rowLine = 1;
  let fields: string[] = [];
  let field = '';
  let rowError: string | null = null;
  let i = 0;

  const endRow = (): void => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === '';
    if (rowError !== null) errors.push({ line: rowLine, message: rowError });
    else if (!blank) rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
    rowError = null;
  };

  while (i < input.length) {
    const ch = input[i];
    if (ch === '"' && field === '') {
      // A quoted field: read to the closing quote, allowing "" and line breaks inside.
      const startLine = line;
      i++;
      let closed = false;
      while (i < input.length) {
        const c = input[i];
        if (c === '"') {
          if (input[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        if (c === '\n') line++;
        field += c;
        i++;
      }
      if (!closed) {
        errors.push({ line: startLine, message: 'quoted field is never closed' });
        return { rows, errors };
      }
      const next = input[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        rowError ??= `unexpected text after a closing quote`;
        while (i < input.length && input[i] !== ',' && input[i] !== '\n' && input[i] !== '\r') i++;
      }
      continue;
    }
    if (ch === ',') {
      fields.push(field);
      field = '';
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && input[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
      continue;
    }
    if (ch === '"') rowError ??= 'a quote inside an unquoted field';
    field += ch;
    i++;
  }
  if (field !== '' || fields.length > 0) endRow();
  return { rows, errors };
}

/** Quote a field when it holds a comma, a quote or a line break. */
export function formatCsvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(formatCsvField).join(',')).join('\n') + '\n';
}
