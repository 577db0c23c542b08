// The steps on a permit application: the Migration Agency's decision, an extension of a granted
// permit, and withdrawing an application that is still pending.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import type { Permit } from '../../api-types-process.js';
import type { FieldErrors } from '../../field-errors.js';
import { isIsoDate, todayIso } from '../../format.js';
import { useApiForm, type ApiForm } from '../../hooks/use-api-form.js';
import { ErrorSummary } from '../error-summary.js';
import { DateField, RadioGroup } from '../fields.js';

interface ActionProps {
  permit: Permit;
  onDone: (p: Permit) => void;
  onCancel: () => void;
}

function dateCheck(form: ApiForm, values: Record<string, string>, message: string): FieldErrors {
  const found: FieldErrors = {};
  for (const [path, value] of Object.entries(values)) if (!isIsoDate(value)) found[form.name(path)] = message;
  return found;
}

function Buttons({ busy, submit, onCancel }: { busy: boolean; submit: string; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <button type="submit" className="button" disabled={busy}>
        {busy ? t('case.working') : submit}
      </button>
      <button type="button" className="button button-secondary" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

export function PermitDecisionForm({ permit, onDone, onCancel }: ActionProps) {
  const { t } = useTranslation();
  const form = useApiForm(`decide-${permit.id}`, ['decision', 'decidedOn', 'validFrom', 'validUntil']);
  const [decision, setDecision] = useState('granted');
  const [decidedOn, setDecidedOn] = useState(todayIso());
  const [validFrom, setValidFrom] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const witnessGranted = permit.kind === 'witness' && decision === 'granted';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.submit({
      check: () => dateCheck(form, { decidedOn, ...(witnessGranted ? { validFrom, validUntil } : {}) }, t('common.errDate')),
      request: () => api.post<Permit>(`/permits/${permit.id}/decision`, { version: permit.version, decision, decidedOn, ...(witnessGranted ? { validFrom, validUntil } : {}) }),
      onSuccess: onDone,
    });
  };
  return (
    <form className="form step-form" onSubmit={submit} noValidate aria-label={t('permits.decideHeading')}>
      <ErrorSummary errors={form.errors} messages={form.messages} attempt={form.attempt} level={4} />
      <RadioGroup
        name={form.name('decision')}
        legend={t('permits.decision')}
        inline
        options={[
          { value: 'granted', label: t('permits.granted') },
          { value: 'refused', label: t('permits.refused') },
        ]}
        value={decision}
        onChange={setDecision}
        error={form.error('decision')}
      />
      <DateField name={form.name('decidedOn')} label={t('permits.decidedOn')} hint={permit.kind === 'reflection' && decision === 'granted' ? t('permits.decidedOnReflectionHint') : undefined} value={decidedOn} error={form.error('decidedOn')} onChange={(e) => setDecidedOn(e.target.value)} />
      {witnessGranted ? (
        <div className="field-row">
          <DateField name={form.name('validFrom')} label={t('permits.validFrom')} value={validFrom} error={form.error('validFrom')} onChange={(e) => setValidFrom(e.target.value)} />
          <DateField name={form.name('validUntil')} label={t('permits.validUntil')} value={validUntil} error={form.error('validUntil')} onChange={(e) => setValidUntil(e.target.value)} />
        </div>
      ) : null}
      <Buttons busy={form.busy} submit={t('permits.decideSubmit')} onCancel={onCancel} />
    </form>
  );
}

export function PermitExtensionForm({ permit, onDone, onCancel }: ActionProps) {
  const { t } = useTranslation();
  const form = useApiForm(`extend-${permit.id}`, ['decidedOn', 'validUntil']);
  const [decidedOn, setDecidedOn] = useState(todayIso());
  const [validUntil, setValidUntil] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.submit({
      check: () => dateCheck(form, { decidedOn, validUntil }, t('common.errDate')),
      request: () => api.post<Permit>(`/permits/${permit.id}/extensions`, { version: permit.version, decidedOn, validUntil }),
      onSuccess: onDone,
    });
  };
  return (
    <form className="form step-form" onSubmit={submit} noValidate aria-label={t('permits.extendHeading')}>
      <ErrorSummary errors={form.errors} messages={form.messages} attempt={form.attempt} level={4} />
      <div className="field-row">
        <DateField name={form.name('decidedOn')} label={t('permits.decidedOn')} value={decidedOn} error={form.error('decidedOn')} onChange={(e) => setDecidedOn(e.target.value)} />
        <DateField name={form.name('validUntil')} label={t('permits.newValidUntil')} value={validUntil} error={form.error('validUntil')} onChange={(e) => setValidUntil(e.target.value)} />
      </div>
      <Buttons busy={form.busy} submit={t('permits.extendSubmit')} onCancel={onCancel} />
    </form>
  );
}

export function PermitWithdrawForm({ permit, onDone, onCancel }: ActionProps) {
  const { t } = useTranslation();
  const form = useApiForm(`withdraw-permit-${permit.id}`, ['withdrawnOn']);
  const [withdrawnOn, setWithdrawnOn] = useState(todayIso());
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.submit({
      check: () => dateCheck(form, { withdrawnOn }, t('common.errDate')),
      request: () => api.post<Permit>(`/permits/${permit.id}/withdraw`, { version: permit.version, withdrawnOn }),
      onSuccess: onDone,
    });
  };
  return (
    <form className="form step-form" onSubmit={submit} noValidate aria-label={t('permits.withdrawHeading')}>
      <ErrorSummary errors={form.errors} messages={form.messages} attempt={form.attempt} level={4} />
      <DateField name={form.name('withdrawnOn')} label={t('permits.withdrawnOn')} value={withdrawnOn} error={form.error('withdrawnOn')} onChange={(e) => setWithdrawnOn(e.target.value)} />
      <Buttons busy={form.busy} submit={t('permits.withdrawSubmit')} onCancel={onCancel} />
    </form>
  );
}
