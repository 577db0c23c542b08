// Sending a referral: purpose, then a recipient of a fitting kind, then a preview from the server
// (GET sharing-basis) of exactly which parts of the case the recipient will see and on what
// basis: the person's consent for this purpose and recipient, or, for a child going to social
// services, the child exemption. Sending is offered only when the preview allows it.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../../api.js';
import type { Referral, SharingBasis } from '../../api-types-process.js';
import { apiErrorText } from '../../api-error-text.js';
import { isIsoDate } from '../../format.js';
import { useApiForm } from '../../hooks/use-api-form.js';
import { useApiQuery } from '../../hooks/use-api-query.js';
import { shareFieldLabel } from '../../share-fields.js';
import { ErrorSummary } from '../error-summary.js';
import { DateField, TextAreaField } from '../fields.js';
import { Loading } from '../guards.js';
import { ErrorNotice } from '../notice.js';
import { PurposeRecipientFields } from '../purpose-recipient.js';

const FIELDS = ['purpose', 'toOrgId', 'message', 'respondBy'] as const;

function SharingPreview({ basis }: { basis: SharingBasis }) {
  const { t } = useTranslation();
  let verdict: string;
  if (!basis.recipientFits) verdict = t('refer.previewWrongKind');
  else if (basis.basis === 'child_social_services') verdict = t('refer.previewChild');
  else if (basis.basis === 'consent') verdict = t('refer.previewConsent');
  else if (basis.latestConsent === 'withdrawn') verdict = t('refer.previewConsentWithdrawn');
  else if (basis.latestConsent === 'refused') verdict = t('refer.previewConsentRefused');
  else verdict = t('refer.previewNoConsent');

  return (
    <div className={`preview ${basis.ok ? 'preview-ok' : 'preview-blocked'}`} data-testid="sharing-preview">
      <p className="preview-verdict">
        <span aria-hidden="true">{basis.ok ? '✓ ' : '✕ '}</span>
        {verdict}
      </p>
      {basis.basis === 'child_social_services' ? <p>{t('refer.previewChildExplained')}</p> : null}
      {basis.ok ? (
        <>
          <p className="preview-fields-label">{t('refer.previewFields')}</p>
          <ul className="preview-fields">
            {basis.fields.map((f) => (
              <li key={f}>{shareFieldLabel(f, t)}</li>
            ))}
          </ul>
          <p className="field-hint">{t('refer.previewNotShared')}</p>
          <p>{t('refer.previewRespondWithin', { count: basis.respondWithinDays })}</p>
        </>
      ) : basis.recipientFits ? (
        <p>{t('refer.previewRecordConsent')}</p>
      ) : null}
    </div>
  );
}

export function ReferralSendForm({ caseId, onSent }: { caseId: string; onSent: (r: Referral) => void }) {
  const { t } = useTranslation();
  const form = useApiForm('referral', FIELDS);
  const [purpose, setPurpose] = useState('');
  const [toOrgId, setToOrgId] = useState('');
  const [message, setMessage] = useState('');
  const [respondBy, setRespondBy] = useState('');
  const previewPath = purpose !== '' && toOrgId !== '' ? `/cases/${caseId}/sharing-basis${queryString({ purpose, toOrgId })}` : null;
  const preview = useApiQuery<SharingBasis>(previewPath);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.submit({
      check: () => ({
        ...(purpose === '' ? { [form.name('purpose')]: t('refer.errPurpose') } : {}),
        ...(toOrgId === '' ? { [form.name('toOrgId')]: t('refer.errRecipient') } : {}),
        ...(respondBy !== '' && !isIsoDate(respondBy) ? { [form.name('respondBy')]: t('common.errDate') } : {}),
      }),
      request: () => api.post<Referral>(`/cases/${caseId}/referrals`, { purpose, toOrgId, ...(message.trim() ? { message: message.trim() } : {}), ...(respondBy ? { respondBy } : {}) }),
      onSuccess: (r) => {
        setPurpose('');
        setToOrgId('');
        setMessage('');
        setRespondBy('');
        onSent(r);
      },
    });
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="send-referral-heading">
      <h4 id="send-referral-heading">{t('refer.sendHeading')}</h4>
      <ErrorSummary errors={form.errors} messages={form.messages} attempt={form.attempt} level={4} />
      <PurposeRecipientFields form={form} purpose={purpose} recipient={toOrgId} recipientField="toOrgId" onPurpose={setPurpose} onRecipient={setToOrgId} />
      <div aria-live="polite">
        {preview.loading ? <Loading /> : null}
        {preview.error ? <ErrorNotice>{apiErrorText(preview.error, t)}</ErrorNotice> : null}
        {preview.data ? <SharingPreview basis={preview.data} /> : null}
      </div>
      <TextAreaField name={form.name('message')} label={t('refer.message')} hint={t('refer.messageHint')} optional rows={3} value={message} error={form.error('message')} onChange={(e) => setMessage(e.target.value)} />
      <DateField name={form.name('respondBy')} label={t('refer.respondBy')} hint={`${t('refer.respondByHint')} ${t('common.dateHint')}`} optional value={respondBy} error={form.error('respondBy')} onChange={(e) => setRespondBy(e.target.value)} />
      <button type="submit" className="button" disabled={form.busy || preview.data?.ok !== true}>
        {form.busy ? t('refer.sending') : t('refer.send')}
      </button>
    </form>
  );
}
