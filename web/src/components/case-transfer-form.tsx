// Moving a case to another police region's coordinators. If the case thereby leaves the user's
// scope the server returns no case, and the page goes back to the list with a confirmation.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { POLICE_REGIONS } from '../../../domain/index.js';
import { api, ApiError } from '../api.js';
import type { CaseView, TransferResult } from '../api-types.js';
import { apiErrorText } from '../api-error-text.js';
import { fieldErrorsFrom, type FieldErrors } from '../field-errors.js';
import { useLabels } from '../hooks/use-labels.js';
import { SelectField, TextAreaField } from './fields.js';
import { ErrorNotice } from './notice.js';
import { useFocusFirstInvalid } from '../hooks/use-focus-invalid.js';

interface CaseTransferFormProps {
  view: CaseView;
  onTransferred: (result: TransferResult) => void;
  onReload: () => void;
}

export function CaseTransferForm({ view, onTransferred, onReload }: CaseTransferFormProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [region, setRegion] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const formRef = useFocusFirstInvalid(attempt);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: FieldErrors = {};
    if (region === '' || region === view.region) found['transfer.region'] = t('case.errRegion');
    if (reason.trim().length < 3) found['transfer.reason'] = t('case.errReason');
    setErrors(found);
    setProblem(null);
    setAttempt((a) => a + 1);
    if (Object.keys(found).length > 0) return;

    setBusy(true);
    api
      .post<TransferResult>(`/cases/${view.id}/transfer`, { version: view.version, region, reason: reason.trim() })
      .then(onTransferred)
      .catch((err: unknown) => {
        setBusy(false);
        if (err instanceof ApiError && err.status === 409) {
          setConflict(true);
        } else if (err instanceof ApiError && err.fields.length > 0) {
          const mapped = fieldErrorsFrom(
            err.fields.map((f) => ({ ...f, path: `transfer.${f.path.replace(/^body\./, '')}` })),
            ['transfer.region', 'transfer.reason'],
          );
          setErrors(mapped.errors);
          setProblem(mapped.rest.join(' ') || null);
          setAttempt((a) => a + 1);
        } else {
          setProblem(apiErrorText(err, t));
        }
      });
  };

  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-labelledby="transfer-heading">
      <h3 id="transfer-heading">{t('case.transferHeading')}</h3>
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
        name="transfer.region"
        label={t('case.transferRegion')}
        placeholder={t('case.chooseRegion')}
        options={POLICE_REGIONS.filter((r) => r.code !== view.region).map((r) => ({ value: r.code, label: labels.label(POLICE_REGIONS, r.code) }))}
        value={region}
        error={errors['transfer.region']}
        onChange={(e) => setRegion(e.target.value)}
      />
      <TextAreaField
        name="transfer.reason"
        label={t('case.transferReason')}
        hint={t('case.transferReasonHint')}
        rows={3}
        value={reason}
        error={errors['transfer.reason']}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" className="button" disabled={busy || conflict}>
        {busy ? t('case.working') : t('case.transferSubmit')}
      </button>
    </form>
  );
}
