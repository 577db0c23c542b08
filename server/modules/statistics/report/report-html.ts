// The annual statistics report as one self-contained HTML document (inline CSS and SVG, no
// external resources), in Swedish or English: tables with captions and header scopes, each chart
// beside its table, the counting rules, the disclosure method and the data sources.
import type { Lang } from '../../../../domain/codelists/codelist.js';
import { COUNTING_RULES } from '../../../../domain/statistics/counting-rules.js';
import { DISCLOSURE_METHOD, DISCLOSURE_SUMMARY } from '../../../../domain/statistics/disclosure-method.js';
import type { StatTable } from '../../../../domain/statistics/table.js';
import type { SeriesView } from '../series.service.js';
import { barChart, escapeHtml as e, lineChart } from './report-svg.js';
import { TEXT } from './report-text.js';

export interface ReportData {
  year: number;
  lang: Lang;
  identified: Record<'form' | 'forms_each' | 'sex_age' | 'region' | 'citizenship' | 'sector' | 'source', StatTable>;
  programmes: Record<'nsp' | 'amp' | 'permits' | 'permit_applicants', StatTable>;
  eurostat: StatTable[];
  series: SeriesView[];
  cases: { total: number; imported: number };
  generatedOn: string;
}

const cell = (v: number | null, hidden: boolean, lang: Lang) =>
  hidden ? `<td class="num"><abbr title="${e(TEXT.hidden[lang])}">..</abbr></td>` : `<td class="num">${v === null ? '' : v.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB')}</td>`;

export function tableHtml(t: StatTable, lang: Lang, number: string): string {
  const head = `<tr><th scope="col">${e(TEXT.row[lang])}</th>${t.years.map((y) => `<th scope="col" class="num">${y}</th>`).join('')}</tr>`;
  const body = t.rows
    .map((r) => `<tr class="${r.kind}"><th scope="row">${e(r.label[lang])}</th>${r.values.map((v, i) => cell(v, r.suppressed[i] ?? false, lang)).join('')}</tr>`)
    .join('');
  const notes = t.notes.map((n) => `<p class="note">${e(n[lang])}</p>`).join('');
  return `<table><caption>${e(number)} ${e(t.title[lang])}</caption><thead>${head}</thead><tbody>${body}</tbody></table>${notes}`;
}

function lastYearBars(t: StatTable, lang: Lang, leavesOnly = true): string {
  const yi = t.years.length - 1;
  const rows = t.rows.filter((r) => (leavesOnly ? r.kind === 'leaf' : r.kind !== 'total' && r.kind !== 'memo') && (r.values[yi] ?? 1) !== 0);
  return barChart(`${t.title[lang]}, ${t.years[yi]}`, TEXT.chartDesc[lang], rows.map((r) => ({ label: r.label[lang], value: r.values[yi] ?? null })));
}

function seriesTable(s: SeriesView, lang: Lang, number: string): string {
  const years = [...new Set(s.values.map((v) => v.year))].sort();
  const keys = [...new Set(s.values.map((v) => `${v.measure}|${v.breakdown}`))];
  const label = (k: string) => {
    const [m, b] = k.split('|') as [string, string];
    const ml = s.measures.find((x) => x.code === m)?.label[lang] ?? m;
    return b === 'total' ? ml : `${ml}: ${TEXT.breakdown[b]?.[lang] ?? b}`;
  };
  const rows = keys.map((k) => `<tr><th scope="row">${e(label(k))}</th>${years.map((y) => { const v = s.values.find((x) => `${x.measure}|${x.breakdown}` === k && x.year === y); return `<td class="num">${v ? v.value.toLocaleString(lang === 'sv' ? 'sv-SE' : 'en-GB') : '–'}</td>`; }).join('')}</tr>`).join('');
  const sources = [...new Set(s.values.map((v) => v.source))].join('; ');
  return `<table><caption>${e(number)} ${e(s.title[lang])}</caption><thead><tr><th scope="col">${e(TEXT.row[lang])}</th>${years.map((y) => `<th scope="col" class="num">${y}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table><p class="note">${e(TEXT.source[lang])}: ${e(sources)}. ${e(TEXT.asPublished[lang])}</p>`;
}

const CSS = `body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1a1a1a;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
h1{font-size:1.8rem}h2{margin-top:2.2rem;border-bottom:2px solid #1f5f8b;padding-bottom:.2rem}table{border-collapse:collapse;margin:1rem 0 .3rem;width:100%}
caption{text-align:left;font-weight:600;margin-bottom:.3rem}th,td{border-bottom:1px solid #ccc;padding:.2rem .5rem;text-align:left}td.num,th.num{text-align:right}
tbody th{font-weight:400}tr.subtotal th,tr.subtotal td,tr.total th,tr.total td{font-weight:700}tr.memo th{font-style:italic}.note{font-size:.9rem;color:#444;margin:.2rem 0}
figure{margin:1rem 0}abbr{text-decoration:none}@media print{body{margin:0;max-width:none}h2{break-after:avoid}table,figure{break-inside:avoid}}`;

export function renderReport(d: ReportData): string {
  const L = d.lang;
  let n = 0;
  const num = () => `${TEXT.table[L]} ${++n}.`;
  const fig = (svg: string) => `<figure>${svg}</figure>`;
  const id = d.identified;
  const total = id.form.rows.find((r) => r.code === 'total')!;
  const yi = id.form.years.length - 1;
  const series = (code: string) => d.series.find((s) => s.series === code && s.values.length > 0);
  const crimes = series('reported_crimes');
  const sections = [
    `<h1>${e(TEXT.title[L](d.year))}</h1>`,
    `<p>${e(TEXT.intro[L](d.year, total.values[yi] ?? 0, id.form.years[0]!))}</p><p class="note">${e(DISCLOSURE_SUMMARY[L])}</p>`,
    `<h2>${e(TEXT.identifiedHeading[L])}</h2>`,
    fig(lineChart(TEXT.identifiedTrend[L], TEXT.chartDesc[L], id.form.years, [{ label: TEXT.identifiedLine[L], values: total.values }])),
    tableHtml(id.form, L, num()), fig(lastYearBars(id.form, L)),
    tableHtml(id.sex_age, L, num()), fig(lastYearBars(id.sex_age, L, false)),
    tableHtml(id.region, L, num()), fig(lastYearBars(id.region, L)),
    tableHtml(id.forms_each, L, num()), tableHtml(id.citizenship, L, num()), tableHtml(id.sector, L, num()), tableHtml(id.source, L, num()),
    `<h2>${e(TEXT.supportHeading[L])}</h2>`,
    tableHtml(d.programmes.nsp, L, num()), tableHtml(d.programmes.amp, L, num()),
    `<h2>${e(TEXT.permitsHeading[L])}</h2>`,
    tableHtml(d.programmes.permits, L, num()), tableHtml(d.programmes.permit_applicants, L, num()),
    ...(series('migration_permits') ? [seriesTable(series('migration_permits')!, L, num())] : []),
    `<h2>${e(TEXT.justiceHeading[L])}</h2>`,
    ...(crimes ? [seriesTable(crimes, L, num()), fig(lineChart(crimes.title[L], TEXT.chartDesc[L], [...new Set(crimes.values.map((v) => v.year))].sort(), crimes.measures.map((m) => ({ label: m.label[L], values: [...new Set(crimes.values.map((v) => v.year))].sort().map((y) => crimes.values.find((v) => v.measure === m.code && v.year === y && v.breakdown === 'total')?.value ?? null) }))))] : [`<p>${e(TEXT.noSeries[L])}</p>`]),
    ...(series('prosecution_decisions') ? [seriesTable(series('prosecution_decisions')!, L, num())] : []),
    ...(series('municipal_survey') ? [`<h2>${e(TEXT.municipalHeading[L])}</h2>`, seriesTable(series('municipal_survey')!, L, num())] : []),
    `<h2>${e(TEXT.eurostatHeading[L])}</h2>`,
    ...d.eurostat.map((t) => tableHtml(t, L, num())),
    `<h2>${e(TEXT.rulesHeading[L])}</h2><ul>${COUNTING_RULES.map((r) => `<li>${e(r[L])}</li>`).join('')}</ul>`,
    `<h2>${e(TEXT.disclosureHeading[L])}</h2>${DISCLOSURE_METHOD.map((p) => `<p>${e(p[L])}</p>`).join('')}`,
    `<h2>${e(TEXT.sourcesHeading[L])}</h2><ul><li>${e(TEXT.lotsSource[L](d.cases.total, d.cases.imported))}</li>${d.series.filter((s) => s.version !== null).map((s) => `<li>${e(s.title[L])}: ${e(s.sources.join('; '))} (${e(TEXT.version[L])} ${s.version}, ${e(s.importedAt?.slice(0, 10) ?? '')})</li>`).join('')}</ul>`,
    `<p class="note">${e(TEXT.generated[L](d.generatedOn))}</p>`,
  ];
  return `<!DOCTYPE html>\n<html lang="${L}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(TEXT.title[L](d.year))}</title><style>${CSS}</style></head><body><main>${sections.join('\n')}</main></body></html>\n`;
}
