// A time-series line chart drawn as inline SVG. It is one image to assistive technology
// (role="img", named by its <title> and described by its <desc>); the numbers themselves are in
// the table view beside it. Lines differ by colour, marker and dash, and each is labelled at its
// end, so colour is never the only cue. A hidden (suppressed) value breaks the line: it is
// unknown, not zero.
import { useId } from 'react';
import type { Lang } from '../../../../domain/index.js';
import { markerPath, type SeriesStyle } from './chart-styles.js';
import { formatNumber } from './stat-format.js';

export interface ChartSeries {
  code: string;
  label: string;
  values: (number | null)[];
  style: SeriesStyle;
}

interface LineChartProps {
  title: string;
  description: string;
  years: readonly number[];
  series: readonly ChartSeries[];
  /** What the numbers count ("persons"), written above the value axis. */
  unit: string;
  lang: Lang;
}

const W = 760;
const H = 330;
const M = { top: 30, right: 205, bottom: 36, left: 56 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;
const LABEL_GAP = 15;
const LABEL_MAX = 26;

/** A round top for the value axis and a whole-number step giving four or five gridlines. */
export function niceScale(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 4, step: 1 };
  const raw = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const factors = magnitude >= 10 ? [1, 2, 2.5, 5, 10] : [1, 2, 5, 10];
  const step = Math.max(1, factors.map((f) => f * magnitude).find((s) => s >= raw) ?? 10 * magnitude);
  return { top: Math.ceil(max / step) * step, step };
}

/** Spreads label positions (sorted by y) at least `gap` apart inside [min, max]. */
export function spreadLabels(ys: readonly number[], gap: number, min: number, max: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const placed = order.map((o) => o.y);
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k]!, placed[k - 1]! + gap);
  const overflow = (placed[placed.length - 1] ?? min) - max;
  if (overflow > 0) for (let k = placed.length - 1; k >= 0; k--) placed[k] = Math.min(placed[k]!, k === placed.length - 1 ? max : placed[k + 1]! - gap);
  const out: number[] = new Array<number>(ys.length);
  order.forEach((o, k) => {
    out[o.i] = Math.max(min, placed[k]!);
  });
  return out;
}

const shorten = (text: string) => (text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text);

export function LineChart({ title, description, years, series, unit, lang }: LineChartProps) {
  const id = useId();
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const { top, step } = niceScale(Math.max(0, ...all));
  const x = (i: number) => M.left + (years.length <= 1 ? PLOT_W / 2 : (i * PLOT_W) / (years.length - 1));
  const y = (v: number) => M.top + PLOT_H * (1 - v / top);
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(v);
  const yearEvery = Math.ceil(years.length / 10);

  const ends = series.map((s) => {
    let last = -1;
    s.values.forEach((v, i) => {
      if (v !== null) last = i;
    });
    return last;
  });
  const labelY = spreadLabels(
    series.map((s, k) => (ends[k]! >= 0 ? y(s.values[ends[k]!]!) : M.top + PLOT_H)),
    LABEL_GAP,
    M.top,
    M.top + PLOT_H,
  );

  return (
    <svg className="line-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <text x={M.left - 8} y={14} className="chart-unit" textAnchor="start">
        {unit}
      </text>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={M.left} x2={M.left + PLOT_W} y1={y(v)} y2={y(v)} className={v === 0 ? 'chart-axis' : 'chart-grid'} />
          <text x={M.left - 8} y={y(v) + 4} textAnchor="end" className="chart-tick">
            {formatNumber(v, lang)}
          </text>
        </g>
      ))}
      {years.map((year, i) =>
        i % yearEvery === 0 || i === years.length - 1 ? (
          <text key={year} x={x(i)} y={M.top + PLOT_H + 22} textAnchor="middle" className="chart-tick">
            {year}
          </text>
        ) : null,
      )}
      {series.map((s) => {
        let d = '';
        let pen = false;
        s.values.forEach((v, i) => {
          if (v === null) {
            pen = false;
            return;
          }
          d += `${pen ? 'L' : 'M'} ${x(i).toFixed(1)} ${y(v).toFixed(1)} `;
          pen = true;
        });
        const filled = s.style.marker !== 'cross';
        return (
          <g key={s.code}>
            <path d={d} fill="none" stroke={s.style.colour} strokeWidth="2.5" strokeDasharray={s.style.dash || undefined} strokeLinejoin="round" />
            {s.values.map((v, i) =>
              v === null ? null : (
                <path
                  key={years[i]}
                  d={markerPath(s.style.marker, x(i), y(v), 4.5)}
                  fill={filled ? s.style.colour : 'none'}
                  stroke={filled ? '#ffffff' : s.style.colour}
                  strokeWidth={filled ? 1 : 2.5}
                >
                  <title>{`${s.label}, ${years[i]}: ${formatNumber(v, lang)}`}</title>
                </path>
              ),
            )}
          </g>
        );
      })}
      {series.map((s, k) => {
        const end = ends[k]!;
        if (end < 0) return null;
        const ly = labelY[k]!;
        const lx = M.left + PLOT_W + 12;
        // A connector only from a line that reaches the last year; a line ending earlier (a hidden
        // or missing value) would seem to go on. The marker before the label names it either way.
        return (
          <g key={`label-${s.code}`}>
            {end === years.length - 1 ? <line x1={x(end) + 6} y1={y(s.values[end]!)} x2={lx - 1} y2={ly} stroke={s.style.colour} strokeWidth="1" /> : null}
            <path
              d={markerPath(s.style.marker, lx + 5, ly, 4)}
              fill={s.style.marker === 'cross' ? 'none' : s.style.colour}
              stroke={s.style.colour}
              strokeWidth={s.style.marker === 'cross' ? 2 : 1}
            />
            <text x={lx + 14} y={ly + 4} className="chart-label">
              {shorten(s.label)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
