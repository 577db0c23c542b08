// Recording a permit application (reflection period or witness permit): the applicant authority's
// kind and organisation, and the date. The server refuses a second reflection period application
// for the same person while one is pending or running (409 duplicate_reflection_application); the
// form then shows, prominently, which organisation already holds it.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { PERMIT_APPLICANTS, PERMIT_KINDS } from '../../../../domain/process/permits.js';
import { api } from '../../api.js';
import type { Permit } from '../../api-types-process.js';
import { isIsoDate, todayIso } from '../../format.js';
import { useApiForm } from '../../hooks/use-api-form.js';
import { useLabels } from '../../hooks/use-labels.js';
import { organisationsOfKinds, useOrganisations } from '../../hooks/use-organisations.js';
import { ErrorSummary } from '../error-summary.js';
import { Checkbox, DateField, RadioGroup, SelectField, TextAreaField } from '../fields.js';

const FIELDS = ['kind', 'applicantKind', 'applicantOrgId', 'viaCoordinator', 'submittedOn', 'note'] as const;

/** The organisation kind behind each kind of applicant (server permit.policy APPLICANT_ORG_KIND). */
const APPLICANT_ORG_KIND: Record<string, string> = { social_welfare_board: 'social_services', police: 'police', prosecution: 'prosecution' };

/** The guard's message in the reader's language; the server's English text when it cannot be read. */
export function duplicateText(message: string, t: TFunction): string {
  const m = /from (.+), submitted (\d{4}-\d{2}-\d{2}), is (pending|granted \(valid until (\d{4}-\d{2}-\d{2})\))/.exec(message);
  if (!m) return message;
  const state = m[3] === 'pending' ? t('permits.dupPending') : t('permits.dupGranted', { until: m[4] });
  return t('permits.dupText', { organisation: m[1], submitted: m[2], state });
}

export function PermitApplyForm({ caseId, onApplied }: { caseId: string; onApplied: (p: Permit) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const orgs = useOrganisations();
  const form = useApiForm('permit', FIELDS);
  const [kind, setKind] = useState('reflection');
  const [applicantKind, setApplicantKind] = useState('');
  const [applicantOrgId, setApplicantOrgId] = useState('');
  const [viaCoordinator, setViaCoordinator] = useState(false);
  const [submittedOn, setSubmittedOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const [duplicate, setDuplicate] = useState<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);
  // Focus moves to the alert once it has rendered (an animation frame could come before React's commit).
  useEffect(() => {
    if (duplicate) alertRef.current?.focus();
  }, [duplicate]);
  const applicants = PERMIT_APPLICANTS.filter((a) => kind !== 'witness' || a.code !== 'social_welfare_board');
  const fittingOrgs = organisationsOfKinds(orgs, applicantKind ? [APPLICANT_ORG_KIND[applicantKind]!] : []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDuplicate(null);
    form.submit({
      check: () => ({
        ...(applicantKind === '' ? { [form.name('applicantKind')]: t('permits.errApplicantKind') } : {}),
        ...(applicantOrgId === '' ? { [form.name('applicantOrgId')]: t('permits.errApplicantOrg') } : {}),
        ...(isIsoDate(submittedOn) ? {} : { [form.name('submittedOn')]: t('common.errDate') }),
      }),
      request: () =>
        api.post<Permit>(`/cases/${caseId}/permits`, {
          kind,
          applicantKind,
          applicantOrgId,
          viaCoordinator: applicantKind === 'social_welfare_board' && viaCoordinator,
          submittedOn,
          note: note.trim(),
        }),
      onSuccess: (p) => {
        setNote('');
        onApplied(p);
      },
      onError: (err) => {
        if (err.code !== 'duplicate_reflection_application') return false;
        setDuplicate(duplicateText(err.message, t));
        return true;
      },
    });
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="permit-apply-heading">
      <h3 id="permit-apply-heading">{t('permits.applyHeading')}</h3>
      {duplicate ? (
        <div className="notice notice-error notice-strong" role="alert" tabIndex={-1} ref={alertRef} data-testid="duplicate-guard">
          <h4>{t('permits.dupTitle')}</h4>
          <p>{duplicate}</p>
          <p>{t('permits.dupAdvice')}</p>
        </div>
      ) : null}
      <ErrorSummary errors={form.errors} messages={form.messages} attempt={form.attempt} level={4} />
      <RadioGroup
        name={form.name('kind')}
        legend={t('permits.kind')}
        options={PERMIT_KINDS.map((k) => ({ value: k.code, label: labels.cap(PERMIT_KINDS, k.code), hint: k.code === 'reflection' ? t('permits.kindReflectionHint') : t('permits.kindWitnessHint') }))}
        value={kind}
        error={form.error('kind')}
        onChange={(v) => {
          setKind(v);
          if (v === 'witness' && applicantKind === 'social_welfare_board') {
            setApplicantKind('');
            setApplicantOrgId('');
          }
        }}
      />
      <SelectField
        name={form.name('applicantKind')}
        label={t('permits.applicantKind')}
        hint={kind === 'witness' ? t('permits.applicantKindWitnessHint') : undefined}
        placeholder={t('common.choose')}
        options={applicants.map((a) => ({ value: a.code, label: labels.cap(PERMIT_APPLICANTS, a.code) }))}
        value={applicantKind}
        error={form.error('applicantKind')}
        onChange={(e) => {
          form.clear('applicantKind');
          setApplicantKind(e.target.value);
          setApplicantOrgId('');
        }}
      />
      <SelectField
        name={form.name('applicantOrgId')}
        label={t('permits.applicantOrg')}
        placeholder={applicantKind === '' ? t('permits.chooseApplicantKindFirst') : t('common.choose')}
        disabled={applicantKind === ''}
        options={fittingOrgs.map((o) => ({ value: o.id, label: o.name }))}
        value={applicantOrgId}
        error={form.error('applicantOrgId')}
        onChange={(e) => {
          form.clear('applicantOrgId');
          setApplicantOrgId(e.target.value);
        }}
      />
      {applicantKind === 'social_welfare_board' ? (
        <Checkbox name={form.name('viaCoordinator')} label={t('permits.viaCoordinator')} checked={viaCoordinator} onChange={(e) => setViaCoordinator(e.target.checked)} />
      ) : null}
      <DateField name={form.name('submittedOn')} label={t('permits.submittedOn')} value={submittedOn} error={form.error('submittedOn')} onChange={(e) => setSubmittedOn(e.target.value)} />
      <TextAreaField name={form.name('note')} label={t('permits.note')} optional rows={2} value={note} error={form.error('note')} onChange={(e) => setNote(e.target.value)} />
      <button type="submit" className="button" disabled={form.busy}>
        {form.busy ? t('case.working') : t('permits.applySubmit')}
      </button>
    </form>
  );
}
