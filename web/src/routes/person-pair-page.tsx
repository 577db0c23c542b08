// /persons/review/:id: one candidate pair. The evidence (which fields agree and how strongly),
// the two records side by side as far as the coordinator may see them, and the decision:
// merge (with a choice where the records conflict) or "not the same person".
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { CandidateDetail } from '../api-types-persons.js';
import { apiErrorText } from '../api-error-text.js';
import { formatDate } from '../format.js';
import { useApiQuery } from '../hooks/use-api-query.js';
import { useLabels } from '../hooks/use-labels.js';
import { Loading } from '../components/guards.js';
import { ErrorNotice, SuccessNotice } from '../components/notice.js';
import { PageHeading } from '../components/page-heading.js';
import { CorroborationNote } from '../components/persons/corroboration-note.js';
import { EvidenceChart } from '../components/persons/evidence-chart.js';
import { percent } from '../components/persons/evidence-words.js';
import { PairSides } from '../components/persons/pair-sides.js';
import { MergeForm } from '../components/persons/merge-form.js';
import { NotSameForm } from '../components/persons/not-same-form.js';
import { statusWord } from '../components/persons/candidate-table.js';
import type { ReviewPageState } from './persons-review-page.js';

export function PersonPairPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const pair = useApiQuery<CandidateDetail>(`/persons/candidates/${id}`, { keep: true });
  const [message, setMessage] = useState<string | null>(null);
  const d = pair.data;
  const crossRegion = d !== null && d.status === 'open' && d.abilities.notSame && !d.abilities.merge && !(d.personA.inYourRegion && d.personB.inYourRegion);

  return (
    <>
      <PageHeading title={t('persons.pairTitle')} />
      <p>
        <Link to="/persons/review">{t('persons.backToList')}</Link>
      </p>
      {pair.loading ? <Loading /> : null}
      {pair.error ? <ErrorNotice>{apiErrorText(pair.error, t)}</ErrorNotice> : null}
      {message ? <SuccessNotice>{message}</SuccessNotice> : null}
      {d ? (
        <>
          <p className="lead">
            {t('persons.probability', { pct: percent(d.probability, labels.lang), band: d.band === 'auto_flag' ? t('persons.bandAutoFlag') : t('persons.bandReview') })}
          </p>
          {d.status !== 'open' ? <p>{t('persons.decided', { at: formatDate(d.decidedAt), by: d.decidedBy ?? '', status: statusWord(d.status, t) })}</p> : null}
          {d.corroboration ? <CorroborationNote corroboration={d.corroboration} probability={d.probability} /> : null}
          <EvidenceChart evidence={d.evidence} weight={d.weight} priorWeight={d.priorWeight} headingLevel={2} />
          <PairSides detail={d} />
          {d.mergeBlocked ? <p className="callout callout-warning">{t('persons.mergeBlocked')}</p> : null}
          {crossRegion ? <p className="callout">{t('persons.crossRegion')}</p> : null}
          {d.abilities.merge ? (
            <section className="panel form-panel">
              <MergeForm
                detail={d}
                onMerged={(merge) => void navigate('/persons/review', { state: { message: t('persons.merged', { count: merge.movedCaseIds.length }) } satisfies ReviewPageState })}
              />
            </section>
          ) : null}
          {d.abilities.notSame ? (
            <section className="panel form-panel">
              <NotSameForm
                detail={d}
                onDecided={(fresh) => {
                  pair.setData(fresh);
                  setMessage(t('persons.markedNotSame'));
                }}
              />
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
