// The review queue as a table: probability, level, the two persons (the other region's person
// by region only), when the pair was found, and a link to review it.
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { CandidateItem, CandidateStatus } from '../../api-types-persons.js';
import { formatDate } from '../../format.js';
import { useLabels } from '../../hooks/use-labels.js';
import { TableWrap } from '../table-wrap.js';
import { percent } from './evidence-words.js';
import { sideLabel } from './side-label.js';

export function statusWord(status: CandidateStatus, t: TFunction): string {
  return status === 'open' ? t('persons.statusOpen') : status === 'merged' ? t('persons.statusMerged') : t('persons.statusNotSame');
}

export function CandidateTable({ items }: { items: CandidateItem[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const caption = t('persons.caption');
  return (
    <TableWrap label={caption}>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('persons.colProbability')}</th>
            <th scope="col">{t('persons.colBand')}</th>
            <th scope="col">{t('persons.colPersonA')}</th>
            <th scope="col">{t('persons.colPersonB')}</th>
            <th scope="col">{t('persons.colFound')}</th>
            <th scope="col">{t('persons.colStatus')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => {
            const a = sideLabel(c.personA, t, labels);
            const b = sideLabel(c.personB, t, labels);
            return (
              <tr key={c.id} data-testid="candidate-row">
                <th scope="row">
                  <Link to={`/persons/review/${c.id}`} aria-label={t('persons.reviewPair', { a, b })}>
                    {percent(c.probability, labels.lang)}
                  </Link>
                </th>
                <td>
                  {c.band === 'auto_flag' ? t('persons.bandAutoFlag') : t('persons.bandReview')}
                  {c.corroborated ? <span className="field-hint"> · {t('persons.viaThirdPerson')}</span> : null}
                </td>
                <td>{a}</td>
                <td>{b}</td>
                <td className="nowrap">{formatDate(c.createdAt)}</td>
                <td>{statusWord(c.status, t)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}
