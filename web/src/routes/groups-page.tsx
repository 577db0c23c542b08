// /groups: the region's group operations (many persons found at once, e.g. at one inspection),
// and creating a new one. Only regional coordinators work with groups.
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { POLICE_REGIONS } from '../../../domain/index.js';
import type { GroupFacts } from '../api-types-process.js';
import { apiErrorText } from '../api-error-text.js';
import { formatDate } from '../format.js';
import { useApiQuery } from '../hooks/use-api-query.js';
import { useLabels } from '../hooks/use-labels.js';
import { useSession } from '../hooks/use-session.js';
import { Loading } from '../components/guards.js';
import { ErrorNotice } from '../components/notice.js';
import { PageHeading } from '../components/page-heading.js';
import { TableWrap } from '../components/table-wrap.js';
import { GroupForm } from '../components/group/group-form.js';

export function GroupsPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const session = useSession();
  const navigate = useNavigate();
  const groups = useApiQuery<{ items: GroupFacts[] }>('/groups');
  const region = session.user.organisation.region ?? '';
  const caption = t('groups.caption');

  return (
    <>
      <PageHeading title={t('groups.title')} />
      <p className="lead">{t('groups.intro', { region: labels.label(POLICE_REGIONS, region) })}</p>
      {groups.loading ? <Loading /> : null}
      {groups.error ? <ErrorNotice>{apiErrorText(groups.error, t)}</ErrorNotice> : null}
      {groups.data ? (
        groups.data.items.length === 0 ? (
          <p>{t('groups.empty')}</p>
        ) : (
          <TableWrap label={caption}>
            <table className="table">
              <caption className="visually-hidden">{caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('groups.name')}</th>
                  <th scope="col">{t('groups.place')}</th>
                  <th scope="col">{t('groups.employer')}</th>
                  <th scope="col">{t('groups.foundOn')}</th>
                  <th scope="col">{t('groups.members')}</th>
                </tr>
              </thead>
              <tbody>
                {groups.data.items.map((g) => (
                  <tr key={g.id} data-testid="group-row">
                    <th scope="row">
                      <Link to={`/groups/${g.id}`}>{g.name}</Link>
                    </th>
                    <td>{g.place}</td>
                    <td>{g.employer}</td>
                    <td className="nowrap">{formatDate(g.foundOn)}</td>
                    <td>{g.memberCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )
      ) : null}
      <section className="panel form-panel">
        <GroupForm region={region} headingLevel={2} onSaved={(g) => void navigate(`/groups/${g.id}`, { state: { created: true } })} />
      </section>
    </>
  );
}
