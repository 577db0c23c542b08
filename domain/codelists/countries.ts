// Countries as ISO 3166-1 alpha-2 codes: the 249 codes of the HTCDS v2.0 citizenship list
// (generated into country-codes.data.ts), their names in Swedish and English, and the EU member
// states. Names come from Intl.DisplayNames, which Node and every current browser carry, so no
// name table is kept here. Kosovo (XK) is not in the HTCDS list and so not accepted.
import type { Lang } from './codelist.js';
import { COUNTRY_CODES } from './country-codes.data.js';

export { COUNTRY_CODES };

const CODES = new Set(COUNTRY_CODES);

export function isCountryCode(s: unknown): s is string {
  return typeof s === 'string' && CODES.has(s);
}

const displayNames: Partial<Record<Lang, Intl.DisplayNames>> = {};

/** Country name in `lang`; falls back to the code for an unknown or malformed code. */
export function countryName(code: string, lang: Lang): string {
  if (!/^[A-Z]{2}$/.test(code)) return code;
  const names = (displayNames[lang] ??= new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' }));
  return names.of(code) ?? code;
}

/**
 * The 27 EU member states (since 1 February 2020), for Eurostat's "other EU" grouping. ISO codes:
 * Eurostat writes Greece as EL, so an export to Eurostat must translate GR → EL itself.
 */
export const EU_MEMBER_STATES: readonly string[] = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU',
  'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
];

const EU = new Set(EU_MEMBER_STATES);

export function isEuMemberState(code: string): boolean {
  return EU.has(code);
}
