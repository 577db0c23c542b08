// Small conversions between form text and API values.
import { COUNTRY_CODES, countryName, type Lang } from '../../domain/index.js';
import type { Option } from './components/fields.js';

/** A whole number typed in a form, or null when empty; NaN when it is not a whole number. */
export function wholeOrNull(text: string): number | null {
  const s = text.replace(/\s/g, '');
  if (s === '') return null;
  return /^\d+$/.test(s) ? Number(s) : Number.NaN;
}

export function numberText(n: number | null): string {
  return n === null ? '' : String(n);
}

const countryCache: Partial<Record<Lang, Option[]>> = {};

/** Every country as a select option in `lang`, sorted by name. */
export function countryOptions(lang: Lang): Option[] {
  return (countryCache[lang] ??= COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code, lang) })).sort((a, b) => a.label.localeCompare(b.label, lang)));
}
