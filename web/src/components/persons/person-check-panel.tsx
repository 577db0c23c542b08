// "May the person already be known?" in the referral form. It asks POST /persons/check when the
// user leaves the name and birth fields or presses the button, and shows the answer: for a
// regional coordinator the possible matches in the region with their evidence, for everyone
// else only the neutral signal. It never stops the referral from being sent.
import { useCallback, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import type { PersonCheckResult } from '../../api-types-persons.js';
import { apiErrorText } from '../../api-error-text.js';
import { useLabels } from '../../hooks/use-labels.js';
import { EvidenceChart } from './evidence-chart.js';
import { percent } from './evidence-words.js';

export interface CheckPerson {
  givenNames: string;
  familyNames: string;
  aliases: string[];
  birthDate: string | null;
  birthYear: number | null;
  estimatedAge: number | null;
  sex: string;
  citizenships: string[];
}

export type CheckState = { status: 'idle' } | { status: 'searching' } | { status: 'done'; result: PersonCheckResult } | { status: 'failed'; message: string };

/** The check's state and a `run` that skips a question already asked (or one without a name). */
export function usePersonCheck() {
  const { t } = useTranslation();
  const [state, setState] = useState<CheckState>({ status: 'idle' });
  const asked = useRef('');
  const run = useCallback(
    (person: CheckPerson, force = false) => {
      if (person.givenNames === '' && person.familyNames === '') return;
      const key = JSON.stringify(person);
      if (!force && key === asked.current) return;
      asked.current = key;
      setState({ status: 'searching' });
      api
        .post<PersonCheckResult>('/persons/check', person)
        .then((result) => {
          if (asked.current === key) setState({ status: 'done', result });
        })
        .catch((err: unknown) => {
          if (asked.current === key) setState({ status: 'failed', message: apiErrorText(err, t) });
        });
    },
    [t],
  );
  return { state, run };
}

export function PersonCheckPanel({ state, onSearch, coordinator }: { state: CheckState; onSearch: () => void; coordinator: boolean }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <section className="person-check" aria-labelledby="person-check-heading">
      <h3 id="person-check-heading">{t('personCheck.title')}</h3>
      <p className="field-hint">{t('personCheck.hint')}</p>
      <button type="button" className="button button-secondary button-small" onClick={onSearch} disabled={state.status === 'searching'}>
        {t('personCheck.button')}
      </button>
      <div className="person-check-result" aria-live="polite">
        {state.status === 'searching' ? <p>{t('personCheck.searching')}</p> : null}
        {state.status === 'failed' ? <p>{t('personCheck.failed', { message: state.message })}</p> : null}
        {state.status === 'done' && state.result.signal === 'none' ? <p>{t('personCheck.none')}</p> : null}
        {state.status === 'done' && state.result.signal === 'possible_match' && state.result.matches.length === 0 ? (
          <p className="callout callout-warning">{coordinator ? t('personCheck.possibleElsewhere') : t('personCheck.possible')}</p>
        ) : null}
        {state.status === 'done' && state.result.matches.length > 0 ? (
          <>
            <h4>{t('personCheck.matchesTitle')}</h4>
            <ul className="plain-list person-check-matches">
              {state.result.matches.map((m) => {
                const name = [m.person.givenNames, m.person.familyNames].filter(Boolean).join(' ') || t('persons.protectedName');
                return (
                  <li key={m.personId}>
                    <p>
                      <strong>{t('personCheck.match', { name, pct: percent(m.probability, labels.lang) })}</strong>{' '}
                      {m.person.birthDate ?? m.person.birthYear ?? ''} {t('personCheck.cases')}{' '}
                      {m.person.cases.map((c, i) => (
                        <span key={c.id}>
                          {i > 0 ? ', ' : ''}
                          <Link to={`/cases/${c.id}`}>{c.ref}</Link>
                        </span>
                      ))}
                    </p>
                    <details>
                      <summary>{t('personCheck.evidence', { name })}</summary>
                      <EvidenceChart evidence={m.evidence} headingLevel={4} />
                    </details>
                  </li>
                );
              })}
            </ul>
          </>
        ) : null}
      </div>
    </section>
  );
}
