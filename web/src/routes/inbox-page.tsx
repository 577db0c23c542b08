// /inbox: referrals addressed to the user's organisation, unanswered and overdue ones first.
// The recipient accepts, declines (with a reason the sender sees) or, once the work is done,
// completes. The case is linked while the share lets the organisation open it.
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { REFERRAL_PURPOSES, REFERRAL_STATUSES } from '../../../domain/process/referral-purposes.js';
import { queryString } from '../api.js';
import type { Page } from '../api-types.js';
import type { InboxItem } from '../api-types-process.js';
import { apiErrorText } from '../api-error-text.js';
import { formatDate } from '../format.js';
import { useApiQuery } from '../hooks/use-api-query.js';
import { useLabels } from '../hooks/use-labels.js';
import { useWorkCounts } from '../hooks/use-work-counts.js';
import { OverdueBadge, ReferralStatusBadge } from '../components/badges.js';
import { Loading } from '../components/guards.js';
import { ErrorNotice, SuccessNotice } from '../components/notice.js';
import { PageHeading } from '../components/page-heading.js';
import { Pagination } from '../components/pagination.js';
import { InboxActions } from '../components/inbox-actions.js';

const PAGE_SIZE = 50;

/** Overdue first, then as the server orders them (unanswered, accepted, the rest; by respond-by date). */
export function overdueFirst<T extends { overdue: boolean }>(items: readonly T[]): T[] {
  return [...items.filter((i) => i.overdue), ...items.filter((i) => !i.overdue)];
}

export function InboxPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const counts = useWorkCounts();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const inbox = useApiQuery<Page<InboxItem>>(`/inbox${queryString({ status, page, pageSize: PAGE_SIZE })}`, { keep: true });
  const [notice, setNotice] = useState<string | null>(null);
  const [draftStatus, setDraftStatus] = useState(status);

  const changed = (message: string) => {
    setNotice(message);
    inbox.reload();
    counts.refresh();
  };

  return (
    <>
      <PageHeading title={t('inbox.title')} />
      <p className="lead">{t('inbox.intro')}</p>
      <form
        className="filters"
        role="search"
        aria-label={t('inbox.filter')}
        onSubmit={(e) => {
          e.preventDefault();
          setParams(draftStatus ? { status: draftStatus } : {});
        }}
      >
        <div className="field">
          <label className="field-label" htmlFor="f-inbox-status">
            {t('refer.status')}
          </label>
          <select id="f-inbox-status" value={draftStatus} onChange={(e) => setDraftStatus(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {REFERRAL_STATUSES.map((s) => (
              <option key={s.code} value={s.code}>
                {labels.cap(REFERRAL_STATUSES, s.code)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-buttons">
          <button type="submit" className="button">
            {t('common.show')}
          </button>
        </div>
      </form>
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      {inbox.loading ? <Loading /> : null}
      {inbox.error ? <ErrorNotice>{apiErrorText(inbox.error, t)}</ErrorNotice> : null}
      {inbox.data ? (
        <>
          <p className="result-count" role="status">
            {t('inbox.count', { total: inbox.data.total, overdue: inbox.data.items.filter((i) => i.overdue).length })}
          </p>
          {inbox.data.items.length === 0 ? (
            <p>{t('inbox.empty')}</p>
          ) : (
            <ul className="card-list inbox-list">
              {overdueFirst(inbox.data.items).map((item) => {
                const linked = item.status === 'sent' || item.status === 'accepted' || item.status === 'completed';
                return (
                  <li key={item.id} className={`card${item.overdue ? ' card-overdue' : ''}`} data-testid="inbox-item">
                    <h2 className="card-title">
                      {labels.cap(REFERRAL_PURPOSES, item.purpose)} · {linked ? <Link to={`/cases/${item.caseId}`}>{item.caseRef}</Link> : item.caseRef}{' '}
                      <ReferralStatusBadge status={item.status} /> <OverdueBadge overdue={item.overdue} />
                    </h2>
                    <dl className="facts facts-compact">
                      {item.personLabel ? (
                        <div className="facts-row">
                          <dt>{t('inbox.person')}</dt>
                          <dd>{item.personLabel}</dd>
                        </div>
                      ) : null}
                      <div className="facts-row">
                        <dt>{t('inbox.from')}</dt>
                        <dd>{item.from.name}</dd>
                      </div>
                      <div className="facts-row">
                        <dt>{t('refer.sentOn')}</dt>
                        <dd>{formatDate(item.sentOn)}</dd>
                      </div>
                      <div className="facts-row">
                        <dt>{t('refer.respondBy')}</dt>
                        <dd>{formatDate(item.respondBy)}</dd>
                      </div>
                      <div className="facts-row">
                        <dt>{t('refer.basis')}</dt>
                        <dd>{item.consentBasis === 'child_social_services' ? t('refer.basisChild') : t('refer.basisConsent')}</dd>
                      </div>
                      {item.message ? (
                        <div className="facts-row">
                          <dt>{t('refer.message')}</dt>
                          <dd className="prewrap">{item.message}</dd>
                        </div>
                      ) : null}
                    </dl>
                    <InboxActions item={item} onChanged={changed} />
                  </li>
                );
              })}
            </ul>
          )}
          <Pagination page={inbox.data.page} pageSize={inbox.data.pageSize} total={inbox.data.total} />
        </>
      ) : null}
    </>
  );
}
