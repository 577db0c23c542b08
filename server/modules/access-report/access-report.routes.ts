// GET /persons/:id/access-report?format=json|pdf&lang=sv|en: everything Lots holds about a
// person (GDPR art. 15), as JSON (codes) or as a readable PDF in Swedish or English.
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requireActor } from '../../http/authenticate.js';
import { ErrorResponse } from '../auth/auth.schema.js';
import { AccessReportQuery, AccessReportSchema, PersonIdParams } from './access-report.schema.js';
import { produceAccessReport } from './access-report.service.js';
import { renderAccessReportHtml } from './access-report.html.js';
import { word } from './access-report.labels.js';
import { renderPdf } from './access-report.pdf.js';

export function accessReportRoutes({ db }: { db: Kysely<DB> }): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get(
      '/persons/:id/access-report',
      {
        schema: {
          tags: ['persons'],
          description: "Everything Lots holds about a person (GDPR art. 15). format=pdf answers application/pdf; the region's coordinator of one of the person's cases only.",
          params: PersonIdParams,
          querystring: AccessReportQuery,
          response: { 200: AccessReportSchema, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 503: ErrorResponse },
        },
      },
      async (req, reply) => {
        const { format, lang } = req.query;
        const report = await produceAccessReport(db, requireActor(req), req.params.id, { format, lang });
        if (format === 'json') return report;
        const pdf = await renderPdf(renderAccessReportHtml(report, lang), `Lots – ${word('title', lang)} – ${word('page', lang)}`);
        const date = report.producedAt.slice(0, 10);
        // A PDF is sent as bytes: Fastify does not serialise a Buffer against the JSON schema.
        const bytes: FastifyReply = reply;
        return bytes
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="lots-access-report-${date}.pdf"`)
          .send(pdf);
      },
    );
  };
}
