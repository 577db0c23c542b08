// The Assessment tab: the assessment in force, the form while an assessment is in progress, and
// the history of every assessment with the superseded ones marked.
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../api-types.js';
import type { Assessment, ProcessView } from '../../api-types-process.js';
import { apiErrorText } from '../../api-error-text.js';
import { useApiQuery } from '../../hooks/use-api-query.js';
import { Loading } from '../guards.js';
import { ErrorNotice } from '../notice.js';
import { AssessmentForm } from './assessment-form.js';
import { AssessmentDetails, AssessmentHistory, decisionText } from './assessment-history.js';
import { useForbiddenHides } from './section-state.js';

interface Props {
  view: CaseView;
  process: ProcessView;
  onChanged: (next: ProcessView, message: string) => void;
  onForbidden: () => void;
}

export function AssessmentTab({ view, process, onChanged, onForbidden }: Props) {
  const { t } = useTranslation();
  const history = useApiQuery<{ items: Assessment[] }>(`/cases/${view.id}/assessments`, { keep: true });
  useForbiddenHides(history.error, onForbidden);
  const deciding = process.allowedTransitions.includes('decide_reason_to_assume');
  const current = process.assessment;

  return (
    <>
      <h2>{t('tabs.assessment')}</h2>
      {current ? (
        <section className="panel" aria-labelledby="current-assessment-heading">
          <h3 id="current-assessment-heading">
            {t('assessment.currentHeading')}: {decisionText(current.decision, t)}
          </h3>
          <AssessmentDetails a={current} />
        </section>
      ) : (
        <p>{t('assessment.none')}</p>
      )}
      {deciding ? (
        <AssessmentForm key={process.version} view={view} process={process} onSaved={(next) => {
            onChanged(next, t('assessment.saved'));
            history.reload();
          }} />
      ) : process.allowedTransitions.includes('start_assessment') ? (
        <p className="muted">{t('assessment.startFirst')}</p>
      ) : null}
      {history.loading ? <Loading /> : null}
      {history.error && history.error.status !== 403 ? <ErrorNotice>{apiErrorText(history.error, t)}</ErrorNotice> : null}
      {history.data ? <AssessmentHistory items={history.data.items} /> : null}
    </>
  );
}
