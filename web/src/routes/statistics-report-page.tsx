// /statistics/report: the annual report (GET /statistics/report) for a chosen year and language:
// viewed in the browser (the HTML, inline, in a new tab), or downloaded as PDF or HTML. The PDF
// is printed by the server and can take some seconds.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../domain/index.js';
import { useLabels } from '../hooks/use-labels.js';
import { reportHref, yearOptions } from '../statistics-scope.js';
import { PageHeading } from '../components/page-heading.js';
import { RadioGroup, SelectField } from '../components/fields.js';
import { StatisticsNav, useStatistics } from './statistics-layout.js';
import '../styles-statistics.css';

/** Years in a report: the report year and the three before (server: REPORT_YEARS). */
const REPORT_YEARS = 4;

export function StatisticsReportPage() {
  const { t } = useTranslation();
  const { lang: uiLang } = useLabels();
  const { meta } = useStatistics();
  const years = yearOptions(meta);
  const [year, setYear] = useState(String(meta.years.last ?? meta.years.defaultTo - 1));
  const [lang, setLang] = useState<Lang>(uiLang);
  const y = Number(year);

  return (
    <>
      <PageHeading title={t('statReport.title')} />
      <StatisticsNav meta={meta} />
      <p className="lead">{t('statReport.intro', { count: REPORT_YEARS })}</p>
      <form className="panel form report-form" aria-label={t('statReport.formLabel')} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          name="reportYear"
          label={t('statReport.year')}
          options={[...years].reverse().map((v) => ({ value: String(v), label: String(v) }))}
          value={year}
          onChange={(e) => setYear(e.target.value)}
        />
        <RadioGroup
          name="reportLang"
          legend={t('statReport.language')}
          inline
          options={[
            { value: 'sv', label: 'Svenska' },
            { value: 'en', label: 'English' },
          ]}
          value={lang}
          onChange={(v) => setLang(v === 'en' ? 'en' : 'sv')}
        />
        <p id="report-covers">{t('statReport.covers', { from: y - REPORT_YEARS + 1, to: y })}</p>
        <ul className="report-links">
          <li>
            <a className="button" href={reportHref(y, lang, 'html', true)} hrefLang={lang} target="_blank" rel="noopener noreferrer" data-testid="report-view" aria-describedby="report-covers report-view-note">
              {t('statReport.view', { year: y })}
            </a>
            <p id="report-view-note" className="field-hint">
              {t('statReport.viewNote')}
            </p>
          </li>
          <li>
            <a className="button button-secondary" href={reportHref(y, lang, 'pdf')} download data-testid="report-pdf" aria-describedby="report-covers report-pdf-note">
              {t('statReport.downloadPdf', { year: y })}
            </a>
            <p id="report-pdf-note" className="field-hint">
              {t('statReport.pdfNote')}
            </p>
          </li>
          <li>
            <a className="button button-secondary" href={reportHref(y, lang, 'html')} download data-testid="report-html" aria-describedby="report-covers">
              {t('statReport.downloadHtml', { year: y })}
            </a>
          </li>
        </ul>
      </form>
      <p>{t('statReport.published')}</p>
    </>
  );
}
