// Adding a piece of information to a case; it appears in the timeline.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api.js';
import type { CaseView } from '../api-types.js';
import { apiErrorText } from '../api-error-text.js';
import { TextAreaField } from './fields.js';
import { ErrorNotice } from './notice.js';
import { useFocusFirstInvalid } from '../hooks/use-focus-invalid.js';

export function CaseInformationForm({ caseId, onAdded }: { caseId: string; onAdded: (view: CaseView) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useFocusFirstInvalid(attempt);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setProblem(null);
    if (text.trim() === '') {
      setError(t('case.infoRequired'));
      setAttempt((a) => a + 1);
      return;
    }
    setError(undefined);
    setBusy(true);
    api
      .post<CaseView>(`/cases/${caseId}/information`, { text: text.trim() })
      .then((view) => {
        setBusy(false);
        setText('');
        onAdded(view);
      })
      .catch((err: unknown) => {
        setBusy(false);
        const fieldMessage = err instanceof ApiError ? err.fields[0]?.message : undefined;
        if (fieldMessage) {
          setError(fieldMessage);
          setAttempt((a) => a + 1);
        } else setProblem(apiErrorText(err, t));
      });
  };

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-labelledby="info-heading">
      <h3 id="info-heading">{t('case.infoHeading')}</h3>
      {problem ? <ErrorNotice>{problem}</ErrorNotice> : null}
      <TextAreaField name="information.text" label={t('case.infoText')} hint={t('case.infoHint')} rows={4} value={text} error={error} onChange={(e) => setText(e.target.value)} />
      <button type="submit" className="button" disabled={busy}>
        {busy ? t('case.working') : t('case.infoSubmit')}
      </button>
    </form>
  );
}
