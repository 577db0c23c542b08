// The Criminal process tab: police reports with the prosecution decision, judgment and damages,
// and a warning when every report is of a crime that gives the person no injured-party status
// (then there is no right to damages in the criminal case; DOMAIN.md §3.5).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CLASSIFICATIONS, JUDGMENT_OUTCOMES, PROSECUTION_DECISIONS } from '../../../../domain/process/criminal-process.js';
import type { CaseView } from '../../api-types.js';
import type { CriminalView, PoliceReport } from '../../api-types-process.js';
import { apiErrorText } from '../../api-error-text.js';
import { formatDate } from '../../format.js';
import { useApiQuery } from '../../hooks/use-api-query.js';
import { useLabels } from '../../hooks/use-labels.js';
import { Badge } from '../badges.js';
import { Loading } from '../guards.js';
import { ErrorNotice, SuccessNotice } from '../notice.js';
import { PoliceReportForm, PoliceReportUpdateForm } from './police-report-forms.js';
import { useForbiddenHides } from './section-state.js';

function ReportCard({ report, abilities, onChanged }: { report: PoliceReport; abilities: CriminalView['abilities']; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const [editing, setEditing] = useState(false);
  const formId = useId();
  const mayEdit = abilities.updateReport || abilities.recordInjuredParty || abilities.recordProsecution;
  const row = (term: string, value: string) => (
    <div className="facts-row">
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <li className="card" data-testid="police-report">
      <h4 className="card-title">
        {t('criminal.reportTitle', { date: formatDate(report.reportedOn) })}: {labels.label(CLASSIFICATIONS, report.classification)}{' '}
        {report.injuredParty ? <Badge tone="info">{t('criminal.isInjuredParty')}</Badge> : <Badge tone="danger">{t('criminal.notInjuredParty')}</Badge>}
      </h4>
      <dl className="facts facts-compact">
        {report.policeRef ? row(t('criminal.policeRef'), report.policeRef) : null}
        {row(t('criminal.prosecutionDecision'), labels.cap(PROSECUTION_DECISIONS, report.prosecutionDecision) + (report.prosecutionDecidedOn ? ` (${formatDate(report.prosecutionDecidedOn)})` : ''))}
        {report.judgmentOutcome ? row(t('criminal.judgment'), `${labels.cap(JUDGMENT_OUTCOMES, report.judgmentOutcome)}${report.judgmentOn ? ` (${formatDate(report.judgmentOn)})` : ''}`) : null}
        {report.damagesAwardedSek !== null ? row(t('criminal.damages'), t('criminal.sek', { amount: report.damagesAwardedSek.toLocaleString('sv-SE') })) : null}
      </dl>
      {mayEdit ? (
        <button type="button" className="button button-secondary button-small" aria-expanded={editing} aria-controls={formId} onClick={() => setEditing((e) => !e)}>
          {t('criminal.updateHeading')}
        </button>
      ) : null}
      <div id={formId}>
        {editing ? (
          <PoliceReportUpdateForm
            report={report}
            abilities={abilities}
            onCancel={() => setEditing(false)}
            onDone={() => {
              setEditing(false);
              onChanged(t('criminal.updated'));
            }}
          />
        ) : null}
      </div>
    </li>
  );
}

export function CriminalTab({ view, onChanged, onForbidden }: { view: CaseView; onChanged: () => void; onForbidden: () => void }) {
  const { t } = useTranslation();
  const query = useApiQuery<CriminalView>(`/cases/${view.id}/criminal`, { keep: true });
  const [notice, setNotice] = useState<string | null>(null);
  useForbiddenHides(query.error, onForbidden);
  const changed = (message: string) => {
    setNotice(message);
    query.reload();
    onChanged();
  };
  const data = query.data;

  return (
    <>
      <h2>{t('tabs.criminal')}</h2>
      {notice ? <SuccessNotice>{notice}</SuccessNotice> : null}
      {query.loading ? <Loading /> : null}
      {query.error && query.error.status !== 403 ? <ErrorNotice>{apiErrorText(query.error, t)}</ErrorNotice> : null}
      {data ? (
        <>
          {data.flags.noInjuredPartyStatus ? (
            <div className="callout callout-warning" data-testid="no-injured-party">
              <p className="callout-title">
                <span aria-hidden="true">⚠ </span>
                {t('criminal.flagTitle')}
              </p>
              <p>{t('criminal.flagText')}</p>
            </div>
          ) : null}
          <section className="panel" aria-labelledby="reports-heading">
            <h3 id="reports-heading">{t('criminal.reportsHeading')}</h3>
            {data.reports.length === 0 ? (
              <p>{t('criminal.none')}</p>
            ) : (
              <ul className="card-list">
                {data.reports.map((r) => (
                  <ReportCard key={`${r.id}-${r.version}`} report={r} abilities={data.abilities} onChanged={changed} />
                ))}
              </ul>
            )}
          </section>
          {data.abilities.report ? (
            <section className="panel">
              <PoliceReportForm caseId={view.id} onRecorded={() => changed(t('criminal.recorded'))} />
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
