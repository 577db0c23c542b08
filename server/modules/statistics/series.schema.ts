// Shapes of the external-series and indicator routes.
import { z } from 'zod';
import { zCode } from '../../http/zod-codes.js';
import { POLICE_REGIONS } from '../../../domain/codelists/police-regions.js';
import { SERIES } from '../../../domain/statistics/series.js';
import { Label, RowErrorSchema } from './statistics.schema.js';

const year = z.coerce.number().int().min(1990).max(2100);

export const SeriesParams = z.object({ series: z.enum(SERIES.map((s) => s.code) as [string, ...string[]]) }).strict();

export const SeriesListSchema = z.object({
  series: z.array(
    z.object({
      series: z.string(),
      title: Label,
      version: z.number().int().nullable(),
      importedAt: z.string().nullable(),
      importedBy: z.string().nullable(),
      sources: z.array(z.string()),
      measures: z.array(z.object({ code: z.string(), label: Label, unit: z.string(), breakdowns: z.array(z.string()) })),
      values: z.array(z.object({ measure: z.string(), breakdown: z.string(), year: z.number().int(), value: z.number(), unit: z.string(), source: z.string(), note: z.string() })),
    }),
  ),
});

export const SeriesVersionsSchema = z.object({
  versions: z.array(z.object({ version: z.number().int(), current: z.boolean(), importedAt: z.string(), importedBy: z.string(), sources: z.array(z.string()), rowCount: z.number().int(), sha256: z.string() })),
});

export const SeriesImportReportSchema = z.object({
  ok: z.boolean(),
  dryRun: z.boolean(),
  rows: z.number().int(),
  errorCount: z.number().int(),
  errors: z.array(RowErrorSchema),
  series: z.array(z.object({ series: z.string(), version: z.number().int(), values: z.number().int() })),
  sha256: z.string(),
});

export const IndicatorsQuery = z
  .object({
    from: year.optional(),
    to: year.optional(),
    region: zCode(POLICE_REGIONS).optional(),
    /** true: the system's figures disclosure-controlled, like a published table; false: internal (where allowed, else 403). Unset: internal where allowed, else published. */
    publish: z.stringbool().optional(),
  })
  .strict();

export const IndicatorsSchema = z.object({
  indicators: z.array(
    z.object({
      id: z.number().int(),
      title: Label,
      unit: Label,
      origin: z.enum(['system', 'imported', 'both']),
      lines: z.array(
        z.object({
          code: z.string(),
          label: Label,
          source: z.string(),
          regional: z.boolean(),
          points: z.array(z.object({ year: z.number().int(), value: z.number().nullable(), suppressed: z.boolean() })),
        }),
      ),
      latest: z.object({ year: z.number().int(), value: z.number(), line: z.string() }).nullable(),
    }),
  ),
});
