// Table exports (CSV, XLSX) and the metadata the dashboard needs to draw itself: breakdowns,
// counting rules, the disclosure method, the years with data and what the actor may do.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { ValidationError } from '../../http/errors.js';
import { statisticsAbilities } from '../../policies/statistics.policy.js';
import type { Lang } from '../../../domain/codelists/codelist.js';
import { POLICE_REGIONS, type PoliceRegion } from '../../../domain/codelists/police-regions.js';
import { COUNTING_RULES } from '../../../domain/statistics/counting-rules.js';
import { CASE_COLUMNS } from '../../../domain/statistics/case-csv.js';
import { STAT_DIMENSIONS, dimensionDef, type StatDimension } from '../../../domain/statistics/dimensions.js';
import { MIN_WIDTH, PRIMARY_MAX } from '../../../domain/statistics/disclosure.js';
import { DISCLOSURE_METHOD, DISCLOSURE_SUMMARY } from '../../../domain/statistics/disclosure-method.js';
import { PROGRAMME_TABLES, programmeTableDef, type ProgrammeTable } from '../../../domain/statistics/programmes.js';
import { SUPPRESSED_MARK, type StatTable } from '../../../domain/statistics/table.js';
import { countriesOf, eurostatViews, identifiedView, programmeView } from '../../../domain/statistics/views.js';
import { CONTENT_TYPES, tablesToCsv, tablesToXlsx, type ExportFormat } from './export-format.js';
import { authorizeScope, loadSnapshot, refuseRegionalNationalOnly, tableFrom, type Snapshot } from './statistics.service.js';
import { isNationalOnly } from '../../../domain/statistics/identified-model.js';
import { identifiedYearRange } from './statistics.repository.js';

/** Defaults: up to the current year, five years back. */
export function yearsOf(q: { from?: number; to?: number }): { from: number; to: number } {
  const to = q.to ?? new Date().getFullYear();
  return { from: q.from ?? to - 4, to };
}

export interface ExportRequest {
  table: 'identified' | ProgrammeTable | 'eurostat' | 'all';
  by?: StatDimension;
  from?: number;
  to?: number;
  region?: PoliceRegion;
  publish: boolean;
  format: ExportFormat;
  lang: Lang;
}

export interface ExportFile {
  filename: string;
  contentType: string;
  body: string | Buffer;
}

/** Every table of a snapshot for a region (or the nation): the identified breakdowns, then the programmes. */
export function allTables(snap: Snapshot, region: PoliceRegion | null): StatTable[] {
  const countries = countriesOf(snap.models);
  const dims = STAT_DIMENSIONS.filter((d) => !(isNationalOnly(d) && region && snap.publications));
  return [...dims.map((d) => tableFrom(identifiedView(d, region, countries), snap)), ...PROGRAMME_TABLES.map((t) => tableFrom(programmeView(t, region), snap))];
}

export async function exportTables(db: Kysely<DB>, actor: Actor, q: ExportRequest): Promise<ExportFile> {
  if (q.table === 'identified' && !q.by) throw new ValidationError('by is required for the identified table', [{ path: 'querystring.by', message: `one of: ${STAT_DIMENSIONS.join(', ')}` }]);
  if (q.table === 'eurostat' && q.region) throw new ValidationError('Eurostat tables are national', [{ path: 'querystring.region', message: 'leave region out for Eurostat tables' }]);
  if (q.table === 'identified' && q.by) refuseRegionalNationalOnly(q.by, { region: q.region ?? null, publish: q.publish });
  const publish = q.table === 'eurostat' ? true : q.publish;
  const scope = await authorizeScope(db, actor, { ...yearsOf(q), region: q.region ?? null, publish }, `export.${q.table}${q.by ? `.${q.by}` : ''}`);
  const snap = await loadSnapshot(db, scope.from, scope.to, scope.publish);
  const countries = countriesOf(snap.models);
  let tables: StatTable[];
  if (q.table === 'identified') tables = [tableFrom(identifiedView(q.by!, scope.region, countries), snap)];
  else if (q.table === 'eurostat') tables = eurostatViews(countries).map((v) => tableFrom(v, snap));
  else if (q.table === 'all') tables = allTables(snap, scope.region);
  else tables = [tableFrom(programmeView(q.table, scope.region), snap)];
  const name = ['lots', q.table, q.table === 'identified' ? q.by : null, `${scope.from}-${scope.to}`, scope.region, scope.publish ? null : 'internal'].filter(Boolean).join('-');
  return {
    filename: `${name}.${q.format}`,
    contentType: CONTENT_TYPES[q.format],
    body: q.format === 'csv' ? tablesToCsv(tables) : tablesToXlsx(tables, q.lang),
  };
}

export async function statisticsMeta(db: Kysely<DB>, actor: Actor) {
  const range = await identifiedYearRange(db);
  const defaults = yearsOf({});
  return {
    dimensions: STAT_DIMENSIONS.map((d) => ({ code: d, title: dimensionDef(d).title })),
    programmeTables: PROGRAMME_TABLES.map((t) => ({ code: t, title: programmeTableDef(t).title })),
    regions: POLICE_REGIONS.map((r) => ({ code: r.code, label: { sv: r.sv, en: r.en } })),
    rules: COUNTING_RULES.map((r) => ({ code: r.code, appliesTo: [...r.appliesTo], sv: r.sv, en: r.en })),
    disclosure: { summary: DISCLOSURE_SUMMARY, method: [...DISCLOSURE_METHOD], primaryMax: PRIMARY_MAX, minWidth: MIN_WIDTH, mark: SUPPRESSED_MARK },
    years: { first: range.first, last: range.last, defaultFrom: defaults.from, defaultTo: defaults.to },
    abilities: statisticsAbilities(actor),
    caseColumns: [...CASE_COLUMNS],
  };
}
