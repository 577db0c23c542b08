// Merging a pair: which person is kept and, where the two records conflict, whose value
// applies. The server refuses (and says why) when both persons have an active reflection period.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import type { CandidateDetail, MergeField, MergeView, PersonDetail } from '../../api-types-persons.js';
import { useApiForm } from '../../hooks/use-api-form.js';
import { useLabels } from '../../hooks/use-labels.js';
import { ErrorSummary } from '../error-summary.js';
import { RadioGroup } from '../fields.js';
import { valueText } from './pair-sides.js';

type Keep = 'personA' | 'personB';

export function MergeForm({ detail, onMerged }: { detail: CandidateDetail; onMerged: (merge: MergeView) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const form = useApiForm(`merge-${detail.id}`, ['keep', ...detail.conflicts.map((f) => `fields.${f}`)]);
  const [keep, setKeep] = useState<Keep>('personA');
  const [choices, setChoices] = useState<Partial<Record<MergeField, string>>>({});
  const a = detail.personADetail as PersonDetail;
  const b = detail.personBDetail as PersonDetail;
  const fieldWord: Record<MergeField, string> = {
    givenNames: t('persons.givenNames'),
    familyNames: t('persons.familyNames'),
    birthDate: t('persons.birth'),
    sex: t('persons.sex'),
    citizenships: t('persons.citizenships'),
  };
  const chosen = (f: MergeField) => choices[f] ?? (f === 'citizenships' ? 'union' : keep === 'personA' ? 'a' : 'b');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fields = Object.fromEntries(detail.conflicts.map((f) => [f, chosen(f)]));
    form.submit({
      request: () => api.post<MergeView>(`/persons/candidates/${detail.id}/merge`, { version: detail.version, personVersions: { a: a.version, b: b.version }, keep, fields }),
      onSuccess: onMerged,
    });
  };

  return (
    <form className="form step-form" onSubmit={submit} noValidate aria-labelledby="merge-heading">
      <h2 id="merge-heading">{t('persons.mergeTitle')}</h2>
      <p>{t('persons.mergeIntro')}</p>
      <ErrorSummary errors={form.errors} messages={form.messages} attempt={form.attempt} level={3} />
      <RadioGroup
        name={form.name('keep')}
        legend={t('persons.keepLegend')}
        inline
        options={[
          { value: 'personA', label: t('persons.keepA') },
          { value: 'personB', label: t('persons.keepB') },
        ]}
        value={keep}
        error={form.error('keep')}
        onChange={(v) => setKeep(v === 'personB' ? 'personB' : 'personA')}
      />
      {detail.conflicts.map((f) => (
        <RadioGroup
          key={f}
          name={form.name(`fields.${f}`)}
          legend={t('persons.chooseLegend', { field: fieldWord[f] })}
          options={[
            { value: 'a', label: t('persons.valueA', { value: valueText(a, f, t, labels) || t('persons.emptyValue') }) },
            { value: 'b', label: t('persons.valueB', { value: valueText(b, f, t, labels) || t('persons.emptyValue') }) },
            ...(f === 'citizenships' ? [{ value: 'union', label: t('persons.union') }] : []),
          ]}
          value={chosen(f)}
          error={form.error(`fields.${f}`)}
          onChange={(v) => setChoices((c) => ({ ...c, [f]: v }))}
        />
      ))}
      <button type="submit" className="button" disabled={form.busy}>
        {form.busy ? t('persons.merging') : t('persons.mergeSubmit')}
      </button>
    </form>
  );
}
