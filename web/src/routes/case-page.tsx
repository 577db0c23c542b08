// /cases/:id: one case. A case that does not exist and one outside the user's scope look the
// same (the server answers 404 for both), so the page says only "not found".
import { useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { POLICE_REGIONS } from '../../../domain/index.js';
import type { CaseView, TransferResult } from '../api-types.js';
import { apiErrorText } from '../api-error-text.js';
import { useApiQuery } from '../hooks/use-api-query.js';
import { useLabels } from '../hooks/use-labels.js';
import { PageHeading } from '../components/page-heading.js';
import { Loading } from '../components/guards.js';
import { ErrorNotice, SuccessNotice } from '../components/notice.js';
import { StatusBadge } from '../components/status-badge.js';
import { CaseFacts, CasePersonBlock } from '../components/case-facts.js';
import { CaseTimeline } from '../components/case-timeline.js';
import { CaseEditForm } from '../components/case-edit-form.js';
import { CaseTransferForm } from '../components/case-transfer-form.js';
import { CaseInformationForm } from '../components/case-information-form.js';
import type { CaseCreatedState } from './case-new-page.js';
import type { CaseListNotice } from './case-list-page.js';

type Notice = { section: 'edit' | 'transfer' | 'info'; text: string };

export function CasePage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const query = useApiQuery<CaseView>(`/cases/${encodeURIComponent(id)}`);
  const [notice, setNotice] = useState<Notice | null>(null);
  const created = (location.state as CaseCreatedState | null)?.created;

  if (query.loading) return <Loading />;
  if (query.error) {
    if (query.error.status === 404 || query.error.status === 400) {
      return (
        <>
          <PageHeading title={t('case.notFoundTitle')} />
          <p>{t('case.notFoundText')}</p>
          <p>
            <Link to="/cases">{t('case.backToList')}</Link>
          </p>
        </>
      );
    }
    return <ErrorNotice>{apiErrorText(query.error, t)}</ErrorNotice>;
  }
  const view = query.data;
  if (!view) return null;

  const saved = (section: Notice['section'], text: string) => (next: CaseView) => {
    query.setData(next);
    setNotice({ section, text });
  };
  const reload = () => {
    setNotice(null);
    query.reload();
  };
  const transferred = (result: TransferResult) => {
    if (result.case === null) {
      void navigate('/cases', { state: { transferred: { ref: view.ref, region: result.region } } satisfies CaseListNotice });
      return;
    }
    saved('transfer', t('case.transferred', { region: labels.label(POLICE_REGIONS, result.region) }))(result.case);
  };
  const noticeFor = (section: Notice['section']) => (notice?.section === section ? <SuccessNotice>{notice.text}</SuccessNotice> : null);
  const { abilities } = view;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/cases">{t('case.backToList')}</Link>
      </p>
      <div className="case-header">
        <PageHeading title={t('case.title', { ref: view.ref })} testId="case-ref">
          {view.ref}
        </PageHeading>
        <p className="case-status">
          <span className="visually-hidden">{t('case.statusLabel')}: </span>
          <StatusBadge status={view.status} />
        </p>
      </div>
      {created === view.ref ? <SuccessNotice>{t('referral.created', { ref: view.ref })}</SuccessNotice> : null}

      <div className="case-grid">
        <div className="case-main">
          <CaseFacts view={view} />
          <CasePersonBlock view={view} />
          <CaseTimeline events={view.timeline} />
        </div>
        {abilities.addInformation || abilities.update || abilities.transfer ? (
          <section className="case-actions" aria-labelledby="actions-heading">
            <h2 id="actions-heading">{t('case.actionsHeading')}</h2>
            {abilities.addInformation ? (
              <div className="panel">
                {noticeFor('info')}
                <CaseInformationForm caseId={view.id} onAdded={saved('info', t('case.infoAdded'))} />
              </div>
            ) : null}
            {abilities.update ? (
              <div className="panel">
                {noticeFor('edit')}
                <CaseEditForm key={view.version} view={view} onSaved={saved('edit', t('case.saved'))} onReload={reload} />
              </div>
            ) : null}
            {abilities.transfer ? (
              <div className="panel">
                {noticeFor('transfer')}
                <CaseTransferForm key={view.version} view={view} onTransferred={transferred} onReload={reload} />
              </div>
            ) : null}
          </section>
        ) : null}
      </div>
    </>
  );
}
