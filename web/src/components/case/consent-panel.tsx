// Consent per purpose and recipient: the records in force, the full history, and the form to
// record a new one (given, refused or withdrawn). Withdrawing a consent the server had shared on
// ends the referrals that rested on it; the confirmation says so.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_STATUSES, REFERRAL_PURPOSES } from '../../../../domain/process/referral-purposes.js';
import { api } from '../../api.js';
import type { Consent, ConsentList } from '../../api-types-process.js';
import { isIsoDate, todayIso, formatDate } from '../../format.js';
import { useApiForm } from '../../hooks/use-api-form.js';
import { useLabels } from '../../hooks/use-labels.js';
import { CodeBadge, type Tone } from '../badges.js';
import { ErrorSummary } from '../error-summary.js';
import { DateField, RadioGroup, TextAreaField } from '../fields.js';
import { SuccessNotice } from '../notice.js';
import { PurposeRecipientFields } from '../purpose-recipient.js';
import { TableWrap } from '../table-wrap.js';

const CONSENT_TONES: Record<string, Tone> = { given: 'success', refused: 'danger', withdrawn: 'neutral' };

export function ConsentBadge({ status }: { status: string }) {
  return <CodeBadge list={CONSENT_STATUSES} code={status} tone={CONSENT_TONES[status] ?? 'neutral'} />;
}

function ConsentTable({ items, caption }: { items: Consent[]; caption: string }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <TableWrap label={caption}>
      <table className="table table-compact">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('refer.purpose')}</th>
            <th scope="col">{t('refer.recipient')}</th>
            <th scope="col">{t('refer.consentStatus')}</th>
            <th scope="col">{t('refer.recordedOn')}</th>
            <th scope="col">{t('refer.givenBy')}</th>
            <th scope="col">{t('refer.recordedBy')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id}>
              <th scope="row">{labels.cap(REFERRAL_PURPOSES, c.purpose)}</th>
              <td>{c.recipient.name}</td>
              <td>
                <ConsentBadge status={c.status} />
              </td>
              <td className="nowrap">{formatDate(c.recordedOn)}</td>
              <td>{c.givenBy === 'guardian' ? t('refer.givenByGuardian') : t('refer.givenByPerson')}</td>
              <td>{c.recordedBy ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

interface RecordResult {
  consent: Consent;
  withdrawnReferralIds: string[];
  revokedShareIds: string[];
  rebasedReferralIds: string[];
}

const FIELDS = ['purpose', 'recipientOrgId', 'status', 'recordedOn', 'givenBy', 'note'] as const;

function ConsentForm({ caseId, onRecorded }: { caseId: string; onRecorded: (message: string) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const form = useApiForm('consent', FIELDS);
  const [purpose, setPurpose] = useState('');
  const [recipient, setRecipient] = useState('');
  const [status, setStatus] = useState('given');
  const [recordedOn, setRecordedOn] = useState(todayIso());
  const [givenBy, setGivenBy] = useState('person');
  const [note, setNote] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.submit({
      check: () => ({
        ...(purpose === '' ? { [form.name('purpose')]: t('refer.errPurpose') } : {}),
        ...(recipient === '' ? { [form.name('recipientOrgId')]: t('refer.errRecipient') } : {}),
        ...(isIsoDate(recordedOn) ? {} : { [form.name('recordedOn')]: t('common.errDate') }),
      }),
      request: () => api.post<RecordResult>(`/cases/${caseId}/consents`, { purpose, recipientOrgId: recipient, status, recordedOn, givenBy, ...(note.trim() ? { note: note.trim() } : {}) }),
      onSuccess: (r) => {
        const parts = [t('refer.consentRecorded', { status: labels.label(CONSENT_STATUSES, r.consent.status), recipient: r.consent.recipient.name })];
        if (r.withdrawnReferralIds.length > 0) parts.push(t('refer.consentEndedReferrals', { count: r.withdrawnReferralIds.length }));
        if (r.rebasedReferralIds.length > 0) parts.push(t('refer.consentRebased', { count: r.rebasedReferralIds.length }));
        setNote('');
        onRecorded(parts.join(' '));
      },
    });
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="consent-form-heading">
      <h4 id="consent-form-heading">{t('refer.consentFormHeading')}</h4>
      <ErrorSummary errors={form.errors} messages={form.messages} attempt={form.attempt} level={4} />
      <PurposeRecipientFields form={form} purpose={purpose} recipient={recipient} recipientField="recipientOrgId" onPurpose={setPurpose} onRecipient={setRecipient} />
      <RadioGroup
        name={form.name('status')}
        legend={t('refer.consentStatus')}
        inline
        options={CONSENT_STATUSES.map((s) => ({ value: s.code, label: labels.cap(CONSENT_STATUSES, s.code) }))}
        value={status}
        error={form.error('status')}
        onChange={setStatus}
      />
      <DateField name={form.name('recordedOn')} label={t('refer.recordedOn')} value={recordedOn} error={form.error('recordedOn')} onChange={(e) => setRecordedOn(e.target.value)} />
      <RadioGroup
        name={form.name('givenBy')}
        legend={t('refer.givenBy')}
        inline
        options={[
          { value: 'person', label: t('refer.givenByPerson') },
          { value: 'guardian', label: t('refer.givenByGuardian') },
        ]}
        value={givenBy}
        error={form.error('givenBy')}
        onChange={setGivenBy}
      />
      <TextAreaField name={form.name('note')} label={t('refer.consentNote')} hint={t('refer.consentNoteHint')} optional rows={2} value={note} error={form.error('note')} onChange={(e) => setNote(e.target.value)} />
      <button type="submit" className="button" disabled={form.busy}>
        {form.busy ? t('case.working') : t('refer.consentSubmit')}
      </button>
    </form>
  );
}

export function ConsentPanel({ caseId, consents, onRecorded }: { caseId: string; consents: ConsentList; onRecorded: () => void }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section className="panel" aria-labelledby="consent-heading">
      <h3 id="consent-heading">{t('refer.consentHeading')}</h3>
      <p className="field-hint">{t('refer.consentIntro')}</p>
      {consents.inForce.length === 0 ? <p>{t('refer.consentNone')}</p> : <ConsentTable items={consents.inForce} caption={t('refer.consentInForce')} />}
      {consents.history.length > consents.inForce.length ? (
        <details className="history-details">
          <summary>{t('refer.consentHistory', { count: consents.history.length })}</summary>
          <ConsentTable items={consents.history} caption={t('refer.consentHistoryCaption')} />
        </details>
      ) : null}
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      <ConsentForm
        caseId={caseId}
        onRecorded={(message) => {
          setNotice(message);
          onRecorded();
        }}
      />
    </section>
  );
}
