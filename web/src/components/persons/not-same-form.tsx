// "Not the same person": closes the suggestion for good (the nightly run never reopens it).
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import type { CandidateDetail } from '../../api-types-persons.js';
import { useApiForm } from '../../hooks/use-api-form.js';
import { ErrorSummary } from '../error-summary.js';

export function NotSameForm({ detail, onDecided }: { detail: CandidateDetail; onDecided: (fresh: CandidateDetail) => void }) {
  const { t } = useTranslation();
  const form = useApiForm(`not-same-${detail.id}`, []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.submit({
      request: () => api.post<CandidateDetail>(`/persons/candidates/${detail.id}/not-same`, { version: detail.version }),
      onSuccess: onDecided,
    });
  };
  return (
    <form className="form step-form" onSubmit={submit} noValidate aria-labelledby="not-same-heading">
      <h2 id="not-same-heading">{t('persons.notSameTitle')}</h2>
      <p className="field-hint">{t('persons.notSameHint')}</p>
      <ErrorSummary errors={form.errors} messages={form.messages} attempt={form.attempt} level={3} />
      <button type="submit" className="button button-secondary" disabled={form.busy}>
        {t('persons.notSameSubmit')}
      </button>
    </form>
  );
}
