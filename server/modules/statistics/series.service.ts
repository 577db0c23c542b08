// External series: validate an import file, then replace each series it contains with a new
// version (the old versions stay, marked not current), audited in the same transaction.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import { systemActor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { recordAudit } from '../../audit/audit.service.js';
import { ForbiddenError } from '../../http/errors.js';
import { canOnStatistics } from '../../policies/statistics.policy.js';
import { decodeUtf8 } from '../../../domain/statistics/csv.js';
import { importIssue } from '../../../domain/statistics/import-issues.js';
import { SERIES, readSeriesFile, seriesDef, type SeriesError, type SeriesValue } from '../../../domain/statistics/series.js';

export interface SeriesImportReport {
  ok: boolean;
  dryRun: boolean;
  rows: number;
  errorCount: number;
  errors: SeriesError[];
  /** Series replaced (or that would be), with their new version. */
  series: { series: string; version: number; values: number }[];
  sha256: string;
}

export async function importSeries(db: Kysely<DB>, actor: Actor, input: { source: string | Uint8Array; dryRun: boolean }): Promise<SeriesImportReport> {
  if (!canOnStatistics(actor, 'importSeries')) throw new ForbiddenError('Only the national analyst imports external series');
  const bytes = typeof input.source === 'string' ? Buffer.from(input.source, 'utf8') : input.source;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const text = typeof input.source === 'string' ? input.source : decodeUtf8(input.source);
  const fail = (errors: SeriesError[], rows = 0): SeriesImportReport => ({ ok: false, dryRun: input.dryRun, rows, errorCount: errors.length, errors: errors.slice(0, 1000), series: [], sha256 });
  if (text === null) return fail([importIssue(1, null, 'not_utf8')]);
  const parsed = readSeriesFile(text);
  if (parsed.errors.length) return fail(parsed.errors, parsed.rows);
  const bySeries = new Map<string, SeriesValue[]>();
  for (const v of parsed.values) bySeries.set(v.series, [...(bySeries.get(v.series) ?? []), v]);

  return db.transaction().execute(async (trx) => {
    const out: SeriesImportReport['series'] = [];
    for (const [series, values] of bySeries) {
      const last = await trx.selectFrom('statistical_series').select(({ fn }) => fn.max('version').as('v')).where('series', '=', series).executeTakeFirst();
      const version = Number(last?.v ?? 0) + 1;
      out.push({ series, version, values: values.length });
      if (input.dryRun) continue;
      const previous = await trx.updateTable('statistical_series').set({ current: false }).where('series', '=', series).where('current', '=', true).returning(['id', 'version']).executeTakeFirst();
      const row = await trx
        .insertInto('statistical_series')
        .values({ series, version, sources: [...new Set(values.map((v) => v.source))], row_count: values.length, file_sha256: sha256, imported_by: actor.userId, imported_by_name: actor.username })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('statistical_series_values')
        .values(values.map((v) => ({ series_id: row.id, measure: v.measure, breakdown: v.breakdown, year: v.year, value: v.value, unit: v.unit, source: v.source, note: v.note })))
        .execute();
      await recordAudit(trx, actor, {
        action: 'statistics.import_series',
        resourceType: 'system',
        resourceId: `series:${series}`,
        details: { before: previous ? { version: previous.version } : null, after: { version, values: values.length }, sha256 },
      });
    }
    return { ok: true, dryRun: input.dryRun, rows: parsed.rows, errorCount: 0, errors: [], series: out, sha256 };
  });
}

export interface SeriesView {
  series: string;
  title: { sv: string; en: string };
  version: number | null;
  importedAt: string | null;
  importedBy: string | null;
  sources: string[];
  measures: { code: string; label: { sv: string; en: string }; unit: string; breakdowns: string[] }[];
  values: { measure: string; breakdown: string; year: number; value: number; unit: string; source: string; note: string }[];
}

/** Every known series with its current version's values (empty when never imported). */
export async function listSeries(db: Kysely<DB>): Promise<SeriesView[]> {
  const heads = await db.selectFrom('statistical_series').selectAll().where('current', '=', true).execute();
  const values = await sql<{ series: string; measure: string; breakdown: string; year: number; value: number; unit: string; source: string; note: string }>`
    select s.series, v.measure, v.breakdown, v.year, v.value::float8 as value, v.unit, v.source, v.note
    from statistical_series_values v join statistical_series s on s.id = v.series_id
    where s.current order by s.series, v.measure, v.breakdown, v.year`.execute(db);
  return SERIES.map((def) => {
    const head = heads.find((h) => h.series === def.code);
    return {
      series: def.code,
      title: def.title,
      version: head?.version ?? null,
      importedAt: head ? new Date(head.imported_at).toISOString() : null,
      importedBy: head?.imported_by_name ?? null,
      sources: head?.sources ?? [],
      measures: def.measures.map((m) => ({ code: m.code, label: m.label, unit: m.unit, breakdowns: [...m.breakdowns] })),
      values: values.rows.filter((v) => v.series === def.code).map(({ series: _s, ...v }) => v),
    };
  });
}

export async function listSeriesVersions(db: Kysely<DB>, series: string) {
  if (!seriesDef(series)) return [];
  const rows = await db.selectFrom('statistical_series').selectAll().where('series', '=', series).orderBy('version', 'desc').execute();
  return rows.map((r) => ({ version: r.version, current: r.current, importedAt: new Date(r.imported_at).toISOString(), importedBy: r.imported_by_name, sources: r.sources, rowCount: r.row_count, sha256: r.file_sha256 }));
}

/** The published figures of DOMAIN.md §7 (server/seed/published-series.csv), for demo databases. */
export async function seedPublishedSeries(db: Kysely<DB>): Promise<SeriesImportReport> {
  const text = readFileSync(new URL('../../seed/published-series.csv', import.meta.url), 'utf8');
  return importSeries(db, systemActor('seed-series'), { source: text, dryRun: false });
}
