// ÅMP (the voluntary return programme run by IOM): the application, IOM's decision, the return
// (country, accompanying family and children, date) and the two follow-ups, each with the
// person's satisfaction (1–5) and whether the reintegration is sustainable.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AMP_DECISIONS } from '../../../../domain/process/support.js';
import { api } from '../../api.js';
import type { AmpReturn } from '../../api-types-process.js';
import type { FieldErrors } from '../../field-errors.js';
import { formatDate, isIsoDate, todayIso } from '../../format.js';
import { countryOptions, numberText, wholeOrNull } from '../../form-values.js';
import { useApiForm, type ApiForm } from '../../hooks/use-api-form.js';
import { useLabels } from '../../hooks/use-labels.js';
import { CodeBadge } from '../badges.js';
import { Disclosure } from '../disclosure.js';
import { ErrorSummary } from '../error-summary.js';
import { DateField, RadioGroup, SelectField, TextField } from '../fields.js';

const FIELDS = [
  'appliedOn', 'returnCountry', 'accompanyingFamily', 'accompanyingChildren', 'decision', 'decidedOn', 'returnedOn',
  'followup1On', 'followup1Satisfaction', 'followup1Sustainable', 'followup2On', 'followup2Satisfaction', 'followup2Sustainable',
] as const;

type Draft = Record<(typeof FIELDS)[number], string>;

function draftOf(a: AmpReturn | undefined): Draft {
  const yesNo = (b: boolean | null | undefined) => (b === true ? 'yes' : b === false ? 'no' : '');
  return {
    appliedOn: a?.appliedOn ?? todayIso(),
    returnCountry: a?.returnCountry ?? '',
    accompanyingFamily: numberText(a?.accompanyingFamily ?? 0),
    accompanyingChildren: numberText(a?.accompanyingChildren ?? 0),
    decision: a?.decision ?? 'pending',
    decidedOn: a?.decidedOn ?? '',
    returnedOn: a?.returnedOn ?? '',
    followup1On: a?.followup1On ?? '',
    followup1Satisfaction: numberText(a?.followup1Satisfaction ?? null),
    followup1Sustainable: yesNo(a?.followup1Sustainable),
    followup2On: a?.followup2On ?? '',
    followup2Satisfaction: numberText(a?.followup2Satisfaction ?? null),
    followup2Sustainable: yesNo(a?.followup2Sustainable),
  };
}

function FollowUp({ form, n, v, set, due }: { form: ApiForm; n: 1 | 2; v: Draft; set: (p: Partial<Draft>) => void; due: string | null }) {
  const { t } = useTranslation();
  const on = `followup${n}On` as const;
  const sat = `followup${n}Satisfaction` as const;
  const sus = `followup${n}Sustainable` as const;
  return (
    <fieldset className="form-section">
      <legend>{n === 1 ? t('support.followup1') : t('support.followup2')}</legend>
      {due ? <p className="field-hint">{t('support.followupDue', { date: formatDate(due) })}</p> : null}
      <DateField name={form.name(on)} label={t('support.followupOn')} optional value={v[on]} error={form.error(on)} onChange={(e) => set({ [on]: e.target.value })} />
      <RadioGroup
        name={form.name(sat)}
        legend={t('support.satisfaction')}
        hint={t('support.satisfactionHint')}
        optional
        inline
        options={['1', '2', '3', '4', '5'].map((s) => ({ value: s, label: s }))}
        value={v[sat]}
        error={form.error(sat)}
        onChange={(value) => set({ [sat]: value })}
      />
      <RadioGroup
        name={form.name(sus)}
        legend={t('support.sustainable')}
        optional
        inline
        options={[
          { value: 'yes', label: t('common.yes') },
          { value: 'no', label: t('common.no') },
        ]}
        value={v[sus]}
        error={form.error(sus)}
        onChange={(value) => set({ [sus]: value })}
      />
    </fieldset>
  );
}

function AmpForm({ caseId, amp, onDone, onCancel }: { caseId: string; amp?: AmpReturn; onDone: () => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const form = useApiForm(amp ? `amp-${amp.id}` : 'amp', FIELDS);
  const [v, setV] = useState<Draft>(draftOf(amp));
  const set = (patch: Partial<Draft>) => setV((x) => ({ ...x, ...patch }));

  const check = (): FieldErrors => {
    const found: FieldErrors = {};
    const dates = amp ? (['appliedOn', 'decidedOn', 'returnedOn', 'followup1On', 'followup2On'] as const) : (['appliedOn'] as const);
    for (const d of dates) if ((d === 'appliedOn' || v[d] !== '') && !isIsoDate(v[d])) found[form.name(d)] = t('common.errDate');
    if (v.returnCountry === '') found[form.name('returnCountry')] = t('support.errCountry');
    for (const c of ['accompanyingFamily', 'accompanyingChildren'] as const) {
      const n = wholeOrNull(v[c]);
      if (n === null || Number.isNaN(n) || n > 100) found[form.name(c)] = t('support.errCount');
    }
    return found;
  };
  const yesNo = (s: string) => (s === 'yes' ? true : s === 'no' ? false : null);
  const base = { appliedOn: v.appliedOn, returnCountry: v.returnCountry, accompanyingFamily: wholeOrNull(v.accompanyingFamily), accompanyingChildren: wholeOrNull(v.accompanyingChildren) };
  const update = () => ({
    version: amp!.version,
    ...base,
    decision: v.decision,
    decidedOn: v.decidedOn || null,
    returnedOn: v.returnedOn || null,
    followup1On: v.followup1On || null,
    followup1Satisfaction: v.followup1Satisfaction ? Number(v.followup1Satisfaction) : null,
    followup1Sustainable: yesNo(v.followup1Sustainable),
    followup2On: v.followup2On || null,
    followup2Satisfaction: v.followup2Satisfaction ? Number(v.followup2Satisfaction) : null,
    followup2Sustainable: yesNo(v.followup2Sustainable),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.submit({ check, request: () => (amp ? api.patch(`/amp/${amp.id}`, update()) : api.post(`/cases/${caseId}/amp`, base)), onSuccess: onDone });
  };

  return (
    <form className={`form${amp ? ' step-form' : ''}`} onSubmit={submit} noValidate aria-label={amp ? t('support.ampEdit') : t('support.ampApply')}>
      <ErrorSummary errors={form.errors} messages={form.messages} attempt={form.attempt} level={5} />
      <DateField name={form.name('appliedOn')} label={t('support.appliedOn')} value={v.appliedOn} error={form.error('appliedOn')} onChange={(e) => set({ appliedOn: e.target.value })} />
      <SelectField name={form.name('returnCountry')} label={t('support.returnCountry')} placeholder={t('common.choose')} options={countryOptions(labels.lang)} value={v.returnCountry} error={form.error('returnCountry')} onChange={(e) => set({ returnCountry: e.target.value })} />
      <div className="field-row">
        <TextField name={form.name('accompanyingFamily')} label={t('support.accompanyingFamily')} inputMode="numeric" className="field-short" value={v.accompanyingFamily} error={form.error('accompanyingFamily')} onChange={(e) => set({ accompanyingFamily: e.target.value })} />
        <TextField name={form.name('accompanyingChildren')} label={t('support.accompanyingChildren')} inputMode="numeric" className="field-short" value={v.accompanyingChildren} error={form.error('accompanyingChildren')} onChange={(e) => set({ accompanyingChildren: e.target.value })} />
      </div>
      {amp ? (
        <>
          <div className="field-row">
            <SelectField name={form.name('decision')} label={t('support.ampDecision')} options={AMP_DECISIONS.map((d) => ({ value: d.code, label: labels.cap(AMP_DECISIONS, d.code) }))} value={v.decision} error={form.error('decision')} onChange={(e) => set({ decision: e.target.value })} />
            <DateField name={form.name('decidedOn')} label={t('support.decidedOn')} optional value={v.decidedOn} error={form.error('decidedOn')} onChange={(e) => set({ decidedOn: e.target.value })} />
          </div>
          <DateField name={form.name('returnedOn')} label={t('support.returnedOn')} optional value={v.returnedOn} error={form.error('returnedOn')} onChange={(e) => set({ returnedOn: e.target.value })} />
          <FollowUp form={form} n={1} v={v} set={set} due={amp.followup1DueOn} />
          <FollowUp form={form} n={2} v={v} set={set} due={amp.followup2DueOn} />
        </>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button" disabled={form.busy}>
          {form.busy ? t('case.working') : amp ? t('common.save') : t('support.ampApplySubmit')}
        </button>
        {onCancel ? (
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function FollowUpLine({ n, on, due, satisfaction, sustainable }: { n: 1 | 2; on: string | null; due: string | null; satisfaction: number | null; sustainable: boolean | null }) {
  const { t } = useTranslation();
  const title = n === 1 ? t('support.followup1') : t('support.followup2');
  if (!on) return <li>{due ? t('support.followupPending', { title, date: formatDate(due) }) : t('support.followupNotYet', { title })}</li>;
  const sus = sustainable === null ? '–' : sustainable ? t('common.yes') : t('common.no');
  return <li>{t('support.followupDone', { title, date: formatDate(on), satisfaction: satisfaction ?? '–', sustainable: sus })}</li>;
}

function AmpItem({ caseId, amp, canWrite, onChanged }: { caseId: string; amp: AmpReturn; canWrite: boolean; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [editing, setEditing] = useState(false);
  const formId = `amp-edit-${amp.id}`;
  return (
    <li className="card">
      <h4 className="card-title">
        {t('support.ampAppliedOn', { date: formatDate(amp.appliedOn) })} <CodeBadge list={AMP_DECISIONS} code={amp.decision} tone={amp.decision === 'approved' ? 'success' : amp.decision === 'pending' ? 'pending' : 'neutral'} />
      </h4>
      <p>
        {t('support.returnCountry')}: {amp.returnCountry ? labels.country(amp.returnCountry) : '–'} · {t('support.familyLine', { family: amp.accompanyingFamily, children: amp.accompanyingChildren })}
      </p>
      {amp.returnedOn ? <p>{t('support.returnedLine', { date: formatDate(amp.returnedOn) })}</p> : null}
      <ul className="plain-list">
        <FollowUpLine n={1} on={amp.followup1On} due={amp.followup1DueOn} satisfaction={amp.followup1Satisfaction} sustainable={amp.followup1Sustainable} />
        <FollowUpLine n={2} on={amp.followup2On} due={amp.followup2DueOn} satisfaction={amp.followup2Satisfaction} sustainable={amp.followup2Sustainable} />
      </ul>
      {canWrite ? (
        <button type="button" className="button button-secondary button-small" aria-expanded={editing} aria-controls={formId} onClick={() => setEditing((x) => !x)}>
          {t('support.ampEdit')}
        </button>
      ) : null}
      <div id={formId}>
        {editing ? (
          <AmpForm
            caseId={caseId}
            amp={amp}
            onCancel={() => setEditing(false)}
            onDone={() => {
              setEditing(false);
              onChanged(t('support.ampSaved'));
            }}
          />
        ) : null}
      </div>
    </li>
  );
}

export function AmpPanel({ caseId, items, canWrite, onChanged }: { caseId: string; items: AmpReturn[]; canWrite: boolean; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  // Mirrors the server's openAmp: a pending application, or an approved one not yet returned.
  const open = items.some((a) => a.decision === 'pending' || (a.decision === 'approved' && !a.returnedOn));
  return (
    <section className="panel" aria-labelledby="amp-heading">
      <h3 id="amp-heading">{t('support.ampHeading')}</h3>
      {items.length === 0 ? (
        <p>{t('support.ampNone')}</p>
      ) : (
        <ul className="card-list">
          {items.map((a) => (
            <AmpItem key={`${a.id}-${a.version}`} caseId={caseId} amp={a} canWrite={canWrite} onChanged={onChanged} />
          ))}
        </ul>
      )}
      {canWrite && !open ? (
        <Disclosure label={t('support.ampApply')}>
          <AmpForm caseId={caseId} onDone={() => onChanged(t('support.ampApplied'))} />
        </Disclosure>
      ) : null}
    </section>
  );
}
