// The six-digit code from an authenticator app: the second step of sign-in, and the
// confirmation of a new authenticator. On success the server hands out a new session.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api.js';
import type { Session } from '../api-types.js';
import { apiErrorText } from '../api-error-text.js';
import { TextField } from './fields.js';

interface Props {
  endpoint: '/auth/mfa/verify' | '/auth/mfa/enrolment/confirm';
  submitLabel: string;
  onSession: (session: Session) => void;
  /** The account was locked by wrong codes: the sign-in starts again from the password. */
  onLocked?: () => void;
}

export function TotpCodeForm({ endpoint, submitLabel, onSession, onLocked }: Props) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setError(t('signIn.codeMissing'));
      return;
    }
    setBusy(true);
    setError(undefined);
    api
      .post<Session>(endpoint, { code: digits }, { expectUnauthorized: true })
      .then(onSession)
      .catch((err: unknown) => {
        setBusy(false);
        setCode('');
        const codeOf = err instanceof ApiError ? err.code : '';
        if (codeOf === 'mfa_locked') {
          setError(t('signIn.codeLocked'));
          onLocked?.();
        } else if (codeOf === 'mfa_code_used') setError(t('signIn.codeUsed'));
        else if (codeOf === 'mfa_wrong_code') setError(t('signIn.codeWrong'));
        else if (err instanceof ApiError && err.status === 400) setError(t('signIn.codeMissing'));
        else setError(apiErrorText(err, t));
      });
  };

  return (
    <form onSubmit={submit} noValidate className="form">
      <TextField
        name="totp-code"
        label={t('signIn.codeLabel')}
        hint={t('signIn.codeHint')}
        error={error}
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]*"
        maxLength={7}
        spellCheck={false}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        required
      />
      <button type="submit" className="button" disabled={busy}>
        {busy ? t('signIn.codeSubmitting') : submitLabel}
      </button>
    </form>
  );
}
