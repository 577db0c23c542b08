// The two person records side by side. A person without a case in the coordinator's region is
// not shown (only its regions), so a cross-region pair shows one column of values.
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { SEXES } from '../../../../domain/index.js';
import type { CandidateDetail, PersonDetail } from '../../api-types-persons.js';
import type { TFunction } from 'i18next';
import { useLabels, type Labels } from '../../hooks/use-labels.js';
import { TableWrap } from '../table-wrap.js';
import { regionsText } from './side-label.js';

type Row = { key: string; label: string; value: (p: PersonDetail) => ReactNode };

export function bornText(p: PersonDetail, t: TFunction): string {
  if (p.birthDate) return p.birthDate;
  if (p.birthYear !== null) return String(p.birthYear);
  if (p.estimatedAge !== null) return t('persons.estimatedAge', { age: p.estimatedAge });
  return '';
}

export function valueText(p: PersonDetail, field: 'givenNames' | 'familyNames' | 'birthDate' | 'sex' | 'citizenships', t: TFunction, labels: Labels): string {
  switch (field) {
    case 'givenNames':
      return p.givenNames ?? t('persons.protectedName');
    case 'familyNames':
      return p.familyNames ?? t('persons.protectedName');
    case 'birthDate':
      return bornText(p, t);
    case 'sex':
      return labels.label(SEXES, p.sex);
    case 'citizenships':
      return p.citizenships.map((c) => labels.country(c)).join(', ');
  }
}

export function PairSides({ detail }: { detail: CandidateDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const caption = t('persons.sidesCaption');
  const rows: Row[] = [
    { key: 'given', label: t('persons.givenNames'), value: (p) => valueText(p, 'givenNames', t, labels) },
    { key: 'family', label: t('persons.familyNames'), value: (p) => valueText(p, 'familyNames', t, labels) },
    { key: 'aliases', label: t('persons.aliases'), value: (p) => p.aliases.join(', ') },
    { key: 'born', label: t('persons.birth'), value: (p) => valueText(p, 'birthDate', t, labels) },
    { key: 'sex', label: t('persons.sex'), value: (p) => valueText(p, 'sex', t, labels) },
    { key: 'citizenships', label: t('persons.citizenships'), value: (p) => valueText(p, 'citizenships', t, labels) },
    {
      key: 'cases',
      label: t('persons.cases'),
      value: (p) => (
        <ul className="plain-list">
          {p.cases.map((c) => (
            <li key={c.id}>
              <Link to={`/cases/${c.id}`}>{c.ref}</Link>
            </li>
          ))}
        </ul>
      ),
    },
  ];
  const sides = [
    { side: detail.personA, person: detail.personADetail },
    { side: detail.personB, person: detail.personBDetail },
  ];
  return (
    <section aria-labelledby="sides-heading">
      <h2 id="sides-heading">{t('persons.sidesTitle')}</h2>
      {sides
        .filter((s) => s.person === null && s.side.exists)
        .map((s) => (
          <p key={s.side.personId} className="callout">
            {t('persons.notVisible', { regions: regionsText(s.side.regions, labels) })}
          </p>
        ))}
      <TableWrap label={caption}>
        <table className="table pair-sides">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('persons.field')}</th>
              <th scope="col">{t('persons.colPersonA')}</th>
              <th scope="col">{t('persons.colPersonB')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {sides.map((s) => (
                  <td key={s.side.personId}>{s.person ? row.value(s.person) : <span aria-hidden="true">—</span>}</td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">{t('persons.regions')}</th>
              {sides.map((s) => (
                <td key={s.side.personId}>{regionsText(s.side.regions, labels)}</td>
              ))}
            </tr>
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}
