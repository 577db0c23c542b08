// The case list's filter form. It starts from the filters in the URL and hands new ones back.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES, POLICE_REGIONS } from '../../../domain/index.js';
import { useLabels } from '../hooks/use-labels.js';
import { SelectField, TextField } from './fields.js';

export interface CaseFilterValues {
  status: string;
  region: string;
  q: string;
}

export function CaseFilters({ initial, onSearch }: { initial: CaseFilterValues; onSearch: (values: CaseFilterValues) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [draft, setDraft] = useState(initial);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch({ ...draft, q: draft.q.trim() });
  };
  const clear = () => {
    const empty = { status: '', region: '', q: '' };
    setDraft(empty);
    onSearch(empty);
  };

  return (
    <form className="filters" role="search" aria-label={t('cases.filters')} onSubmit={submit}>
      <SelectField
        name="status"
        label={t('cases.status')}
        placeholder={t('common.all')}
        options={CASE_STATUSES.map((s) => ({ value: s.code, label: labels.cap(CASE_STATUSES, s.code) }))}
        value={draft.status}
        onChange={(e) => setDraft({ ...draft, status: e.target.value })}
      />
      <SelectField
        name="region"
        label={t('cases.region')}
        placeholder={t('common.all')}
        options={POLICE_REGIONS.map((r) => ({ value: r.code, label: labels.label(POLICE_REGIONS, r.code) }))}
        value={draft.region}
        onChange={(e) => setDraft({ ...draft, region: e.target.value })}
      />
      <TextField name="q" type="search" label={t('cases.query')} value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
      <div className="filter-buttons">
        <button type="submit" className="button">
          {t('common.search')}
        </button>
        <button type="button" className="button button-secondary" onClick={clear}>
          {t('common.clear')}
        </button>
      </div>
    </form>
  );
}
