// /cases/new: a first responder's referral. The municipality decides which police region's
// coordinators receive it, and the form says so as soon as one is chosen.
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { EXPLOITATION_FORMS, MUNICIPALITIES, POLICE_REGIONS, REFERRAL_SOURCES, SEXES, municipalityByCode } from '../../../domain/index.js';
import { api, ApiError } from '../api.js';
import type { CaseView } from '../api-types.js';
import { apiErrorText } from '../api-error-text.js';
import { fieldErrorsFrom, fieldId, type FieldErrors } from '../field-errors.js';
import { emptyReferral, fieldNameOf, referralBody, REFERRAL_FIELDS, resolveCountries, validateReferral, type ReferralDraft } from '../referral-form.js';
import { useLabels } from '../hooks/use-labels.js';
import { useSession } from '../hooks/use-session.js';
import { isIsoDate } from '../format.js';
import { PageHeading } from '../components/page-heading.js';
import { Checkbox, CheckboxGroup, FieldHint, SelectField, TextAreaField, TextField } from '../components/fields.js';
import { CitizenshipPicker } from '../components/citizenship-picker.js';
import { ErrorSummary } from '../components/error-summary.js';
import { PersonCheckPanel, usePersonCheck } from '../components/persons/person-check-panel.js';

/** What the duplicate check is asked: the person part of the referral as it would be sent. */
const checkedPerson = (d: ReferralDraft) => {
  const { protectedIdentity: _protected, ...person } = referralBody(d).person;
  const within = (n: number | null, max: number) => (n !== null && n <= max ? n : null);
  return {
    ...person,
    birthDate: person.birthDate !== null && isIsoDate(person.birthDate) ? person.birthDate : null,
    birthYear: within(person.birthYear, 9999),
    estimatedAge: within(person.estimatedAge, 150),
  };
};

const MUNICIPALITY_OPTIONS = [...MUNICIPALITIES].sort((a, b) => a.name.localeCompare(b.name, 'sv')).map((m) => ({ value: m.code, label: m.name }));

export interface CaseCreatedState {
  created?: string;
}

export function CaseNewPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const session = useSession();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<ReferralDraft>(() => emptyReferral(session.user.organisation.kind));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [messages, setMessages] = useState<string[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const check = usePersonCheck();
  const checkNow = (force = false) => check.run(checkedPerson(draft), force);

  /** Updates one value and drops that field's error: the user is fixing it. */
  const set = <K extends keyof ReferralDraft>(key: K, value: ReferralDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    const name = fieldNameOf(key);
    setErrors((e) => (name in e ? Object.fromEntries(Object.entries(e).filter(([k]) => k !== name)) : e));
  };
  const region = municipalityByCode(draft.municipalityCode)?.region;

  /** Adds what is typed in the citizenship box; returns the new list, or null if something did not match. */
  const addCitizenships = (): string[] | null => {
    const { codes, unknown } = resolveCountries(draft.citizenshipText, labels.lang);
    const merged = [...new Set([...draft.citizenships, ...codes])];
    setDraft((d) => ({ ...d, citizenships: merged, citizenshipText: unknown.join(', ') }));
    setErrors((e) => {
      const rest = Object.fromEntries(Object.entries(e).filter(([k]) => k !== 'person.citizenships'));
      return unknown.length > 0 ? { ...rest, 'person.citizenships': t('referral.errCountry', { value: unknown.join(', ') }) } : rest;
    });
    return unknown.length > 0 ? null : merged;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAttempt((a) => a + 1);
    setMessages([]);
    const citizenships = addCitizenships();
    const complete = { ...draft, citizenships: citizenships ?? draft.citizenships };
    const found = validateReferral(complete, t);
    if (citizenships === null) {
      found['person.citizenships'] = t('referral.errCountry', { value: resolveCountries(draft.citizenshipText, labels.lang).unknown.join(', ') });
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;

    setBusy(true);
    api
      .post<CaseView>('/cases', referralBody(complete))
      .then((created) => navigate(`/cases/${created.id}`, { state: { created: created.ref } satisfies CaseCreatedState }))
      .catch((err: unknown) => {
        setBusy(false);
        setAttempt((a) => a + 1);
        if (err instanceof ApiError && err.fields.length > 0) {
          const mapped = fieldErrorsFrom(err.fields, REFERRAL_FIELDS);
          setErrors(mapped.errors);
          setMessages(mapped.rest);
        } else {
          setMessages([apiErrorText(err, t)]);
        }
      });
  };

  return (
    <>
      <PageHeading title={t('referral.title')} />
      <p className="lead">{t('referral.intro')}</p>
      <ErrorSummary errors={errors} messages={messages} attempt={attempt} />
      <form className="form" onSubmit={submit} noValidate>
        <fieldset className="form-section">
          <legend>
            <h2>{t('referral.personLegend')}</h2>
          </legend>
          <div className="field-row">
            <TextField name="person.givenNames" label={t('referral.givenNames')} autoComplete="off" value={draft.givenNames} error={errors['person.givenNames']} onChange={(e) => set('givenNames', e.target.value)} onBlur={() => checkNow()} />
            <TextField name="person.familyNames" label={t('referral.familyNames')} autoComplete="off" value={draft.familyNames} error={errors['person.familyNames']} onChange={(e) => set('familyNames', e.target.value)} onBlur={() => checkNow()} />
          </div>
          <TextField name="person.aliases" label={t('referral.aliases')} hint={t('referral.aliasesHint')} optional autoComplete="off" value={draft.aliases} error={errors['person.aliases']} onChange={(e) => set('aliases', e.target.value)} />
          <SelectField
            name="person.sex"
            label={t('referral.sex')}
            options={SEXES.map((s) => ({ value: s.code, label: labels.cap(SEXES, s.code) }))}
            value={draft.sex}
            error={errors['person.sex']}
            onChange={(e) => set('sex', SEXES.find((s) => s.code === e.target.value)?.code ?? 'unknown')}
          />
          <fieldset className="field subfieldset" aria-describedby={`${fieldId('age')}-hint`}>
            <legend className="field-label">{t('referral.ageLegend')}</legend>
            <FieldHint id={fieldId('age')}>{t('referral.ageHint')}</FieldHint>
            <div className="age-row">
              <TextField name="person.birthDate" label={t('referral.birthDate')} hint={t('common.dateHint')} autoComplete="off" spellCheck={false} className="field-date" value={draft.birthDate} error={errors['person.birthDate']} onChange={(e) => set('birthDate', e.target.value)} onBlur={() => checkNow()} />
              <TextField name="person.birthYear" label={t('referral.birthYear')} inputMode="numeric" autoComplete="off" value={draft.birthYear} error={errors['person.birthYear']} onChange={(e) => set('birthYear', e.target.value)} onBlur={() => checkNow()} />
              <TextField name="person.estimatedAge" label={t('referral.estimatedAge')} inputMode="numeric" autoComplete="off" value={draft.estimatedAge} error={errors['person.estimatedAge']} onChange={(e) => set('estimatedAge', e.target.value)} onBlur={() => checkNow()} />
            </div>
          </fieldset>
          <CitizenshipPicker
            name="person.citizenships"
            values={draft.citizenships}
            text={draft.citizenshipText}
            error={errors['person.citizenships']}
            onTextChange={(text) => set('citizenshipText', text)}
            onAdd={() => void addCitizenships()}
            onRemove={(code) => set('citizenships', draft.citizenships.filter((c) => c !== code))}
          />
          <PersonCheckPanel state={check.state} onSearch={() => checkNow(true)} coordinator={session.user.roles.includes('coordinator')} />
          <Checkbox name="person.protectedIdentity" label={t('referral.protectedIdentity')} hint={t('referral.protectedIdentityHint')} checked={draft.protectedIdentity} onChange={(e) => set('protectedIdentity', e.target.checked)} />
        </fieldset>

        <fieldset className="form-section">
          <legend>
            <h2>{t('referral.caseLegend')}</h2>
          </legend>
          <SelectField
            name="municipalityCode"
            label={t('referral.municipality')}
            placeholder={t('referral.chooseMunicipality')}
            options={MUNICIPALITY_OPTIONS}
            value={draft.municipalityCode}
            error={errors.municipalityCode}
            describedByExtra="routing-note"
            onChange={(e) => set('municipalityCode', e.target.value)}
          />
          <p id="routing-note" className={region ? 'routing-note routing-note-set' : 'routing-note'} aria-live="polite">
            {region ? t('referral.routing', { region: labels.label(POLICE_REGIONS, region) }) : t('referral.routingNone')}
          </p>
          <SelectField
            name="referralSource"
            label={t('referral.source')}
            hint={t('referral.sourceHint')}
            placeholder={t('referral.chooseSource')}
            options={REFERRAL_SOURCES.map((s) => ({ value: s.code, label: labels.cap(REFERRAL_SOURCES, s.code) }))}
            value={draft.referralSource}
            error={errors.referralSource}
            onChange={(e) => set('referralSource', e.target.value)}
          />
          <TextField name="referredOn" label={t('referral.referredOn')} hint={t('common.dateHint')} autoComplete="off" spellCheck={false} className="field-date" value={draft.referredOn} error={errors.referredOn} onChange={(e) => set('referredOn', e.target.value)} />
          <CheckboxGroup
            name="exploitationForms"
            legend={t('referral.formsLegend')}
            hint={t('referral.formsHint')}
            columns
            options={EXPLOITATION_FORMS.map((f) => ({ value: f.code, label: labels.cap(EXPLOITATION_FORMS, f.code) }))}
            values={draft.exploitationForms}
            error={errors.exploitationForms}
            onChange={(values) => set('exploitationForms', values)}
          />
          <TextAreaField name="summary" label={t('referral.summary')} hint={t('referral.summaryHint')} rows={6} value={draft.summary} error={errors.summary} onChange={(e) => set('summary', e.target.value)} />
        </fieldset>

        <button type="submit" className="button" disabled={busy}>
          {busy ? t('referral.submitting') : t('referral.submit')}
        </button>
      </form>
    </>
  );
}
