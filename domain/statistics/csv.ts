// RFC 4180 CSV for the public interchange formats: a strict reader that keeps each record's
// line number and reports malformed records instead of guessing, and a writer that quotes only
// where needed. Input must already be decoded text (see decodeUtf8 for the byte check).

export interface CsvRecord {
  /** Line on which the record starts (1-based, the header is line 1). */
  line: number;
  fields: string[];
}

export interface CsvIssue {
  line: number;
  column: string | null;
  code: 'csv_unclosed_quote' | 'csv_text_after_quote' | 'csv_quote_in_field';
}

export interface CsvReadResult {
  records: CsvRecord[];
  issues: CsvIssue[];
}

/** Decodes UTF-8 strictly; null when the bytes are not valid UTF-8. A BOM is dropped. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return null;
  }
}

export function readCsv(input: string): CsvReadResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  const issues: CsvIssue[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let i = 0;
  let bad: CsvIssue['code'] | null = null;
  const end = () => {
    fields.push(field);
    if (bad) issues.push({ line: start, column: null, code: bad });
    else if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
    fields = [];
    field = '';
    bad = null;
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && field === '') {
      // Quoted field: runs to the closing quote; "" is a literal quote.
      let j = i + 1;
      let closed = false;
      let value = '';
      while (j < text.length) {
        const c = text[j]!;
        if (c === '"') {
          if (text[j + 1] === '"') { value += '"'; j += 2; continue; }
          closed = true;
          j++;
          break;
        }
        if (c === '\n') line++;
        value += c;
        j++;
      }
      if (!closed) {
        bad = 'csv_unclosed_quote';
        i = text.length;
        break;
      }
      field = value;
      i = j;
      const next = text[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        bad ??= 'csv_text_after_quote';
        while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') i++;
      }
      continue;
    }
    if (ch === ',') {
      fields.push(field);
      field = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      end();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      start = line;
    } else {
      if (ch === '"') bad ??= 'csv_quote_in_field';
      field += ch;
      i++;
    }
  }
  if (field !== '' || fields.length > 0 || bad) end();
  return { records, issues };
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV text with a trailing newline; LF line ends. */
export function writeCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const out = [header.map(quote).join(',')];
  for (const r of rows) out.push(r.map(quote).join(','));
  return `${out.join('\n')}\n`;
}
