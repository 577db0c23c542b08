// A statistics table as the API, the CLI, the exports and the report show it: fixed rows, one
// column per year, and for published tables the cells hidden by disclosure control marked as
// such (value null, suppressed true), never zeroed.
import type { Label, RowKind } from './dimensions.js';
import type { Publication } from './disclosure.js';
import type { StatModel } from './model.js';

export interface StatRow {
  code: string;
  label: Label;
  kind: RowKind;
  parent: string | null;
  /** One per year; null only where suppressed. */
  values: (number | null)[];
  suppressed: boolean[];
}

export interface StatTable {
  /** "identified" for the persons-identified breakdowns, else the table id (nsp, amp, permits, …). */
  table: string;
  /** The breakdown: form, sex_age, … for identified; the table id otherwise. */
  by: string;
  title: Label;
  /** null = the whole country. */
  region: string | null;
  years: number[];
  published: boolean;
  /** False when a unit may count in several rows (each form of exploitation). */
  additive: boolean;
  rows: StatRow[];
  notes: Label[];
  /** Codes of the counting rules that apply (COUNTING_RULES). */
  rules: string[];
}

export interface ViewRow {
  code: string;
  label: Label;
  kind: RowKind;
  parent: string | null;
  key: string;
}

export interface ViewSpec {
  table: string;
  by: string;
  title: Label;
  region: string | null;
  additive: boolean;
  rows: ViewRow[];
  notes: Label[];
  rules: string[];
}

/** The table over the years of `models`; with publications, suppressed cells are hidden. */
export function viewTable(spec: ViewSpec, models: readonly StatModel[], publications?: readonly Publication[]): StatTable {
  const rows: StatRow[] = spec.rows.map((r) => {
    const values: (number | null)[] = [];
    const suppressed: boolean[] = [];
    models.forEach((m, i) => {
      // A cell outside disclosure control (a regional cell of a national-only table) is never published.
      const hidden = publications !== undefined && (publications[i]?.suppressed.has(r.key) === true || m.hidden.has(r.key));
      values.push(hidden ? null : m.value(r.key));
      suppressed.push(hidden);
    });
    return { code: r.code, label: r.label, kind: r.kind, parent: r.parent, values, suppressed };
  });
  return {
    table: spec.table,
    by: spec.by,
    title: spec.title,
    region: spec.region,
    years: models.map((m) => m.year),
    published: publications !== undefined,
    additive: spec.additive,
    rows,
    notes: spec.notes,
    rules: spec.rules,
  };
}

/** Problems with a table's sums (empty when it adds up); suppressed cells are skipped. */
export function additivityProblems(t: StatTable): string[] {
  const problems: string[] = [];
  if (!t.additive) return problems;
  t.years.forEach((year, yi) => {
    const parents = new Map<string | null, number>();
    let complete = true;
    for (const r of t.rows) {
      if (r.kind === 'total' || r.kind === 'memo') continue;
      const v = r.values[yi];
      if (v === null || v === undefined) complete = false;
      else parents.set(r.parent, (parents.get(r.parent) ?? 0) + v);
    }
    if (!complete) return;
    for (const r of t.rows) {
      if (r.kind !== 'subtotal' && r.kind !== 'total') continue;
      const expected = parents.get(r.kind === 'total' ? null : r.code) ?? 0;
      if (r.values[yi] !== expected) problems.push(`${year} ${r.code}: ${r.values[yi]} ≠ ${expected}`);
    }
  });
  return problems;
}

/** CSV: header `<by>,<year>,…`, one line per row code; suppressed cells print as "..". */
export function tableToCsv(t: StatTable): string {
  const lines = [[t.by, ...t.years.map(String)].join(',')];
  for (const r of t.rows) lines.push([r.code, ...r.values.map((v, i) => (r.suppressed[i] ? SUPPRESSED_MARK : String(v)))].join(','));
  return `${lines.join('\n')}\n`;
}

/** How a suppressed cell is written in CSV and XLSX (Statistics Sweden's ".." for "not shown"). */
export const SUPPRESSED_MARK = '..';
