// /admin: organisations and user accounts, each section shown when the session may manage it.
import { useTranslation } from 'react-i18next';
import type { Organisation, UserAccount } from '../api-types.js';
import { apiErrorText } from '../api-error-text.js';
import { useApiQuery } from '../hooks/use-api-query.js';
import { useSession } from '../hooks/use-session.js';
import { PageHeading } from '../components/page-heading.js';
import { Loading } from '../components/guards.js';
import { ErrorNotice } from '../components/notice.js';
import { OrganisationCreateForm, OrganisationTable } from '../components/organisation-admin.js';
import { UserCreateForm, UserTable } from '../components/user-admin.js';

export function AdminPage() {
  const { t } = useTranslation();
  const { abilities } = useSession();
  const organisations = useApiQuery<{ items: Organisation[] }>('/organisations');
  const users = useApiQuery<{ items: UserAccount[] }>(abilities.manageUsers ? '/users' : null);

  return (
    <>
      <PageHeading title={t('admin.title')} />
      <section aria-labelledby="orgs-heading" className="admin-section">
        <h2 id="orgs-heading">{t('admin.orgsHeading')}</h2>
        {organisations.loading && !organisations.data ? <Loading /> : null}
        {organisations.error ? <ErrorNotice>{apiErrorText(organisations.error, t)}</ErrorNotice> : null}
        {organisations.data ? <OrganisationTable organisations={organisations.data.items} /> : null}
        {abilities.manageOrganisations ? <OrganisationCreateForm onCreated={organisations.reload} /> : null}
      </section>
      {abilities.manageUsers ? (
        <section aria-labelledby="users-heading" className="admin-section">
          <h2 id="users-heading">{t('admin.usersHeading')}</h2>
          {users.loading && !users.data ? <Loading /> : null}
          {users.error ? <ErrorNotice>{apiErrorText(users.error, t)}</ErrorNotice> : null}
          {users.data ? <UserTable users={users.data.items} /> : null}
          <UserCreateForm organisations={organisations.data?.items ?? []} onCreated={users.reload} />
        </section>
      ) : null}
    </>
  );
}
