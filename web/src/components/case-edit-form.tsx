// Editing a case's summary, forms of exploitation and source. The case's version goes with the
// change; if someone else saved first the server answers 409 and the user is offered a reload.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPLOITATION_FORMS, REFERRAL_SOURCES } from '../../../domain/index.js';
import { api, ApiError } from '../api.js';
import type { CaseView } from '../api-types.js';
import { apiErrorText } from '../api-error-text.js';
import { fieldErrorsFrom, type FieldErrors } from '../field-errors.js';
import { useLabels } from '../hooks/use-labels.js';
import { CheckboxGroup, SelectField, TextAreaField } from './fields.js';
import { ErrorNotice } from './notice.js';
import { useFocusFirstInvalid } from '../hooks/use-focus-invalid.js';

const EDIT_FIELDS = ['summary', 'exploitationForms', 'referralSource'] as const;

interface CaseEditFormProps {
  view: CaseView;
  onSaved: (view: CaseView) => void;
  onReload: () => void;
}

export function CaseEditForm({ view, onSaved, onReload }: CaseEditFormProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [summary, setSummary] = useState(view.summary ?? '');
  const [forms, setForms] = useState<string[]>(view.exploitationForms);
  const [source, setSource] = useState(view.referralSource);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useFocusFirstInvalid(attempt);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    setErrors({});
    api
      .patch<CaseView>(`/cases/${view.id}`, { version: view.version, summary, exploitationForms: forms, referralSource: source })
      .then(onSaved)
      .catch((err: unknown) => {
        setBusy(false);
        if (err instanceof ApiError && err.status === 409) {
          setConflict(true);
        } else if (err instanceof ApiError && err.fields.length > 0) {
          const mapped = fieldErrorsFrom(err.fields, EDIT_FIELDS);
          setErrors(mapped.errors);
          setProblem(mapped.rest.join(' ') || null);
          setAttempt((a) => a + 1);
        } else {
          setProblem(apiErrorText(err, t));
        }
      });
  };

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-labelledby="edit-heading">
      <h3 id="edit-heading">{t('case.editHeading')}</h3>
      {conflict ? (
        <ErrorNotice>
          <p>{t('case.conflict')}</p>
          <button type="button" className="button button-secondary" onClick={onReload}>
            {t('case.reload')}
          </button>
        </ErrorNotice>
      ) : null}
      {problem ? <ErrorNotice>{problem}</ErrorNotice> : null}
      <SelectField
        name="referralSource"
        label={t('case.source')}
        options={REFERRAL_SOURCES.map((s) => ({ value: s.code, label: labels.cap(REFERRAL_SOURCES, s.code) }))}
        value={source}
        error={errors.referralSource}
        onChange={(e) => setSource(e.target.value)}
      />
      <CheckboxGroup
        name="exploitationForms"
        legend={t('case.forms')}
        columns
        options={EXPLOITATION_FORMS.map((f) => ({ value: f.code, label: labels.cap(EXPLOITATION_FORMS, f.code) }))}
        values={forms}
        error={errors.exploitationForms}
        onChange={setForms}
      />
      <TextAreaField name="summary" label={t('case.summary')} rows={5} value={summary} error={errors.summary} onChange={(e) => setSummary(e.target.value)} />
      <button type="submit" className="button" disabled={busy || conflict}>
        {busy ? t('case.working') : t('case.editSubmit')}
      </button>
    </form>
  );
}
