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

const isoOf = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** A day given as numbers, as YYYY-MM-DD; undefined when there is no such day (31 February, month 13). */
export function calendarDateOf(year: number, month: number, day: number): string | undefined {
  const iso = isoOf(year, month, day);
  return isCalendarDate(iso) ? iso : undefined;
}
const monthNumber = (name: string) => MONTHS.findIndex((month) => month.slice(0, 3).toLowerCase() === name.slice(0, 3).toLowerCase()) + 1;

/**
 * A whole date written some other way than YYYY-MM-DD: "14/11/2019" (day first, as British papers
 * write it), "14.11.19", "14th November 2019", "November 14, 2019", "2019/11/14". Gives the date as
 * YYYY-MM-DD, or `iso: undefined` when it names no real day ("31/02/2019"). Undefined for text that is
 * not a whole date, such as "Date Req" or "November 2019".
 */
export function dateWrittenOtherwise(text: string): { iso: string | undefined } | undefined {
  const trimmed = text.trim();
  const real = (year: number, month: number, day: number) => ({ iso: calendarDateOf(year, month, day) });
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(trimmed);
  if (numeric) return real(numeric[3]!.length === 2 ? 2000 + Number(numeric[3]) : Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const yearFirst = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(trimmed);
  if (yearFirst) return real(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]));
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})$/.exec(trimmed);
  const monthFirst = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(trimmed);
  const [day, month, year] = dayFirst ? [dayFirst[1]!, dayFirst[2]!, dayFirst[3]!] : monthFirst ? [monthFirst[2]!, monthFirst[1]!, monthFirst[3]!] : [];
  if (day && month && year && monthNumber(month) > 0) return real(Number(year), monthNumber(month), Number(day));
  return undefined;
}
