// Shapes of the statistics API's answers as the web app reads them (server/modules/statistics/
// statistics.schema.ts and series.schema.ts; GET /api/openapi.json).

export interface Bilingual {
  sv: string;
  en: string;
}

export type StatRowKind = 'leaf' | 'subtotal' | 'total' | 'memo';

export interface StatRow {
  code: string;
  label: Bilingual;
  kind: StatRowKind;
  parent: string | null;
  /** One per year; null only where disclosure control hid the cell. */
  values: (number | null)[];
  suppressed: boolean[];
}

export interface StatTable {
  table: string;
  by: string;
  title: Bilingual;
  region: string | null;
  years: number[];
  published: boolean;
  additive: boolean;
  rows: StatRow[];
  notes: Bilingual[];
  /** Codes of the counting rules that apply (StatMeta.rules). */
  rules: string[];
}

export interface CountingRuleText {
  code: string;
  appliesTo: string[];
  sv: string;
  en: string;
}

export interface StatAbilities {
  viewPublished: boolean;
  /** 'all', the one region whose internal tables the user may see, or null (published only). */
  internal: string | null;
  importCases: boolean;
  exportCases: boolean;
  exportHtcds: boolean;
  importSeries: boolean;
}

export interface StatMeta {
  dimensions: { code: string; title: Bilingual }[];
  programmeTables: { code: string; title: Bilingual }[];
  regions: { code: string; label: Bilingual }[];
  rules: CountingRuleText[];
  disclosure: { summary: Bilingual; method: Bilingual[]; primaryMax: number; minWidth: number; mark: string };
  years: { first: number | null; last: number | null; defaultFrom: number; defaultTo: number };
  abilities: StatAbilities;
  caseColumns: string[];
}

export interface IndicatorPoint {
  year: number;
  value: number | null;
  suppressed: boolean;
}

export interface IndicatorLine {
  code: string;
  label: Bilingual;
  source: string;
  regional: boolean;
  points: IndicatorPoint[];
}

export interface Indicator {
  id: number;
  title: Bilingual;
  unit: Bilingual;
  origin: 'system' | 'imported' | 'both';
  lines: IndicatorLine[];
  latest: { year: number; value: number; line: string } | null;
}

export interface RowError {
  line: number;
  column: string | null;
  value?: string;
  /** Stable problem code (domain/statistics/import-issues.ts), translated in the web app. */
  code: string;
  params?: Record<string, string | number>;
  /** English, for codes this app does not know. */
  message: string;
  allowed?: string[];
}

interface ValidationReport {
  ok: boolean;
  dryRun: boolean;
  rows: number;
  errorCount: number;
  errors: RowError[];
  sha256: string;
}

export interface CaseImportReport extends ValidationReport {
  created: number;
  updated: number;
  unchanged: number;
  personsCreated: number;
  personsUpdated: number;
}

export interface SeriesImportReport extends ValidationReport {
  series: { series: string; version: number; values: number }[];
}

export interface SeriesSummary {
  series: string;
  title: Bilingual;
  version: number | null;
  importedAt: string | null;
  importedBy: string | null;
  sources: string[];
  measures: { code: string; label: Bilingual; unit: string; breakdowns: string[] }[];
  values: { measure: string; breakdown: string; year: number; value: number; unit: string; source: string; note: string }[];
}

export interface SeriesVersion {
  version: number;
  current: boolean;
  importedAt: string;
  importedBy: string;
  sources: string[];
  rowCount: number;
  sha256: string;
}
