// The list of problems at the top of a form, announced when it appears and focused so keyboard
// and screen-reader users land on it; each entry moves focus to its field.
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId, type FieldErrors } from '../field-errors.js';

interface ErrorSummaryProps {
  errors: FieldErrors;
  /** Problems that belong to no single field (a server message, a conflict). */
  messages?: string[];
  /** Bumped on every submit, so the summary takes focus again even if the errors are the same. */
  attempt: number;
  /** The summary's heading level: 2 on a page of its own, 3 or 4 inside a section. */
  level?: 2 | 3 | 4 | 5;
}

export function ErrorSummary({ errors, messages = [], attempt, level = 2 }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const Heading = `h${level}` as const;
  const entries = Object.entries(errors);
  const count = entries.length + messages.length;

  // Focus follows a submit, not every change: the summary exists (ref set) only when there are errors.
  useEffect(() => {
    if (attempt > 0) ref.current?.focus();
  }, [attempt]);

  if (count === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={titleId}>
      <Heading id={titleId} className="error-summary-title">
        {t('common.errorSummaryTitle')}
      </Heading>
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
