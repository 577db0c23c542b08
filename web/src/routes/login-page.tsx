// Sign-in: username and password, then the one-time code when the account has a second factor
// (or the set-up of one when the role requires it); or single sign-on through the organisation's
// identity provider when the server offers it. On success the visitor goes back to where they were
// heading (?next=), or to the start.
import { useEffect, useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, apiHref, ApiError, setCsrfToken } from '../api.js';
import { apiErrorText } from '../api-error-text.js';
import type { Session } from '../api-types.js';
import type { AuthOptions, MfaPending } from '../api-types-sign-in.js';
import { useSessionState } from '../hooks/use-session.js';
import { useApiQuery } from '../hooks/use-api-query.js';
import { PageHeading } from '../components/page-heading.js';
import { TextField } from '../components/fields.js';
import { ErrorNotice, SuccessNotice } from '../components/notice.js';
import { TotpCodeForm } from '../components/totp-code-form.js';
import '../styles-sign-in.css';

/** Only same-site paths, so ?next= cannot send anyone to another site. */
export function safeNext(next: string | null): string {
  return next !== null && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

function enrolPath(next: string): string {
  return next === '/' ? '/login/enrol' : `/login/enrol?next=${encodeURIComponent(next)}`;
}

function SsoChoice({ options }: { options: AuthOptions }) {
  const { t } = useTranslation();
  if (!options.sso.enabled) return null;
  return (
    <div className="sso-choice">
      <a className="button button-secondary" href={apiHref('/auth/oidc/start')}>
        {options.sso.label ? t('signIn.ssoButtonNamed', { label: options.sso.label }) : t('signIn.ssoButton')}
      </a>
      <p className="field-hint">{t('signIn.ssoHint')}</p>
      <p className="sso-or">
        <span>{t('signIn.or')}</span>
      </p>
    </div>
  );
}

export function LoginPage() {
  const { t } = useTranslation();
  const { state, signIn, acceptSession } = useSessionState();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const options = useApiQuery<AuthOptions>('/auth/options');
  const [step, setStep] = useState<'password' | 'code'>('password');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const signedOut = (location.state as { signedOut?: boolean } | null)?.signedOut === true;

  // After a reload in the middle of a sign-in, continue where it was (the cookie holds the step).
  useEffect(() => {
    if (state.status !== 'signed_out') return;
    const controller = new AbortController();
    api
      .get<MfaPending>('/auth/mfa/pending', { expectUnauthorized: true, signal: controller.signal })
      .then((pending) => {
        setCsrfToken(pending.csrfToken);
        if (pending.mfa === 'enrol') void navigate(enrolPath(next), { replace: true });
        else setStep('code');
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [state.status, navigate, next]);

  if (state.status === 'signed_in' && !busy) return <Navigate to={next} replace />;

  const finish = (session: Session) => {
    acceptSession(session);
    void navigate(next, { replace: true });
  };

  const cancel = () => {
    api
      .post<undefined>('/auth/logout', {}, { expectUnauthorized: true })
      .catch(() => undefined)
      .finally(() => {
        setStep('password');
        setPassword('');
      });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (username.trim() === '' || password === '') {
      setError(t('login.missing'));
      return;
    }
    setBusy(true);
    setError(null);
    signIn(username.trim(), password)
      .then((answer) => {
        setPassword('');
        if (!('mfa' in answer)) return navigate(next, { replace: true });
        setBusy(false);
        if (answer.mfa === 'enrol') return navigate(enrolPath(next));
        setStep('code');
      })
      .catch((err: unknown) => {
        setBusy(false);
        setPassword('');
        const detail = err instanceof ApiError && err.status === 401 ? err.message : apiErrorText(err, t);
        setError(`${t('login.failed')} ${detail}`);
      });
  };

  if (step === 'code') {
    return (
      <div className="narrow">
        <PageHeading title={t('signIn.codeTitle')} />
        <p>{t('signIn.codeIntro')}</p>
        <TotpCodeForm endpoint="/auth/mfa/verify" submitLabel={t('signIn.codeSubmit')} onSession={finish} onLocked={() => setStep('password')} />
        <p>
          <button type="button" className="text-button" onClick={cancel}>
            {t('signIn.codeCancel')}
          </button>
        </p>
      </div>
    );
  }

  return (
    <div className="narrow">
      <PageHeading title={t('login.title')} />
      <p>{t('login.intro')}</p>
      {signedOut && !error ? <SuccessNotice>{t('login.signedOut')}</SuccessNotice> : null}
      {params.get('sso_error') === 'unavailable' && !error ? <ErrorNotice>{t('signIn.ssoUnavailable')}</ErrorNotice> : null}
      <div role="alert" className={error ? 'notice notice-error' : undefined}>
        {error}
      </div>
      {options.data ? <SsoChoice options={options.data} /> : null}
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
          maxLength={128}
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
