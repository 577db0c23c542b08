// The top of every page: demo banner, app name, who is signed in, language, sign-out, and the
// navigation the session's abilities allow.
import { Link, NavLink, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSessionState } from '../hooks/use-session.js';
import { LanguageSwitch } from './language-switch.js';
import { useWorkCounts } from '../hooks/use-work-counts.js';
import { workAbilities } from '../work-abilities.js';

/** A count of overdue items after a navigation entry; the number is read with its meaning. */
function OverdueCount({ count }: { count: number | null }) {
  const { t } = useTranslation();
  if (!count) return null;
  return (
    <span className="nav-badge">
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{t('header.overdueCount', { count })}</span>
    </span>
  );
}

export function SiteHeader() {
  const { t } = useTranslation();
  const { state, signOut } = useSessionState();
  const navigate = useNavigate();
  const session = state.status === 'signed_in' ? state.session : null;
  const abilities = session?.abilities;
  const work = session ? workAbilities(session) : null;
  const counts = useWorkCounts();

  const handleSignOut = () => {
    signOut()
      .catch(() => undefined)
      .finally(() => {
        void navigate('/login', { state: { signedOut: true } });
      });
  };

  return (
    <header className="site-header">
      {session?.demo ? <p className="demo-banner">{t('common.demoBanner')}</p> : null}
      <div className="header-bar">
        <div className="header-inner">
          <div className="brand">
            <Link to="/" className="brand-name">
              {t('common.appName')}
            </Link>
            <span className="brand-tagline">{t('common.appTagline')}</span>
          </div>
          <div className="header-tools">
            {session ? (
              <p className="signed-in">
                <span className="visually-hidden">{t('header.signedInAs')} </span>
                <span className="signed-in-name">{session.user.displayName}</span>
                <span className="signed-in-org">{session.user.organisation.name}</span>
              </p>
            ) : null}
            {session ? (
              <Link to="/security" className="button-link">
                {t('signIn.securityLink')}
              </Link>
            ) : null}
            <LanguageSwitch />
            {session ? (
              <button type="button" className="button-link" onClick={handleSignOut}>
                {t('header.signOut')}
              </button>
            ) : null}
          </div>
        </div>
      </div>
      {abilities ? (
        <nav className="main-nav" aria-label={t('header.navLabel')}>
          <ul className="header-inner">
            {abilities.listCases ? (
              <li>
                <NavLink to="/cases" end>
                  {t('header.cases')}
                </NavLink>
              </li>
            ) : null}
            {abilities.createReferral ? (
              <li>
                <NavLink to="/cases/new">{t('header.newReferral')}</NavLink>
              </li>
            ) : null}
            {work?.inbox ? (
              <li>
                <NavLink to="/inbox">
                  {t('header.inbox')}
                  <OverdueCount count={counts.inboxOverdue} />
                </NavLink>
              </li>
            ) : null}
            {work?.tasks ? (
              <li>
                <NavLink to="/tasks">
                  {t('header.tasks')}
                  <OverdueCount count={counts.tasksOverdue} />
                </NavLink>
              </li>
            ) : null}
            {work?.groups ? (
              <li>
                <NavLink to="/groups">{t('header.groups')}</NavLink>
              </li>
            ) : null}
            {work?.notifyAnonymously ? (
              <li>
                <NavLink to="/notifications/new">{t('header.notify')}</NavLink>
              </li>
            ) : null}
            {work?.reviewPersons ? (
              <li>
                <NavLink to="/persons/review">{t('persons.headerNav')}</NavLink>
              </li>
            ) : null}
            {abilities.viewStatistics ? (
              <li>
                <NavLink to="/statistics">{t('statistics.headerNav')}</NavLink>
              </li>
            ) : null}
            {abilities.viewAudit ? (
              <li>
                <NavLink to="/audit">{t('header.audit')}</NavLink>
              </li>
            ) : null}
            {abilities.manageOrganisations || abilities.manageUsers ? (
              <li>
                <NavLink to="/admin">{t('header.admin')}</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}
