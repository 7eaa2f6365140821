/** Dates as the site writes and reads them. All dates are calendar dates in Europe/London. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when text is YYYY-MM-DD and names a day that exists (2019-02-31 does not). */
export function isCalendarDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** "2019-06-11" → "11 June 2019", as GOV.UK writes dates. */
export function formatDate(isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  if (!match) throw new Error(`not a date: ${isoDate}`);
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1]} ${match[1]}`;
}

/** The year of an ISO date, as text. */
export function yearOf(isoDate: string): string {
  return isoDate.slice(0, 4);
}

/** Today in Europe/London as YYYY-MM-DD: the day an embargo lifts. */
export function todayInLondon(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
