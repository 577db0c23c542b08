// The state every small write form shares: field errors (from the form's own checks or the
// server's `fields[].path`), problems without a field, a busy flag, and a submit counter that
// moves focus to the error summary. Inputs are named `<prefix>.<api path>`, so two forms on one
// page never share an id and the server's paths still land next to the right input.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api.js';
import { apiErrorText } from '../api-error-text.js';
import { fieldKey, type FieldErrors } from '../field-errors.js';

export interface SubmitOptions<T> {
  /** The form's own checks; a non-empty result stops the request. */
  check?: () => FieldErrors;
  request: () => Promise<T>;
  onSuccess: (result: T) => void;
  /** Handle an error specially (return true), e.g. a 409 with its own message. */
  onError?: (error: ApiError) => boolean;
}

export interface ApiForm {
  errors: FieldErrors;
  messages: string[];
  busy: boolean;
  attempt: number;
  /** The input name of an API field: `${prefix}.${path}`. */
  name: (path: string) => string;
  /** The error of an API field, if any. */
  error: (path: string) => string | undefined;
  clear: (path: string) => void;
  reset: () => void;
  submit: <T>(options: SubmitOptions<T>) => void;
}

export function useApiForm(prefix: string, known: readonly string[], messageFor?: (path: string, message: string) => string): ApiForm {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [messages, setMessages] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [attempt, setAttempt] = useState(0);

  const name = useCallback((path: string) => `${prefix}.${path}`, [prefix]);

  const fromServer = useCallback(
    (err: ApiError) => {
      const found: FieldErrors = {};
      const rest: string[] = [];
      for (const issue of err.fields) {
        const key = fieldKey(issue.path);
        const text = messageFor ? messageFor(key, issue.message) : issue.message;
        if (known.includes(key)) found[`${prefix}.${key}`] ??= text;
        else rest.push(key === '' || key === 'body' ? text : `${key}: ${text}`);
      }
      if (Object.keys(found).length === 0 && rest.length === 0) rest.push(apiErrorText(err, t));
      return { found, rest };
    },
    [known, messageFor, prefix, t],
  );

  const submit = useCallback(
    <T,>({ check, request, onSuccess, onError }: SubmitOptions<T>) => {
      const local = check?.() ?? {};
      setMessages([]);
      if (Object.keys(local).length > 0) {
        setErrors(local);
        setAttempt((a) => a + 1);
        return;
      }
      setErrors({});
      setBusy(true);
      request()
        .then((result) => {
          setBusy(false);
          onSuccess(result);
        })
        .catch((err: unknown) => {
          setBusy(false);
          if (err instanceof ApiError && onError?.(err)) return;
          if (err instanceof ApiError && err.code === 'version_conflict') {
            setMessages([t('common.versionConflict')]);
          } else if (err instanceof ApiError && err.fields.length > 0) {
            const { found, rest } = fromServer(err);
            setErrors(found);
            setMessages(rest);
          } else {
            setMessages([apiErrorText(err, t)]);
          }
          setAttempt((a) => a + 1);
        });
    },
    [fromServer, t],
  );

  return {
    errors,
    messages,
    busy,
    attempt,
    name,
    error: (path) => errors[`${prefix}.${path}`],
    clear: (path) => setErrors((e) => (`${prefix}.${path}` in e ? Object.fromEntries(Object.entries(e).filter(([k]) => k !== `${prefix}.${path}`)) : e)),
    reset: () => {
      setErrors({});
      setMessages([]);
    },
    submit,
  };
}
