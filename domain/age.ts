// Age rules for assessment and statistics: a person's age on a given date from the best evidence
// held, and whether that makes them a child (under 18, DOMAIN.md §4). Dates are YYYY-MM-DD
// strings compared as calendar dates; no Date objects, so no time zone can shift a birthday.
import type { AgeGroup } from './codelists/sex-age.js';

export interface AgeEvidence {
  /** YYYY-MM-DD */
  birthDate?: string | null;
  birthYear?: number | null;
  estimatedAge?: number | null;
  /** YYYY-MM-DD: the date the estimate was made */
  estimatedAgeOn?: string | null;
}

export type AgeBasis = 'birth_date' | 'birth_year' | 'estimated' | 'unknown';

export const CHILD_AGE_LIMIT = 18;

interface CalendarDate {
  y: number;
  m: number;
  d: number;
}

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

function parseDate(s: string | null | undefined): CalendarDate | null {
  const match = typeof s === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) : null;
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

/** True for a real calendar date written YYYY-MM-DD ("2023-02-29" is false). */
export function isIsoDate(s: string): boolean {
  return parseDate(s) !== null;
}

/**
 * Whole years from `from` to `to`, counted like birthdays by comparing month and day. A 29
 * February anniversary is therefore reached on 1 March in common years: the person is not a year
 * older until the 29th has passed, which also keeps a borderline child a child for that day.
 * Negative when `to` is before `from` (floor, not truncation).
 */
function completedYears(from: CalendarDate, to: CalendarDate): number {
  const beforeAnniversary = to.m < from.m || (to.m === from.m && to.d < from.d);
  return to.y - from.y - (beforeAnniversary ? 1 : 0);
}

/**
 * Age in completed years on `on`, from the best evidence: the birth date; else the birth year,
 * counted as born 1 July (mid-year, so the error is at most half a year either way); else the
 * estimated age, advanced by the whole years since `estimatedAgeOn` (treated as the day the person
 * reached the estimated age, the youngest reading of the estimate); else unknown. Evidence that
 * is malformed or would give a negative age is skipped in favour of the next kind.
 */
export function ageAt(e: AgeEvidence, on: string): { years: number | null; basis: AgeBasis } {
  const day = parseDate(on);
  if (!day) throw new RangeError(`ageAt: "${on}" is not a YYYY-MM-DD date`);

  const born = parseDate(e.birthDate);
  if (born) {
    const years = completedYears(born, day);
    if (years >= 0) return { years, basis: 'birth_date' };
  }

  if (typeof e.birthYear === 'number' && Number.isInteger(e.birthYear)) {
    const years = completedYears({ y: e.birthYear, m: 7, d: 1 }, day);
    if (years >= 0) return { years, basis: 'birth_year' };
  }

  if (typeof e.estimatedAge === 'number' && Number.isFinite(e.estimatedAge) && e.estimatedAge >= 0) {
    const estimate = Math.floor(e.estimatedAge); // "about 16½" is 16 completed years
    const estimatedOn = parseDate(e.estimatedAgeOn);
    const years = estimatedOn ? estimate + completedYears(estimatedOn, day) : estimate;
    if (years >= 0) return { years, basis: 'estimated' };
  }

  return { years: null, basis: 'unknown' };
}

/** child = under 18 on `on`; unknown when no usable evidence. */
export function ageGroupAt(e: AgeEvidence, on: string): AgeGroup {
  const { years } = ageAt(e, on);
  if (years === null) return 'unknown';
  return years < CHILD_AGE_LIMIT ? 'child' : 'adult';
}
