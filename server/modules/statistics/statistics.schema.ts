// Request and response shapes of the statistics routes.
import { z } from 'zod';
import { zCode } from '../../http/zod-codes.js';
import { POLICE_REGIONS } from '../../../domain/codelists/police-regions.js';
import { STAT_DIMENSIONS } from '../../../domain/statistics/dimensions.js';
import { PROGRAMME_TABLES } from '../../../domain/statistics/programmes.js';
import { IMPORT_ISSUE_CODES } from '../../../domain/statistics/import-issues.js';

const year = z.coerce.number().int().min(1990).max(2100);
const region = zCode(POLICE_REGIONS);
const flag = z.stringbool();

export const Label = z.object({ sv: z.string(), en: z.string() });

export const YearsQuery = z.object({ from: year.optional(), to: year.optional() }).strict();

export const TableQuery = z
  .object({
    from: year.optional(),
    to: year.optional(),
    region: region.optional(),
    publish: flag.default(false),
  })
  .strict();

export const IdentifiedQuery = TableQuery.extend({ by: z.enum(STAT_DIMENSIONS) }).strict();

export const ProgrammeParams = z.object({ table: z.enum(PROGRAMME_TABLES) }).strict();

export const ExportQuery = z
  .object({
    table: z.enum(['identified', ...PROGRAMME_TABLES, 'eurostat', 'all']),
    by: z.enum(STAT_DIMENSIONS).optional(),
    from: year.optional(),
    to: year.optional(),
    region: region.optional(),
    /** Exports are published (disclosure-controlled) unless publish=false is asked for by someone allowed. */
    publish: flag.default(true),
    format: z.enum(['csv', 'xlsx']).default('csv'),
    lang: z.enum(['sv', 'en']).default('sv'),
  })
  .strict();

export const StatRowSchema = z.object({
  code: z.string(),
  label: Label,
  kind: z.enum(['leaf', 'subtotal', 'total', 'memo']),
  parent: z.string().nullable(),
  values: z.array(z.number().nullable()),
  suppressed: z.array(z.boolean()),
});

export const StatTableSchema = z.object({
  table: z.string(),
  by: z.string(),
  title: Label,
  region: z.string().nullable(),
  years: z.array(z.number().int()),
  published: z.boolean(),
  additive: z.boolean(),
  rows: z.array(StatRowSchema),
  notes: z.array(Label),
  rules: z.array(z.string()),
});

export const TablesSchema = z.object({ tables: z.array(StatTableSchema) });

/** A problem in an import file: `code` and `params` are stable (domain/statistics/import-issues.ts); `message` is English. */
export const RowErrorSchema = z.object({
  line: z.number().int(),
  column: z.string().nullable(),
  value: z.string().optional(),
  code: z.enum(IMPORT_ISSUE_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  message: z.string(),
  allowed: z.array(z.string()).optional(),
});

export const ImportQuery = z.object({ dryRun: flag.default(false) }).strict();
export const CsvBody = z.string();

export const ImportReportSchema = z.object({
  ok: z.boolean(),
  dryRun: z.boolean(),
  rows: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(RowErrorSchema),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  personsCreated: z.number().int(),
  personsUpdated: z.number().int(),
  sha256: z.string(),
});

export const CaseExportQuery = z.object({ region: region.optional() }).strict();
export const HtcdsQuery = z.object({ from: year.optional(), to: year.optional(), region: region.optional() }).strict();

export const ReportQuery = z
  .object({
    year,
    lang: z.enum(['sv', 'en']).default('sv'),
    format: z.enum(['html', 'pdf']).default('html'),
    /** attachment (download, the default) or inline (shown in the browser, under the report's own strict CSP). */
    disposition: z.enum(['attachment', 'inline']).default('attachment'),
  })
  .strict();

export const MetaSchema = z.object({
  dimensions: z.array(z.object({ code: z.string(), title: Label })),
  programmeTables: z.array(z.object({ code: z.string(), title: Label })),
  regions: z.array(z.object({ code: z.string(), label: Label })),
  rules: z.array(z.object({ code: z.string(), appliesTo: z.array(z.string()), sv: z.string(), en: z.string() })),
  disclosure: z.object({ summary: Label, method: z.array(Label), primaryMax: z.number(), minWidth: z.number(), mark: z.string() }),
  years: z.object({ first: z.number().nullable(), last: z.number().nullable(), defaultFrom: z.number(), defaultTo: z.number() }),
  abilities: z.object({
    viewPublished: z.boolean(),
    internal: z.string().nullable(),
    importCases: z.boolean(),
    exportCases: z.boolean(),
    exportHtcds: z.boolean(),
    importSeries: z.boolean(),
  }),
  caseColumns: z.array(z.string()),
});
