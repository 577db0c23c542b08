// Recording a police report, and updating one: the police change classification and reference,
// police or prosecution the injured-party status, the prosecution its decision, the judgment and
// damages. Only the fields the viewer may change are editable, and only changed fields are sent.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CLASSIFICATIONS, JUDGMENT_OUTCOMES, PROSECUTION_DECISIONS, givesInjuredPartyStatus } from '../../../../domain/process/criminal-process.js';
import { api } from '../../api.js';
import type { CriminalView, PoliceReport } from '../../api-types-process.js';
import type { FieldErrors } from '../../field-errors.js';
import { isIsoDate, todayIso } from '../../format.js';
import { useApiForm } from '../../hooks/use-api-form.js';
import { useLabels, type Labels } from '../../hooks/use-labels.js';
import { ErrorSummary } from '../error-summary.js';
import { Checkbox, DateField, SelectField, TextField } from '../fields.js';

export function classificationOptions(labels: Labels, note: string) {
  return CLASSIFICATIONS.map((c) => ({ value: c.code, label: `${labels.cap(CLASSIFICATIONS, c.code)}${c.injuredParty ? '' : ` ${note}`}` }));
}

export function PoliceReportForm({ caseId, onRecorded }: { caseId: string; onRecorded: (r: PoliceReport) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const form = useApiForm('report', ['reportedOn', 'classification', 'policeRef', 'injuredParty']);
  const [reportedOn, setReportedOn] = useState(todayIso());
  const [classification, setClassification] = useState('');
  const [policeRef, setPoliceRef] = useState('');
  const [injuredParty, setInjuredParty] = useState<boolean | null>(null);
  const injured = injuredParty ?? (classification !== '' && givesInjuredPartyStatus(classification));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.submit({
      check: () => ({
        ...(isIsoDate(reportedOn) ? {} : { [form.name('reportedOn')]: t('common.errDate') }),
        ...(classification === '' ? { [form.name('classification')]: t('criminal.errClassification') } : {}),
      }),
      request: () => api.post<PoliceReport>(`/cases/${caseId}/police-reports`, { reportedOn, classification, policeRef: policeRef.trim(), injuredParty: injured }),
      onSuccess: (r) => {
        setClassification('');
        setPoliceRef('');
        setInjuredParty(null);
        onRecorded(r);
      },
    });
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="report-form-heading">
      <h3 id="report-form-heading">{t('criminal.recordHeading')}</h3>
      <ErrorSummary errors={form.errors} messages={form.messages} attempt={form.attempt} level={4} />
      <DateField name={form.name('reportedOn')} label={t('criminal.reportedOn')} value={reportedOn} error={form.error('reportedOn')} onChange={(e) => setReportedOn(e.target.value)} />
      <SelectField
        name={form.name('classification')}
        label={t('criminal.classification')}
        hint={t('criminal.classificationHint')}
        placeholder={t('common.choose')}
        options={classificationOptions(labels, t('criminal.noInjuredPartyMark'))}
        value={classification}
        error={form.error('classification')}
        onChange={(e) => setClassification(e.target.value)}
      />
      <TextField name={form.name('policeRef')} label={t('criminal.policeRef')} optional autoComplete="off" value={policeRef} error={form.error('policeRef')} onChange={(e) => setPoliceRef(e.target.value)} />
      <Checkbox name={form.name('injuredParty')} label={t('criminal.injuredParty')} hint={t('criminal.injuredPartyHint')} checked={injured} onChange={(e) => setInjuredParty(e.target.checked)} />
      <button type="submit" className="button" disabled={form.busy}>
        {form.busy ? t('case.working') : t('criminal.recordSubmit')}
      </button>
    </form>
  );
}

const UPDATE_FIELDS = ['classification', 'policeRef', 'injuredParty', 'prosecutionDecision', 'prosecutionDecidedOn', 'judgmentOutcome', 'judgmentOn', 'damagesAwardedSek'] as const;

interface UpdateProps {
  report: PoliceReport;
  abilities: CriminalView['abilities'];
  onDone: (r: PoliceReport) => void;
  onCancel: () => void;
}

export function PoliceReportUpdateForm({ report, abilities, onDone, onCancel }: UpdateProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const form = useApiForm(`report-${report.id}`, UPDATE_FIELDS);
  const [v, setV] = useState({
    classification: report.classification,
    policeRef: report.policeRef,
    injuredParty: report.injuredParty,
    prosecutionDecision: report.prosecutionDecision,
    prosecutionDecidedOn: report.prosecutionDecidedOn ?? '',
    judgmentOutcome: report.judgmentOutcome ?? '',
    judgmentOn: report.judgmentOn ?? '',
    damages: report.damagesAwardedSek === null ? '' : String(report.damagesAwardedSek),
  });
  const set = (patch: Partial<typeof v>) => setV((x) => ({ ...x, ...patch }));

  const body = () => {
    const b: Record<string, unknown> = {};
    if (abilities.updateReport) {
      if (v.classification !== report.classification) b.classification = v.classification;
      if (v.policeRef.trim() !== report.policeRef) b.policeRef = v.policeRef.trim();
    }
    if (abilities.recordInjuredParty && v.injuredParty !== report.injuredParty) b.injuredParty = v.injuredParty;
    if (abilities.recordProsecution) {
      if (v.prosecutionDecision !== report.prosecutionDecision) b.prosecutionDecision = v.prosecutionDecision;
      if (v.prosecutionDecidedOn !== (report.prosecutionDecidedOn ?? '')) b.prosecutionDecidedOn = v.prosecutionDecidedOn || null;
      if (v.judgmentOutcome !== (report.judgmentOutcome ?? '')) b.judgmentOutcome = v.judgmentOutcome || null;
      if (v.judgmentOn !== (report.judgmentOn ?? '')) b.judgmentOn = v.judgmentOn || null;
      const damages = v.damages.trim() === '' ? null : Number(v.damages.replace(/\s/g, ''));
      if (damages !== report.damagesAwardedSek) b.damagesAwardedSek = damages;
    }
    return b;
  };

  const check = (): FieldErrors => {
    const found: FieldErrors = {};
    for (const path of ['prosecutionDecidedOn', 'judgmentOn'] as const) if (v[path] !== '' && !isIsoDate(v[path])) found[form.name(path)] = t('common.errDate');
    if (v.damages.trim() !== '' && !/^\d+$/.test(v.damages.replace(/\s/g, ''))) found[form.name('damagesAwardedSek')] = t('criminal.errAmount');
    if (Object.keys(found).length === 0 && Object.keys(body()).length === 0) found[form.name('classification')] = t('criminal.errNothingChanged');
    return found;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.submit({ check, request: () => api.patch<PoliceReport>(`/police-reports/${report.id}`, { version: report.version, ...body() }), onSuccess: onDone });
  };

  return (
    <form className="form step-form" onSubmit={submit} noValidate aria-label={t('criminal.updateHeading')}>
      <ErrorSummary errors={form.errors} messages={form.messages} attempt={form.attempt} level={5} />
      {abilities.updateReport ? (
        <div className="field-row">
          <SelectField name={form.name('classification')} label={t('criminal.classification')} options={classificationOptions(labels, t('criminal.noInjuredPartyMark'))} value={v.classification} error={form.error('classification')} onChange={(e) => set({ classification: e.target.value })} />
          <TextField name={form.name('policeRef')} label={t('criminal.policeRef')} autoComplete="off" value={v.policeRef} error={form.error('policeRef')} onChange={(e) => set({ policeRef: e.target.value })} />
        </div>
      ) : null}
      {abilities.recordInjuredParty ? <Checkbox name={form.name('injuredParty')} label={t('criminal.injuredParty')} checked={v.injuredParty} onChange={(e) => set({ injuredParty: e.target.checked })} /> : null}
      {abilities.recordProsecution ? (
        <>
          <div className="field-row">
            <SelectField
              name={form.name('prosecutionDecision')}
              label={t('criminal.prosecutionDecision')}
              options={PROSECUTION_DECISIONS.map((d) => ({ value: d.code, label: labels.cap(PROSECUTION_DECISIONS, d.code) }))}
              value={v.prosecutionDecision}
              error={form.error('prosecutionDecision')}
              onChange={(e) => set({ prosecutionDecision: e.target.value })}
            />
            <DateField name={form.name('prosecutionDecidedOn')} label={t('criminal.prosecutionDecidedOn')} optional value={v.prosecutionDecidedOn} error={form.error('prosecutionDecidedOn')} onChange={(e) => set({ prosecutionDecidedOn: e.target.value })} />
          </div>
          <div className="field-row">
            <SelectField
              name={form.name('judgmentOutcome')}
              label={t('criminal.judgment')}
              optional
              placeholder={t('criminal.noJudgment')}
              options={JUDGMENT_OUTCOMES.map((d) => ({ value: d.code, label: labels.cap(JUDGMENT_OUTCOMES, d.code) }))}
              value={v.judgmentOutcome}
              error={form.error('judgmentOutcome')}
              onChange={(e) => set({ judgmentOutcome: e.target.value })}
            />
            <DateField name={form.name('judgmentOn')} label={t('criminal.judgmentOn')} optional value={v.judgmentOn} error={form.error('judgmentOn')} onChange={(e) => set({ judgmentOn: e.target.value })} />
          </div>
          <TextField name={form.name('damagesAwardedSek')} label={t('criminal.damages')} hint={t('criminal.damagesHint')} optional inputMode="numeric" className="field-short" value={v.damages} error={form.error('damagesAwardedSek')} onChange={(e) => set({ damages: e.target.value })} />
        </>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button" disabled={form.busy}>
          {form.busy ? t('case.working') : t('criminal.updateSubmit')}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
