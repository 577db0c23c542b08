// Sign-in. On success the visitor goes back to where they were heading (?next=), or to the start.
import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { apiErrorText } from '../api-error-text.js';
import { useSessionState } from '../hooks/use-session.js';
import { PageHeading } from '../components/page-heading.js';
import { TextField } from '../components/fields.js';
import { SuccessNotice } from '../components/notice.js';

/** Only same-site paths, so ?next= cannot send anyone to another site. */
function safeNext(next: string | null): string {
  return next !== null && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const { state, signIn } = useSessionState();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signedOut = (location.state as { signedOut?: boolean } | null)?.signedOut === true;

  if (state.status === 'signed_in' && !busy) return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (username.trim() === '' || password === '') {
      setError(t('login.missing'));
      return;
    }
    setBusy(true);
    setError(null);
    signIn(username.trim(), password)
      .then(() => navigate(safeNext(params.get('next')), { replace: true }))
      .catch((err: unknown) => {
        setBusy(false);
        setPassword('');
        const detail = err instanceof ApiError && err.status === 401 ? err.message : apiErrorText(err, t);
        setError(`${t('login.failed')} ${detail}`);
      });
  };

  return (
    <div className="narrow">
      <PageHeading title={t('login.title')} />
      <p>{t('login.intro')}</p>
      {signedOut && !error ? <SuccessNotice>{t('login.signedOut')}</SuccessNotice> : null}
      <div role="alert" className={error ? 'notice notice-error' : undefined}>
        {error}
      </div>
      <form onSubmit={submit} noValidate className="form">
        <TextField
          name="username"
          label={t('login.username')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
        />
        <TextField
          name="password"
          type="password"
          label={t('login.password')}
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </button>
      </form>
    </div>
  );
}
