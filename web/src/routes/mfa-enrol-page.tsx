// Setting up an authenticator app: forced after a password sign-in when the role requires a
// second factor (the session opens nothing else until this is done), or chosen from the security
// page. Shows the QR code and the key for typing in by hand; a code from the app confirms it.
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, ApiError, setCsrfToken } from '../api.js';
import { apiErrorText } from '../api-error-text.js';
import type { Session } from '../api-types.js';
import type { Enrolment, MfaPending } from '../api-types-sign-in.js';
import { useSessionState } from '../hooks/use-session.js';
import { PageHeading } from '../components/page-heading.js';
import { ErrorNotice } from '../components/notice.js';
import { Loading } from '../components/guards.js';
import { TotpCodeForm } from '../components/totp-code-form.js';
import '../styles-sign-in.css';
import { safeNext } from './login-page.js';

type Load = { status: 'loading' } | { status: 'ready'; enrolment: Enrolment } | { status: 'failed'; message: string; signIn?: boolean };

/** The key in groups of four, as authenticator apps show and people type it. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

export function MfaEnrolPage() {
  const { t } = useTranslation();
  const { state, acceptSession } = useSessionState();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const started = useRef(false);

  useEffect(() => {
    // One new key per visit: a second request would replace the key already on screen.
    if (state.status === 'loading' || started.current) return;
    started.current = true;
    const begin = async () => {
      if (state.status !== 'signed_in') {
        const pending = await api.get<MfaPending>('/auth/mfa/pending', { expectUnauthorized: true });
        setCsrfToken(pending.csrfToken);
      }
      return api.post<Enrolment>('/auth/mfa/enrolment', {}, { expectUnauthorized: true });
    };
    begin()
      .then((enrolment) => setLoad({ status: 'ready', enrolment }))
      .catch((err: unknown) => {
        if (err instanceof ApiError && err.status === 401) setLoad({ status: 'failed', message: t('signIn.enrolNoSignIn'), signIn: true });
        else if (err instanceof ApiError && err.code === 'mfa_already_enrolled') setLoad({ status: 'failed', message: t('signIn.enrolAlready') });
        else setLoad({ status: 'failed', message: t('signIn.enrolFailed', { message: apiErrorText(err, t) }) });
      });
  }, [state.status, t]);

  // A sign-in waiting for the set-up can be abandoned: the waiting session ends.
  const cancel = () => {
    api
      .post<undefined>('/auth/logout', {}, { expectUnauthorized: true })
      .catch(() => undefined)
      .finally(() => void navigate('/login', { replace: true }));
  };

  const finish = (session: Session) => {
    acceptSession(session);
    void navigate(next, { replace: true, state: { mfaEnrolled: true } });
  };

  return (
    <div className="narrow">
      <PageHeading title={t('signIn.enrolTitle')} />
      <p>{t('signIn.enrolIntro')}</p>
      {load.status === 'loading' ? <Loading /> : null}
      {load.status === 'failed' ? (
        <>
          <ErrorNotice>{load.message}</ErrorNotice>
          <p>{load.signIn ? <Link to="/login">{t('login.title')}</Link> : <Link to="/">{t('notFound.home')}</Link>}</p>
        </>
      ) : null}
      {load.status === 'ready' ? (
        <ol className="enrol-steps">
          <li>
            <p>{t('signIn.enrolStep1')}</p>
            <img className="enrol-qr" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(load.enrolment.qrSvg)}`} alt={t('signIn.enrolQrAlt')} width={200} height={200} />
          </li>
          <li>
            <p id="enrol-secret-intro">{t('signIn.enrolStep2')}</p>
            <p>
              <span className="visually-hidden">{t('signIn.enrolSecretLabel')}: </span>
              <code className="enrol-secret" aria-describedby="enrol-secret-intro" data-testid="totp-secret">
                {grouped(load.enrolment.secret)}
              </code>
            </p>
          </li>
          <li>
            <p>{t('signIn.enrolStep3')}</p>
            <TotpCodeForm endpoint="/auth/mfa/enrolment/confirm" submitLabel={t('signIn.enrolSubmit')} onSession={finish} onLocked={() => void navigate('/login')} />
          </li>
        </ol>
      ) : null}
      {state.status === 'signed_out' && load.status === 'ready' ? (
        <p>
          <button type="button" className="text-button" onClick={cancel}>
            {t('signIn.codeCancel')}
          </button>
        </p>
      ) : null}
    </div>
  );
}
