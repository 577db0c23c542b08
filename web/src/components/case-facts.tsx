// The case's facts and the person block. A value the viewer may not see arrives as null (or an
// empty list) and is left out; a protected identity shows a reserved placeholder instead, except to its named users,
// who see the name marked as protected.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPLOITATION_FORMS, POLICE_REGIONS, REFERRAL_SOURCES, SEXES } from '../../../domain/index.js';
import type { CaseView } from '../api-types.js';
import { useLabels } from '../hooks/use-labels.js';
import { formatDate } from '../format.js';

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="facts-row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function CaseFacts({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const seesEverything = view.access === 'full' || view.access === 'assigned';
  const accessText = {
    full: t('case.accessFull'),
    assigned: t('case.accessAssigned'),
    shared: t('case.accessShared'),
    referrer: t('case.accessReferrer'),
  }[view.access];

  return (
    <section className="panel" aria-labelledby="facts-heading">
      <h2 id="facts-heading">{t('case.factsHeading')}</h2>
      <dl className="facts">
        <Row term={t('case.region')}>{labels.label(POLICE_REGIONS, view.region)}</Row>
        {view.municipalityCode ? <Row term={t('case.municipality')}>{labels.municipality(view.municipalityCode)}</Row> : null}
        <Row term={t('case.source')}>{labels.cap(REFERRAL_SOURCES, view.referralSource)}</Row>
        <Row term={t('case.referredOn')}>{formatDate(view.referredOn)}</Row>
        <Row term={t('case.assessedOn')}>{view.assessedOn ? formatDate(view.assessedOn) : t('case.notAssessed')}</Row>
        {view.exploitationForms.length > 0 || seesEverything ? (
          <Row term={t('case.forms')}>
            {view.exploitationForms.length > 0
              ? view.exploitationForms.map((f, i) => (i === 0 ? labels.cap(EXPLOITATION_FORMS, f) : labels.label(EXPLOITATION_FORMS, f))).join(', ')
              : t('case.formsNone')}
          </Row>
        ) : null}
        {view.summary !== null ? (
          <Row term={t('case.summary')}>
            {view.summary.trim() !== '' ? <span className="prewrap">{view.summary}</span> : t('case.summaryNone')}
          </Row>
        ) : null}
        <Row term={t('case.access')}>{accessText}</Row>
      </dl>
    </section>
  );
}

export function CasePersonBlock({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const p = view.person;
  const nameParts = [p.givenNames, p.familyNames].filter((n): n is string => n !== null);
  const name = nameParts.join(' ').trim();

  return (
    <section className="panel" aria-labelledby="person-heading">
      <h2 id="person-heading">{t('case.personHeading')}</h2>
      <dl className="facts">
        {p.protectedIdentity && nameParts.length === 0 ? (
          <Row term={t('case.name')}>
            <span className="reserved">{t('case.protectedIdentity')}</span>
          </Row>
        ) : p.protectedIdentity ? (
          <Row term={t('case.name')}>
            {name !== '' ? name : <span className="muted">{t('case.nameUnknown')}</span>} <span className="reserved reserved-named">{t('case.protectedIdentity')}</span>
          </Row>
        ) : nameParts.length > 0 ? (
          <Row term={t('case.name')}>{name !== '' ? name : <span className="muted">{t('case.nameUnknown')}</span>}</Row>
        ) : null}
        {p.aliases.length > 0 ? <Row term={t('case.aliases')}>{p.aliases.join(', ')}</Row> : null}
        {p.sex !== null ? <Row term={t('case.sex')}>{labels.cap(SEXES, p.sex)}</Row> : null}
        {p.birthDate !== null ? <Row term={t('case.birthDate')}>{formatDate(p.birthDate)}</Row> : null}
        {p.birthYear !== null ? <Row term={t('case.birthYear')}>{p.birthYear}</Row> : null}
        {p.estimatedAge !== null ? <Row term={t('case.estimatedAge')}>{t('case.years', { age: p.estimatedAge })}</Row> : null}
        {p.citizenships.length > 0 ? <Row term={t('case.citizenships')}>{p.citizenships.map((c) => labels.country(c)).join(', ')}</Row> : null}
      </dl>
    </section>
  );
}
