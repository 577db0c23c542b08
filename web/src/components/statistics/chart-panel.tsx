// A statistics table drawn as a line chart over the years, with a table view one button away,
// CSV and XLSX downloads, a legend that also chooses the lines, and the table's notes and
// counting rules beside it. The chart shows the table's detail rows (not totals) that are not
// zero throughout; the table view shows every row.
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatMeta, StatTable } from '../../api-types-statistics.js';
import { capitalise, useLabels } from '../../hooks/use-labels.js';
import type { ExportTarget, StatScope } from '../../statistics-scope.js';
import { LegendSwatch, seriesStyle } from './chart-styles.js';
import { ExportLinks } from './export-links.js';
import { LineChart, type ChartSeries } from './line-chart.js';
import { formatNumber } from './stat-format.js';
import { StatTableView, useTableCaption } from './stat-table.js';
import { TableNotes } from './table-notes.js';

const DEFAULT_LINES = 7;

interface ChartPanelProps {
  table: StatTable;
  meta: StatMeta;
  scope: StatScope;
  target: ExportTarget;
  unit: string;
}

export function ChartPanel({ table, meta, scope, target, unit }: ChartPanelProps) {
  const { t } = useTranslation();
  const { lang } = useLabels();
  const headingId = useId();
  const legendId = useId();
  const caption = useTableCaption(table, meta);
  const [asTable, setAsTable] = useState(false);

  const candidates = useMemo<ChartSeries[]>(
    () =>
      table.rows
        .filter((r) => r.kind === 'leaf' && r.values.some((v, i) => v !== 0 || r.suppressed[i]))
        .map((r, i) => ({ code: r.code, label: capitalise(r.label[lang]), values: r.values, style: seriesStyle(i) })),
    [table, lang],
  );
  const largest = useMemo(() => {
    const sum = (s: ChartSeries) => s.values.reduce<number>((n, v) => n + (v ?? 0), 0);
    return [...candidates].sort((a, b) => sum(b) - sum(a)).slice(0, DEFAULT_LINES).map((s) => s.code);
  }, [candidates]);
  const [chosen, setChosen] = useState<string[] | null>(null);
  const shownCodes = chosen ?? largest;
  const shown = candidates.filter((s) => shownCodes.includes(s.code));

  const latest = (s: ChartSeries) => {
    for (let i = s.values.length - 1; i >= 0; i--) {
      const v = s.values[i];
      if (v !== null && v !== undefined) return t('statistics.chartLatest', { label: s.label, value: formatNumber(v, lang), year: table.years[i] });
    }
    return t('statistics.chartNoValue', { label: s.label });
  };
  const range = table.years.length ? `${table.years[0]}–${table.years[table.years.length - 1]}` : '';
  const description = t('statistics.chartDesc', { range, count: shown.length, lines: shown.map(latest).join('; ') });
  const hasHidden = table.rows.some((r) => r.suppressed.some(Boolean));

  return (
    <section className="stat-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{table.title[lang]}</h2>
      <div className="stat-panel-tools">
        <button type="button" className="button button-secondary" aria-pressed={asTable} onClick={() => setAsTable((v) => !v)}>
          {t('statistics.tableView')}
        </button>
        <ExportLinks target={target} scope={scope} title={caption} />
      </div>
      <div className="stat-block">
        <div className="stat-main">
          {asTable ? (
            <StatTableView table={table} meta={meta} />
          ) : candidates.length === 0 ? (
            <p className="stat-empty">{t('statistics.chartEmpty')}</p>
          ) : (
            <>
              <figure className="chart-figure">
                {shown.length > 0 ? (
                  <LineChart title={caption} description={description} years={table.years} series={shown} unit={unit} lang={lang} />
                ) : (
                  <p className="stat-empty">{t('statistics.chartNoneChosen')}</p>
                )}
              </figure>
              <fieldset className="chart-legend" aria-describedby={hasHidden ? legendId : undefined}>
                <legend>{t('statistics.legend')}</legend>
                <ul>
                  {candidates.map((s) => (
                    <li key={s.code} className="checkbox">
                      <input
                        type="checkbox"
                        id={`${headingId}-${s.code}`}
                        checked={shownCodes.includes(s.code)}
                        onChange={(e) => setChosen(e.target.checked ? [...shownCodes, s.code] : shownCodes.filter((c) => c !== s.code))}
                      />
                      <label htmlFor={`${headingId}-${s.code}`}>
                        <LegendSwatch style={s.style} />
                        {s.label}
                      </label>
                    </li>
                  ))}
                </ul>
                {hasHidden ? (
                  <p id={legendId} className="field-hint">
                    {t('statistics.chartGaps', { mark: meta.disclosure.mark })}
                  </p>
                ) : null}
              </fieldset>
            </>
          )}
        </div>
        <TableNotes table={table} meta={meta} />
      </div>
    </section>
  );
}
