// The case's referrals: purpose, recipient, status, when an answer is due (overdue marked with a
// sign and a word), the sharing basis, and for the coordinator a way to withdraw an open one.
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { REFERRAL_PURPOSES } from '../../../../domain/process/referral-purposes.js';
import { api } from '../../api.js';
import type { Referral } from '../../api-types-process.js';
import { formatDate } from '../../format.js';
import { useApiForm } from '../../hooks/use-api-form.js';
import { useLabels } from '../../hooks/use-labels.js';
import { OverdueBadge, ReferralStatusBadge } from '../badges.js';
import { ErrorSummary } from '../error-summary.js';
import { TextAreaField } from '../fields.js';
import { TableWrap } from '../table-wrap.js';

function WithdrawForm({ referral, onDone, onCancel }: { referral: Referral; onDone: (r: Referral) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const form = useApiForm(`withdraw-${referral.id}`, ['reason']);
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.submit({
      check: () => (reason.trim() === '' ? { [form.name('reason')]: t('refer.errWithdrawReason') } : {}),
      request: () => api.post<Referral>(`/referrals/${referral.id}/withdraw`, { version: referral.version, reason: reason.trim() }),
      onSuccess: onDone,
    });
  };
  return (
    <form className="form step-form" onSubmit={submit} noValidate aria-labelledby="withdraw-heading">
      <h4 id="withdraw-heading" tabIndex={-1}>
        {t('refer.withdrawHeading', { purpose: labels.label(REFERRAL_PURPOSES, referral.purpose), recipient: referral.to.name })}
      </h4>
      <p className="field-hint">{t('refer.withdrawIntro')}</p>
      <ErrorSummary errors={form.errors} messages={form.messages} attempt={form.attempt} level={4} />
      <TextAreaField name={form.name('reason')} label={t('refer.withdrawReason')} rows={2} value={reason} error={form.error('reason')} onChange={(e) => setReason(e.target.value)} />
      <div className="button-row">
        <button type="submit" className="button" disabled={form.busy}>
          {t('refer.withdraw')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

export function ReferralList({ items, canWithdraw, onChanged }: { items: Referral[]; canWithdraw: boolean; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [withdrawing, setWithdrawing] = useState<Referral | null>(null);
  const formArea = useRef<HTMLDivElement>(null);
  const caption = t('refer.listCaption');

  if (items.length === 0) return <p>{t('refer.listEmpty')}</p>;
  return (
    <>
      <TableWrap label={caption}>
        <table className="table table-compact">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('refer.purpose')}</th>
              <th scope="col">{t('refer.recipient')}</th>
              <th scope="col">{t('refer.status')}</th>
              <th scope="col">{t('refer.sentOn')}</th>
              <th scope="col">{t('refer.respondBy')}</th>
              <th scope="col">{t('refer.basis')}</th>
              {canWithdraw ? <th scope="col">{t('common.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id} data-testid="referral-row" className={r.overdue ? 'row-overdue' : undefined}>
                <th scope="row">
                  {labels.cap(REFERRAL_PURPOSES, r.purpose)}
                  {r.message ? <p className="cell-note prewrap">{r.message}</p> : null}
                </th>
                <td>{r.to.name}</td>
                <td>
                  <ReferralStatusBadge status={r.status} />
                  {r.declineReason ? <p className="cell-note">{t('refer.declineReasonShown', { reason: r.declineReason })}</p> : null}
                  {r.withdrawReason ? <p className="cell-note">{t('refer.withdrawReasonShown', { reason: r.withdrawReason })}</p> : null}
                </td>
                <td className="nowrap">{formatDate(r.sentOn)}</td>
                <td className="nowrap">
                  {formatDate(r.respondBy)} <OverdueBadge overdue={r.overdue} />
                </td>
                <td>{r.consentBasis === 'child_social_services' ? t('refer.basisChild') : t('refer.basisConsent')}</td>
                {canWithdraw ? (
                  <td>
                    {r.status === 'sent' || r.status === 'accepted' ? (
                      <button
                        type="button"
                        className="button button-secondary button-small"
                        aria-label={t('refer.withdrawFor', { purpose: labels.label(REFERRAL_PURPOSES, r.purpose), recipient: r.to.name })}
                        onClick={() => {
                          setWithdrawing(r);
                          requestAnimationFrame(() => formArea.current?.querySelector<HTMLElement>('h4')?.focus());
                        }}
                      >
                        {t('refer.withdraw')}
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <div ref={formArea}>
        {withdrawing ? (
          <WithdrawForm
            key={withdrawing.id}
            referral={withdrawing}
            onCancel={() => setWithdrawing(null)}
            onDone={() => {
              setWithdrawing(null);
              onChanged(t('refer.withdrawn'));
            }}
          />
        ) : null}
      </div>
    </>
  );
}
