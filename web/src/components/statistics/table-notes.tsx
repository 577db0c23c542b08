// What sits beside every statistics table: the table's own notes, whether it is internal (true
// small counts, not for publication) or published (disclosure-controlled, with the hidden cells
// counted), and the counting rules that produced it, in the words of domain/statistics.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatMeta, StatTable } from '../../api-types-statistics.js';
import { useLabels } from '../../hooks/use-labels.js';

export function TableNotes({ table, meta }: { table: StatTable; meta: StatMeta }) {
  const { t } = useTranslation();
  const { lang } = useLabels();
  const id = useId();
  const rules = meta.rules.filter((r) => table.rules.includes(r.code));
  const hidden = table.rows.reduce((n, r) => n + r.suppressed.filter(Boolean).length, 0);
  return (
    <div className="stat-notes" aria-labelledby={id} role="group">
      <h3 id={id} className="stat-notes-title">
        {t('statistics.aboutTable')}
      </h3>
      {table.published ? (
        <div className="stat-kind stat-kind-published">
          <p>
            <strong>{t('statistics.kindPublishedLead')}</strong> {meta.disclosure.summary[lang]}
          </p>
          <p data-testid="hidden-count">{hidden === 0 ? t('statistics.noneHidden') : t('statistics.hiddenCount', { count: hidden, mark: meta.disclosure.mark })}</p>
        </div>
      ) : (
        <p className="stat-kind stat-kind-internal">
          <strong>{t('statistics.kindInternalLead')}</strong> {t('statistics.internalText')}
        </p>
      )}
      {table.notes.map((n) => (
        <p key={n.en}>{n[lang]}</p>
      ))}
      {!table.additive ? <p>{t('statistics.notAdditive')}</p> : null}
      {rules.length > 0 ? (
        <>
          <h4 className="stat-rules-title">{t('statistics.countingRules')}</h4>
          <ul className="stat-rules">
            {rules.map((r) => (
              <li key={r.code}>{r[lang]}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
