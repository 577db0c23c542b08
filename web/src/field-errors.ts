// Field errors keyed by input name. The server names a field by its path in the request
// ("body.person.birthDate", "referredOn", "person.citizenships.0"); the form names its inputs by
// the same path without the "body." prefix or an array index.
import type { FieldIssue } from './api.js';

export type FieldErrors = Record<string, string>;

export function fieldKey(path: string): string {
  return path
    .replace(/^body\./, '')
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .join('.');
}

/** Server issues as field errors; the first message per field wins. Unknown fields land in `rest`. */
export function fieldErrorsFrom(issues: FieldIssue[], known: readonly string[]): { errors: FieldErrors; rest: string[] } {
  const errors: FieldErrors = {};
  const rest: string[] = [];
  for (const issue of issues) {
    const key = fieldKey(issue.path);
    if (known.includes(key)) errors[key] ??= issue.message;
    else rest.push(issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`);
  }
  return { errors, rest };
}

/** The id an input gets for a field name, usable in href="#…" from the error summary. */
export function fieldId(name: string): string {
  return `f-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
}
