// External series and the indicator cards of the dashboard.
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requireActor } from '../../http/authenticate.js';
import { ErrorResponse } from '../auth/auth.schema.js';
import { CsvBody, ImportQuery } from './statistics.schema.js';
import { IndicatorsQuery, IndicatorsSchema, SeriesImportReportSchema, SeriesListSchema, SeriesParams, SeriesVersionsSchema } from './series.schema.js';
import { importSeries, listSeries, listSeriesVersions } from './series.service.js';
import { getIndicators } from './indicators.service.js';
import { yearsOf } from './statistics-export.service.js';
import { CSV_BODY_LIMIT } from './statistics-io.routes.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export function seriesRoutes({ db }: { db: Kysely<DB> }): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['statistics'];

    r.get('/statistics/series', { schema: { tags, response: { 200: SeriesListSchema, ...errors } } }, async (req) => {
      requireActor(req);
      return { series: await listSeries(db) };
    });

    r.get('/statistics/series/:series/versions', { schema: { tags, params: SeriesParams, response: { 200: SeriesVersionsSchema, ...errors } } }, async (req) => {
      requireActor(req);
      return { versions: await listSeriesVersions(db, req.params.series) };
    });

    r.post(
      '/statistics/series/import',
      { bodyLimit: CSV_BODY_LIMIT, schema: { tags, querystring: ImportQuery, body: CsvBody, response: { 200: SeriesImportReportSchema, 422: SeriesImportReportSchema, ...errors } } },
      async (req, reply) => {
        const result = await importSeries(db, requireActor(req), { source: req.body, dryRun: req.query.dryRun });
        return reply.code(result.ok || result.dryRun ? 200 : 422).send(result);
      },
    );

    r.get('/statistics/indicators', { schema: { tags, querystring: IndicatorsQuery, response: { 200: IndicatorsSchema, ...errors } } }, async (req) => {
      const y = yearsOf(req.query);
      return { indicators: await getIndicators(db, requireActor(req), { ...y, region: req.query.region ?? null, publish: req.query.publish }) };
    });
  };
}
