// Statistics routes: the annual tables (internal or published), their exports, and (in the
// sibling route files) imports, case-level exports, external series, indicators and the report.
// Validate (zod) → service (policy and audit inside) → present.
import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requireActor } from '../../http/authenticate.js';
import { ErrorResponse } from '../auth/auth.schema.js';
import { ExportQuery, IdentifiedQuery, MetaSchema, ProgrammeParams, StatTableSchema, TableQuery, TablesSchema, YearsQuery } from './statistics.schema.js';
import { getEurostatTables, getIdentifiedTable, getProgrammeTable } from './statistics.service.js';
import { exportTables, statisticsMeta, yearsOf } from './statistics-export.service.js';
import { sendFile } from './export-format.js';
import { CSV_BODY_LIMIT, statisticsIoRoutes } from './statistics-io.routes.js';
import { AppError } from '../../http/errors.js';
import { decodeUtf8 } from '../../../domain/statistics/csv.js';
import { seriesRoutes } from './series.routes.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export function statisticsRoutes({ db }: { db: Kysely<DB> }): FastifyPluginAsync {
  return async (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['statistics'];

    r.get('/statistics/meta', { schema: { tags, response: { 200: MetaSchema, ...errors } } }, async (req) => statisticsMeta(db, requireActor(req)));

    r.get('/statistics/identified', { schema: { tags, querystring: IdentifiedQuery, response: { 200: StatTableSchema, ...errors } } }, async (req) => {
      const { by, region, publish, ...years } = req.query;
      return getIdentifiedTable(db, requireActor(req), by, { ...yearsOf(years), region: region ?? null, publish });
    });

    r.get('/statistics/programmes/:table', { schema: { tags, params: ProgrammeParams, querystring: TableQuery, response: { 200: StatTableSchema, ...errors } } }, async (req) => {
      const { region, publish, ...years } = req.query;
      return getProgrammeTable(db, requireActor(req), req.params.table, { ...yearsOf(years), region: region ?? null, publish });
    });

    r.get('/statistics/eurostat', { schema: { tags, querystring: YearsQuery, response: { 200: TablesSchema, ...errors } } }, async (req) => {
      const y = yearsOf(req.query);
      return { tables: await getEurostatTables(db, requireActor(req), y.from, y.to) };
    });

    // A file (CSV or XLSX): declared on the untyped instance, since the body is not JSON.
    app.get<{ Querystring: z.output<typeof ExportQuery> }>('/statistics/export', { schema: { tags, querystring: ExportQuery, response: errors } }, async (req, reply) => {
      const file = await exportTables(db, requireActor(req), req.query);
      return sendFile(reply, file);
    });

    // CSV uploads (case records, external series): raw text, strictly UTF-8, this plugin only.
    app.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'buffer', bodyLimit: CSV_BODY_LIMIT }, (_req, body, done) => {
      const text = decodeUtf8(body as Buffer);
      if (text === null) done(new AppError(400, 'not_utf8', 'The file is not UTF-8 text; save it as "CSV UTF-8" (comma-separated) and upload it again'), undefined);
      else done(null, text);
    });
    await app.register(statisticsIoRoutes({ db }));
    await app.register(seriesRoutes({ db }));
  };
}
