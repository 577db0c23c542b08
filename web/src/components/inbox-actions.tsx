// Answering a referral in the inbox: accept, decline with a reason, or complete an accepted one.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import type { InboxItem, Referral } from '../api-types-process.js';
import { apiErrorText } from '../api-error-text.js';
import { useApiForm } from '../hooks/use-api-form.js';
import { ErrorSummary } from './error-summary.js';
import { TextAreaField } from './fields.js';
import { ErrorNotice } from './notice.js';

export function InboxActions({ item, onChanged }: { item: InboxItem; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const [declining, setDeclining] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useApiForm(`decline-${item.id}`, ['reason']);
  const [reason, setReason] = useState('');
  const formId = useId();

  const move = (what: 'accept' | 'complete', message: string) => {
    setBusy(true);
    setProblem(null);
    api
      .post<Referral>(`/referrals/${item.id}/${what}`, { version: item.version })
      .then(() => {
        setBusy(false);
        onChanged(message);
      })
      .catch((err: unknown) => {
        setBusy(false);
        setProblem(apiErrorText(err, t));
      });
  };
  const decline = (e: FormEvent) => {
    e.preventDefault();
    form.submit({
      check: () => (reason.trim() === '' ? { [form.name('reason')]: t('inbox.errDeclineReason') } : {}),
      request: () => api.post<Referral>(`/referrals/${item.id}/decline`, { version: item.version, reason: reason.trim() }),
      onSuccess: () => onChanged(t('inbox.declined', { ref: item.caseRef })),
    });
  };

  if (item.status !== 'sent' && item.status !== 'accepted') return null;
  return (
    <>
      <div className="button-row">
        {item.status === 'sent' ? (
          <>
            <button type="button" className="button button-small" disabled={busy} onClick={() => move('accept', t('inbox.accepted', { ref: item.caseRef }))} aria-label={t('inbox.acceptFor', { ref: item.caseRef })}>
              {t('inbox.accept')}
            </button>
            <button type="button" className="button button-secondary button-small" aria-expanded={declining} aria-controls={formId} onClick={() => setDeclining((d) => !d)} aria-label={t('inbox.declineFor', { ref: item.caseRef })}>
              {t('inbox.decline')}
            </button>
          </>
        ) : (
          <button type="button" className="button button-small" disabled={busy} onClick={() => move('complete', t('inbox.completed', { ref: item.caseRef }))} aria-label={t('inbox.completeFor', { ref: item.caseRef })}>
            {t('inbox.complete')}
          </button>
        )}
      </div>
      {problem ? <ErrorNotice>{problem}</ErrorNotice> : null}
      <div id={formId}>
        {declining ? (
          <form className="form step-form" onSubmit={decline} noValidate aria-label={t('inbox.declineFor', { ref: item.caseRef })}>
            <ErrorSummary errors={form.errors} messages={form.messages} attempt={form.attempt} level={3} />
            <TextAreaField name={form.name('reason')} label={t('inbox.declineReason')} hint={t('inbox.declineReasonHint')} rows={2} value={reason} error={form.error('reason')} onChange={(e) => setReason(e.target.value)} />
            <div className="button-row">
              <button type="submit" className="button" disabled={form.busy}>
                {t('inbox.declineSubmit')}
              </button>
              <button type="button" className="button button-secondary" onClick={() => setDeclining(false)}>
                {t('common.cancel')}
              </button>
            </div>
          </form>
        ) : null}
      </div>
    </>
  );
}
