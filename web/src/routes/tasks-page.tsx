// /tasks: deadlines that need someone: reflection periods running out, referrals not answered,
// ÅMP follow-ups, assessments pending too long. Mine or my organisation's, open or done; overdue
// ones first, marked with a sign and a word as well as colour.
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { REFERRAL_PURPOSES } from '../../../domain/process/referral-purposes.js';
import { api, queryString } from '../api.js';
import type { Page } from '../api-types.js';
import type { Task } from '../api-types-process.js';
import { apiErrorText } from '../api-error-text.js';
import { formatDate, formatDateTime } from '../format.js';
import { useApiQuery } from '../hooks/use-api-query.js';
import { useLabels, type Labels } from '../hooks/use-labels.js';
import { useWorkCounts } from '../hooks/use-work-counts.js';
import { OverdueBadge } from '../components/badges.js';
import { Loading } from '../components/guards.js';
import { ErrorNotice, SuccessNotice } from '../components/notice.js';
import { PageHeading } from '../components/page-heading.js';
import { Pagination } from '../components/pagination.js';
import { TableWrap } from '../components/table-wrap.js';
import { overdueFirst } from './inbox-page.js';

const PAGE_SIZE = 50;

function str(data: Record<string, unknown>, key: string): string {
  const v = data[key];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

function taskDetail(task: Task, t: TFunction, labels: Labels): string {
  const d = task.data;
  switch (task.kind) {
    case 'reflection_ending':
      return t('tasks.detailReflection', { until: formatDate(str(d, 'validUntil')) });
    case 'referral_overdue':
      return t(str(d, 'audience') === 'recipient' ? 'tasks.detailReferralRecipient' : 'tasks.detailReferralSender', {
        purpose: labels.label(REFERRAL_PURPOSES, str(d, 'purpose')),
        date: formatDate(str(d, 'respondBy')),
      });
    case 'amp_followup_due':
      return t('tasks.detailAmp', { n: str(d, 'followup'), date: formatDate(str(d, 'returnedOn')) });
    case 'assessment_pending':
      return t('tasks.detailAssessment', { since: formatDate(str(d, 'since')), days: str(d, 'pendingDays') });
    default:
      return '';
  }
}

function Segment({ label, options, current, param }: { label: string; options: { value: string; text: string }[]; current: string; param: string }) {
  const [params] = useSearchParams();
  return (
    <nav className="segments" aria-label={label}>
      <ul>
        {options.map((o) => {
          const next = new URLSearchParams(params);
          next.set(param, o.value);
          next.delete('page');
          return (
            <li key={o.value}>
              <Link to={`?${next.toString()}`} aria-current={current === o.value ? 'true' : undefined} className="segment">
                {o.text}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export function TasksPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const counts = useWorkCounts();
  const [params] = useSearchParams();
  const scope = params.get('scope') === 'mine' ? 'mine' : 'organisation';
  const status = params.get('status') === 'done' ? 'done' : 'open';
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const tasks = useApiQuery<Page<Task>>(`/tasks${queryString({ scope, status, page, pageSize: PAGE_SIZE })}`, { keep: true });
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const caption = t('tasks.caption');

  const complete = (task: Task) => {
    setBusy(task.id);
    setProblem(null);
    api
      .post<Task>(`/tasks/${task.id}/complete`, {})
      .then(() => {
        setBusy(null);
        setNotice(t('tasks.completed', { kind: task.kindLabel[labels.lang] }));
        tasks.reload();
        counts.refresh();
      })
      .catch((err: unknown) => {
        setBusy(null);
        setProblem(apiErrorText(err, t));
      });
  };

  return (
    <>
      <PageHeading title={t('tasks.title')} />
      <p className="lead">{t('tasks.intro')}</p>
      <div className="segment-bar">
        <Segment label={t('tasks.scopeLabel')} param="scope" current={scope} options={[{ value: 'mine', text: t('tasks.mine') }, { value: 'organisation', text: t('tasks.organisation') }]} />
        <Segment label={t('tasks.statusLabel')} param="status" current={status} options={[{ value: 'open', text: t('tasks.open') }, { value: 'done', text: t('tasks.done') }]} />
      </div>
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      {problem ? <ErrorNotice>{problem}</ErrorNotice> : null}
      {tasks.loading ? <Loading /> : null}
      {tasks.error ? <ErrorNotice>{apiErrorText(tasks.error, t)}</ErrorNotice> : null}
      {tasks.data ? (
        <>
          <p className="result-count" role="status">
            {t('tasks.count', { total: tasks.data.total, overdue: tasks.data.items.filter((x) => x.overdue).length })}
          </p>
          {tasks.data.items.length === 0 ? (
            <p>{status === 'open' ? t('tasks.emptyOpen') : t('tasks.emptyDone')}</p>
          ) : (
            <TableWrap label={caption}>
              <table className="table">
                <caption className="visually-hidden">{caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('tasks.colTask')}</th>
                    <th scope="col">{t('tasks.colCase')}</th>
                    <th scope="col">{t('tasks.colDue')}</th>
                    <th scope="col">{status === 'open' ? t('tasks.colOwner') : t('tasks.colDone')}</th>
                    {status === 'open' ? <th scope="col">{t('common.actions')}</th> : null}
                  </tr>
                </thead>
                <tbody>
                  {overdueFirst(tasks.data.items).map((task) => (
                    <tr key={task.id} className={task.overdue ? 'row-overdue' : undefined} data-testid="task-row">
                      <th scope="row">
                        {task.kindLabel[labels.lang].replace(/^./, (c) => c.toLocaleUpperCase())}
                        <p className="cell-note">{taskDetail(task, t, labels)}</p>
                      </th>
                      <td className="nowrap">{task.caseId ? <Link to={`/cases/${task.caseId}`}>{task.caseRef}</Link> : <span className="muted">{t('tasks.caseHidden')}</span>}</td>
                      <td className="nowrap">
                        {formatDate(task.dueOn)} <OverdueBadge overdue={task.overdue} />
                      </td>
                      <td>
                        {status === 'open'
                          ? task.assignedToMe
                            ? t('tasks.ownerMe')
                            : task.userId
                              ? t('tasks.ownerColleague')
                              : t('tasks.ownerOrganisation')
                          : task.doneAt
                            ? `${formatDateTime(task.doneAt)}${task.closedAutomatically ? ` (${t('tasks.auto')})` : ''}`
                            : '–'}
                      </td>
                      {status === 'open' ? (
                        <td>
                          <button type="button" className="button button-small" disabled={busy === task.id} onClick={() => complete(task)} aria-label={t('tasks.completeFor', { kind: task.kindLabel[labels.lang], ref: task.caseRef ?? '' })}>
                            {t('tasks.complete')}
                          </button>
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
          <Pagination page={tasks.data.page} pageSize={tasks.data.pageSize} total={tasks.data.total} />
        </>
      ) : null}
    </>
  );
}
