// Route guards. They only decide what to show; the server checks every request again.
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSessionState, type Ability } from '../hooks/use-session.js';
import { PageHeading } from './page-heading.js';
import { ErrorNotice } from './notice.js';
import { apiErrorText } from '../api-error-text.js';
import { workAbilities, type WorkAbilities } from '../work-abilities.js';

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

/** Pages behind sign-in: wait for the session, or send the visitor to /login and back after. */
export function RequireSession() {
  const { state } = useSessionState();
  const location = useLocation();
  const { t } = useTranslation();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'signed_out') {
    if (state.error && state.error.status !== 401) {
      return <ErrorNotice>{apiErrorText(state.error, t)}</ErrorNotice>;
    }
    const next = `${location.pathname}${location.search}`;
    const target = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={target} replace />;
  }
  return <Outlet />;
}

export function Forbidden() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('notFound.forbiddenTitle')} />
      <p>{t('common.errorForbidden')}</p>
    </>
  );
}

/** Shows the page only when the session has one of `abilities`. */
export function RequireAbility({ abilities, children }: { abilities: Ability[]; children: ReactNode }) {
  const { state } = useSessionState();
  if (state.status !== 'signed_in') return null;
  const allowed = abilities.some((a) => state.session.abilities[a]);
  return allowed ? children : <Forbidden />;
}

/** Shows a page of the referral mechanism only when the session's roles use it (see work-abilities.ts). */
export function RequireWork({ work, children }: { work: keyof WorkAbilities; children: ReactNode }) {
  const { state } = useSessionState();
  if (state.status !== 'signed_in') return null;
  return workAbilities(state.session)[work] ? children : <Forbidden />;
}
