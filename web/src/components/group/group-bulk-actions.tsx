// Bulk actions over the chosen members of a group: refer to one organisation for one purpose
// (each person's own consent still decides: the server refuses the whole command and names every
// case without a sharing basis, and the coordinator can then send to the others), record the same
// police report, record consent collected from each person, or take the cases on.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONSENT_STATUSES, REFERRAL_PURPOSES } from '../../../../domain/process/referral-purposes.js';
import { api, type ApiError } from '../../api.js';
import type { BulkResult, GroupMember, GroupView } from '../../api-types-process.js';
import { apiErrorText } from '../../api-error-text.js';
import type { FieldErrors } from '../../field-errors.js';
import { isIsoDate, todayIso } from '../../format.js';
import { useApiForm } from '../../hooks/use-api-form.js';
import { useLabels } from '../../hooks/use-labels.js';
import { useOrganisations } from '../../hooks/use-organisations.js';
import { useSession } from '../../hooks/use-session.js';
import { ErrorSummary } from '../error-summary.js';
import { Checkbox, DateField, RadioGroup, SelectField, TextAreaField, TextField } from '../fields.js';
import { PurposeRecipientFields } from '../purpose-recipient.js';
import { classificationOptions } from '../case/police-report-forms.js';
import { BulkResults, reasonText, type BulkOutcome } from './bulk-results.js';

type Action = 'referral' | 'consent' | 'police_report' | 'assign';
const FIELDS = ['action', 'purpose', 'toOrgId', 'recipientOrgId', 'message', 'status', 'recordedOn', 'givenBy', 'confirm', 'reportedOn', 'classification', 'policeRef'] as const;

interface Props {
  group: GroupView;
  selected: string[];
  onDone: () => void;
}

export function GroupBulkActions({ group, selected, onDone }: Props) {
  const { t } = useTranslation();
  const labels = useLabels();
  const session = useSession();
  const orgs = useOrganisations();
  const form = useApiForm('bulk', FIELDS);
  const [action, setAction] = useState<Action>('referral');
  const [purpose, setPurpose] = useState('');
  const [orgId, setOrgId] = useState('');
  const [message, setMessage] = useState('');
  const [status, setStatus] = useState('given');
  const [recordedOn, setRecordedOn] = useState(todayIso());
  const [givenBy, setGivenBy] = useState('person');
  const [confirm, setConfirm] = useState(false);
  const [reportedOn, setReportedOn] = useState(todayIso());
  const [classification, setClassification] = useState('');
  const [policeRef, setPoliceRef] = useState('');
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const [working, setWorking] = useState(false);
  const byId = new Map<string, GroupMember>(group.members.map((m) => [m.caseId, m]));
  const refOf = (id: string) => byId.get(id)?.ref ?? id;
  const orgName = orgs?.find((o) => o.id === orgId)?.name ?? '';

  const check = (): FieldErrors => {
    const found: FieldErrors = {};
    if (selected.length === 0) found[form.name('action')] = t('groups.errChooseMembers');
    if (action === 'referral' || action === 'consent') {
      if (purpose === '') found[form.name('purpose')] = t('refer.errPurpose');
      if (orgId === '') found[form.name(action === 'referral' ? 'toOrgId' : 'recipientOrgId')] = t('refer.errRecipient');
    }
    if (action === 'consent') {
      if (!isIsoDate(recordedOn)) found[form.name('recordedOn')] = t('common.errDate');
      if (!confirm) found[form.name('confirm')] = t('groups.errConfirm');
    }
    if (action === 'police_report') {
      if (!isIsoDate(reportedOn)) found[form.name('reportedOn')] = t('common.errDate');
      if (classification === '') found[form.name('classification')] = t('criminal.errClassification');
    }
    return found;
  };

  const done = (title: string, result: BulkResult, text: string) => {
    setOutcome({ kind: 'done', title, lines: result.results.map((r) => ({ ref: r.ref, text, ok: true })) });
    onDone();
  };

  const refuse = (err: ApiError, caseIds: string[]): boolean => {
    const refusals = err.fields
      .map((f) => /^(?:body\.)?caseIds\.(\d+)$/.exec(f.path))
      .map((m, i) => (m ? { index: Number(m[1]), message: err.fields[i]!.message } : null))
      .filter((x): x is { index: number; message: string } => x !== null)
      .map(({ index, message }) => {
        const caseId = caseIds[index] ?? '';
        const reason = message.includes(': ') ? message.slice(message.indexOf(': ') + 2) : message;
        return { caseId, ref: refOf(caseId), reason: reasonText(reason, t) };
      });
    if (refusals.length === 0) return false;
    const refused = new Set(refusals.map((r) => r.caseId));
    const others = caseIds.filter((id) => !refused.has(id));
    setOutcome({ kind: 'refused', title: t('groups.refusedTitle', { count: new Set(refusals.map((r) => r.caseId)).size, total: caseIds.length }), refusals, others });
    return true;
  };

  const sendReferrals = (caseIds: string[]) => {
    setOutcome(null);
    form.submit({
      check,
      request: () => api.post<BulkResult>(`/groups/${group.id}/bulk/referrals`, { caseIds, toOrgId: orgId, purpose, ...(message.trim() ? { message: message.trim() } : {}) }),
      onSuccess: (r) => done(t('groups.referralsSent', { count: r.results.length, purpose: labels.label(REFERRAL_PURPOSES, purpose), recipient: orgName }), r, t('groups.lineReferred')),
      onError: (err) => refuse(err, caseIds),
    });
  };

  const recordConsents = async () => {
    setWorking(true);
    const lines: { ref: string; text: string; ok: boolean }[] = [];
    // One record per person, each in its own request: consent is individual, never a group's.
    for (const caseId of selected) {
      try {
        await api.post(`/cases/${caseId}/consents`, { purpose, recipientOrgId: orgId, status, recordedOn, givenBy });
        lines.push({ ref: refOf(caseId), text: t('groups.lineConsent', { status: labels.label(CONSENT_STATUSES, status) }), ok: true });
      } catch (err) {
        lines.push({ ref: refOf(caseId), text: apiErrorText(err, t), ok: false });
      }
    }
    setWorking(false);
    setConfirm(false);
    setOutcome({ kind: 'done', title: t('groups.consentsRecorded', { count: lines.filter((l) => l.ok).length, total: lines.length }), lines });
    onDone();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setOutcome(null);
    switch (action) {
      case 'referral':
        sendReferrals(selected);
        return;
      case 'consent':
        form.submit({ check, request: recordConsents, onSuccess: () => undefined });
        return;
      case 'police_report':
        form.submit({
          check,
          request: () => api.post<BulkResult>(`/groups/${group.id}/bulk/police-report`, { caseIds: selected, reportedOn, classification, policeRef: policeRef.trim() }),
          onSuccess: (r) => done(t('groups.reportsRecorded', { count: r.results.length }), r, t('groups.lineReported')),
        });
        return;
      case 'assign':
        form.submit({
          check,
          request: () => api.post<BulkResult>(`/groups/${group.id}/bulk/assign`, { caseIds: selected, userId: session.user.id }),
          onSuccess: (r) => done(t('groups.assigned', { count: r.results.length }), r, t('groups.lineAssigned', { name: session.user.displayName })),
        });
        return;
    }
  };

  const actionOptions: { value: Action; label: string }[] = [
    { value: 'referral', label: t('groups.actionReferral') },
    { value: 'consent', label: t('groups.actionConsent') },
    { value: 'police_report', label: t('groups.actionPolice') },
    { value: 'assign', label: t('groups.actionAssign', { name: session.user.displayName }) },
  ];

  return (
    <section className="panel" aria-labelledby="bulk-heading">
      <h2 id="bulk-heading">{t('groups.bulkHeading')}</h2>
      <p className="field-hint" aria-live="polite">
        {t('groups.selectedCount', { count: selected.length, total: group.members.length })}
      </p>
      {outcome ? <BulkResults outcome={outcome} busy={form.busy} onSendOthers={() => outcome.kind === 'refused' && sendReferrals(outcome.others)} /> : null}
      <form className="form" onSubmit={submit} noValidate aria-labelledby="bulk-heading">
        <ErrorSummary errors={form.errors} messages={form.messages} attempt={form.attempt} level={3} />
        <RadioGroup name={form.name('action')} legend={t('groups.action')} options={actionOptions} value={action} error={form.error('action')} onChange={(v) => setAction(v as Action)} />
        {action === 'referral' || action === 'consent' ? (
          <PurposeRecipientFields form={form} purpose={purpose} recipient={orgId} recipientField={action === 'referral' ? 'toOrgId' : 'recipientOrgId'} onPurpose={setPurpose} onRecipient={setOrgId} />
        ) : null}
        {action === 'referral' ? (
          <>
            <p className="field-hint">{t('groups.referralNote')}</p>
            <TextAreaField name={form.name('message')} label={t('refer.message')} optional rows={2} value={message} error={form.error('message')} onChange={(e) => setMessage(e.target.value)} />
          </>
        ) : null}
        {action === 'consent' ? (
          <>
            <RadioGroup name={form.name('status')} legend={t('refer.consentStatus')} inline options={CONSENT_STATUSES.map((s) => ({ value: s.code, label: labels.cap(CONSENT_STATUSES, s.code) }))} value={status} onChange={setStatus} />
            <DateField name={form.name('recordedOn')} label={t('refer.recordedOn')} value={recordedOn} error={form.error('recordedOn')} onChange={(e) => setRecordedOn(e.target.value)} />
            <RadioGroup
              name={form.name('givenBy')}
              legend={t('refer.givenBy')}
              inline
              options={[
                { value: 'person', label: t('refer.givenByPerson') },
                { value: 'guardian', label: t('refer.givenByGuardian') },
              ]}
              value={givenBy}
              onChange={setGivenBy}
            />
            <div className={form.error('confirm') ? 'field-has-error' : undefined}>
              {form.error('confirm') ? (
                <p className="field-error" id="f-bulk-confirm-error">
                  {form.error('confirm')}
                </p>
              ) : null}
              <Checkbox name={form.name('confirm')} label={t('groups.confirmConsent')} checked={confirm} aria-invalid={form.error('confirm') ? true : undefined} aria-describedby={form.error('confirm') ? 'f-bulk-confirm-error' : undefined} onChange={(e) => setConfirm(e.target.checked)} />
            </div>
          </>
        ) : null}
        {action === 'police_report' ? (
          <>
            <DateField name={form.name('reportedOn')} label={t('criminal.reportedOn')} value={reportedOn} error={form.error('reportedOn')} onChange={(e) => setReportedOn(e.target.value)} />
            <SelectField name={form.name('classification')} label={t('criminal.classification')} placeholder={t('common.choose')} options={classificationOptions(labels, t('criminal.noInjuredPartyMark'))} value={classification} error={form.error('classification')} onChange={(e) => setClassification(e.target.value)} />
            <TextField name={form.name('policeRef')} label={t('criminal.policeRef')} optional autoComplete="off" value={policeRef} onChange={(e) => setPoliceRef(e.target.value)} />
          </>
        ) : null}
        <button type="submit" className="button" disabled={form.busy || working}>
          {form.busy || working ? t('case.working') : t('groups.bulkSubmit', { count: selected.length })}
        </button>
      </form>
    </section>
  );
}
