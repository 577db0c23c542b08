// Case records in and out: the interchange CSV import (text/csv body, dry run possible), its
// export, and the HTCDS case-level export. National analyst only (the services check).
import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requireActor } from '../../http/authenticate.js';
import { ErrorResponse } from '../auth/auth.schema.js';
import { CaseExportQuery, CsvBody, HtcdsQuery, ImportQuery, ImportReportSchema, ReportQuery } from './statistics.schema.js';
import { reportFile } from './report/report.service.js';
import { importCases } from './case-import.service.js';
import { exportCasesCsv, exportHtcds } from './case-export.service.js';
import { yearsOf } from './statistics-export.service.js';
import { CONTENT_TYPES, INLINE_REPORT_CSP, sendFile } from './export-format.js';

export const CSV_BODY_LIMIT = 50 * 1024 * 1024;
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse };

export function statisticsIoRoutes({ db }: { db: Kysely<DB> }): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['statistics'];

    // 200 with the report for a dry run or a successful import; 422 with the same report when
    // the file has errors and nothing was imported.
    r.post(
      '/statistics/import',
      { bodyLimit: CSV_BODY_LIMIT, schema: { tags, querystring: ImportQuery, body: CsvBody, response: { 200: ImportReportSchema, 422: ImportReportSchema, ...errors } } },
      async (req, reply) => {
        const result = await importCases(db, requireActor(req), { source: req.body, dryRun: req.query.dryRun });
        return reply.code(result.ok || result.dryRun ? 200 : 422).send(result);
      },
    );

    app.get<{ Querystring: z.output<typeof CaseExportQuery> }>('/statistics/cases/export', { schema: { tags, querystring: CaseExportQuery, response: errors } }, async (req, reply) => {
      const { csv } = await exportCasesCsv(db, requireActor(req), { region: req.query.region ?? null });
      return sendFile(reply, { contentType: CONTENT_TYPES.csv, filename: `lots-cases${req.query.region ? `-${req.query.region}` : ''}.csv`, body: csv });
    });

    app.get<{ Querystring: z.output<typeof HtcdsQuery> }>('/statistics/htcds/export', { schema: { tags, querystring: HtcdsQuery, response: errors } }, async (req, reply) => {
      const y = yearsOf(req.query);
      const { csv } = await exportHtcds(db, requireActor(req), { ...y, region: req.query.region ?? null });
      return sendFile(reply, { contentType: CONTENT_TYPES.csv, filename: `lots-htcds-${y.from}-${y.to}.csv`, body: csv });
    });

    // The annual report (published tables only): self-contained HTML, or PDF printed by Chromium;
    // downloaded, or with disposition=inline shown in the browser. Inline HTML gets its own CSP
    // (no scripts, nothing loaded); the PDF is shown by the browser's viewer under the app's CSP.
    app.get<{ Querystring: z.output<typeof ReportQuery> }>('/statistics/report', { schema: { tags, querystring: ReportQuery, response: errors } }, async (req, reply) => {
      const { disposition, ...q } = req.query;
      const file = await reportFile(db, requireActor(req), q);
      const inline = disposition === 'inline';
      return sendFile(reply, file, { inline, csp: inline && q.format === 'html' ? INLINE_REPORT_CSP : undefined });
    });
  };
}
