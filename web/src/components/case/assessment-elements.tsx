// The legal elements of an assessment: the provision (§ 1a trafficking or § 1b exploitation), the
// act, the improper means and the purpose, with the child rule applied in view: for a child under
// § 1a the means fieldset says that none is required, and why.
import { useTranslation } from 'react-i18next';
import { ACTS, EXPLOITATION_MEANS, EXPLOITATION_PURPOSES, LEGAL_BASES, MEANS, PURPOSES } from '../../../../domain/process/legal-elements.js';
import type { ChildRule } from '../../child-rule.js';
import type { ApiForm } from '../../hooks/use-api-form.js';
import { useLabels } from '../../hooks/use-labels.js';
import { CheckboxGroup, RadioGroup } from '../fields.js';

export interface Elements {
  legalBasis: string;
  acts: string[];
  means: string[];
  purposes: string[];
}

interface Props {
  form: ApiForm;
  value: Elements;
  onChange: (next: Partial<Elements>) => void;
  rule: ChildRule;
}

export function ChildRuleNote({ rule, legalBasis }: { rule: ChildRule; legalBasis: string }) {
  const { t } = useTranslation();
  const basis = { birth_date: t('process.ageBasisBirthDate'), birth_year: t('process.ageBasisBirthYear'), estimated: t('process.ageBasisEstimated'), unknown: '' }[rule.basis];
  let text: string;
  let tone = 'child-rule';
  if (rule.isChild === null) text = t('assessment.ruleUnknownAge');
  else if (rule.isChild && legalBasis === 'trafficking_4_1a') {
    text = t('assessment.ruleChild1a', { years: rule.years });
    tone = 'child-rule child-rule-applies';
  } else if (rule.isChild && legalBasis === 'exploitation_4_1b') text = t('assessment.ruleChild1b', { years: rule.years });
  else if (rule.isChild) text = t('assessment.ruleChildNoBasis', { years: rule.years });
  else text = t('assessment.ruleAdult', { years: rule.years });
  return (
    <div className={tone} id="child-rule" aria-live="polite" data-testid="child-rule">
      <p className="child-rule-text">{text}</p>
      {rule.basis !== 'unknown' ? <p className="field-hint">{t('assessment.ruleAgeBasis', { basis })}</p> : null}
    </div>
  );
}

export function AssessmentElements({ form, value, onChange, rule }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const is1b = value.legalBasis === 'exploitation_4_1b';
  const options = (list: readonly { code: string }[], codelist: Parameters<typeof labels.cap>[0], marked?: readonly string[]) =>
    list.map((e) => ({ value: e.code, label: labels.cap(codelist, e.code) + (is1b && marked && marked.includes(e.code) ? ` ${t('assessment.counts1b')}` : '') }));

  const meansLegend = rule.meansRequired ? t('assessment.means') : `${t('assessment.means')} ${t('assessment.meansNotRequired')}`;
  return (
    <>
      <RadioGroup
        name={form.name('legalBasis')}
        legend={t('assessment.legalBasis')}
        hint={t('assessment.legalBasisHint')}
        options={LEGAL_BASES.map((b) => ({ value: b.code, label: labels.cap(LEGAL_BASES, b.code) }))}
        value={value.legalBasis}
        error={form.error('legalBasis')}
        onChange={(legalBasis) => {
          form.clear('legalBasis');
          onChange({ legalBasis });
        }}
      />
      <ChildRuleNote rule={rule} legalBasis={value.legalBasis} />
      <CheckboxGroup
        name={form.name('acts')}
        legend={t('assessment.acts')}
        hint={is1b ? t('assessment.actsHint1b') : t('assessment.actsHint')}
        columns
        options={options(ACTS, ACTS)}
        values={value.acts}
        error={form.error('acts')}
        onChange={(acts) => {
          form.clear('acts');
          onChange({ acts });
        }}
      />
      <CheckboxGroup
        name={form.name('means')}
        legend={meansLegend}
        hint={rule.meansRequired ? (is1b ? t('assessment.meansHint1b') : t('assessment.meansHint')) : t('assessment.meansHintChild')}
        columns
        options={options(MEANS, MEANS, EXPLOITATION_MEANS)}
        values={value.means}
        error={form.error('means')}
        onChange={(means) => {
          form.clear('means');
          onChange({ means });
        }}
      />
      <CheckboxGroup
        name={form.name('purposes')}
        legend={t('assessment.purposes')}
        hint={is1b ? t('assessment.purposesHint1b') : t('assessment.purposesHint')}
        columns
        options={options(PURPOSES, PURPOSES, EXPLOITATION_PURPOSES)}
        values={value.purposes}
        error={form.error('purposes')}
        onChange={(purposes) => {
          form.clear('purposes');
          onChange({ purposes });
        }}
      />
    </>
  );
}
