// Where the identity provider sends the browser back (LOTS_OIDC_REDIRECT_URI = …/login/sso).
// The page hands the answer (code, state, iss) to the server, which checks it against the state
// it kept, and takes the code out of the address bar at once.
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { api, apiHref, ApiError } from '../api.js';
import { apiErrorText } from '../api-error-text.js';
import type { Session } from '../api-types.js';
import { useSessionState } from '../hooks/use-session.js';
import { PageHeading } from '../components/page-heading.js';
import { ErrorNotice } from '../components/notice.js';

function ssoErrorText(err: unknown, t: TFunction): string {
  if (!(err instanceof ApiError)) return apiErrorText(err, t);
  switch (err.code) {
    case 'sso_state_invalid':
      return t('signIn.ssoStateInvalid');
    case 'sso_failed':
      return t('signIn.ssoChecksFailed');
    case 'sso_unavailable':
      return t('signIn.ssoUnavailable');
    case 'sso_no_account':
      return t('signIn.ssoNoAccount');
    case 'sso_inactive':
      return t('signIn.ssoInactive');
    case 'sso_unknown_organisation':
      return t('signIn.ssoUnknownOrganisation');
    case 'sso_no_role':
      return t('signIn.ssoNoRole');
    case 'sso_insufficient_authentication':
      return t('signIn.ssoWeak');
    default:
      return err.code.startsWith('sso_') ? t('signIn.ssoOther') : apiErrorText(err, t);
  }
}

export function SsoCallbackPage() {
  const { t } = useTranslation();
  const { acceptSession } = useSessionState();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const sent = useRef(false);

  useEffect(() => {
    // The answer can be used once: never post it twice.
    if (sent.current) return;
    sent.current = true;
    const query = window.location.search;
    window.history.replaceState(null, '', window.location.pathname);
    api
      .post<Session>('/auth/oidc/callback', { query }, { expectUnauthorized: true })
      .then((session) => {
        acceptSession(session);
        void navigate('/', { replace: true });
      })
      .catch((err: unknown) => setError(ssoErrorText(err, t)));
  }, [acceptSession, navigate, t]);

  return (
    <div className="narrow">
      <PageHeading title={t('signIn.ssoTitle')} />
      {error ? (
        <>
          <ErrorNotice>
            {t('signIn.ssoFailed')} {error}
          </ErrorNotice>
          <p>
            <a href={apiHref('/auth/oidc/start')}>{t('signIn.ssoAgain')}</a> · <Link to="/login">{t('login.title')}</Link>
          </p>
        </>
      ) : (
        <p role="status">{t('signIn.ssoWorking')}</p>
      )}
    </div>
  );
}
