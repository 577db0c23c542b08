// The statistics pages share one read of GET /statistics/meta (breakdowns, regions, counting
// rules, disclosure method, years with data and what the user may do), handed to each page
// through the outlet context, and a sub-navigation each page shows under its heading.
import { NavLink, Outlet, useLocation, useOutletContext } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { StatMeta } from '../api-types-statistics.js';
import { apiErrorText } from '../api-error-text.js';
import { useApiQuery } from '../hooks/use-api-query.js';
import { Loading } from '../components/guards.js';
import { ErrorNotice } from '../components/notice.js';
import { PageHeading } from '../components/page-heading.js';

export interface StatisticsContext {
  meta: StatMeta;
  /** Reads the metadata again (an import changes the years with data). */
  reloadMeta: () => void;
}

export function StatisticsLayout() {
  const { t } = useTranslation();
  const meta = useApiQuery<StatMeta>('/statistics/meta', { keep: true });
  if (meta.error) {
    return (
      <>
        <PageHeading title={t('statistics.title')} />
        <ErrorNotice>{apiErrorText(meta.error, t)}</ErrorNotice>
      </>
    );
  }
  if (!meta.data) return <Loading />;
  return <Outlet context={{ meta: meta.data, reloadMeta: meta.reload } satisfies StatisticsContext} />;
}

export function useStatistics(): StatisticsContext {
  return useOutletContext<StatisticsContext>();
}

export function StatisticsNav({ meta }: { meta: StatMeta }) {
  const { t } = useTranslation();
  const canImport = meta.abilities.importCases || meta.abilities.importSeries;
  // The dashboard and the tables share years, region and kind: moving between them keeps them.
  const { search } = useLocation();
  return (
    <nav className="sub-nav" aria-label={t('statistics.navLabel')}>
      <ul>
        <li>
          <NavLink to={{ pathname: '/statistics', search }} end>
            {t('statistics.navDashboard')}
          </NavLink>
        </li>
        <li>
          <NavLink to={{ pathname: '/statistics/tables', search }}>{t('statistics.navTables')}</NavLink>
        </li>
        {canImport ? (
          <li>
            <NavLink to="/statistics/import">{t('statistics.navImport')}</NavLink>
          </li>
        ) : null}
        <li>
          <NavLink to="/statistics/report">{t('statistics.navReport')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
