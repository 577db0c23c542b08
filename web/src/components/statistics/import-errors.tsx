// The validation report of an import: every invalid row with its line in the file, the column,
// the value found, what is wrong and (where the column has a list) the values allowed. What is
// wrong is said in the user's language from the problem's code and parameters; a code this app
// does not know shows the server's English message.
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { RowError } from '../../api-types-statistics.js';
import { IMPORT_ISSUE_CODES, type ImportIssueCode } from '../../../../domain/statistics/import-issues.js';
import { TableWrap } from '../table-wrap.js';

const ALLOWED_SHOWN = 20;
const KNOWN = new Set<string>(IMPORT_ISSUE_CODES);
const isKnown = (code: string): code is ImportIssueCode => KNOWN.has(code);

export function issueText(e: RowError, t: TFunction): string {
  if (!isKnown(e.code)) return e.message;
  const params = e.params ?? {};
  const text = t(`statImportIssue.${e.code}`, { ...params, value: e.value ?? '', column: e.column ?? '', line: e.line, allowed: (e.allowed ?? []).join(', ') });
  if (e.code !== 'wrong_header') return text;
  const detail = (key: 'headerMissing' | 'headerUnknown' | 'headerRepeated', list: unknown) => (typeof list === 'string' && list !== '' ? ` ${t(`statImport.${key}`, { list })}` : '');
  return `${text}${detail('headerMissing', params.missing)}${detail('headerUnknown', params.unknown)}${detail('headerRepeated', params.repeated)}`;
}

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
                <td data-code={e.code}>{issueText(e, t)}</td>
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
