// The case's place in the process: status, who handles it, and the next steps the process allows
// (the server's allowedTransitions) as buttons. Steps that need more than a click open a small
// form in place; the assessment decision opens the Assessment tab.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLOSURE_REASONS } from '../../../../domain/index.js';
import type { CaseTransition } from '../../../../domain/process/case-transitions.js';
import { api } from '../../api.js';
import type { ProcessView } from '../../api-types-process.js';
import { apiErrorText } from '../../api-error-text.js';
import { formatDate } from '../../format.js';
import { useLabels } from '../../hooks/use-labels.js';
import { useSession } from '../../hooks/use-session.js';
import { ErrorNotice } from '../notice.js';
import { CloseCaseForm, ReasonStepForm } from './transition-forms.js';

type OpenStep = 'close' | 'reassess' | 'reopen' | null;

interface ProcessBarProps {
  process: ProcessView;
  onChanged: (next: ProcessView, message: string) => void;
  onOpenAssessment: () => void;
}

export function ProcessBar({ process, onChanged, onOpenAssessment }: ProcessBarProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const session = useSession();
  const [open, setOpen] = useState<OpenStep>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const colleagues = process.assignableUsers.filter((u) => u.id !== session.user.id && u.id !== process.assignedUser?.id);
  const [colleague, setColleague] = useState('');
  const steps = new Set<CaseTransition>(process.allowedTransitions);
  const coordinates = process.allowedTransitions.length > 0;
  const age = process.ageAtToday;

  const post = (path: string, body: unknown, message: string) => {
    setBusy(true);
    setProblem(null);
    api
      .post<ProcessView>(`/cases/${process.caseId}/${path}`, body)
      .then((next) => {
        setBusy(false);
        onChanged(next, message);
      })
      .catch((err: unknown) => {
        setBusy(false);
        setProblem(apiErrorText(err, t));
      });
  };
  const done = (message: string) => (next: ProcessView) => {
    setOpen(null);
    onChanged(next, message);
  };
  const toggle = (step: Exclude<OpenStep, null>) => setOpen((o) => (o === step ? null : step));
  const ageText = () => {
    if (!age || age.years === null) return t('process.ageUnknown');
    const basis = { birth_date: t('process.ageBasisBirthDate'), birth_year: t('process.ageBasisBirthYear'), estimated: t('process.ageBasisEstimated') }[age.basis] ?? age.basis;
    return t(age.isChild ? 'process.ageChild' : 'process.ageAdult', { years: age.years, basis });
  };

  return (
    <section className="process-bar panel" aria-labelledby="process-heading">
      <h2 id="process-heading" className="process-heading">
        {t('process.heading')}
      </h2>
      <dl className="process-facts">
        <div>
          <dt>{t('process.assignee')}</dt>
          <dd data-testid="assignee">{process.assignedUser ? process.assignedUser.name : <span className="muted">{t('process.nobody')}</span>}</dd>
        </div>
        {process.detailsVisible ? (
          <div>
            <dt>{t('process.ageToday')}</dt>
            <dd>{ageText()}</dd>
          </div>
        ) : null}
        {process.closedOn ? (
          <div>
            <dt>{t('process.closedOn')}</dt>
            <dd>
              {formatDate(process.closedOn)}
              {process.closureReason ? ` (${labels.label(CLOSURE_REASONS, process.closureReason)})` : ''}
            </dd>
          </div>
        ) : null}
      </dl>

      {coordinates ? (
        <div className="process-steps" role="group" aria-label={t('process.nextSteps')}>
          {steps.has('start_assessment') ? (
            <button type="button" className="button" disabled={busy} onClick={() => post('start-assessment', { version: process.version }, t('process.assessmentStarted'))}>
              {t('process.startAssessment')}
            </button>
          ) : null}
          {steps.has('decide_reason_to_assume') || steps.has('decide_no_reason_to_assume') ? (
            <button type="button" className="button" onClick={onOpenAssessment}>
              {t('process.recordAssessment')}
            </button>
          ) : null}
          {steps.has('start_support') ? (
            <button type="button" className="button" disabled={busy} onClick={() => post('start-support', { version: process.version }, t('process.supportStarted'))}>
              {t('process.startSupport')}
            </button>
          ) : null}
          {steps.has('reassess') ? (
            <button type="button" className="button button-secondary" aria-expanded={open === 'reassess'} aria-controls="process-step-form" onClick={() => toggle('reassess')}>
              {t('process.reassess')}
            </button>
          ) : null}
          {steps.has('reopen') ? (
            <button type="button" className="button button-secondary" aria-expanded={open === 'reopen'} aria-controls="process-step-form" onClick={() => toggle('reopen')}>
              {t('process.reopen')}
            </button>
          ) : null}
          {steps.has('close') ? (
            <button type="button" className="button button-secondary" aria-expanded={open === 'close'} aria-controls="process-step-form" onClick={() => toggle('close')}>
              {t('process.close')}
            </button>
          ) : null}
          {session.user.id !== process.assignedUser?.id ? (
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => post('assign', { version: process.version, userId: session.user.id }, t('process.assignedToMe'))}>
              {t('process.assignToMe')}
            </button>
          ) : null}
          {process.assignedUser ? (
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => post('assign', { version: process.version, userId: null }, t('process.unassigned'))}>
              {t('process.unassign')}
            </button>
          ) : null}
          {colleagues.length > 0 ? (
            <span className="inline-field">
              <label htmlFor="assign-colleague">{t('process.assignTo')}</label>
              <select id="assign-colleague" value={colleague} onChange={(e) => setColleague(e.target.value)}>
                <option value="">{t('common.choose')}</option>
                {colleagues.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="button button-secondary"
                disabled={busy || colleague === ''}
                onClick={() => {
                  const name = colleagues.find((u) => u.id === colleague)?.name ?? '';
                  post('assign', { version: process.version, userId: colleague }, t('process.assignedTo', { name }));
                  setColleague('');
                }}
              >
                {t('process.assignButton')}
              </button>
            </span>
          ) : null}
        </div>
      ) : null}
      {problem ? <ErrorNotice>{problem}</ErrorNotice> : null}
      <div id="process-step-form">
        {open === 'close' ? <CloseCaseForm process={process} onDone={done(t('process.closed'))} onCancel={() => setOpen(null)} /> : null}
        {open === 'reassess' ? <ReasonStepForm step="reassess" process={process} onDone={done(t('process.reassessOpened'))} onCancel={() => setOpen(null)} /> : null}
        {open === 'reopen' ? <ReasonStepForm step="reopen" process={process} onDone={done(t('process.reopened'))} onCancel={() => setOpen(null)} /> : null}
      </div>
    </section>
  );
}
