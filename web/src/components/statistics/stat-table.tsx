// One statistics table as a real table: a caption naming table, area and kind (internal or
// published), years as column headers, row labels as row headers. A cell hidden by disclosure
// control shows the mark ".." and says "hidden" to a screen reader; it is never shown as zero.
import { useTranslation } from 'react-i18next';
import type { StatMeta, StatTable } from '../../api-types-statistics.js';
import { capitalise, useLabels } from '../../hooks/use-labels.js';
import { TableWrap } from '../table-wrap.js';
import { formatNumber, regionName } from './stat-format.js';

export function useTableCaption(table: StatTable, meta: StatMeta): string {
  const { t } = useTranslation();
  const { lang } = useLabels();
  const where = regionName(meta.regions, table.region, lang, t('statistics.nation'));
  return t('statistics.caption', { title: table.title[lang], where, kind: table.published ? t('statistics.kindPublished') : t('statistics.kindInternal') });
}

export function SuppressedCell({ mark }: { mark: string }) {
  const { t } = useTranslation();
  return (
    <>
      <span aria-hidden="true">{mark}</span>
      <span className="visually-hidden">{t('statistics.hiddenCell')}</span>
    </>
  );
}

export function StatTableView({ table, meta }: { table: StatTable; meta: StatMeta }) {
  const { t } = useTranslation();
  const { lang } = useLabels();
  const caption = useTableCaption(table, meta);
  return (
    <TableWrap label={caption}>
      <table className="table table-compact stat-table" data-testid={`stat-table-${table.by}`}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('statistics.rowHeader')}</th>
            {table.years.map((y) => (
              <th key={y} scope="col" className="num">
                {y}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.code} className={`stat-row-${row.kind}${row.parent ? ' stat-row-child' : ''}`} data-row={row.code}>
              <th scope="row">{capitalise(row.label[lang])}</th>
              {row.values.map((v, i) =>
                row.suppressed[i] ? (
                  <td key={table.years[i]} className="num cell-suppressed" data-suppressed="true">
                    <SuppressedCell mark={meta.disclosure.mark} />
                  </td>
                ) : (
                  <td key={table.years[i]} className="num">
                    {v === null ? '' : formatNumber(v, lang)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

