// The list of problems at the top of a form, announced when it appears and focused so keyboard
// and screen-reader users land on it; each entry moves focus to its field.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId, type FieldErrors } from '../field-errors.js';

interface ErrorSummaryProps {
  errors: FieldErrors;
  /** Problems that belong to no single field (a server message, a conflict). */
  messages?: string[];
  /** Bumped on every submit, so the summary takes focus again even if the errors are the same. */
  attempt: number;
}

export function ErrorSummary({ errors, messages = [], attempt }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const count = entries.length + messages.length;

  // Focus follows a submit, not every change: the summary exists (ref set) only when there are errors.
  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);

  if (count === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary-title">
        {t('common.errorSummaryTitle')}
      </h2>
      <ul>
        {messages.map((m) => (
          <li key={m}>{m}</li>
        ))}
        {entries.map(([name, message]) => (
          <li key={name}>
            <a
              href={`#${fieldId(name)}`}
              onClick={(e) => {
                e.preventDefault();
                const target = document.getElementById(fieldId(name));
                const focusable = target instanceof HTMLFieldSetElement ? (target.querySelector('input') ?? target) : target;
                focusable?.focus();
              }}
            >
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
