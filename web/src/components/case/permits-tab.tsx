// The Permits tab: the person's reflection period and witness permit applications on this case,
// and (for the coordinator and the applicant authorities) recording a new one.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../api-types.js';
import type { PermitList } from '../../api-types-process.js';
import { apiErrorText } from '../../api-error-text.js';
import { useApiQuery } from '../../hooks/use-api-query.js';
import { Loading } from '../guards.js';
import { ErrorNotice, SuccessNotice } from '../notice.js';
import { PermitApplyForm } from './permit-apply-form.js';
import { PermitCard } from './permit-card.js';
import { useForbiddenHides } from './section-state.js';

export function PermitsTab({ view, onChanged, onForbidden }: { view: CaseView; onChanged: () => void; onForbidden: () => void }) {
  const { t } = useTranslation();
  const query = useApiQuery<PermitList>(`/cases/${view.id}/permits`, { keep: true });
  const [notice, setNotice] = useState<string | null>(null);
  useForbiddenHides(query.error, onForbidden);
  const changed = (message: string) => {
    setNotice(message);
    query.reload();
    onChanged();
  };

  return (
    <>
      <h2>{t('tabs.permits')}</h2>
      <p className="field-hint">{t('permits.intro')}</p>
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      {query.loading ? <Loading /> : null}
      {query.error && query.error.status !== 403 ? <ErrorNotice>{apiErrorText(query.error, t)}</ErrorNotice> : null}
      {query.data ? (
        <>
          <section className="panel" aria-labelledby="permit-list-heading">
            <h3 id="permit-list-heading">{t('permits.listHeading')}</h3>
            {query.data.permits.length === 0 ? (
              <p>{t('permits.none')}</p>
            ) : (
              <ul className="card-list">
                {query.data.permits.map((p) => (
                  <PermitCard key={`${p.id}-${p.version}`} permit={p} abilities={query.data!.abilities} onChanged={(_, message) => changed(message)} />
                ))}
              </ul>
            )}
          </section>
          {query.data.abilities.apply ? (
            <section className="panel">
              <PermitApplyForm key={query.data.permits.map((p) => `${p.id}:${p.version}`).join()} caseId={view.id} onApplied={() => changed(t('permits.applied'))} />
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
