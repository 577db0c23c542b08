// The calendar day in Sweden. Deadlines and "not in the future" checks follow the Swedish
// calendar: just after midnight in Stockholm it is already the next day, though not yet in UTC.
const formatter = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** YYYY-MM-DD in Europe/Stockholm. */
export function swedishToday(now: Date = new Date()): string {
  return formatter.format(now);
}
