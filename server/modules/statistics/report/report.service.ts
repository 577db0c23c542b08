// The annual statistics report: the published tables of the four years up to the report year,
// the external series, the counting rules and the method, as HTML; PDF is that HTML printed by
// Chromium (playwright-core driving the system's browser).
import { swedishToday } from '../../../jobs/clock.js';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Actor } from '../../../auth/actor.js';
import type { DB } from '../../../db/schema.js';
import type { Lang } from '../../../../domain/codelists/codelist.js';
import { STAT_DIMENSIONS } from '../../../../domain/statistics/dimensions.js';
import { PROGRAMME_TABLES } from '../../../../domain/statistics/programmes.js';
import { countriesOf, eurostatViews, identifiedView, programmeView } from '../../../../domain/statistics/views.js';
import { authorizeScope, loadSnapshot, tableFrom } from '../statistics.service.js';
import { listSeries } from '../series.service.js';
import { renderReport, type ReportData } from './report-html.js';

/** Years in the report's tables: the report year and the three before, as NSPM publishes. */
export const REPORT_YEARS = 4;

export async function reportHtml(db: Kysely<DB>, actor: Actor, q: { year: number; lang: Lang }): Promise<string> {
  const from = q.year - REPORT_YEARS + 1;
  await authorizeScope(db, actor, { from, to: q.year, region: null, publish: true }, 'report');
  const snap = await loadSnapshot(db, from, q.year, true);
  const last = { models: snap.models.slice(-1), publications: snap.publications?.slice(-1) };
  const countries = countriesOf(snap.models);
  const identified = Object.fromEntries(STAT_DIMENSIONS.map((d) => [d, tableFrom(identifiedView(d, null, countries), snap)])) as ReportData['identified'];
  const programmes = Object.fromEntries(PROGRAMME_TABLES.map((t) => [t, tableFrom(programmeView(t, null), snap)])) as ReportData['programmes'];
  const counts = await sql<{ total: number; imported: number }>`select count(*)::int as total, count(*) filter (where imported)::int as imported from cases`.execute(db);
  return renderReport({
    year: q.year,
    lang: q.lang,
    identified,
    programmes,
    eurostat: eurostatViews(countriesOf(last.models)).map((v) => tableFrom(v, last)),
    series: await listSeries(db),
    cases: counts.rows[0] ?? { total: 0, imported: 0 },
    generatedOn: swedishToday(),
  });
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Prints HTML to PDF with the system Chromium (CHROMIUM_PATH overrides /usr/bin/chromium). */
export async function htmlToPdf(html: string): Promise<Buffer> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' } });
  } finally {
    await browser.close();
  }
}

export async function reportFile(db: Kysely<DB>, actor: Actor, q: { year: number; lang: Lang; format: 'html' | 'pdf' }): Promise<{ filename: string; contentType: string; body: string | Buffer }> {
  const html = await reportHtml(db, actor, q);
  const name = `lots-statistik-${q.year}-${q.lang}`;
  if (q.format === 'html') return { filename: `${name}.html`, contentType: 'text/html; charset=utf-8', body: html };
  return { filename: `${name}.pdf`, contentType: 'application/pdf', body: await htmlToPdf(html) };
}
