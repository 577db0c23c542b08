// /cases: the cases the session may see, filtered by status, region and a free-text search.
// Filters and page live in the URL, so a filtered list can be reloaded, shared and gone back to.
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { POLICE_REGIONS, REFERRAL_SOURCES } from '../../../domain/index.js';
import { queryString } from '../api.js';
import type { CaseListItem, Page } from '../api-types.js';
import { apiErrorText } from '../api-error-text.js';
import { useApiQuery } from '../hooks/use-api-query.js';
import { useLabels } from '../hooks/use-labels.js';
import { useSession } from '../hooks/use-session.js';
import { formatDate, formatDateTime } from '../format.js';
import { PageHeading } from '../components/page-heading.js';
import { CaseFilters, type CaseFilterValues } from '../components/case-filters.js';
import { ErrorNotice, SuccessNotice } from '../components/notice.js';
import { Loading } from '../components/guards.js';
import { Pagination } from '../components/pagination.js';
import { StatusBadge } from '../components/status-badge.js';
import { TableWrap } from '../components/table-wrap.js';
import { PersonName } from '../components/person-name.js';

const PAGE_SIZE = 25;

export interface CaseListNotice {
  transferred?: { ref: string; region: string };
}

export function CaseListPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { abilities } = useSession();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const region = params.get('region') ?? '';
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const list = useApiQuery<Page<CaseListItem>>(`/cases${queryString({ status, region, q, page, pageSize: PAGE_SIZE })}`);
  const notice = (location.state as CaseListNotice | null)?.transferred;

  const search = (values: CaseFilterValues) => {
    setParams(Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')));
  };

  return (
    <>
      <div className="page-title-row">
        <PageHeading title={t('cases.title')} />
        {abilities.createReferral ? (
          <Link to="/cases/new" className="button">
            {t('header.newReferral')}
          </Link>
        ) : null}
      </div>
      {notice ? (
        <SuccessNotice>{t('cases.transferredAway', { ref: notice.ref, region: labels.label(POLICE_REGIONS, notice.region) })}</SuccessNotice>
      ) : null}

      <CaseFilters key={`${status}|${region}|${q}`} initial={{ status, region, q }} onSearch={search} />

      {list.loading ? <Loading /> : null}
      {list.error ? <ErrorNotice>{apiErrorText(list.error, t)}</ErrorNotice> : null}
      {list.data ? (
        <>
          <p className="result-count" role="status">
            {t('cases.count', { total: list.data.total })}
          </p>
          {list.data.items.length === 0 ? (
            <p>{t('cases.empty')}</p>
          ) : (
            <TableWrap label={t('cases.caption')}>
              <table className="table">
                <caption className="visually-hidden">{t('cases.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('cases.colRef')}</th>
                    <th scope="col">{t('cases.colPerson')}</th>
                    <th scope="col">{t('cases.colStatus')}</th>
                    <th scope="col">{t('cases.colRegion')}</th>
                    <th scope="col">{t('cases.colMunicipality')}</th>
                    <th scope="col">{t('cases.colSource')}</th>
                    <th scope="col">{t('cases.colReferredOn')}</th>
                    <th scope="col">{t('cases.colUpdated')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((c) => (
                    <tr key={c.id} data-testid="case-row">
                      <th scope="row" className="nowrap">
                        <Link to={`/cases/${c.id}`}>{c.ref}</Link>
                      </th>
                      <td>
                        <PersonName label={c.personLabel} protectedIdentity={c.protectedIdentity} />
                      </td>
                      <td>
                        <StatusBadge status={c.status} />
                      </td>
                      <td>{labels.label(POLICE_REGIONS, c.region)}</td>
                      <td>{labels.municipality(c.municipalityCode)}</td>
                      <td>{labels.cap(REFERRAL_SOURCES, c.referralSource)}</td>
                      <td className="nowrap">{formatDate(c.referredOn)}</td>
                      <td className="nowrap">{formatDateTime(c.updatedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          <Pagination page={list.data.page} pageSize={list.data.pageSize} total={list.data.total} />
        </>
      ) : null}
    </>
  );
}
