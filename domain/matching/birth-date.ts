// Birth dates as the matcher trusts them: parsed leniently, future or impossible dates dropped
// rather than thrown, and dates that are 1 January or marked estimated treated as "year only",
// because registrations default unknown dates to 1 January.

export interface BirthInfo {
  year: number;
  /** Null when only the year is known or the day and month cannot be trusted. */
  month: number | null;
  day: number | null;
  /** True when the date was estimated, is 1 January or is a year alone: an estimate of age. */
  weak: boolean;
}

/** The reference date, passed in so that parsing stays pure and testable. */
export interface Today {
  year: number;
  month: number;
  day: number;
}

export function todayFrom(date: Date): Today {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

const EARLIEST_YEAR = 1900;
const ISO_DATE = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isFuture(year: number, month: number, day: number, today: Today): boolean {
  if (year !== today.year) return year > today.year;
  if (month !== today.month) return month > today.month;
  return day > today.day;
}

/** Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; anything impossible or in the future gives null. */
export function parseBirthDate(text: string, today: Today): BirthInfo | null {
  const match = ISO_DATE.exec(text.trim());
  if (match === null) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? null : Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  if (year < EARLIEST_YEAR) return null;
  if (month !== null && (month < 1 || month > 12)) return null;
  if (month !== null && day !== null && (day < 1 || day > daysInMonth(year, month))) return null;
  if (isFuture(year, month ?? 1, day ?? 1, today)) return null;
  // A partial date is as much an estimate as a defaulted 1 January.
  return { year, month, day, weak: month === null || day === null || (month === 1 && day === 1) };
}

/** The birth information of a record: the date if usable, else the year, else nothing. */
export function birthInfoOf(
  birthDate: string | null | undefined,
  birthYear: number | null | undefined,
  imputed: boolean | undefined,
  today: Today,
): BirthInfo | null {
  const parsed = birthDate ? parseBirthDate(birthDate, today) : null;
  if (parsed !== null) return imputed === true ? { ...parsed, weak: true } : parsed;
  if (birthYear !== null && birthYear !== undefined && Number.isInteger(birthYear) && birthYear >= EARLIEST_YEAR && birthYear <= today.year) {
    // A year on its own is nearly always an age estimate ("about 30"), so it is weak.
    return { year: birthYear, month: null, day: null, weak: true };
  }
  return null;
}

export const BIRTH_EXACT = 0;
export const BIRTH_YEAR_MONTH = 1;
export const BIRTH_YEAR = 2;
export const BIRTH_WITHIN_2 = 3;
export const BIRTH_OTHER = 4;

/**
 * Two independent age estimates, each up to two years out, can differ by four; so when both
 * dates are weak the "within 2 years" level stretches to four years instead of calling it
 * "other". One estimate against a known date is at most two years out, as are two known dates.
 */
const WEAK_YEAR_WINDOW = 4;
const YEAR_WINDOW = 2;

/** Comparison level of two birth dates, or null when either is missing (weighs nothing). */
export function compareBirth(a: BirthInfo | null, b: BirthInfo | null): number | null {
  if (a === null || b === null) return null;
  const years = Math.abs(a.year - b.year);
  const window = a.weak && b.weak ? WEAK_YEAR_WINDOW : YEAR_WINDOW;
  if (years > window) return BIRTH_OTHER;
  if (years > 0) return BIRTH_WITHIN_2;
  // A weak date says nothing about day and month, so agreement there is not evidence.
  if (a.weak || b.weak || a.month === null || b.month === null || a.month !== b.month) return BIRTH_YEAR;
  if (a.day === null || b.day === null || a.day !== b.day) return BIRTH_YEAR_MONTH;
  return BIRTH_EXACT;
}
