// /statistics/import: the national analyst's imports. Historical case records in the case
// interchange CSV (POST /statistics/import) and external series (POST /statistics/series/import),
// each checked first (a dry run with the validation report) and then imported; the series'
// versions are listed below. Case-level exports sit here too.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiHref } from '../api.js';
import type { CaseImportReport, SeriesImportReport } from '../api-types-statistics.js';
import { Forbidden } from '../components/guards.js';
import { PageHeading } from '../components/page-heading.js';
import { CsvImport } from '../components/statistics/csv-import.js';
import { SeriesVersions } from '../components/statistics/series-versions.js';
import { StatisticsNav, useStatistics } from './statistics-layout.js';
import '../styles-statistics.css';

const SERIES_COLUMNS = 'series,measure,breakdown,year,value,unit,source,note';

export function StatisticsImportPage() {
  const { t } = useTranslation();
  const { meta, reloadMeta } = useStatistics();
  const [seriesGeneration, setSeriesGeneration] = useState(0);
  if (!meta.abilities.importCases && !meta.abilities.importSeries) return <Forbidden />;

  const describeCases = (r: CaseImportReport) =>
    t('statImport.casesSummary', { rows: r.rows, created: r.created, updated: r.updated, unchanged: r.unchanged, personsCreated: r.personsCreated, personsUpdated: r.personsUpdated });
  const describeSeries = (r: SeriesImportReport) =>
    t('statImport.seriesSummary', { rows: r.rows, series: r.series.map((s) => t('statImport.seriesVersion', { series: s.series, version: s.version, values: s.values })).join('; ') });

  return (
    <>
      <PageHeading title={t('statImport.title')} />
      <StatisticsNav meta={meta} />
      <p className="lead">{t('statImport.intro')}</p>

      {meta.abilities.importCases ? (
        <section className="panel" aria-labelledby="import-cases">
          <h2 id="import-cases">{t('statImport.casesHeading')}</h2>
          <p>{t('statImport.casesIntro')}</p>
          <CsvImport<CaseImportReport>
            path="/statistics/import"
            name="casesFile"
            label={t('statImport.casesFile')}
            hint={
              <>
                {t('statImport.columnsHint')} <code className="csv-columns">{meta.caseColumns.join(',')}</code>
              </>
            }
            describe={describeCases}
            onImported={reloadMeta}
          />
        </section>
      ) : null}

      {meta.abilities.importSeries ? (
        <section className="panel" aria-labelledby="import-series">
          <h2 id="import-series">{t('statImport.seriesHeading')}</h2>
          <p>{t('statImport.seriesIntro')}</p>
          <CsvImport<SeriesImportReport>
            path="/statistics/series/import"
            name="seriesFile"
            label={t('statImport.seriesFile')}
            hint={
              <>
                {t('statImport.columnsHint')} <code className="csv-columns">{SERIES_COLUMNS}</code>
              </>
            }
            describe={describeSeries}
            onImported={() => setSeriesGeneration((g) => g + 1)}
          />
          <h2 className="series-heading">{t('statImport.seriesListHeading')}</h2>
          <SeriesVersions key={seriesGeneration} />
        </section>
      ) : null}

      {meta.abilities.exportCases || meta.abilities.exportHtcds ? (
        <section className="panel" aria-labelledby="export-cases">
          <h2 id="export-cases">{t('statImport.exportHeading')}</h2>
          <ul className="export-links">
            {meta.abilities.exportCases ? (
              <li>
                <a href={apiHref('/statistics/cases/export')} download>
                  {t('statImport.exportCases')}
                </a>
              </li>
            ) : null}
            {meta.abilities.exportHtcds ? (
              <li>
                <a href={apiHref('/statistics/htcds/export')} download>
                  {t('statImport.exportHtcds')}
                </a>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}
    </>
  );
}
