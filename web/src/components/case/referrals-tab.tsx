// The Referrals & consent tab. The coordinator records consent, sends referrals and withdraws
// them; a recipient organisation sees the referrals addressed to it (the server decides which).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REFERRAL_PURPOSES } from '../../../../domain/process/referral-purposes.js';
import type { CaseView } from '../../api-types.js';
import type { ConsentList, Referral } from '../../api-types-process.js';
import { apiErrorText } from '../../api-error-text.js';
import { useApiQuery } from '../../hooks/use-api-query.js';
import { useLabels } from '../../hooks/use-labels.js';
import { Loading } from '../guards.js';
import { ErrorNotice, SuccessNotice } from '../notice.js';
import { ConsentPanel } from './consent-panel.js';
import { ReferralList } from './referral-list.js';
import { ReferralSendForm } from './referral-send-form.js';
import { useForbiddenHides } from './section-state.js';

export function ReferralsTab({ view, onChanged, onForbidden }: { view: CaseView; onChanged: () => void; onForbidden: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const coordinates = view.abilities.coordinate;
  const referrals = useApiQuery<{ items: Referral[] }>(`/cases/${view.id}/referrals`, { keep: true });
  const consents = useApiQuery<ConsentList>(coordinates ? `/cases/${view.id}/consents` : null, { keep: true });
  const [notice, setNotice] = useState<string | null>(null);
  useForbiddenHides(referrals.error, onForbidden);

  const changed = (message: string) => {
    setNotice(message);
    referrals.reload();
    consents.reload();
    onChanged();
  };

  return (
    <>
      <h2>{t('tabs.referrals')}</h2>
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      <section className="panel" aria-labelledby="referral-list-heading">
        <h3 id="referral-list-heading">{coordinates ? t('refer.listHeading') : t('refer.listHeadingRecipient')}</h3>
        {referrals.loading ? <Loading /> : null}
        {referrals.error && referrals.error.status !== 403 ? <ErrorNotice>{apiErrorText(referrals.error, t)}</ErrorNotice> : null}
        {referrals.data ? <ReferralList items={referrals.data.items} canWithdraw={coordinates} onChanged={changed} /> : null}
        {coordinates && view.status !== 'closed' ? (
          <ReferralSendForm
            caseId={view.id}
            onSent={(r) => changed(t('refer.sent', { purpose: labels.label(REFERRAL_PURPOSES, r.purpose), recipient: r.to.name, respondBy: r.respondBy }))}
          />
        ) : null}
      </section>
      {coordinates ? (
        <>
          {consents.loading ? <Loading /> : null}
          {consents.error ? <ErrorNotice>{apiErrorText(consents.error, t)}</ErrorNotice> : null}
          {consents.data ? <ConsentPanel caseId={view.id} consents={consents.data} onRecorded={() => changed('')} /> : null}
        </>
      ) : null}
    </>
  );
}
