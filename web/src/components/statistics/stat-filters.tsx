// The choice of years, region and kind (internal or published) above the statistics. A
// coordinator's region is fixed (their own); the internal/published switch appears only for
// those who may see internal figures. Applied with a button, so nothing reloads while choosing.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatMeta } from '../../api-types-statistics.js';
import { useLabels } from '../../hooks/use-labels.js';
import { useFocusFirstInvalid } from '../../hooks/use-focus-invalid.js';
import { fixedRegion, mayViewInternal, yearOptions, type StatScope } from '../../statistics-scope.js';
import { RadioGroup, SelectField } from '../fields.js';

const MAX_YEARS = 30;

export function StatFilters({ meta, scope, onApply }: { meta: StatMeta; scope: StatScope; onApply: (scope: StatScope) => void }) {
  const { t } = useTranslation();
  const { lang } = useLabels();
  const [values, setValues] = useState({ from: String(scope.from), to: String(scope.to), region: scope.region ?? '', view: scope.internal ? 'internal' : 'published' });
  const [error, setError] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);
  const formRef = useFocusFirstInvalid(attempt);
  const ownRegion = fixedRegion(meta);
  const years = yearOptions(meta, scope.from, scope.to).map((y) => ({ value: String(y), label: String(y) }));
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const from = Number(values.from);
    const to = Number(values.to);
    const problem = to < from ? t('statistics.errYearOrder') : to - from + 1 > MAX_YEARS ? t('statistics.errYearSpan', { max: MAX_YEARS }) : undefined;
    setError(problem);
    if (problem) {
      setAttempt((a) => a + 1);
      return;
    }
    onApply({ from, to, region: ownRegion ?? (values.region || null), internal: mayViewInternal(meta) && values.view === 'internal' });
  };

  return (
    <form ref={formRef} className="filters stat-filters" aria-label={t('statistics.filters')} onSubmit={submit} noValidate>
      <SelectField name="from" label={t('statistics.fromYear')} options={years} value={values.from} onChange={(e) => set('from')(e.target.value)} />
      <SelectField name="to" label={t('statistics.toYear')} options={years} value={values.to} error={error} onChange={(e) => set('to')(e.target.value)} />
      {ownRegion ? (
        <div className="field stat-fixed-region">
          <p className="field-label">{t('statistics.region')}</p>
          <p>{t('statistics.ownRegion', { region: meta.regions.find((r) => r.code === ownRegion)?.label[lang] ?? ownRegion })}</p>
        </div>
      ) : (
        <SelectField
          name="region"
          label={t('statistics.region')}
          placeholder={t('statistics.nation')}
          options={meta.regions.map((r) => ({ value: r.code, label: r.label[lang] }))}
          value={values.region}
          onChange={(e) => set('region')(e.target.value)}
        />
      )}
      {mayViewInternal(meta) ? (
        <RadioGroup
          name="view"
          legend={t('statistics.view')}
          inline
          options={[
            { value: 'internal', label: t('statistics.viewInternal') },
            { value: 'published', label: t('statistics.viewPublished') },
          ]}
          value={values.view}
          onChange={set('view')}
        />
      ) : null}
      <div className="filter-buttons">
        <button type="submit" className="button">
          {t('statistics.apply')}
        </button>
      </div>
    </form>
  );
}
