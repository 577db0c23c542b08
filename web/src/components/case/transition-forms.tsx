// The forms behind the process steps that need more than a click: closing a case (date, reason,
// note) and the steps that need a written reason (re-assessment, reopening).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSURE_REASONS } from '../../../../domain/index.js';
import { api } from '../../api.js';
import type { ProcessView } from '../../api-types-process.js';
import { isIsoDate, todayIso } from '../../format.js';
import { useApiForm } from '../../hooks/use-api-form.js';
import { useLabels } from '../../hooks/use-labels.js';
import { ErrorSummary } from '../error-summary.js';
import { DateField, SelectField, TextAreaField } from '../fields.js';

interface StepFormProps {
  process: ProcessView;
  onDone: (next: ProcessView) => void;
  onCancel: () => void;
}

const CLOSE_FIELDS = ['closedOn', 'reason', 'note'] as const;

export function CloseCaseForm({ process, onDone, onCancel }: StepFormProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const form = useApiForm('close', CLOSE_FIELDS);
  const [closedOn, setClosedOn] = useState(todayIso());
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.submit({
      check: () => ({
        ...(isIsoDate(closedOn) ? {} : { [form.name('closedOn')]: t('common.errDate') }),
        ...(reason === '' ? { [form.name('reason')]: t('process.errClosureReason') } : {}),
      }),
      request: () => api.post<ProcessView>(`/cases/${process.caseId}/close`, { version: process.version, closedOn, reason, ...(note.trim() ? { note: note.trim() } : {}) }),
      onSuccess: onDone,
    });
  };

  return (
    <form className="form step-form" onSubmit={submit} noValidate aria-labelledby="close-heading">
      <h3 id="close-heading">{t('process.closeHeading')}</h3>
      <ErrorSummary errors={form.errors} messages={form.messages} attempt={form.attempt} level={4} />
      <DateField name={form.name('closedOn')} label={t('process.closedOn')} value={closedOn} error={form.error('closedOn')} onChange={(e) => setClosedOn(e.target.value)} />
      <SelectField
        name={form.name('reason')}
        label={t('process.closureReason')}
        placeholder={t('common.choose')}
        options={CLOSURE_REASONS.map((r) => ({ value: r.code, label: labels.cap(CLOSURE_REASONS, r.code) }))}
        value={reason}
        error={form.error('reason')}
        onChange={(e) => setReason(e.target.value)}
      />
      <TextAreaField name={form.name('note')} label={t('process.closureNote')} optional rows={3} value={note} error={form.error('note')} onChange={(e) => setNote(e.target.value)} />
      <div className="button-row">
        <button type="submit" className="button" disabled={form.busy}>
          {form.busy ? t('case.working') : t('process.closeSubmit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

export function ReasonStepForm({ process, onDone, onCancel, step }: StepFormProps & { step: 'reassess' | 'reopen' }) {
  const { t } = useTranslation();
  const form = useApiForm(step, ['reason']);
  const [reason, setReason] = useState('');
  const heading = step === 'reassess' ? t('process.reassessHeading') : t('process.reopenHeading');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.submit({
      check: () => (reason.trim().length < 3 ? { [form.name('reason')]: t('case.errReason') } : {}),
      request: () => api.post<ProcessView>(`/cases/${process.caseId}/${step}`, { version: process.version, reason: reason.trim() }),
      onSuccess: onDone,
    });
  };

  return (
    <form className="form step-form" onSubmit={submit} noValidate aria-labelledby={`${step}-heading`}>
      <h3 id={`${step}-heading`}>{heading}</h3>
      <ErrorSummary errors={form.errors} messages={form.messages} attempt={form.attempt} level={4} />
      <TextAreaField name={form.name('reason')} label={t('process.stepReason')} hint={step === 'reassess' ? t('process.reassessHint') : t('process.reopenHint')} rows={3} value={reason} error={form.error('reason')} onChange={(e) => setReason(e.target.value)} />
      <div className="button-row">
        <button type="submit" className="button" disabled={form.busy}>
          {form.busy ? t('case.working') : heading}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
