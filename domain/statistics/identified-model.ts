// One year of the identified-persons statistics as a StatModel: every breakdown by region and
// for the nation, the by-region table, the Eurostat groupings, and the hidden link between the
// form table and the each-form table (a person in "multiple" appears in two or more form rows).
import { EXPLOITATION_FORMS } from '../codelists/exploitation-forms.js';
import { dimensionDef, type StatDimension } from './dimensions.js';
import { NATION, REGION_CODES, StatModel, cellKey, type TableDef } from './model.js';
import { addEurostatCells } from './eurostat.js';

/** Counts of one year as the database returns them: region → breakdown → row → persons. */
export interface IdentifiedCounts {
  year: number;
  byRegion: Map<string, Map<string, Map<string, number>>>;
  /** Adults counted as adults only because their age is unknown, per region (Eurostat keeps them apart). */
  unknownAge: Map<string, number>;
}

export const CUBE_DIMENSIONS = ['form', 'forms_each', 'sex_age', 'citizenship', 'sector', 'source'] as const satisfies readonly StatDimension[];

export const totalKey = (region: string): string => `total@${region}`;

/** The table definition behind a breakdown; cell keys are shared through totalKey. */
export function identifiedTableDef(by: StatDimension, countries: Iterable<string> = []): TableDef {
  const d = dimensionDef(by, countries);
  const base = { id: by, title: d.title, rows: d.rows, additive: d.additive, totalNote: d.totalNote };
  // Citizenship, each form and sector are too fine to publish per region (and each form is tied
  // to the form table through "multiple"), so they are published for the nation only.
  switch (by) {
    case 'sector':
      // Persons with labour among their forms: the labour row of the each-form table.
      return { ...base, totalKey: (r) => `forms_each:labour@${r}`, nationalOnly: true };
    case 'citizenship':
      return { ...base, totalKey, nationalOnly: true };
    case 'forms_each':
      // Where hiding is needed to protect "multiple", hide these before the main form table.
      return { ...base, totalKey, nationalOnly: true, suppressionCost: 0.25 };
    case 'form':
    case 'sex_age':
    case 'region':
    case 'source':
      return { ...base, totalKey };
  }
}

/** Cell key of a row of a breakdown table for a region or the nation ('*'). */
export function identifiedCellKey(by: StatDimension, row: string, region: string): string {
  if (by === 'region') return totalKey(row === 'total' ? region : row);
  return cellKey(identifiedTableDef(by), row, region);
}

export function countriesIn(c: IdentifiedCounts): string[] {
  const set = new Set<string>();
  for (const dims of c.byRegion.values()) for (const code of dims.get('citizenship')?.keys() ?? []) set.add(code);
  return [...set];
}

function leafCounts(c: IdentifiedCounts, by: StatDimension): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const region of REGION_CODES) out.set(region, new Map(c.byRegion.get(region)?.get(by) ?? []));
  return out;
}

/** Tables published only for the nation (their regional cells are internal). */
export function isNationalOnly(by: StatDimension): boolean {
  return identifiedTableDef(by).nationalOnly === true;
}

export function buildIdentifiedModel(c: IdentifiedCounts, model: StatModel = new StatModel(c.year)): StatModel {
  const countries = countriesIn(c);
  // Persons per region: the form table's rows partition them, so its sum is the total.
  const eachCounts = leafCounts(c, 'forms_each');
  for (const region of REGION_CODES) {
    const total = [...(c.byRegion.get(region)?.get('form')?.values() ?? [])].reduce((s, n) => s + n, 0);
    eachCounts.get(region)!.set('total', total);
  }
  for (const by of CUBE_DIMENSIONS) {
    const def = identifiedTableDef(by, countries);
    model.addTable(def, by === 'forms_each' ? eachCounts : leafCounts(c, by));
  }
  model.relate([[totalKey(NATION), -1], ...REGION_CODES.map((r): [string, number] => [totalKey(r), 1])]);
  linkFormTables(model);
  addEurostatCells(model, c);
  model.verify();
  return model;
}

/**
 * each-form(f) = form(f) + m(f), where m(f) ≥ 0 counts the "multiple" persons with form f:
 * m(f) ≤ multiple and Σ m(f) ≥ 2 · multiple. m is never published; it only lets the audit
 * see what a reader of both tables could infer. The each-form table is national, so the link is.
 */
function linkFormTables(model: StatModel): void {
  const multiple = `form:multiple@${NATION}`;
  const ms: string[] = [];
  for (const f of EXPLOITATION_FORMS) {
    const m = `hidden:m:${f.code}@${NATION}`;
    const each = `forms_each:${f.code}@${NATION}`;
    const single = `form:${f.code}@${NATION}`;
    model.setHidden(m, model.value(each) - model.value(single));
    model.relate([[each, 1], [single, -1], [m, -1]]);
    model.relate([[m, 1], [multiple, -1]], '<=');
    ms.push(m);
  }
  model.relate([[multiple, 2], ...ms.map((m): [string, number] => [m, -1])], '<=');
  model.relate([[`forms_each:not_reported@${NATION}`, 1], [`form:not_reported@${NATION}`, -1]]);
}
