// One assessment shown in full (elements, indicators, forms, reasons, who decided), and the list
// of every assessment of the case with the superseded ones marked.
import { useTranslation } from 'react-i18next';
import { EXPLOITATION_FORMS } from '../../../../domain/index.js';
import { LABOUR_SECTORS } from '../../../../domain/codelists/labour-sectors.js';
import { ACTS, LEGAL_BASES, MEANS, PURPOSES } from '../../../../domain/process/legal-elements.js';
import type { Assessment } from '../../api-types-process.js';
import { formatDate } from '../../format.js';
import { useLabels } from '../../hooks/use-labels.js';
import { Badge } from '../badges.js';

export function decisionText(decision: string, t: (k: 'assessment.decisionYes' | 'assessment.decisionNo') => string): string {
  return decision === 'reason_to_assume' ? t('assessment.decisionYes') : t('assessment.decisionNo');
}

export function AssessmentDetails({ a }: { a: Assessment }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const list = (codes: string[], codelist: Parameters<typeof labels.label>[0]) => (codes.length === 0 ? '–' : codes.map((c) => labels.label(codelist, c)).join(', '));
  return (
    <dl className="facts">
      <div className="facts-row">
        <dt>{t('assessment.legalBasis')}</dt>
        <dd>{a.legalBasis ? labels.cap(LEGAL_BASES, a.legalBasis) : '–'}</dd>
      </div>
      <div className="facts-row">
        <dt>{t('assessment.acts')}</dt>
        <dd>{list(a.acts, ACTS)}</dd>
      </div>
      <div className="facts-row">
        <dt>{t('assessment.means')}</dt>
        <dd>
          {list(a.means, MEANS)}
          {!a.meansRequired ? <span className="muted"> {t('assessment.meansNotRequired')}</span> : null}
        </dd>
      </div>
      <div className="facts-row">
        <dt>{t('assessment.purposes')}</dt>
        <dd>{list(a.purposes, PURPOSES)}</dd>
      </div>
      <div className="facts-row">
        <dt>{t('assessment.ageAtAssessment')}</dt>
        <dd>{a.ageAtAssessment === null ? t('process.ageUnknown') : t(a.isChild ? 'assessment.ageChildShort' : 'assessment.ageAdultShort', { years: a.ageAtAssessment })}</dd>
      </div>
      <div className="facts-row">
        <dt>{t('assessment.forms')}</dt>
        <dd>
          {list(a.exploitationForms, EXPLOITATION_FORMS)}
          {a.labourSector ? ` (${t('assessment.labourSector').toLocaleLowerCase()}: ${labels.label(LABOUR_SECTORS, a.labourSector)})` : ''}
        </dd>
      </div>
      <div className="facts-row">
        <dt>{t('assessment.indicators')}</dt>
        <dd>{a.indicators.length === 0 ? '–' : <ul className="plain-list">{a.indicators.map((i) => <li key={i.id}>{i[labels.lang]}</li>)}</ul>}</dd>
      </div>
      <div className="facts-row">
        <dt>{t('assessment.reasons')}</dt>
        <dd className="prewrap">{a.reasons}</dd>
      </div>
      <div className="facts-row">
        <dt>{t('assessment.decider')}</dt>
        <dd>{a.decider.name ?? '–'}</dd>
      </div>
    </dl>
  );
}

export function AssessmentHistory({ items }: { items: Assessment[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <section className="panel" aria-labelledby="assessment-history-heading">
      <h3 id="assessment-history-heading">{t('assessment.historyHeading')}</h3>
      {items.length === 0 ? (
        <p>{t('assessment.historyEmpty')}</p>
      ) : (
        <ol className="history-list">
          {items.map((a) => (
            <li key={a.id} className={a.current ? 'history-current' : 'history-superseded'}>
              <details>
                <summary>
                  <span className="nowrap">{formatDate(a.assessedOn)}</span> · {decisionText(a.decision, t)}
                  {a.legalBasis ? ` · ${labels.label(LEGAL_BASES, a.legalBasis)}` : ''}{' '}
                  {a.current ? <Badge tone="success">{t('assessment.current')}</Badge> : <Badge tone="neutral">{t('assessment.superseded')}</Badge>}
                </summary>
                <AssessmentDetails a={a} />
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
