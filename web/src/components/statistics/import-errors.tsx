// The validation report of an import: every invalid row with its line in the file, the column,
// the value found, what is wrong and (where the column has a list) the values allowed.
import { useTranslation } from 'react-i18next';
import type { RowError } from '../../api-types-statistics.js';
import { TableWrap } from '../table-wrap.js';

const ALLOWED_SHOWN = 20;

export function ImportErrors({ report }: { report: { errorCount: number; errors: RowError[] } }) {
  const { t } = useTranslation();
  const caption = t('statImport.errorsCaption');
  return (
    <>
      {report.errors.length < report.errorCount ? <p>{t('statImport.errorsCapped', { shown: report.errors.length, count: report.errorCount })}</p> : null}
      <TableWrap label={caption}>
        <table className="table table-compact import-errors" data-testid="import-errors">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t('statImport.colLine')}</th>
              <th scope="col">{t('statImport.colColumn')}</th>
              <th scope="col">{t('statImport.colValue')}</th>
              <th scope="col">{t('statImport.colReason')}</th>
              <th scope="col">{t('statImport.colAllowed')}</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((e, i) => (
              <tr key={`${e.line}-${e.column ?? ''}-${i}`}>
                <th scope="row" className="num">
                  {e.line}
                </th>
                <td>{e.column ? <code>{e.column}</code> : <span className="muted">{t('statImport.wholeRow')}</span>}</td>
                <td>{e.value ? <code>{e.value}</code> : ''}</td>
                <td>{e.message}</td>
                <td>
                  {e.allowed?.length
                    ? `${e.allowed.slice(0, ALLOWED_SHOWN).join(', ')}${e.allowed.length > ALLOWED_SHOWN ? ` ${t('statImport.andMore', { count: e.allowed.length - ALLOWED_SHOWN })}` : ''}`
                    : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
