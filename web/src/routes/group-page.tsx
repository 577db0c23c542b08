// /groups/:id: one group operation. Its shared facts, the members with what each still lacks,
// bulk actions over chosen members, and adding more cases from the region's case list.
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { POLICE_REGIONS } from '../../../domain/index.js';
import type { GroupView } from '../api-types-process.js';
import { apiErrorText } from '../api-error-text.js';
import { formatDate } from '../format.js';
import { useApiQuery } from '../hooks/use-api-query.js';
import { useLabels } from '../hooks/use-labels.js';
import { Loading } from '../components/guards.js';
import { ErrorNotice, SuccessNotice } from '../components/notice.js';
import { PageHeading } from '../components/page-heading.js';
import { GroupForm } from '../components/group/group-form.js';
import { GroupAddCases } from '../components/group/group-add-cases.js';
import { GroupMembersTable } from '../components/group/group-members-table.js';
import { GroupBulkActions } from '../components/group/group-bulk-actions.js';

function Fact({ term, value }: { term: string; value: string }) {
  if (value === '') return null;
  return (
    <div className="facts-row">
      <dt>{term}</dt>
      <dd className="prewrap">{value}</dd>
    </div>
  );
}

export function GroupPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { id = '' } = useParams();
  const location = useLocation();
  const query = useApiQuery<GroupView>(`/groups/${encodeURIComponent(id)}`, { keep: true });
  const [selected, setSelected] = useState<string[]>([]);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>((location.state as { created?: boolean } | null)?.created ? t('groups.created') : null);

  if (query.loading) return <Loading />;
  if (query.error) {
    if (query.error.status === 404 || query.error.status === 400) {
      return (
        <>
          <PageHeading title={t('groups.notFound')} />
          <p>{t('groups.notFoundText')}</p>
          <p>
            <Link to="/groups">{t('groups.backToList')}</Link>
          </p>
        </>
      );
    }
    return <ErrorNotice>{apiErrorText(query.error, t)}</ErrorNotice>;
  }
  const group = query.data;
  if (!group) return null;
  const chosen = selected.filter((s) => group.members.some((m) => m.caseId === s));

  return (
    <>
      <p className="breadcrumb">
        <Link to="/groups">{t('groups.backToList')}</Link>
      </p>
      <PageHeading title={t('groups.pageTitle', { name: group.name })}>{group.name}</PageHeading>
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      <section className="panel" aria-labelledby="group-facts-heading">
        <h2 id="group-facts-heading">{t('groups.factsHeading')}</h2>
        <dl className="facts">
          <Fact term={t('case.region')} value={labels.label(POLICE_REGIONS, group.region)} />
          <Fact term={t('groups.place')} value={group.place} />
          <Fact term={t('groups.employer')} value={group.employer} />
          <Fact term={t('groups.foundOn')} value={formatDate(group.foundOn)} />
          <Fact term={t('groups.inspection')} value={group.inspection} />
          <Fact term={t('groups.notes')} value={group.notes} />
          <Fact term={t('groups.members')} value={String(group.memberCount)} />
        </dl>
        <button type="button" className="button button-secondary button-small" aria-expanded={editing} aria-controls="group-edit" onClick={() => setEditing((e) => !e)}>
          {t('groups.editHeading')}
        </button>
        <div id="group-edit">
          {editing ? (
            <GroupForm
              key={group.version}
              region={group.region}
              group={group}
              headingLevel={3}
              onCancel={() => setEditing(false)}
              onSaved={(g) => {
                query.setData(g);
                setEditing(false);
                setNotice(t('groups.saved'));
              }}
            />
          ) : null}
        </div>
      </section>

      <section className="panel" aria-labelledby="members-heading">
        <h2 id="members-heading">{t('groups.membersHeading', { count: group.members.length })}</h2>
        {group.members.length === 0 ? <p>{t('groups.noMembers')}</p> : <GroupMembersTable members={group.members} selected={chosen} onSelect={setSelected} />}
      </section>
      {group.members.length > 0 ? <GroupBulkActions group={group} selected={chosen} onDone={query.reload} /> : null}
      <GroupAddCases
        group={group}
        onAdded={(g, count) => {
          query.setData(g);
          setNotice(t('groups.added', { count }));
        }}
      />
    </>
  );
}
