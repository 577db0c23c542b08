// What the statistics pages show: a year range, the nation or one police region, and internal
// (true small counts) or published (disclosure-controlled) figures. Kept in the address so a view
// can be bookmarked and shared; the server checks every request against the same policy
// (server/policies/statistics.policy.ts): a coordinator's region is fixed, internal only where allowed.
import { apiHref, queryString } from './api.js';
import type { StatMeta } from './api-types-statistics.js';

export interface StatScope {
  from: number;
  to: number;
  /** null = the whole country. */
  region: string | null;
  internal: boolean;
}

/** The years the filters offer: every year with data, the default range and any of `also`. */
export function yearOptions(meta: StatMeta, ...also: number[]): number[] {
  const last = meta.years.last ?? meta.years.defaultTo;
  const first = Math.min(meta.years.first ?? meta.years.defaultFrom, meta.years.defaultFrom, last - 4, ...also);
  const end = Math.max(last, meta.years.defaultTo, ...also);
  const years: number[] = [];
  for (let y = first; y <= end; y++) years.push(y);
  return years;
}

/** The coordinator's own region (internal tables for it only), or null when the region is free. */
export function fixedRegion(meta: StatMeta): string | null {
  const internal = meta.abilities.internal;
  return internal !== null && internal !== 'all' ? internal : null;
}

export const mayViewInternal = (meta: StatMeta): boolean => meta.abilities.internal !== null;

/** Five years up to the last year with data (or the current year), internal where allowed. */
export function defaultScope(meta: StatMeta): StatScope {
  const to = meta.years.last ?? meta.years.defaultTo;
  return { from: to - 4, to, region: fixedRegion(meta), internal: mayViewInternal(meta) };
}

function yearParam(params: URLSearchParams, key: string, fallback: number): number {
  const value = Number(params.get(key));
  return Number.isInteger(value) && value >= 1990 && value <= 2100 ? value : fallback;
}

export function scopeFromParams(params: URLSearchParams, meta: StatMeta): StatScope {
  const base = defaultScope(meta);
  const known = new Set(meta.regions.map((r) => r.code));
  const asked = params.get('region');
  const region = fixedRegion(meta) ?? (asked && known.has(asked) ? asked : null);
  const view = params.get('view');
  return {
    from: yearParam(params, 'from', base.from),
    to: yearParam(params, 'to', base.to),
    region,
    internal: mayViewInternal(meta) && (view === null ? base.internal : view === 'internal'),
  };
}

/** The address parameters of a scope (the ones the page keeps besides its own). */
export function scopeParams(scope: StatScope): Record<string, string> {
  return {
    from: String(scope.from),
    to: String(scope.to),
    ...(scope.region ? { region: scope.region } : {}),
    view: scope.internal ? 'internal' : 'published',
  };
}

/** from, to, region and publish for a table read. */
export function tableQuery(scope: StatScope, extra: Record<string, string> = {}): string {
  return queryString({ ...extra, from: scope.from, to: scope.to, region: scope.region, publish: scope.internal ? 'false' : 'true' });
}

/** Which table a file export holds: one identified breakdown, a programme table, Eurostat, or all. */
export type ExportTarget = { table: 'identified'; by: string } | { table: string; by?: undefined };

export function exportHref(target: ExportTarget, scope: StatScope, format: 'csv' | 'xlsx', lang: string): string {
  const national = target.table === 'eurostat';
  return apiHref(
    `/statistics/export${queryString({
      table: target.table,
      by: target.by,
      from: scope.from,
      to: scope.to,
      region: national ? null : scope.region,
      publish: national || !scope.internal ? 'true' : 'false',
      format,
      lang,
    })}`,
  );
}

/** The annual report: a download, or (inline) the HTML shown in the browser under its own strict CSP. */
export function reportHref(year: number, lang: string, format: 'html' | 'pdf', inline = false): string {
  return apiHref(`/statistics/report${queryString({ year, lang, format, disposition: inline ? 'inline' : null })}`);
}
