// The support plan: the person's needs and the plan to meet them. Every save is a new version;
// the current one is shown first and the earlier ones stay as history.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SUPPORT_NEEDS } from '../../../../domain/process/support.js';
import { api } from '../../api.js';
import type { SupportPlan } from '../../api-types-process.js';
import { apiErrorText } from '../../api-error-text.js';
import { formatDateTime } from '../../format.js';
import { useApiForm } from '../../hooks/use-api-form.js';
import { useApiQuery } from '../../hooks/use-api-query.js';
import { useLabels } from '../../hooks/use-labels.js';
import { Disclosure } from '../disclosure.js';
import { ErrorSummary } from '../error-summary.js';
import { CheckboxGroup, TextAreaField } from '../fields.js';
import { Loading } from '../guards.js';
import { ErrorNotice, SuccessNotice } from '../notice.js';

function PlanView({ plan }: { plan: SupportPlan }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <>
      <p className="muted">{t('support.planMeta', { at: formatDateTime(plan.createdAt), by: plan.createdBy.name ?? '–' })}</p>
      <p>
        <strong>{t('support.needs')}:</strong> {plan.needs.map((n) => n[labels.lang]).join(', ')}
      </p>
      <p className="prewrap">{plan.plan}</p>
    </>
  );
}

function PlanForm({ caseId, current, onSaved }: { caseId: string; current: SupportPlan | undefined; onSaved: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const form = useApiForm('plan', ['needs', 'plan']);
  const [needs, setNeeds] = useState<string[]>(current?.needs.map((n) => n.code) ?? []);
  const [plan, setPlan] = useState(current?.plan ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    form.submit({
      check: () => ({
        ...(needs.length === 0 ? { [form.name('needs')]: t('support.errNeeds') } : {}),
        ...(plan.trim() === '' ? { [form.name('plan')]: t('support.errPlan') } : {}),
      }),
      request: () => api.post<SupportPlan>(`/cases/${caseId}/support-plan`, { needs, plan: plan.trim() }),
      onSuccess: onSaved,
    });
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-label={current ? t('support.planUpdate') : t('support.planCreate')}>
      <ErrorSummary errors={form.errors} messages={form.messages} attempt={form.attempt} level={5} />
      <CheckboxGroup
        name={form.name('needs')}
        legend={t('support.needs')}
        columns
        options={SUPPORT_NEEDS.map((n) => ({ value: n.code, label: labels.cap(SUPPORT_NEEDS, n.code) }))}
        values={needs}
        error={form.error('needs')}
        onChange={setNeeds}
      />
      <TextAreaField name={form.name('plan')} label={t('support.planText')} hint={t('support.planHint')} rows={5} value={plan} error={form.error('plan')} onChange={(e) => setPlan(e.target.value)} />
      <button type="submit" className="button" disabled={form.busy}>
        {form.busy ? t('case.working') : t('support.planSubmit')}
      </button>
    </form>
  );
}

export function SupportPlanPanel({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const query = useApiQuery<{ items: SupportPlan[] }>(`/cases/${caseId}/support-plan`, { keep: true });
  const [saved, setSaved] = useState(false);
  if (query.error?.status === 403) return null;
  const items = query.data?.items ?? [];
  const current = items.find((p) => p.current);
  return (
    <section className="panel" aria-labelledby="plan-heading">
      <h3 id="plan-heading">{t('support.planHeading')}</h3>
      {query.loading ? <Loading /> : null}
      {query.error ? <ErrorNotice>{apiErrorText(query.error, t)}</ErrorNotice> : null}
      {saved ? <SuccessNotice>{t('support.planSaved')}</SuccessNotice> : null}
      {query.data ? (
        <>
          {current ? <PlanView plan={current} /> : <p>{t('support.planNone')}</p>}
          {items.length > 1 ? (
            <details className="history-details">
              <summary>{t('support.planHistory', { count: items.length - 1 })}</summary>
              <ol className="history-list">
                {items
                  .filter((p) => !p.current)
                  .map((p) => (
                    <li key={p.id} className="history-superseded">
                      <PlanView plan={p} />
                    </li>
                  ))}
              </ol>
            </details>
          ) : null}
          {canWrite ? (
            <Disclosure key={current?.id ?? 'none'} label={current ? t('support.planUpdate') : t('support.planCreate')}>
              <PlanForm
                caseId={caseId}
                current={current}
                onSaved={() => {
                  setSaved(true);
                  query.reload();
                }}
              />
            </Disclosure>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
