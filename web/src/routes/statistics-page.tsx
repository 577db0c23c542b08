// /statistics: the dashboard. The seven indicators as cards, then persons identified over the
// chosen years by form of exploitation, by sex and age and by region, each as a chart with a
// table view, downloads, and its counting rules beside it.
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Indicator, StatTable } from '../api-types-statistics.js';
import { apiErrorText } from '../api-error-text.js';
import { useApiQuery } from '../hooks/use-api-query.js';
import { useLabels } from '../hooks/use-labels.js';
import { scopeFromParams, scopeParams, tableQuery, type StatScope } from '../statistics-scope.js';
import { Loading } from '../components/guards.js';
import { ErrorNotice } from '../components/notice.js';
import { PageHeading } from '../components/page-heading.js';
import { ChartPanel } from '../components/statistics/chart-panel.js';
import { IndicatorCard } from '../components/statistics/indicator-card.js';
import { StatFilters } from '../components/statistics/stat-filters.js';
import { regionName } from '../components/statistics/stat-format.js';
import { StatisticsNav, useStatistics } from './statistics-layout.js';
import '../styles-statistics.css';

const CHARTS = ['form', 'sex_age', 'region'] as const;

function IdentifiedChart({ by, scope }: { by: (typeof CHARTS)[number]; scope: StatScope }) {
  const { t } = useTranslation();
  const { meta } = useStatistics();
  const table = useApiQuery<StatTable>(`/statistics/identified${tableQuery(scope, { by })}`, { keep: true });
  if (table.error) return <ErrorNotice>{apiErrorText(table.error, t)}</ErrorNotice>;
  if (!table.data) return <Loading />;
  return <ChartPanel table={table.data} meta={meta} scope={scope} target={{ table: 'identified', by }} unit={t('statistics.unitPersons')} />;
}

export function StatisticsPage() {
  const { t } = useTranslation();
  const { lang } = useLabels();
  const { meta } = useStatistics();
  const [params, setParams] = useSearchParams();
  const scope = scopeFromParams(params, meta);
  const indicators = useApiQuery<{ indicators: Indicator[] }>(`/statistics/indicators${tableQuery(scope)}`, { keep: true });
  const where = regionName(meta.regions, scope.region, lang, t('statistics.nation'));
  const canImport = meta.abilities.importCases;

  return (
    <>
      <PageHeading title={t('statistics.title')} />
      <StatisticsNav meta={meta} />
      <p className="lead">{t('statistics.intro')}</p>
      <StatFilters key={params.toString()} meta={meta} scope={scope} onApply={(s) => setParams(scopeParams(s))} />
      <p className="result-count" role="status">
        {t('statistics.showing', { from: scope.from, to: scope.to, where, kind: scope.internal ? t('statistics.kindInternal') : t('statistics.kindPublished') })}
      </p>
      {meta.years.first === null ? (
        <p className="notice">
          {t('statistics.noData')} {canImport ? <Link to="/statistics/import">{t('statistics.noDataImport')}</Link> : null}
        </p>
      ) : null}

      <section aria-labelledby="indicators-heading" className="stat-section">
        <h2 id="indicators-heading">{t('statistics.indicators')}</h2>
        {indicators.error ? <ErrorNotice>{apiErrorText(indicators.error, t)}</ErrorNotice> : null}
        {indicators.loading ? <Loading /> : null}
        {indicators.data ? (
          <div className="indicator-grid">
            {indicators.data.indicators.map((i) => (
              <IndicatorCard key={i.id} indicator={i} regionLabel={scope.region ? where : null} />
            ))}
          </div>
        ) : null}
      </section>

      {CHARTS.map((by) => (
        <IdentifiedChart key={by} by={by} scope={scope} />
      ))}
      <p>
        <Link to={{ pathname: '/statistics/tables', search: params.toString() }}>{t('statistics.allTables')}</Link>
      </p>
    </>
  );
}
