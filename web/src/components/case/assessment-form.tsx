// Recording the coordinator's assessment: legal elements with the child rule, indicators, forms of
// exploitation (with the labour sector for labour), the decision and its reasons. The elements are
// checked here with the same rule the server applies (domain checkElements); the server's 422
// legal_elements_missing lands next to the same fieldsets.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPLOITATION_FORMS } from '../../../../domain/index.js';
import { LABOUR_SECTORS } from '../../../../domain/codelists/labour-sectors.js';
import { checkElements, type LegalBasis } from '../../../../domain/process/legal-elements.js';
import { api } from '../../api.js';
import type { CaseView } from '../../api-types.js';
import type { ProcessView } from '../../api-types-process.js';
import { childRuleOn } from '../../child-rule.js';
import type { FieldErrors } from '../../field-errors.js';
import { isIsoDate, todayIso } from '../../format.js';
import { useApiForm } from '../../hooks/use-api-form.js';
import { useLabels } from '../../hooks/use-labels.js';
import { ErrorSummary } from '../error-summary.js';
import { CheckboxGroup, DateField, RadioGroup, SelectField, TextAreaField } from '../fields.js';
import { AssessmentElements, type Elements } from './assessment-elements.js';
import { IndicatorChecklists } from './indicator-checklists.js';

const FIELDS = ['assessedOn', 'legalBasis', 'acts', 'means', 'purposes', 'indicators', 'exploitationForms', 'labourSector', 'decision', 'reasons'] as const;

interface Props {
  view: CaseView;
  process: ProcessView;
  onSaved: (next: ProcessView) => void;
}

export function AssessmentForm({ view, process, onSaved }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const previous = process.assessment;
  const [assessedOn, setAssessedOn] = useState(todayIso());
  const [elements, setElements] = useState<Elements>({
    legalBasis: previous?.legalBasis ?? '',
    acts: previous?.acts ?? [],
    means: previous?.means ?? [],
    purposes: previous?.purposes ?? [],
  });
  const [indicators, setIndicators] = useState<string[]>(previous?.indicators.map((i) => i.id) ?? []);
  const [forms, setForms] = useState<string[]>(previous?.exploitationForms ?? view.exploitationForms);
  const [labourSector, setLabourSector] = useState(previous?.labourSector ?? '');
  const [decision, setDecision] = useState('');
  const [reasons, setReasons] = useState('');
  const rule = childRuleOn(view.person, view.referredOn, assessedOn, elements.legalBasis);
  const is1b = elements.legalBasis === 'exploitation_4_1b';

  const elementMessage = (path: string, message: string): string => {
    switch (path) {
      case 'legalBasis':
        return t('assessment.errLegalBasis');
      case 'acts':
        return t('assessment.errActs');
      case 'purposes':
        return is1b ? t('assessment.errPurposes1b') : t('assessment.errPurposes');
      case 'means':
        return is1b ? t('assessment.errMeans1b') : t('assessment.errMeansAdult');
      default:
        return message;
    }
  };
  const form = useApiForm('assessment', FIELDS, elementMessage);

  const check = (): FieldErrors => {
    const found: FieldErrors = {};
    if (!isIsoDate(assessedOn)) found[form.name('assessedOn')] = t('common.errDate');
    else if (assessedOn > todayIso()) found[form.name('assessedOn')] = t('referral.errFutureDate');
    if (decision === '') found[form.name('decision')] = t('assessment.errDecision');
    if (reasons.trim().length < 10) found[form.name('reasons')] = t('assessment.errReasons');
    if (decision === 'reason_to_assume') {
      const issues = checkElements({ ...elements, legalBasis: (elements.legalBasis || null) as LegalBasis | null, decision, isChild: rule.isChild });
      for (const issue of issues) found[form.name(issue.path)] ??= elementMessage(issue.path, issue.message);
    }
    return found;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.submit({
      check,
      request: () =>
        api.post<ProcessView>(`/cases/${view.id}/assessments`, {
          version: process.version,
          assessedOn,
          legalBasis: elements.legalBasis || null,
          decision,
          acts: elements.acts,
          means: elements.means,
          purposes: elements.purposes,
          indicators,
          exploitationForms: forms,
          labourSector: forms.includes('labour') && labourSector !== '' ? labourSector : null,
          reasons: reasons.trim(),
        }),
      onSuccess: onSaved,
    });
  };

  return (
    <form className="form form-wide" onSubmit={submit} noValidate aria-labelledby="assessment-form-heading">
      <h3 id="assessment-form-heading">{previous ? t('assessment.formHeadingNew') : t('assessment.formHeading')}</h3>
      <p className="field-hint">{t('assessment.formIntro')}</p>
      <ErrorSummary errors={form.errors} messages={form.messages} attempt={form.attempt} level={4} />
      <DateField name={form.name('assessedOn')} label={t('assessment.assessedOn')} value={assessedOn} error={form.error('assessedOn')} onChange={(e) => setAssessedOn(e.target.value)} />
      <fieldset className="form-section">
        <legend>{t('assessment.elementsLegend')}</legend>
        <AssessmentElements form={form} value={elements} rule={rule} onChange={(next) => setElements((v) => ({ ...v, ...next }))} />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('assessment.formsLegend')}</legend>
        <CheckboxGroup
          name={form.name('exploitationForms')}
          legend={t('assessment.forms')}
          hint={t('assessment.formsHint')}
          columns
          options={EXPLOITATION_FORMS.map((f) => ({ value: f.code, label: labels.cap(EXPLOITATION_FORMS, f.code) }))}
          values={forms}
          error={form.error('exploitationForms')}
          onChange={setForms}
        />
        {forms.includes('labour') ? (
          <SelectField
            name={form.name('labourSector')}
            label={t('assessment.labourSector')}
            hint={t('assessment.labourSectorHint')}
            optional
            placeholder={t('assessment.noSector')}
            options={LABOUR_SECTORS.map((s) => ({ value: s.code, label: `${s.code} – ${labels.label(LABOUR_SECTORS, s.code)}` }))}
            value={labourSector}
            error={form.error('labourSector')}
            onChange={(e) => setLabourSector(e.target.value)}
          />
        ) : null}
        <IndicatorChecklists form={form} values={indicators} onChange={setIndicators} openForms={forms} />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('assessment.decisionLegend')}</legend>
        <RadioGroup
          name={form.name('decision')}
          legend={t('assessment.decision')}
          options={[
            { value: 'reason_to_assume', label: t('assessment.decisionYes'), hint: t('assessment.decisionYesHint') },
            { value: 'no_reason_to_assume', label: t('assessment.decisionNo'), hint: t('assessment.decisionNoHint') },
          ]}
          value={decision}
          error={form.error('decision')}
          onChange={(v) => {
            form.clear('decision');
            setDecision(v);
          }}
        />
        <TextAreaField name={form.name('reasons')} label={t('assessment.reasons')} hint={t('assessment.reasonsHint')} rows={6} value={reasons} error={form.error('reasons')} onChange={(e) => setReasons(e.target.value)} />
      </fieldset>
      <button type="submit" className="button" disabled={form.busy}>
        {form.busy ? t('case.working') : t('assessment.submit')}
      </button>
    </form>
  );
}
