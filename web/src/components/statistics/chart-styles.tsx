// How the lines of a chart tell themselves apart without colour: each series gets a colour, a
// marker shape and a dash pattern, cycled at different lengths (8, 6, 3) so neighbours differ in
// all three. Every colour is at least 4.5:1 against white, so lines and markers pass 1.4.11 easily.

export const CHART_COLOURS = ['#0a4d8c', '#b3261e', '#1f6b36', '#6b3fa0', '#8a4b00', '#006370', '#4a5560', '#a01763'] as const;

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'triangle-down' | 'cross';
const MARKERS: readonly MarkerShape[] = ['circle', 'square', 'triangle', 'diamond', 'triangle-down', 'cross'];
const DASHES = ['', '7 4', '2 3'] as const;

export interface SeriesStyle {
  colour: string;
  marker: MarkerShape;
  dash: string;
}

export function seriesStyle(index: number): SeriesStyle {
  return { colour: CHART_COLOURS[index % CHART_COLOURS.length]!, marker: MARKERS[index % MARKERS.length]!, dash: DASHES[index % DASHES.length]! };
}

/** An SVG path of a marker of radius r centred on (x, y). */
export function markerPath(shape: MarkerShape, x: number, y: number, r: number): string {
  switch (shape) {
    case 'circle':
      return `M ${x - r} ${y} a ${r} ${r} 0 1 0 ${2 * r} 0 a ${r} ${r} 0 1 0 ${-2 * r} 0 Z`;
    case 'square':
      return `M ${x - r} ${y - r} h ${2 * r} v ${2 * r} h ${-2 * r} Z`;
    case 'triangle':
      return `M ${x} ${y - r * 1.2} L ${x + r * 1.1} ${y + r * 0.8} L ${x - r * 1.1} ${y + r * 0.8} Z`;
    case 'triangle-down':
      return `M ${x} ${y + r * 1.2} L ${x + r * 1.1} ${y - r * 0.8} L ${x - r * 1.1} ${y - r * 0.8} Z`;
    case 'diamond':
      return `M ${x} ${y - r * 1.3} L ${x + r * 1.3} ${y} L ${x} ${y + r * 1.3} L ${x - r * 1.3} ${y} Z`;
    case 'cross':
      return `M ${x - r} ${y - r} L ${x + r} ${y + r} M ${x + r} ${y - r} L ${x - r} ${y + r}`;
  }
}

/** A small picture of a series' line and marker, for the legend. */
export function LegendSwatch({ style }: { style: SeriesStyle }) {
  return (
    <svg className="legend-swatch" width="36" height="14" viewBox="0 0 36 14" aria-hidden="true" focusable="false">
      <line x1="1" y1="7" x2="35" y2="7" stroke={style.colour} strokeWidth="2.5" strokeDasharray={style.dash || undefined} />
      <path d={markerPath(style.marker, 18, 7, 4)} fill={style.marker === 'cross' ? 'none' : style.colour} stroke={style.colour} strokeWidth={style.marker === 'cross' ? 2.5 : 1} />
    </svg>
  );
}
