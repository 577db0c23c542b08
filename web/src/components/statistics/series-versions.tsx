// The external series (GET /statistics/series) with their current version, and each series'
// versions (GET /statistics/series/:series/versions): who imported what, when, from which file.
import { useTranslation } from 'react-i18next';
import type { SeriesSummary, SeriesVersion } from '../../api-types-statistics.js';
import { apiErrorText } from '../../api-error-text.js';
import { formatDateTime } from '../../format.js';
import { useApiQuery } from '../../hooks/use-api-query.js';
import { useLabels } from '../../hooks/use-labels.js';
import { Loading } from '../guards.js';
import { ErrorNotice } from '../notice.js';
import { TableWrap } from '../table-wrap.js';

function Versions({ series, title }: { series: string; title: string }) {
  const { t } = useTranslation();
  const versions = useApiQuery<{ versions: SeriesVersion[] }>(`/statistics/series/${encodeURIComponent(series)}/versions`);
  if (versions.error) return <ErrorNotice>{apiErrorText(versions.error, t)}</ErrorNotice>;
  if (!versions.data) return <Loading />;
  if (versions.data.versions.length === 0) return <p className="muted">{t('statImport.neverImported')}</p>;
  const caption = t('statImport.versionsCaption', { title });
  return (
    <TableWrap label={caption}>
      <table className="table table-compact" data-testid={`series-versions-${series}`}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('statImport.colVersion')}</th>
            <th scope="col">{t('statImport.colImportedAt')}</th>
            <th scope="col">{t('statImport.colImportedBy')}</th>
            <th scope="col" className="num">
              {t('statImport.colValues')}
            </th>
            <th scope="col">{t('statImport.colSources')}</th>
            <th scope="col">{t('statImport.colFile')}</th>
          </tr>
        </thead>
        <tbody>
          {versions.data.versions.map((v) => (
            <tr key={v.version}>
              <th scope="row">
                {v.version}
                {v.current ? <span className="badge tone-success stat-current">{t('statImport.current')}</span> : null}
              </th>
              <td className="nowrap">{formatDateTime(v.importedAt)}</td>
              <td>{v.importedBy}</td>
              <td className="num">{v.rowCount}</td>
              <td>{v.sources.join('; ')}</td>
              <td>
                <code className="id" title={v.sha256}>
                  {v.sha256.slice(0, 12)}
                </code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** Mount it again (a new key) to read the list afresh after an import. */
export function SeriesVersions() {
  const { t } = useTranslation();
  const { lang } = useLabels();
  const list = useApiQuery<{ series: SeriesSummary[] }>('/statistics/series');
  if (list.error) return <ErrorNotice>{apiErrorText(list.error, t)}</ErrorNotice>;
  if (!list.data) return <Loading />;
  return (
    <>
      {list.data.series.map((s) => (
        <div key={s.series} className="series-entry">
          <h3>{s.title[lang]}</h3>
          <p className="muted">
            {s.version === null ? t('statImport.seriesNone') : t('statImport.seriesCurrent', { version: s.version, values: s.values.length, years: yearsOf(s) })}
          </p>
          {s.version === null ? null : <Versions series={s.series} title={s.title[lang]} />}
        </div>
      ))}
    </>
  );
}

function yearsOf(s: SeriesSummary): string {
  const years = s.values.map((v) => v.year);
  if (years.length === 0) return '';
  const [first, last] = [Math.min(...years), Math.max(...years)];
  return first === last ? String(first) : `${first}–${last}`;
}
