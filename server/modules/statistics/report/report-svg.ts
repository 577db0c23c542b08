// Charts for the annual report as inline SVG: horizontal bars (one year, many categories) and
// lines (years). Each chart carries role="img" with a title and description, and the report puts
// the same figures in a table beside it, so nothing is only in the picture. Hidden (suppressed)
// values are not drawn and are marked "..".
const PALETTE = ['#1f5f8b', '#c2571a', '#2e7d4f', '#7a4f9a', '#8c6d1f', '#b03a5b', '#4a6670'];

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

let chartSeq = 0;

function frame(title: string, desc: string, width: number, height: number, body: string): string {
  const id = `chart-${++chartSeq}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}-t ${id}-d" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px" font-family="system-ui, sans-serif" font-size="12"><title id="${id}-t">${escapeHtml(title)}</title><desc id="${id}-d">${escapeHtml(desc)}</desc>${body}</svg>`;
}

export interface BarDatum {
  label: string;
  value: number | null;
}

/** Horizontal bars, one per category, with the value written at the end of each bar. */
export function barChart(title: string, desc: string, data: readonly BarDatum[]): string {
  const labelWidth = 210;
  const barArea = 330;
  const rowH = 22;
  const height = data.length * rowH + 10;
  const max = Math.max(1, ...data.map((d) => d.value ?? 0));
  const rows = data
    .map((d, i) => {
      const y = 5 + i * rowH;
      const w = d.value === null ? 0 : Math.max(d.value > 0 ? 1 : 0, (d.value / max) * barArea);
      const text = d.value === null ? '..' : String(d.value);
      return `<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end" fill="#222">${escapeHtml(d.label)}</text><rect x="${labelWidth}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="${PALETTE[0]}"/><text x="${labelWidth + w + 5}" y="${y + 15}" fill="#222">${text}</text>`;
    })
    .join('');
  return frame(title, desc, labelWidth + barArea + 50, height, rows);
}

export interface LineSeries {
  label: string;
  values: (number | null)[];
}

/** Lines over years with a legend; gaps where a value is missing or hidden. */
export function lineChart(title: string, desc: string, years: readonly number[], series: readonly LineSeries[]): string {
  const w = 560;
  const h = 240;
  const left = 50;
  const right = 20;
  const top = 15;
  const bottom = 40 + Math.ceil(series.length / 3) * 16;
  const plotW = w - left - right;
  const plotH = h - top - bottom;
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const x = (i: number) => left + (years.length === 1 ? plotW / 2 : (i * plotW) / (years.length - 1));
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const ticks = [0, Math.round(max / 2), max].map((v) => `<line x1="${left}" x2="${w - right}" y1="${y(v)}" y2="${y(v)}" stroke="#ddd"/><text x="${left - 6}" y="${y(v) + 4}" text-anchor="end" fill="#444">${v}</text>`).join('');
  const xLabels = years.map((yr, i) => `<text x="${x(i)}" y="${top + plotH + 16}" text-anchor="middle" fill="#444">${yr}</text>`).join('');
  const lines = series
    .map((s, si) => {
      const colour = PALETTE[si % PALETTE.length];
      let d = '';
      let pen = false;
      s.values.forEach((v, i) => {
        if (v === null) { pen = false; return; }
        d += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
        pen = true;
      });
      const dots = s.values.map((v, i) => (v === null ? '' : `<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="${colour}"/>`)).join('');
      const lx = left + (si % 3) * 170;
      const ly = top + plotH + 32 + Math.floor(si / 3) * 16;
      return `<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"/>${dots}<rect x="${lx}" y="${ly - 9}" width="10" height="10" fill="${colour}"/><text x="${lx + 14}" y="${ly}" fill="#222">${escapeHtml(s.label)}</text>`;
    })
    .join('');
  return frame(title, desc, w, h, ticks + xLabels + lines);
}
