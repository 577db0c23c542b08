// Files of statistics tables: the wide CSV of one table (`<by>,<year>,…`), a long CSV when several
// tables go in one file, and XLSX with one sheet per table, labels in the chosen language.
import type { Lang } from '../../../domain/codelists/codelist.js';
import { writeCsv } from '../../../domain/statistics/csv.js';
import { SUPPRESSED_MARK, tableToCsv, type StatTable } from '../../../domain/statistics/table.js';
import { regionLabel } from '../../../domain/statistics/views.js';
import { DISCLOSURE_SUMMARY } from '../../../domain/statistics/disclosure-method.js';
import { buildXlsx, type XlsxCell, type XlsxSheet } from './xlsx.js';

export type ExportFormat = 'csv' | 'xlsx';

/** One table: the wide CSV; several: long rows `table,by,region,code,year,value,suppressed`. */
export function tablesToCsv(tables: readonly StatTable[]): string {
  if (tables.length === 1) return tableToCsv(tables[0]!);
  const rows: string[][] = [];
  for (const t of tables) {
    for (const r of t.rows) {
      t.years.forEach((y, i) => rows.push([t.table, t.by, t.region ?? 'SE', r.code, String(y), r.suppressed[i] ? SUPPRESSED_MARK : String(r.values[i]), r.suppressed[i] ? 'true' : 'false']));
    }
  }
  return writeCsv(['table', 'by', 'region', 'code', 'year', 'value', 'suppressed'], rows);
}

export function tableSheet(t: StatTable, lang: Lang): XlsxSheet {
  const where = regionLabel(t.region)[lang];
  const rows: XlsxCell[][] = [
    [`${t.title[lang]} — ${where}${t.published ? '' : lang === 'sv' ? ' (intern, ej röjandekontrollerad)' : ' (internal, not disclosure-controlled)'}`],
    [t.by, lang === 'sv' ? 'rad' : 'row', ...t.years],
  ];
  for (const r of t.rows) rows.push([r.code, r.label[lang], ...r.values.map((v, i) => (r.suppressed[i] ? SUPPRESSED_MARK : v))]);
  rows.push([]);
  for (const n of t.notes) rows.push([n[lang]]);
  if (t.published) rows.push([DISCLOSURE_SUMMARY[lang]]);
  const bold = [0, 1, ...t.rows.map((r, i) => (r.kind === 'total' || r.kind === 'subtotal' ? i + 2 : -1)).filter((i) => i >= 0)];
  return { name: t.by, rows, bold };
}

export function tablesToXlsx(tables: readonly StatTable[], lang: Lang): Buffer {
  return buildXlsx(tables.map((t) => tableSheet(t, lang)));
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The part of a Fastify reply a file download needs (any typed reply fits). */
interface FileReply {
  header(name: string, value: string): unknown;
  send(payload: string | Buffer): unknown;
}

/**
 * The policy of a report shown inline: nothing may load or run — no scripts, no fetches, no
 * forms, no frames, no plugins; only the document's own <style> and inline SVG, and data: images.
 * `sandbox` (without allow-scripts) gives the page an opaque origin as well, so even markup that
 * slipped through escaping could not reach the session or the API.
 */
export const INLINE_REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox";

/**
 * Sends a file: the payload goes out as is (no JSON serialisation for non-JSON types). A
 * download by default; `inline` shows it in the browser, under `csp` (which replaces the app's).
 */
export function sendFile(reply: FileReply, file: { contentType: string; filename: string; body: string | Buffer }, opts: { inline?: boolean; csp?: string } = {}): unknown {
  reply.header('content-type', file.contentType);
  reply.header('content-disposition', `${opts.inline ? 'inline' : 'attachment'}; filename="${file.filename}"`);
  if (opts.csp) reply.header('content-security-policy', opts.csp);
  return reply.send(file.body);
}
