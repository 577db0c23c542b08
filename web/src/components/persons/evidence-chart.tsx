// The evidence of a scored pair: a small SVG bar chart of each field's contribution (bits for
// to the right, against to the left of the zero line) and the same figures as a table, which is
// the chart's text alternative for screen readers and for anyone who prefers numbers.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../api-types-persons.js';
import { useLabels } from '../../hooks/use-labels.js';
import { agreementWord, bits, fieldWord, levelWord } from './evidence-words.js';

const ROW = 30;
const LABEL_WIDTH = 150;
const HALF = 150;
const ZERO = LABEL_WIDTH + HALF + 10;
const WIDTH = ZERO + HALF + 60;

export function EvidenceChart({ evidence, weight, priorWeight, headingLevel = 3 }: { evidence: Evidence[]; weight?: number; priorWeight?: number; headingLevel?: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  const { lang } = useLabels();
  const titleId = useId();
  const tableId = useId();
  const Heading = `h${headingLevel}` as const;
  const scale = HALF / Math.max(10, ...evidence.map((e) => Math.abs(e.weight)));
  const height = evidence.length * ROW + 10;

  return (
    <section className="evidence" aria-labelledby={titleId}>
      <Heading id={titleId}>{t('persons.evidenceTitle')}</Heading>
      {weight !== undefined && priorWeight !== undefined ? (
        <p className="field-hint">{t('persons.evidenceIntro', { weight: bits(weight, lang), prior: bits(priorWeight, lang) })}</p>
      ) : null}
      <svg className="evidence-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={t('persons.evidenceChart')} aria-describedby={tableId} focusable="false">
        <line className="evidence-axis" x1={ZERO} x2={ZERO} y1={0} y2={height} />
        {evidence.map((e, i) => {
          const y = i * ROW + 5;
          const w = Math.abs(e.weight) * scale;
          const x = e.weight >= 0 ? ZERO : ZERO - w;
          const end = e.weight >= 0 ? ZERO + w + 6 : ZERO - w - 6;
          return (
            <g key={e.field}>
              <text className="evidence-label" x={0} y={y + ROW / 2}>
                {fieldWord(e.field, t)}
              </text>
              {e.level === null ? (
                <text className="evidence-value" x={ZERO + 6} y={y + ROW / 2}>
                  {t('persons.missing')}
                </text>
              ) : (
                <>
                  <rect className={e.weight >= 0 ? 'evidence-bar evidence-for' : 'evidence-bar evidence-against'} x={x} y={y + 4} width={Math.max(w, 1)} height={ROW - 10} />
                  <text className="evidence-value" x={end} y={y + ROW / 2} textAnchor={e.weight >= 0 ? 'start' : 'end'}>
                    {bits(e.weight, lang)}
                  </text>
                </>
              )}
            </g>
          );
        })}
      </svg>
      <table className="table table-compact" id={tableId}>
        <caption>{t('persons.evidenceCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('persons.colField')}</th>
            <th scope="col">{t('persons.colAgreement')}</th>
            <th scope="col">{t('persons.colLevel')}</th>
            <th scope="col" className="numeric">
              {t('persons.colWeight')}
            </th>
          </tr>
        </thead>
        <tbody>
          {evidence.map((e) => (
            <tr key={e.field}>
              <th scope="row">{fieldWord(e.field, t)}</th>
              <td>{agreementWord(e.agreement, t)}</td>
              <td>{levelWord(e, t)}</td>
              <td className="numeric">{e.level === null ? '' : bits(e.weight, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
