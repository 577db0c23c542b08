// Why a pair whose own records say little is offered at all: both persons match a third person.
// The probability shown is the lower bound the two support pairs give (supports added, less
// one); the evidence chart below is the two records alone. Each support pair is linked when the
// coordinator may open it, and a support since marked "not the same" is called out.
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Corroboration } from '../../api-types-persons.js';
import { useLabels } from '../../hooks/use-labels.js';
import { percent } from './evidence-words.js';

export function CorroborationNote({ corroboration, probability }: { corroboration: Corroboration; probability: number }) {
  const { t } = useTranslation();
  const { lang } = useLabels();
  const [first, second] = corroboration.supports;
  if (first === undefined || second === undefined) return null;
  const withdrawn = corroboration.supports.some((s) => s.status === 'not_same');
  return (
    <section className={withdrawn ? 'callout callout-warning' : 'callout'} aria-labelledby="corroboration-title">
      <h2 className="callout-title" id="corroboration-title">
        {t('persons.corroborationTitle')}
      </h2>
      <p>
        {t('persons.corroborationText', {
          first: percent(first.probability, lang),
          second: percent(second.probability, lang),
          pct: percent(probability, lang),
          direct: percent(corroboration.direct, lang),
        })}
      </p>
      <ul>
        {corroboration.supports.map((s, i) => (
          <li key={i}>
            {s.candidateId === null ? (
              t('persons.corroborationHidden', { pct: percent(s.probability, lang) })
            ) : (
              <Link to={`/persons/review/${s.candidateId}`}>{t('persons.corroborationSupport', { pct: percent(s.probability, lang) })}</Link>
            )}
            {s.status === 'not_same' ? ` (${t('persons.corroborationNotSame')})` : null}
          </li>
        ))}
      </ul>
      {withdrawn ? <p>{t('persons.corroborationWithdrawn')}</p> : null}
    </section>
  );
}
