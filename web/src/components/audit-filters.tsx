// The audit search form. Known actions are offered as suggestions; any text is accepted.
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from './fields.js';
import { fieldId } from '../field-errors.js';
import { useFocusFirstInvalid } from '../hooks/use-focus-invalid.js';
import { isIsoDate } from '../format.js';

export const AUDIT_FILTER_KEYS = ['caseRef', 'username', 'action', 'from', 'to'] as const;
export type AuditFilterValues = Record<(typeof AUDIT_FILTER_KEYS)[number], string>;

/** Action codes the server records (server/audit/audit-events.ts); web may not import server/. */
const KNOWN_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'case.list',
  'case.read',
  'case.create',
  'case.update',
  'case.transfer',
  'case.add_information',
  'person.read',
  'organisation.create',
  'organisation.update',
  'user.create',
  'user.update',
  'user.set_password',
  'token.create',
  'token.revoke',
  'audit.search',
  'audit.verify',
  'demo.seed',
];

export function AuditFilters({ initial, onSearch }: { initial: AuditFilterValues; onSearch: (values: AuditFilterValues) => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const [attempt, setAttempt] = useState(0);
  const formRef = useFocusFirstInvalid(attempt);
  const set = (key: keyof AuditFilterValues) => (e: ChangeEvent<HTMLInputElement>) => setValues({ ...values, [key]: e.target.value });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = { ...values, from: values.from.trim(), to: values.to.trim() };
    const found: { from?: string; to?: string } = {};
    if (trimmed.from !== '' && !isIsoDate(trimmed.from)) found.from = t('audit.errDate');
    if (trimmed.to !== '' && !isIsoDate(trimmed.to)) found.to = t('audit.errDate');
    else if (trimmed.from !== '' && trimmed.to !== '' && trimmed.to < trimmed.from) found.to = t('audit.errDateOrder');
    setErrors(found);
    if (found.from || found.to) {
      setAttempt((a) => a + 1);
      return;
    }
    onSearch(trimmed);
  };
  const clear = () => {
    const empty = { caseRef: '', username: '', action: '', from: '', to: '' };
    setValues(empty);
    onSearch(empty);
  };

  return (
    <form ref={formRef} className="filters" role="search" aria-label={t('audit.filters')} onSubmit={submit} noValidate>
      <TextField name="caseRef" label={t('audit.caseRef')} autoComplete="off" spellCheck={false} value={values.caseRef} onChange={set('caseRef')} />
      <TextField name="username" label={t('audit.username')} autoComplete="off" spellCheck={false} value={values.username} onChange={set('username')} />
      <TextField name="action" label={t('audit.action')} list={`${fieldId('action')}-list`} autoComplete="off" spellCheck={false} value={values.action} onChange={set('action')} />
      <datalist id={`${fieldId('action')}-list`}>
        {KNOWN_ACTIONS.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <TextField name="from" label={t('audit.from')} hint={t('common.dateHint')} autoComplete="off" spellCheck={false} value={values.from} error={errors.from} onChange={set('from')} />
      <TextField name="to" label={t('audit.to')} hint={t('common.dateHint')} autoComplete="off" spellCheck={false} value={values.to} error={errors.to} onChange={set('to')} />
      <div className="filter-buttons">
        <button type="submit" className="button">
          {t('common.search')}
        </button>
        <button type="button" className="button button-secondary" onClick={clear}>
          {t('common.clear')}
        </button>
      </div>
    </form>
  );
}
