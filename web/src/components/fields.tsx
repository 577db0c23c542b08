// Labelled form controls. Each ties its hint and error to the input with aria-describedby and
// marks an error with aria-invalid, so a screen reader reads label, hint and problem together.
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldId } from '../field-errors.js';

interface FieldChrome {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
}

function describedBy(id: string, hint: ReactNode, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function FieldLabel({ id, label, optional }: { id: string; label: ReactNode; optional?: boolean }) {
  const { t } = useTranslation();
  return (
    <label htmlFor={id} className="field-label">
      {label}
      {optional ? <span className="field-optional"> {t('common.optional')}</span> : null}
    </label>
  );
}

export function FieldHint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={`${id}-hint`} className="field-hint">
      {children}
    </p>
  );
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="field-error">
      {error}
    </p>
  );
}

type TextFieldProps = FieldChrome & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'>;

export function TextField({ name, label, hint, error, optional, className, ...input }: TextFieldProps) {
  const id = fieldId(name);
  return (
    <div className={`field${error ? ' field-has-error' : ''}${className ? ` ${className}` : ''}`}>
      <FieldLabel id={id} label={label} optional={optional} />
      {hint ? <FieldHint id={id}>{hint}</FieldHint> : null}
      <FieldError id={id} error={error} />
      <input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...input} />
    </div>
  );
}

type TextAreaProps = FieldChrome & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'id'>;

export function TextAreaField({ name, label, hint, error, optional, ...textarea }: TextAreaProps) {
  const id = fieldId(name);
  return (
    <div className={`field${error ? ' field-has-error' : ''}`}>
      <FieldLabel id={id} label={label} optional={optional} />
      {hint ? <FieldHint id={id}>{hint}</FieldHint> : null}
      <FieldError id={id} error={error} />
      <textarea id={id} name={name} rows={5} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...textarea} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

type SelectFieldProps = FieldChrome &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id'> & {
    options: readonly Option[];
    /** Label of a first, empty option ("Choose …" or "All"); none when omitted. */
    placeholder?: string;
    describedByExtra?: string;
  };

export function SelectField({ name, label, hint, error, optional, options, placeholder, describedByExtra, ...select }: SelectFieldProps) {
  const id = fieldId(name);
  const describing = [describedBy(id, hint, error), describedByExtra].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field-has-error' : ''}`}>
      <FieldLabel id={id} label={label} optional={optional} />
      {hint ? <FieldHint id={id}>{hint}</FieldHint> : null}
      <FieldError id={id} error={error} />
      <select id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={describing} {...select}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface CheckboxGroupProps {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: readonly (Option & { hint?: ReactNode })[];
  values: readonly string[];
  onChange: (values: string[]) => void;
  columns?: boolean;
}

/** A fieldset of checkboxes; the legend names the group, each box has its own label. */
export function CheckboxGroup({ name, legend, hint, error, options, values, onChange, columns }: CheckboxGroupProps) {
  const id = fieldId(name);
  const toggle = (value: string, checked: boolean) =>
    onChange(checked ? [...values, value] : values.filter((v) => v !== value));
  return (
    <fieldset
      id={id}
      className={`field checkbox-group${error ? ' field-has-error' : ''}`}
      aria-describedby={describedBy(id, hint, error)}
      tabIndex={-1}
    >
      <legend className="field-label">{legend}</legend>
      {hint ? <FieldHint id={id}>{hint}</FieldHint> : null}
      <FieldError id={id} error={error} />
      <div className={columns ? 'checkbox-columns' : undefined}>
        {options.map((o) => (
          <div className="checkbox" key={o.value}>
            <input
              type="checkbox"
              id={`${id}-${o.value}`}
              name={name}
              value={o.value}
              checked={values.includes(o.value)}
              aria-describedby={o.hint ? `${id}-${o.value}-hint` : undefined}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
            {o.hint ? <FieldHint id={`${id}-${o.value}`}>{o.hint}</FieldHint> : null}
          </div>
        ))}
      </div>
    </fieldset>
  );
}

type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id' | 'type'> & { name: string; label: ReactNode; hint?: ReactNode };

export function Checkbox({ name, label, hint, ...input }: CheckboxProps) {
  const id = fieldId(name);
  return (
    <div className="field checkbox">
      <input type="checkbox" id={id} name={name} aria-describedby={hint ? `${id}-hint` : undefined} {...input} />
      <label htmlFor={id}>{label}</label>
      {hint ? <FieldHint id={id}>{hint}</FieldHint> : null}
    </div>
  );
}

interface RadioGroupProps {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: readonly (Option & { hint?: ReactNode })[];
  value: string;
  onChange: (value: string) => void;
  optional?: boolean;
  inline?: boolean;
}

/** A fieldset of radio buttons; an option may carry its own hint, tied to its input. */
export function RadioGroup({ name, legend, hint, error, options, value, onChange, optional, inline }: RadioGroupProps) {
  const { t } = useTranslation();
  const id = fieldId(name);
  return (
    <fieldset
      id={id}
      className={`field radio-group${inline ? ' radio-inline' : ''}${error ? ' field-has-error' : ''}`}
      aria-describedby={describedBy(id, hint, error)}
      tabIndex={-1}
    >
      <legend className="field-label">
        {legend}
        {optional ? <span className="field-optional"> {t('common.optional')}</span> : null}
      </legend>
      {hint ? <FieldHint id={id}>{hint}</FieldHint> : null}
      <FieldError id={id} error={error} />
      <div className="radio-options">
        {options.map((o) => (
          <div className="checkbox radio" key={o.value}>
            <input
              type="radio"
              id={`${id}-${o.value}`}
              name={name}
              value={o.value}
              checked={value === o.value}
              aria-describedby={o.hint ? `${id}-${o.value}-hint` : undefined}
              onChange={() => onChange(o.value)}
            />
            <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
            {o.hint ? <FieldHint id={`${id}-${o.value}`}>{o.hint}</FieldHint> : null}
          </div>
        ))}
      </div>
    </fieldset>
  );
}

type DateFieldProps = Omit<TextFieldProps, 'hint'> & { hint?: ReactNode };

/** A date typed as YYYY-MM-DD (the format Swedish authorities write), with that as its hint. */
export function DateField({ hint, className, ...props }: DateFieldProps) {
  const { t } = useTranslation();
  return <TextField hint={hint ?? t('common.dateHint')} autoComplete="off" spellCheck={false} className={`field-date${className ? ` ${className}` : ''}`} {...props} />;
}
