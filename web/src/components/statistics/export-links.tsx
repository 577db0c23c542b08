// Download links for a table as CSV or XLSX (GET /statistics/export), for the same years, region
// and kind as the table on screen. Each link names its table for screen readers.
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../hooks/use-labels.js';
import { exportHref, type ExportTarget, type StatScope } from '../../statistics-scope.js';

export function ExportLinks({ target, scope, title }: { target: ExportTarget; scope: StatScope; title: string }) {
  const { t } = useTranslation();
  const { lang } = useLabels();
  return (
    <ul className="export-links">
      {(['csv', 'xlsx'] as const).map((format) => (
        <li key={format}>
          <a href={exportHref(target, scope, format, lang)} download data-testid={`export-${format}`}>
            {t('statistics.download', { format: format.toUpperCase() })}
            <span className="visually-hidden">{t('statistics.downloadOf', { title })}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
