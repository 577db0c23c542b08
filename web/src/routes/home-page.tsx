// "/": the first page the session may use, or a short note when the role has none here yet.
import { Navigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from '../hooks/use-session.js';
import { PageHeading } from '../components/page-heading.js';

export function HomePage() {
  const { t } = useTranslation();
  const { abilities, user } = useSession();
  if (abilities.listCases) return <Navigate to="/cases" replace />;
  if (abilities.viewStatistics) return <Navigate to="/statistics" replace />;
  if (abilities.viewAudit) return <Navigate to="/audit" replace />;
  if (abilities.manageOrganisations || abilities.manageUsers) return <Navigate to="/admin" replace />;
  return (
    <>
      <PageHeading title={t('home.title')}>{t('home.welcome', { name: user.displayName })}</PageHeading>
      <p>{t('home.noPages')}</p>
    </>
  );
}
