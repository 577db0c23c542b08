// The administrator's reset of someone's two-factor sign-in (a lost phone): asks once more,
// then the user's sessions end and they set up a new authenticator at the next sign-in.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.js';
import { apiErrorText } from '../api-error-text.js';
import '../styles-sign-in.css';

export function MfaResetButton({ userId, username }: { userId: string; username: string }) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<'idle' | 'confirm' | 'busy'>('idle');
  const [message, setMessage] = useState<string | null>(null);

  const reset = () => {
    setPhase('busy');
    api
      .post<undefined>(`/users/${userId}/mfa/reset`, undefined)
      .then(() => setMessage(t('signIn.resetDone', { username })))
      .catch((err: unknown) => setMessage(t('signIn.resetFailed', { message: apiErrorText(err, t) })))
      .finally(() => setPhase('idle'));
  };

  return (
    <div className="mfa-reset">
      {phase === 'confirm' ? (
        <>
          <span>{t('signIn.resetConfirm', { username })}</span>{' '}
          <button type="button" className="button button-secondary button-small" onClick={reset}>
            {t('signIn.resetYes')}
          </button>{' '}
          <button type="button" className="text-button" onClick={() => setPhase('idle')}>
            {t('signIn.resetNo')}
          </button>
        </>
      ) : (
        <button
          type="button"
          className="text-button"
          aria-label={t('signIn.resetLabel', { username })}
          disabled={phase === 'busy'}
          onClick={() => {
            setMessage(null);
            setPhase('confirm');
          }}
        >
          {t('signIn.reset')}
        </button>
      )}
      <span role="status">{message}</span>
    </div>
  );
}
