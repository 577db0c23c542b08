// /audit: the auditor's search of the audit trail, and a check that its hash chain is unbroken.
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { queryString } from '../api.js';
import type { AuditEntry, Page } from '../api-types.js';
import { apiErrorText } from '../api-error-text.js';
import { useApiQuery } from '../hooks/use-api-query.js';
import { formatDateTime } from '../format.js';
import { PageHeading } from '../components/page-heading.js';
import { ErrorNotice } from '../components/notice.js';
import { Loading } from '../components/guards.js';
import { Pagination } from '../components/pagination.js';
import { TableWrap } from '../components/table-wrap.js';
import { AuditFilters, AUDIT_FILTER_KEYS, type AuditFilterValues } from '../components/audit-filters.js';
import { AuditVerify } from '../components/audit-verify.js';

const PAGE_SIZE = 50;

function outcomeLabel(outcome: AuditEntry['outcome'], t: TFunction): string {
  switch (outcome) {
    case 'ok':
      return t('audit.outcomeOk');
    case 'denied':
      return t('audit.outcomeDenied');
    case 'not_found':
      return t('audit.outcomeNotFound');
    case 'failed':
      return t('audit.outcomeFailed');
    default:
      return String(outcome);
  }
}

export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(AUDIT_FILTER_KEYS.map((k) => [k, params.get(k) ?? ''])) as AuditFilterValues;
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const result = useApiQuery<Page<AuditEntry>>(`/audit${queryString({ ...filters, page, pageSize: PAGE_SIZE })}`);

  const search = (values: AuditFilterValues) => {
    setParams(Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== '')));
  };

  return (
    <>
      <PageHeading title={t('audit.title')} />
      <p className="lead">{t('audit.intro')}</p>
      <AuditFilters key={params.toString()} initial={filters} onSearch={search} />

      {result.loading ? <Loading /> : null}
      {result.error ? <ErrorNotice>{apiErrorText(result.error, t)}</ErrorNotice> : null}
      {result.data ? (
        <>
          <p className="result-count" role="status">
            {t('audit.count', { total: result.data.total })}
          </p>
          {result.data.items.length === 0 ? (
            <p>{t('audit.empty')}</p>
          ) : (
            <TableWrap label={t('audit.caption')}>
              <table className="table table-compact">
                <caption className="visually-hidden">{t('audit.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('audit.colSeq')}</th>
                    <th scope="col">{t('audit.colAt')}</th>
                    <th scope="col">{t('audit.colUser')}</th>
                    <th scope="col">{t('audit.colOrganisation')}</th>
                    <th scope="col">{t('audit.colAction')}</th>
                    <th scope="col">{t('audit.colOutcome')}</th>
                    <th scope="col">{t('audit.colResource')}</th>
                    <th scope="col">{t('audit.colRequest')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.data.items.map((entry) => (
                    <tr key={entry.id} data-testid="audit-row">
                      <td>{entry.seq}</td>
                      <td className="nowrap">{formatDateTime(entry.at)}</td>
                      <td>{entry.actor.username ?? <span className="muted">{t('audit.system')}</span>}</td>
                      <td>{entry.actor.organisation ?? ''}</td>
                      <td>
                        <code>{entry.action}</code>
                      </td>
                      <td>
                        <span className={`outcome outcome-${entry.outcome}`}>{outcomeLabel(entry.outcome, t)}</span>
                      </td>
                      <td>
                        {entry.resourceType}
                        {entry.resourceId ? <code className="id"> {entry.resourceId}</code> : null}
                      </td>
                      <td>{entry.requestId ? <code className="id">{entry.requestId}</code> : null}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          <Pagination page={result.data.page} pageSize={result.data.pageSize} total={result.data.total} />
        </>
      ) : null}
      <AuditVerify />
    </>
  );
}
