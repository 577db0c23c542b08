// The small fields: sex, citizenship, phone, e-mail and document numbers, each reduced to a
// comparison form so that "+46 70-123 45 67" and "0701234567" or "ukr" and "UA" agree.

export type Sex = 'f' | 'm';

const SEX_CODES: Readonly<Record<string, Sex>> = {
  f: 'f',
  female: 'f',
  woman: 'f',
  k: 'f',
  kvinna: 'f',
  m: 'm',
  male: 'm',
  man: 'm',
};

/** Female or male; anything else (unknown, other, blank) is missing and weighs nothing. */
export function normaliseSex(value: string | null | undefined): Sex | null {
  if (!value) return null;
  return SEX_CODES[value.trim().toLowerCase()] ?? null;
}

// Alpha-3 to alpha-2 for the countries most often seen in referrals; others are kept as given.
const ALPHA3_TO_ALPHA2: Readonly<Record<string, string>> = {
  THA: 'TH', ROU: 'RO', UKR: 'UA', RUS: 'RU', ESP: 'ES', SWE: 'SE', MDA: 'MD', BGR: 'BG',
  BLR: 'BY', POL: 'PL', NGA: 'NG', VNM: 'VN', CHN: 'CN', PHL: 'PH', HUN: 'HU', SVK: 'SK',
  LTU: 'LT', LVA: 'LV', EST: 'EE', DOM: 'DO', COL: 'CO', VEN: 'VE', PRY: 'PY', ERI: 'ER',
  SOM: 'SO', AFG: 'AF', SYR: 'SY', IRQ: 'IQ', MAR: 'MA', ALB: 'AL', SRB: 'RS', KGZ: 'KG',
  UZB: 'UZ', GEO: 'GE', ARM: 'AM', AZE: 'AZ', KAZ: 'KZ', TJK: 'TJ', BRA: 'BR', ROM: 'RO',
};

export function normaliseCitizenship(code: string): string | null {
  const upper = code.trim().toUpperCase();
  if (!/^[A-Z]{2,3}$/.test(upper)) return null;
  return ALPHA3_TO_ALPHA2[upper] ?? upper;
}

/** The last nine digits: long enough to be specific, short enough to ignore +46 versus 0. */
export function normalisePhone(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 6) return null;
  return `p:${digits.slice(-9)}`;
}

export function normaliseEmail(email: string): string | null {
  const trimmed = email.trim().toLowerCase();
  return /^[^@\s]+@[^@\s]+$/.test(trimmed) ? `e:${trimmed}` : null;
}

/** Upper case letters and digits only; short strings are too likely to collide to count. */
export function normaliseDocumentNumber(value: string): string | null {
  const compact = value.normalize('NFKC').toUpperCase().replace(/[^A-Z0-9]/g, '');
  return compact.length >= 5 ? compact : null;
}

export const SET_SHARED = 0;
export const SET_DISJOINT = 1;

/** Shared (0) when the two sets meet, disjoint (1) when both are non-empty and do not, else null. */
export function compareSets(a: readonly string[], b: readonly string[]): number | null {
  if (a.length === 0 || b.length === 0) return null;
  for (const x of a) if (b.includes(x)) return SET_SHARED;
  return SET_DISJOINT;
}

export function compareSex(a: Sex | null, b: Sex | null): number | null {
  if (a === null || b === null) return null;
  return a === b ? 0 : 1;
}
