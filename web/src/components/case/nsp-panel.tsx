// NSP (the national support programme): enrolments with the support given and the children
// affected: those accompanying the person here and those left in the home country.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NSP_SUPPORT_TYPES } from '../../../../domain/process/support.js';
import { api } from '../../api.js';
import type { NspEnrolment } from '../../api-types-process.js';
import type { FieldErrors } from '../../field-errors.js';
import { formatDate, isIsoDate, todayIso } from '../../format.js';
import { numberText, wholeOrNull } from '../../form-values.js';
import { useApiForm } from '../../hooks/use-api-form.js';
import { useLabels } from '../../hooks/use-labels.js';
import { Badge } from '../badges.js';
import { Disclosure } from '../disclosure.js';
import { ErrorSummary } from '../error-summary.js';
import { CheckboxGroup, DateField, TextField } from '../fields.js';

const FIELDS = ['enrolledOn', 'supportTypes', 'accompanyingChildren', 'childrenInHomeCountry', 'endedOn'] as const;

function NspForm({ caseId, enrolment, onDone, onCancel }: { caseId: string; enrolment?: NspEnrolment; onDone: () => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const form = useApiForm(enrolment ? `nsp-${enrolment.id}` : 'nsp', FIELDS);
  const [v, setV] = useState({
    enrolledOn: enrolment?.enrolledOn ?? todayIso(),
    supportTypes: enrolment?.supportTypes ?? [],
    accompanyingChildren: numberText(enrolment?.accompanyingChildren ?? 0),
    childrenInHomeCountry: numberText(enrolment?.childrenInHomeCountry ?? 0),
    endedOn: enrolment?.endedOn ?? '',
  });
  const set = (patch: Partial<typeof v>) => setV((x) => ({ ...x, ...patch }));

  const check = (): FieldErrors => {
    const found: FieldErrors = {};
    if (!isIsoDate(v.enrolledOn)) found[form.name('enrolledOn')] = t('common.errDate');
    if (v.endedOn !== '' && !isIsoDate(v.endedOn)) found[form.name('endedOn')] = t('common.errDate');
    for (const path of ['accompanyingChildren', 'childrenInHomeCountry'] as const) {
      const n = wholeOrNull(v[path]);
      if (n === null || Number.isNaN(n) || n > 100) found[form.name(path)] = t('support.errCount');
    }
    return found;
  };
  const body = {
    enrolledOn: v.enrolledOn,
    supportTypes: v.supportTypes,
    accompanyingChildren: wholeOrNull(v.accompanyingChildren),
    childrenInHomeCountry: wholeOrNull(v.childrenInHomeCountry),
    endedOn: v.endedOn === '' ? null : v.endedOn,
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.submit({
      check,
      request: () => (enrolment ? api.patch(`/nsp/${enrolment.id}`, { ...body, version: enrolment.version }) : api.post(`/cases/${caseId}/nsp`, body)),
      onSuccess: onDone,
    });
  };

  return (
    <form className={`form${enrolment ? ' step-form' : ''}`} onSubmit={submit} noValidate aria-label={enrolment ? t('support.nspEdit') : t('support.nspEnrol')}>
      <ErrorSummary errors={form.errors} messages={form.messages} attempt={form.attempt} level={5} />
      <DateField name={form.name('enrolledOn')} label={t('support.enrolledOn')} value={v.enrolledOn} error={form.error('enrolledOn')} onChange={(e) => set({ enrolledOn: e.target.value })} />
      <CheckboxGroup
        name={form.name('supportTypes')}
        legend={t('support.supportTypes')}
        columns
        options={NSP_SUPPORT_TYPES.map((s) => ({ value: s.code, label: labels.cap(NSP_SUPPORT_TYPES, s.code) }))}
        values={v.supportTypes}
        error={form.error('supportTypes')}
        onChange={(supportTypes) => set({ supportTypes })}
      />
      <div className="field-row">
        <TextField name={form.name('accompanyingChildren')} label={t('support.accompanyingChildren')} inputMode="numeric" className="field-short" value={v.accompanyingChildren} error={form.error('accompanyingChildren')} onChange={(e) => set({ accompanyingChildren: e.target.value })} />
        <TextField name={form.name('childrenInHomeCountry')} label={t('support.childrenInHomeCountry')} hint={t('support.childrenInHomeCountryHint')} inputMode="numeric" className="field-short" value={v.childrenInHomeCountry} error={form.error('childrenInHomeCountry')} onChange={(e) => set({ childrenInHomeCountry: e.target.value })} />
      </div>
      <DateField name={form.name('endedOn')} label={t('support.endedOn')} optional value={v.endedOn} error={form.error('endedOn')} onChange={(e) => set({ endedOn: e.target.value })} />
      <div className="button-row">
        <button type="submit" className="button" disabled={form.busy}>
          {form.busy ? t('case.working') : enrolment ? t('common.save') : t('support.nspEnrolSubmit')}
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

function NspItem({ caseId, enrolment, canWrite, onChanged }: { caseId: string; enrolment: NspEnrolment; canWrite: boolean; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [editing, setEditing] = useState(false);
  const formId = `nsp-edit-${enrolment.id}`;
  return (
    <li className="card">
      <h4 className="card-title">
        {t('support.nspSince', { date: formatDate(enrolment.enrolledOn) })}{' '}
        {enrolment.ongoing ? <Badge tone="success">{t('support.ongoing')}</Badge> : <Badge tone="neutral">{t('support.endedShort', { date: formatDate(enrolment.endedOn) })}</Badge>}
      </h4>
      <p>
        {t('support.supportTypes')}: {enrolment.supportTypes.length > 0 ? enrolment.supportTypes.map((s) => labels.label(NSP_SUPPORT_TYPES, s)).join(', ') : '–'}
      </p>
      <p>{t('support.childrenLine', { here: enrolment.accompanyingChildren, home: enrolment.childrenInHomeCountry })}</p>
      {canWrite ? (
        <button type="button" className="button button-secondary button-small" aria-expanded={editing} aria-controls={formId} onClick={() => setEditing((x) => !x)}>
          {t('support.nspEdit')}
        </button>
      ) : null}
      <div id={formId}>
        {editing ? (
          <NspForm
            caseId={caseId}
            enrolment={enrolment}
            onCancel={() => setEditing(false)}
            onDone={() => {
              setEditing(false);
              onChanged(t('support.nspSaved'));
            }}
          />
        ) : null}
      </div>
    </li>
  );
}

export function NspPanel({ caseId, items, canWrite, onChanged }: { caseId: string; items: NspEnrolment[]; canWrite: boolean; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="nsp-heading">
      <h3 id="nsp-heading">{t('support.nspHeading')}</h3>
      {items.length === 0 ? (
        <p>{t('support.nspNone')}</p>
      ) : (
        <ul className="card-list">
          {items.map((n) => (
            <NspItem key={`${n.id}-${n.version}`} caseId={caseId} enrolment={n} canWrite={canWrite} onChanged={onChanged} />
          ))}
        </ul>
      )}
      {canWrite && !items.some((n) => n.ongoing) ? (
        <Disclosure label={t('support.nspEnrol')}>
          <NspForm caseId={caseId} onDone={() => onChanged(t('support.nspEnrolled'))} />
        </Disclosure>
      ) : null}
    </section>
  );
}
