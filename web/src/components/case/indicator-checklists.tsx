// The indicator checklists, one group per form of exploitation, each indicator with the source it
// is drawn from (ILO, OSCE, UNODC, the Swedish manual). Groups for the forms marked on the case
// start open; the general indicators always do.
import { useTranslation } from 'react-i18next';
import { EXPLOITATION_FORMS } from '../../../../domain/index.js';
import { INDICATOR_FORMS, indicatorsFor, type IndicatorForm } from '../../../../domain/process/indicators.js';
import { fieldId } from '../../field-errors.js';
import type { ApiForm } from '../../hooks/use-api-form.js';
import { useLabels } from '../../hooks/use-labels.js';
import { CheckboxGroup, FieldError, FieldHint } from '../fields.js';

interface Props {
  form: ApiForm;
  values: string[];
  onChange: (values: string[]) => void;
  openForms: readonly string[];
}

export function IndicatorChecklists({ form, values, onChange, openForms }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const id = fieldId(form.name('indicators'));
  const formLabel = (f: IndicatorForm) => (f === 'general' ? t('assessment.indicatorsGeneral') : labels.cap(EXPLOITATION_FORMS, f));
  const error = form.error('indicators');

  return (
    <fieldset id={id} className={`field indicator-set${error ? ' field-has-error' : ''}`} aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`} tabIndex={-1}>
      <legend className="field-label">{t('assessment.indicators')}</legend>
      <FieldHint id={id}>{t('assessment.indicatorsHint')}</FieldHint>
      <FieldError id={id} error={error} />
      <details className="sources">
        <summary>{t('assessment.sourcesSummary')}</summary>
        <ul className="field-hint">
          <li>{t('assessment.sourceIloFl')}</li>
          <li>{t('assessment.sourceIloOp')}</li>
          <li>{t('assessment.sourceOsce')}</li>
          <li>{t('assessment.sourceUnodc')}</li>
          <li>{t('assessment.sourceFm')}</li>
        </ul>
      </details>
      {INDICATOR_FORMS.map((f) => {
        const list = indicatorsFor(f);
        const chosen = list.filter((i) => values.includes(i.id)).length;
        return (
          <details key={f} className="indicator-group" open={f === 'general' || openForms.includes(f)}>
            <summary>
              {formLabel(f)} <span className="muted">{t('assessment.indicatorsChosen', { chosen, total: list.length })}</span>
            </summary>
            <CheckboxGroup
              name={`${form.name('indicators')}.${f}`}
              legend={t('assessment.indicatorsFor', { form: formLabel(f) })}
              options={list.map((i) => ({ value: i.id, label: i[labels.lang], hint: t('assessment.source', { source: i.source }) }))}
              values={values.filter((v) => list.some((i) => i.id === v))}
              onChange={(picked) => onChange([...values.filter((v) => !list.some((i) => i.id === v)), ...picked])}
            />
          </details>
        );
      })}
    </fieldset>
  );
}
