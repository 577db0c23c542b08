// Adding cases to a group: the coordinator's own case list (searchable by reference or name),
// without the cases already in the group, with a checkbox each.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, queryString } from '../../api.js';
import type { CaseListItem, Page } from '../../api-types.js';
import type { GroupView } from '../../api-types-process.js';
import { apiErrorText } from '../../api-error-text.js';
import { formatDate } from '../../format.js';
import { useApiQuery } from '../../hooks/use-api-query.js';
import { useLabels } from '../../hooks/use-labels.js';
import { Loading } from '../guards.js';
import { ErrorNotice } from '../notice.js';
import { StatusBadge } from '../status-badge.js';
import { TableWrap } from '../table-wrap.js';
import { PersonName } from '../person-name.js';
import { TextField } from '../fields.js';

export function GroupAddCases({ group, onAdded }: { group: GroupView; onAdded: (g: GroupView, count: number) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const list = useApiQuery<Page<CaseListItem>>(`/cases${queryString({ q: query, region: group.region, pageSize: 100 })}`);
  const members = new Set(group.members.map((m) => m.caseId));
  const candidates = (list.data?.items ?? []).filter((c) => !members.has(c.id));
  const caption = t('groups.addCaption');
  const allChosen = candidates.length > 0 && candidates.every((c) => chosen.includes(c.id));

  const toggle = (id: string, on: boolean) => setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id)));
  const search = (e: FormEvent) => {
    e.preventDefault();
    setQuery(q.trim());
  };
  const add = () => {
    if (chosen.length === 0) {
      setProblem(t('groups.errChooseCases'));
      return;
    }
    setBusy(true);
    setProblem(null);
    api
      .post<GroupView>(`/groups/${group.id}/cases`, { caseIds: chosen })
      .then((g) => {
        setBusy(false);
        const count = chosen.length;
        setChosen([]);
        onAdded(g, count);
      })
      .catch((err: unknown) => {
        setBusy(false);
        setProblem(apiErrorText(err, t));
      });
  };

  return (
    <section className="panel" aria-labelledby="add-cases-heading">
      <h2 id="add-cases-heading">{t('groups.addHeading')}</h2>
      <p className="field-hint">{t('groups.addIntro')}</p>
      <form className="filters" role="search" aria-label={t('groups.addSearch')} onSubmit={search}>
        <TextField name="group-add.q" type="search" label={t('cases.query')} value={q} onChange={(e) => setQ(e.target.value)} />
        <div className="filter-buttons">
          <button type="submit" className="button button-secondary">
            {t('common.search')}
          </button>
        </div>
      </form>
      {list.loading ? <Loading /> : null}
      {list.error ? <ErrorNotice>{apiErrorText(list.error, t)}</ErrorNotice> : null}
      {list.data ? (
        candidates.length === 0 ? (
          <p>{t('groups.addNone')}</p>
        ) : (
          <>
            <TableWrap label={caption}>
              <table className="table table-compact">
                <caption className="visually-hidden">{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="select-cell">
                      <input type="checkbox" id="add-all" checked={allChosen} onChange={(e) => setChosen(e.target.checked ? candidates.map((c) => c.id) : [])} />
                      <label htmlFor="add-all" className="visually-hidden">
                        {t('groups.chooseAllShown')}
                      </label>
                    </th>
                    <th scope="col">{t('cases.colRef')}</th>
                    <th scope="col">{t('cases.colPerson')}</th>
                    <th scope="col">{t('cases.colStatus')}</th>
                    <th scope="col">{t('cases.colMunicipality')}</th>
                    <th scope="col">{t('cases.colReferredOn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {candidates.map((c) => (
                    <tr key={c.id} data-testid="add-case-row">
                      <td className="select-cell">
                        <input type="checkbox" id={`add-${c.id}`} checked={chosen.includes(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
                        <label htmlFor={`add-${c.id}`} className="visually-hidden">
                          {t('groups.chooseCase', { ref: c.ref })}
                        </label>
                      </td>
                      <th scope="row" className="nowrap">
                        {c.ref}
                      </th>
                      <td>
                        <PersonName label={c.personLabel} protectedIdentity={c.protectedIdentity} />
                      </td>
                      <td>
                        <StatusBadge status={c.status} />
                      </td>
                      <td>{labels.municipality(c.municipalityCode)}</td>
                      <td className="nowrap">{formatDate(c.referredOn)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            {problem ? <ErrorNotice>{problem}</ErrorNotice> : null}
            <button type="button" className="button" disabled={busy} onClick={add}>
              {t('groups.addSubmit', { count: chosen.length })}
            </button>
          </>
        )
      ) : null}
    </section>
  );
}
