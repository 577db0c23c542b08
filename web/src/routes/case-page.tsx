// /cases/:id: the coordinator's workspace for one case. The process bar shows the status and the
// next steps; tabs hold the overview (facts, person, timeline), the assessment, referrals and
// consent, permits, the criminal process and support. A tab is offered only when the viewer may
// read its part of the case. A case that does not exist and one outside the user's scope look
// the same (the server answers 404 for both), so the page says only "not found".
import { useCallback, useState, type ReactNode } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../api-types.js';
import type { ProcessView } from '../api-types-process.js';
import { apiErrorText } from '../api-error-text.js';
import { useApiQuery } from '../hooks/use-api-query.js';
import { useSession } from '../hooks/use-session.js';
import { PageHeading } from '../components/page-heading.js';
import { Loading } from '../components/guards.js';
import { ErrorNotice, SuccessNotice } from '../components/notice.js';
import { StatusBadge } from '../components/status-badge.js';
import { Tabs, type TabDef } from '../components/tabs.js';
import { visibleSections, type CaseSection } from '../components/case/case-sections.js';
import { ProcessBar } from '../components/case/process-bar.js';
import { OverviewTab } from '../components/case/overview-tab.js';
import { AssessmentTab } from '../components/case/assessment-tab.js';
import { ReferralsTab } from '../components/case/referrals-tab.js';
import { PermitsTab } from '../components/case/permits-tab.js';
import { CriminalTab } from '../components/case/criminal-tab.js';
import { SupportTab } from '../components/case/support-tab.js';
import type { CaseCreatedState } from './case-new-page.js';

export function CasePage() {
  const { t } = useTranslation();
  const session = useSession();
  const { id = '' } = useParams();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const query = useApiQuery<CaseView>(`/cases/${encodeURIComponent(id)}`, { keep: true });
  const process = useApiQuery<ProcessView>(query.data ? `/cases/${encodeURIComponent(id)}/process` : null, { keep: true });
  const [hidden, setHidden] = useState<ReadonlySet<CaseSection>>(new Set());
  const [processNotice, setProcessNotice] = useState<string | null>(null);
  const created = (location.state as CaseCreatedState | null)?.created;
  const reloadCase = query.reload;

  const selectTab = useCallback(
    (tab: string, focusPanel = false) => {
      setProcessNotice(null);
      setParams((p) => {
        const next = new URLSearchParams(p);
        if (tab === 'overview') next.delete('tab');
        else next.set('tab', tab);
        return next;
      }, { replace: true });
      if (focusPanel) requestAnimationFrame(() => document.getElementById(`case-panel-${tab}`)?.focus());
    },
    [setParams],
  );
  const hide = useCallback(
    (section: CaseSection) => () => {
      setHidden((h) => new Set([...h, section]));
      selectTab('overview');
    },
    [selectTab],
  );

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
  const proc = process.data;

  const processChanged = (next: ProcessView, message: string) => {
    process.setData(next);
    setProcessNotice(message);
    reloadCase();
  };
  const sections = visibleSections(view, proc, session.user.organisation.kind).filter((s) => !hidden.has(s));
  const render: Record<CaseSection, () => ReactNode> = {
    overview: () => <OverviewTab view={view} onView={query.setData} onReload={query.reload} />,
    assessment: () => (proc ? <AssessmentTab view={view} process={proc} onChanged={processChanged} onForbidden={hide('assessment')} /> : <Loading />),
    referrals: () => <ReferralsTab view={view} onChanged={reloadCase} onForbidden={hide('referrals')} />,
    permits: () => <PermitsTab view={view} onChanged={reloadCase} onForbidden={hide('permits')} />,
    criminal: () => <CriminalTab view={view} onChanged={reloadCase} onForbidden={hide('criminal')} />,
    support: () => <SupportTab view={view} onChanged={reloadCase} onForbidden={hide('support')} />,
  };
  const tabs: TabDef[] = sections.map((s) => ({ id: s, label: t(`tabs.${s}`), render: render[s] }));

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
      {processNotice ? <SuccessNotice>{processNotice}</SuccessNotice> : null}
      {proc ? <ProcessBar process={proc} onChanged={processChanged} onOpenAssessment={() => selectTab('assessment', true)} /> : null}
      {process.error && process.error.status !== 403 ? <ErrorNotice>{apiErrorText(process.error, t)}</ErrorNotice> : null}
      {process.loading ? <Loading /> : <Tabs label={t('tabs.label')} idPrefix="case" tabs={tabs} selected={params.get('tab') ?? 'overview'} onSelect={(tab) => selectTab(tab)} />}
    </>
  );
}
