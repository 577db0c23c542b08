// Indicator cards for the dashboard: each of the seven indicators as lines of yearly points,
// the system's own figures beside the imported series. The system's figures are published
// (disclosure control, exactly the cells of the published tables) when asked for or when the
// actor may not see internal ones, else internal. Imported series are national and already
// public; a region filter applies to system lines only.
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.js';
import type { DB } from '../../db/schema.js';
import { canViewTable, defaultInternalRegion } from '../../policies/statistics.policy.js';
import type { PoliceRegion } from '../../../domain/codelists/police-regions.js';
import type { Label } from '../../../domain/statistics/dimensions.js';
import { INDICATORS, type IndicatorLine } from '../../../domain/statistics/indicators.js';
import { SERIES } from '../../../domain/statistics/series.js';
import { authorizeScope, loadSnapshot, type Snapshot } from './statistics.service.js';
import { listSeries, type SeriesView } from './series.service.js';

export interface IndicatorPoint {
  year: number;
  value: number | null;
  suppressed: boolean;
}

export interface IndicatorCard {
  id: number;
  title: Label;
  unit: Label;
  origin: 'system' | 'imported' | 'both';
  lines: { code: string; label: Label; source: string; regional: boolean; points: IndicatorPoint[] }[];
  latest: { year: number; value: number; line: string } | null;
}

function measureLabel(series: string, measure: string): Label | undefined {
  return SERIES.find((s) => s.code === series)?.measures.find((m) => m.code === measure)?.label;
}

function linePoints(line: IndicatorLine, years: number[], region: string, snap: Snapshot, series: SeriesView[]): { points: IndicatorPoint[]; source: string } {
  if (line.kind === 'system') {
    const key = line.key(region);
    return {
      source: 'Lots',
      points: snap.models.map((m, i) => {
        const hidden = snap.publications?.[i]?.suppressed.has(key) === true;
        return { year: m.year, value: hidden ? null : m.value(key), suppressed: hidden };
      }),
    };
  }
  const s = series.find((x) => x.series === line.series);
  const pick = (breakdown: string, year: number) => s?.values.find((v) => v.measure === line.measure && v.breakdown === breakdown && v.year === year);
  const source = [...new Set(s?.values.filter((v) => v.measure === line.measure).map((v) => v.source) ?? [])].join('; ');
  const points = years.map((year) => {
    if (line.kind === 'series') return { year, value: pick(line.breakdown, year)?.value ?? null, suppressed: false };
    const yes = pick('yes', year)?.value;
    const answered = pick('answered', year)?.value;
    return { year, value: yes !== undefined && answered ? Math.round((1000 * yes) / answered) / 10 : null, suppressed: false };
  });
  return { points, source };
}

export async function getIndicators(db: Kysely<DB>, actor: Actor, q: { from: number; to: number; region: PoliceRegion | null; publish?: boolean }): Promise<IndicatorCard[]> {
  const region = q.region ?? (q.publish ? null : defaultInternalRegion(actor));
  const publish = q.publish ?? !canViewTable(actor, { published: false, region });
  const scope = await authorizeScope(db, actor, { from: q.from, to: q.to, region, publish }, 'indicators');
  const snap = await loadSnapshot(db, scope.from, scope.to, publish);
  const series = await listSeries(db);
  const years = snap.models.map((m) => m.year);
  return INDICATORS.map((def) => {
    const lines = def.lines.map((line) => {
      const label = line.kind === 'series' && line.label.sv === line.code ? measureLabel(line.series, line.measure) ?? line.label : line.label;
      return { code: line.code, label, regional: line.kind === 'system', ...linePoints(line, years, scope.region ?? '*', snap, series) };
    });
    let latest: IndicatorCard['latest'] = null;
    for (const l of lines) for (const p of l.points) if (p.value !== null && (!latest || p.year > latest.year)) latest = { year: p.year, value: p.value, line: l.code };
    return { id: def.id, title: def.title, unit: def.unit, origin: def.origin, lines, latest };
  });
}
