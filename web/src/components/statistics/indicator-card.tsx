// One of the seven indicators (GET /statistics/indicators): for each of its lines the latest
// value in the chosen years with its year and unit, the change since the year before it (in
// words, the arrow only repeats them), and where the figures come from.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Lang } from '../../../../domain/index.js';
import type { Indicator, IndicatorLine, IndicatorPoint } from '../../api-types-statistics.js';
import { capitalise, useLabels } from '../../hooks/use-labels.js';
import { SUPPRESSED_MARK } from '../../../../domain/statistics/table.js';
import { formatNumber } from './stat-format.js';

interface Known {
  year: number;
  value: number;
}

function lastTwo(line: IndicatorLine): [Known | null, Known | null] {
  const known = line.points.filter((p): p is IndicatorPoint & Known => p.value !== null);
  return [known[known.length - 1] ?? null, known[known.length - 2] ?? null];
}

function trend(last: Known, previous: Known | null, t: TFunction, lang: Lang): { arrow: string; text: string; tone: string } {
  if (!previous) return { arrow: '', text: t('statistics.trendNone'), tone: 'flat' };
  const diff = Math.round((last.value - previous.value) * 10) / 10;
  if (diff === 0) return { arrow: '→', text: t('statistics.trendSame', { year: previous.year }), tone: 'flat' };
  const amount = `${diff > 0 ? '+' : '−'}${formatNumber(Math.abs(diff), lang)}`;
  return { arrow: diff > 0 ? '↑' : '↓', text: t('statistics.trendChange', { amount, year: previous.year }), tone: diff > 0 ? 'up' : 'down' };
}

const ORIGIN_KEY = { system: 'statistics.originSystem', imported: 'statistics.originImported', both: 'statistics.originBoth' } as const;

export function IndicatorCard({ indicator, regionLabel }: { indicator: Indicator; regionLabel: string | null }) {
  const { t } = useTranslation();
  const { lang } = useLabels();
  const id = useId();
  const unit = indicator.unit[lang];
  const several = indicator.lines.length > 1;
  const sources = [...new Set(indicator.lines.flatMap((l) => l.source.split('; ')).filter(Boolean))];

  return (
    <article className="indicator-card" aria-labelledby={id} data-testid={`indicator-${indicator.id}`}>
      <p className="indicator-number">{t('statistics.indicatorNumber', { id: indicator.id })}</p>
      <h3 id={id} className="indicator-title">
        {indicator.title[lang]}
      </h3>
      <ul className={`indicator-lines${several ? ' indicator-lines-several' : ''}`}>
        {indicator.lines.map((line) => {
          const [last, previous] = lastTwo(line);
          const change = last ? trend(last, previous, t, lang) : null;
          // Published figures: a newer year hidden by disclosure control is said, not skipped silently.
          const hidden = line.points.filter((p) => p.suppressed && (!last || p.year > last.year)).pop();
          return (
            <li key={line.code}>
              {several ? <p className="indicator-line-label">{capitalise(line.label[lang])}</p> : null}
              {last && change ? (
                <>
                  <p className="indicator-value">
                    <span className="indicator-figure">{formatNumber(last.value, lang)}</span> {unit}{' '}
                    <span className="indicator-year">({last.year})</span>
                  </p>
                  <p className={`indicator-trend trend-${change.tone}`}>
                    {change.arrow ? <span aria-hidden="true">{change.arrow} </span> : null}
                    {change.text}
                  </p>
                </>
              ) : (
                <p className="indicator-value indicator-missing">{t('statistics.indicatorNoData')}</p>
              )}
              {hidden ? <p className="indicator-meta">{t('statistics.indicatorHidden', { year: hidden.year, mark: SUPPRESSED_MARK })}</p> : null}
              {regionLabel && line.regional ? <p className="indicator-meta">{t('statistics.indicatorRegion', { region: regionLabel })}</p> : null}
              {regionLabel && !line.regional ? <p className="indicator-meta">{t('statistics.indicatorNational')}</p> : null}
            </li>
          );
        })}
      </ul>
      <p className="indicator-meta">
        {t(ORIGIN_KEY[indicator.origin])}
        {sources.length ? ` · ${t('statistics.source', { source: sources.join('; ') })}` : ''}
      </p>
    </article>
  );
}
