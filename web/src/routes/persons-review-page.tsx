// /persons/review: the coordinator's queue of possible duplicate persons (found by the nightly
// run), filtered by status, and the merges made in the region, each of which can be undone.
import { useState, type FormEvent } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { queryString } from '../api.js';
import type { CandidateItem, MergeView, Paged, UnmergeResult } from '../api-types-persons.js';
import { apiErrorText } from '../api-error-text.js';
import { useApiQuery } from '../hooks/use-api-query.js';
import { Loading } from '../components/guards.js';
import { ErrorNotice, SuccessNotice } from '../components/notice.js';
import { PageHeading } from '../components/page-heading.js';
import { Pagination } from '../components/pagination.js';
import { SelectField } from '../components/fields.js';
import { CandidateTable } from '../components/persons/candidate-table.js';
import { MergesTable } from '../components/persons/merges-table.js';

const STATUSES = ['open', 'merged', 'not_same', 'all'] as const;
type StatusFilter = (typeof STATUSES)[number];

export interface ReviewPageState {
  message?: string;
}

export function PersonsReviewPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const status: StatusFilter = STATUSES.find((s) => s === params.get('status')) ?? 'open';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [choice, setChoice] = useState<StatusFilter>(status);
  const [message, setMessage] = useState<string | null>((location.state as ReviewPageState | null)?.message ?? null);
  const candidates = useApiQuery<Paged<CandidateItem>>(`/persons/candidates${queryString({ status, page: page > 1 ? page : undefined })}`, { keep: true });
  const merges = useApiQuery<Paged<MergeView>>('/persons/merges', { keep: true });

  const statusLabel = (s: StatusFilter) =>
    s === 'open' ? t('persons.statusOpen') : s === 'merged' ? t('persons.statusMerged') : s === 'not_same' ? t('persons.statusNotSame') : t('persons.statusAll');
  const filter = (e: FormEvent) => {
    e.preventDefault();
    setParams(choice === 'open' ? {} : { status: choice });
  };
  const undone = (result: UnmergeResult) => {
    setMessage(result.notRestored.length > 0 ? t('persons.unmergedPartly', { fields: result.notRestored.join(', ') }) : t('persons.unmerged'));
    merges.reload();
    candidates.reload();
  };

  return (
    <>
      <PageHeading title={t('persons.title')} />
      <p className="lead">{t('persons.intro')}</p>
      {message ? <SuccessNotice>{message}</SuccessNotice> : null}
      <form className="filters" role="search" aria-label={t('persons.statusLabel')} onSubmit={filter}>
        <SelectField
          name="status"
          label={t('persons.statusLabel')}
          options={STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
          value={choice}
          onChange={(e) => setChoice(STATUSES.find((s) => s === e.target.value) ?? 'open')}
        />
        <div className="filter-buttons">
          <button type="submit" className="button">
            {t('persons.show')}
          </button>
        </div>
      </form>
      {candidates.loading ? <Loading /> : null}
      {candidates.error ? <ErrorNotice>{apiErrorText(candidates.error, t)}</ErrorNotice> : null}
      {candidates.data ? (
        <>
          <p className="result-count" role="status">
            {t('persons.count', { total: candidates.data.total })}
          </p>
          {candidates.data.items.length === 0 ? <p>{t('persons.empty')}</p> : <CandidateTable items={candidates.data.items} />}
          <Pagination page={candidates.data.page} pageSize={candidates.data.pageSize} total={candidates.data.total} />
        </>
      ) : null}
      <section aria-labelledby="merges-heading">
        <h2 id="merges-heading">{t('persons.mergesTitle')}</h2>
        {merges.loading ? <Loading /> : null}
        {merges.error ? <ErrorNotice>{apiErrorText(merges.error, t)}</ErrorNotice> : null}
        {merges.data ? <MergesTable items={merges.data.items} onUndone={undone} /> : null}
      </section>
    </>
  );
}
