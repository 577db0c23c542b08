// Uploading a CSV file in two steps: the file is read in the browser (strict UTF-8, as the
// server wants it), sent as text/csv with dryRun=true for the validation report, and only when
// that report is clean may it be imported for real. Every invalid row is listed with its line,
// column and reason; the problems are summarised in an alert that takes focus.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api.js';
import type { RowError } from '../../api-types-statistics.js';
import { apiErrorText } from '../../api-error-text.js';
import { ErrorNotice, SuccessNotice } from '../notice.js';
import { ImportErrors } from './import-errors.js';

export interface CsvReport {
  ok: boolean;
  dryRun: boolean;
  rows: number;
  errorCount: number;
  errors: RowError[];
}

type Phase = 'idle' | 'checking' | 'checked' | 'importing' | 'imported';

interface CsvImportProps<R extends CsvReport> {
  /** The import route, without the query string. */
  path: string;
  name: string;
  label: string;
  hint: ReactNode;
  /** What a clean report means (a dry run: what would happen; a real one: what did). */
  describe: (report: R) => string;
  onImported: (report: R) => void;
}

export function CsvImport<R extends CsvReport>({ path, name, label, hint, describe, onImported }: CsvImportProps<R>) {
  const { t } = useTranslation();
  const id = useId();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [report, setReport] = useState<R | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (problem || (report && !report.ok)) alertRef.current?.focus();
  }, [problem, report]);

  const choose = async (picked: File | undefined) => {
    setReport(null);
    setProblem(null);
    setPhase('idle');
    setFile(null);
    if (!picked) return;
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(await picked.arrayBuffer());
      setFile({ name: picked.name, text });
    } catch {
      setProblem(t('statImport.notUtf8', { file: picked.name }));
    }
  };

  const send = async (dryRun: boolean) => {
    if (!file) {
      setProblem(t('statImport.chooseFirst'));
      return;
    }
    setProblem(null);
    setPhase(dryRun ? 'checking' : 'importing');
    try {
      const answer = await api.postText<R>(`${path}${dryRun ? '?dryRun=true' : ''}`, file.text, 'text/csv', { answerStatuses: [422] });
      setReport(answer);
      setPhase(answer.ok ? (dryRun ? 'checked' : 'imported') : 'idle');
      if (answer.ok && !dryRun) onImported(answer);
    } catch (error) {
      setPhase('idle');
      setProblem(apiErrorText(error, t));
    }
  };

  const busy = phase === 'checking' || phase === 'importing';
  return (
    <div className="csv-import">
      <div className="field">
        <label htmlFor={`${id}-file`} className="field-label">
          {label}
        </label>
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
        <input id={`${id}-file`} name={name} type="file" accept=".csv,text/csv" aria-describedby={`${id}-hint`} onChange={(e) => void choose(e.target.files?.[0])} />
      </div>
      <div className="filter-buttons">
        <button type="button" className="button" disabled={busy} onClick={() => void send(true)}>
          {t('statImport.check')}
        </button>
        {phase === 'checked' ? (
          <button type="button" className="button" onClick={() => void send(false)}>
            {t('statImport.importRows', { count: report?.rows ?? 0 })}
          </button>
        ) : null}
      </div>

      <p role="status" className="import-progress">
        {phase === 'checking' ? t('statImport.checking', { file: file?.name }) : phase === 'importing' ? t('statImport.importing', { file: file?.name }) : ''}
      </p>
      {problem ? (
        <div ref={alertRef} tabIndex={-1}>
          <ErrorNotice>{problem}</ErrorNotice>
        </div>
      ) : null}
      {report && !report.ok ? (
        <>
          <div className="error-summary" role="alert" tabIndex={-1} ref={alertRef} aria-labelledby={`${id}-errors`}>
            <h3 id={`${id}-errors`} className="error-summary-title">
              {t('statImport.invalidTitle', { count: report.errorCount })}
            </h3>
            <p>{t('statImport.invalidText', { rows: report.rows })}</p>
          </div>
          <ImportErrors report={report} />
        </>
      ) : null}
      {report && report.ok ? (
        <SuccessNotice>
          <p>{report.dryRun ? t('statImport.validText', { what: describe(report) }) : t('statImport.doneText', { what: describe(report) })}</p>
        </SuccessNotice>
      ) : null}
    </div>
  );
}
