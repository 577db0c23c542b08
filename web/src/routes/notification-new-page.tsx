// /notifications/new: an anonymous notification. When a person does not want to be referred (or
// cannot be named), a first responder or coordinator still lets the national figures count the
// case: only codes are sent (where, when, source, sex, age group, forms, citizenship), never a
// name or free text, and no case is created.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AGE_GROUPS, EXPLOITATION_FORMS, FORM_TABLE_ROWS, MUNICIPALITIES, POLICE_REGIONS, REFERRAL_SOURCES, SEXES, municipalityByCode } from '../../../domain/index.js';
import { api } from '../api.js';
import type { AnonymousCounts, AnonymousNotification } from '../api-types-process.js';
import type { FieldErrors } from '../field-errors.js';
import { isIsoDate, todayIso } from '../format.js';
import { countryOptions } from '../form-values.js';
import { useApiForm } from '../hooks/use-api-form.js';
import { useApiQuery } from '../hooks/use-api-query.js';
import { useLabels } from '../hooks/use-labels.js';
import { useSession } from '../hooks/use-session.js';
import { ErrorSummary } from '../components/error-summary.js';
import { CheckboxGroup, DateField, RadioGroup, SelectField } from '../components/fields.js';
import { SuccessNotice } from '../components/notice.js';
import { PageHeading } from '../components/page-heading.js';

const FIELDS = ['notifiedOn', 'reason', 'municipalityCode', 'referralSource', 'sex', 'ageGroup', 'exploitationForms', 'citizenship'] as const;
const MUNICIPALITY_OPTIONS = [...MUNICIPALITIES].sort((a, b) => a.name.localeCompare(b.name, 'sv')).map((m) => ({ value: m.code, label: m.name }));

function RegionCounts() {
  const { t } = useTranslation();
  const labels = useLabels();
  const year = Number(todayIso().slice(0, 4));
  const counts = useApiQuery<AnonymousCounts>(`/notifications/anonymous?year=${year}`);
  if (!counts.data) return null;
  const forms = counts.data.byForm.filter((f) => f.count > 0);
  return (
    <section className="panel counts-panel" aria-labelledby="anon-counts-heading">
      <h2 id="anon-counts-heading">{t('notify.countsHeading', { year })}</h2>
      <p>
        {counts.data.region
          ? t('notify.countsRegion', { count: counts.data.total, region: labels.label(POLICE_REGIONS, counts.data.region) })
          : t('notify.countsCountry', { count: counts.data.total })}
      </p>
      {forms.length > 0 ? (
        <ul className="plain-list">
          {forms.map((f) => (
            <li key={f.code}>
              {labels.cap(FORM_TABLE_ROWS, f.code)}: {f.count}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

export function NotificationNewPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const session = useSession();
  const form = useApiForm('notify', FIELDS);
  const initial = { notifiedOn: todayIso(), reason: '', municipalityCode: '', referralSource: '', sex: 'unknown', ageGroup: 'unknown', exploitationForms: [] as string[], citizenship: '' };
  const [v, setV] = useState(initial);
  const [sent, setSent] = useState<AnonymousNotification | null>(null);
  const set = (patch: Partial<typeof v>) => setV((x) => ({ ...x, ...patch }));
  const region = municipalityByCode(v.municipalityCode)?.region;

  const check = (): FieldErrors => {
    const found: FieldErrors = {};
    if (!isIsoDate(v.notifiedOn)) found[form.name('notifiedOn')] = t('common.errDate');
    else if (v.notifiedOn > todayIso()) found[form.name('notifiedOn')] = t('referral.errFutureDate');
    if (v.reason === '') found[form.name('reason')] = t('notify.errReason');
    if (v.municipalityCode === '') found[form.name('municipalityCode')] = t('referral.errMunicipality');
    if (v.referralSource === '') found[form.name('referralSource')] = t('referral.errSource');
    return found;
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSent(null);
    form.submit({
      check,
      request: () => api.post<AnonymousNotification>('/notifications/anonymous', { ...v, citizenship: v.citizenship || null }),
      onSuccess: (n) => {
        setSent(n);
        setV(initial);
        window.scrollTo({ top: 0 });
      },
    });
  };
  const seesCounts = session.user.roles.includes('coordinator') || session.user.roles.includes('national_analyst');

  return (
    <>
      <PageHeading title={t('notify.title')} />
      <p className="lead">{t('notify.intro')}</p>
      <details className="explainer">
        <summary>{t('notify.whenSummary')}</summary>
        <ul>
          <li>{t('notify.when1')}</li>
          <li>{t('notify.when2')}</li>
          <li>{t('notify.when3')}</li>
        </ul>
        <p>{t('notify.privacy')}</p>
      </details>
      {sent ? (
        <SuccessNotice>
          {t('notify.sent', { region: labels.label(POLICE_REGIONS, sent.region) })}
        </SuccessNotice>
      ) : null}
      <ErrorSummary errors={form.errors} messages={form.messages} attempt={form.attempt} />
      <form className="form" onSubmit={submit} noValidate>
        <fieldset className="form-section">
          <legend>
            <h2>{t('notify.situationLegend')}</h2>
          </legend>
          <RadioGroup
            name={form.name('reason')}
            legend={t('notify.reason')}
            options={[
              { value: 'declined', label: t('notify.reasonDeclined'), hint: t('notify.reasonDeclinedHint') },
              { value: 'anonymous', label: t('notify.reasonAnonymous'), hint: t('notify.reasonAnonymousHint') },
            ]}
            value={v.reason}
            error={form.error('reason')}
            onChange={(reason) => set({ reason })}
          />
          <DateField name={form.name('notifiedOn')} label={t('notify.notifiedOn')} value={v.notifiedOn} error={form.error('notifiedOn')} onChange={(e) => set({ notifiedOn: e.target.value })} />
          <SelectField name={form.name('municipalityCode')} label={t('referral.municipality')} placeholder={t('referral.chooseMunicipality')} options={MUNICIPALITY_OPTIONS} value={v.municipalityCode} error={form.error('municipalityCode')} describedByExtra="notify-region" onChange={(e) => set({ municipalityCode: e.target.value })} />
          <p id="notify-region" className={region ? 'routing-note routing-note-set' : 'routing-note'} aria-live="polite">
            {region ? t('notify.region', { region: labels.label(POLICE_REGIONS, region) }) : t('notify.regionNone')}
          </p>
          <SelectField name={form.name('referralSource')} label={t('referral.source')} placeholder={t('referral.chooseSource')} options={REFERRAL_SOURCES.map((s) => ({ value: s.code, label: labels.cap(REFERRAL_SOURCES, s.code) }))} value={v.referralSource} error={form.error('referralSource')} onChange={(e) => set({ referralSource: e.target.value })} />
        </fieldset>
        <fieldset className="form-section">
          <legend>
            <h2>{t('notify.personLegend')}</h2>
          </legend>
          <p className="field-hint">{t('notify.personHint')}</p>
          <RadioGroup name={form.name('sex')} legend={t('referral.sex')} inline options={SEXES.map((s) => ({ value: s.code, label: labels.cap(SEXES, s.code) }))} value={v.sex} error={form.error('sex')} onChange={(sex) => set({ sex })} />
          <RadioGroup name={form.name('ageGroup')} legend={t('notify.ageGroup')} hint={t('notify.ageGroupHint')} inline options={AGE_GROUPS.map((a) => ({ value: a.code, label: labels.cap(AGE_GROUPS, a.code) }))} value={v.ageGroup} error={form.error('ageGroup')} onChange={(ageGroup) => set({ ageGroup })} />
          <SelectField name={form.name('citizenship')} label={t('notify.citizenship')} optional placeholder={t('notify.citizenshipUnknown')} options={countryOptions(labels.lang)} value={v.citizenship} error={form.error('citizenship')} onChange={(e) => set({ citizenship: e.target.value })} />
          <CheckboxGroup name={form.name('exploitationForms')} legend={t('referral.formsLegend')} hint={t('referral.formsHint')} columns options={EXPLOITATION_FORMS.map((f) => ({ value: f.code, label: labels.cap(EXPLOITATION_FORMS, f.code) }))} values={v.exploitationForms} error={form.error('exploitationForms')} onChange={(exploitationForms) => set({ exploitationForms })} />
        </fieldset>
        <button type="submit" className="button" disabled={form.busy}>
          {form.busy ? t('referral.submitting') : t('notify.submit')}
        </button>
      </form>
      {seesCounts ? <RegionCounts key={sent?.id ?? 'none'} /> : null}
    </>
  );
}
