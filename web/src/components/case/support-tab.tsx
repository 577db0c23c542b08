// The Support tab: the support plan (for the coordinator and social services on the case), NSP,
// ÅMP and compensation, each shown only where the server says the viewer may see it.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../api-types.js';
import type { SupportView } from '../../api-types-process.js';
import { apiErrorText } from '../../api-error-text.js';
import { useApiQuery } from '../../hooks/use-api-query.js';
import { Loading } from '../guards.js';
import { ErrorNotice, SuccessNotice } from '../notice.js';
import { AmpPanel } from './amp-panel.js';
import { CompensationPanel } from './compensation-panel.js';
import { NspPanel } from './nsp-panel.js';
import { useForbiddenHides } from './section-state.js';
import { SupportPlanPanel } from './support-plan-panel.js';

export function SupportTab({ view, onChanged, onForbidden }: { view: CaseView; onChanged: () => void; onForbidden: () => void }) {
  const { t } = useTranslation();
  const query = useApiQuery<SupportView>(`/cases/${view.id}/support`, { keep: true });
  const [notice, setNotice] = useState<string | null>(null);
  useForbiddenHides(query.error, onForbidden);
  const changed = (message: string) => {
    setNotice(message);
    query.reload();
    onChanged();
  };
  const data = query.data;
  const seesPlan = view.access === 'full' || view.access === 'assigned';

  return (
    <>
      <h2>{t('tabs.support')}</h2>
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      {seesPlan ? <SupportPlanPanel caseId={view.id} canWrite={view.abilities.coordinate && view.status !== 'closed'} /> : null}
      {query.loading ? <Loading /> : null}
      {query.error && query.error.status !== 403 ? <ErrorNotice>{apiErrorText(query.error, t)}</ErrorNotice> : null}
      {data ? (
        <>
          {data.visible.nsp ? <NspPanel caseId={view.id} items={data.nsp} canWrite={data.abilities.nsp} onChanged={changed} /> : null}
          {data.visible.amp ? <AmpPanel caseId={view.id} items={data.amp} canWrite={data.abilities.amp} onChanged={changed} /> : null}
          {data.visible.compensation ? <CompensationPanel caseId={view.id} items={data.compensation} canWrite={data.abilities.compensation} onChanged={changed} /> : null}
        </>
      ) : null}
    </>
  );
}
