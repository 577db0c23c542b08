// Dates as the Swedish standard writes them: YYYY-MM-DD, times as YYYY-MM-DD HH:MM local time.

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

const SWEDISH_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Today in Sweden as YYYY-MM-DD (the value an <input type="date"> takes): the calendar day the
 * server checks "not in the future" against, wherever the browser's clock is set.
 */
export function todayIso(now: Date = new Date()): string {
  return SWEDISH_DAY.format(now);
}

/** A date value from the API ("2026-07-05" or a full timestamp) as YYYY-MM-DD. */
export function formatDate(value: string | null): string {
  if (value === null || value === '') return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : todayIso(date);
}

/** A timestamp as YYYY-MM-DD HH:MM in the browser's time zone. */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return `${todayIso(date)} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
