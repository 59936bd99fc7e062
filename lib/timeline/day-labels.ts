/**
 * Event days as the timeline writes them. Day numbers come from lib/extraction/calendar.ts (Date.UTC
 * only), so a reader west of Greenwich never sees 16 May become 15 May.
 */
import { parts, toNumber, weekday } from '../extraction/calendar';
import type { IsoDay, TimePrecision } from '../extraction/types';

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "16 May 2020"; a string that is no day comes back as it is, so a bad record cannot break the list. */
export function formatDay(day: IsoDay): string {
  const n = toNumber(day);
  if (n === undefined) return day;
  const { year, month, day: date } = parts(n);
  return `${date} ${MONTHS[month - 1]} ${year}`;
}

/** "May 2020" */
export function formatMonth(day: IsoDay): string {
  const n = toNumber(day);
  if (n === undefined) return day;
  const { year, month } = parts(n);
  return `${MONTHS[month - 1]} ${year}`;
}

/**
 * The heading of an event's day at its ACLED precision: "Saturday 16 May 2020", "Week of 11 May 2020"
 * (the Monday of the Monday–Sunday week, which is how ACLED's mid-week dating reads), "May 2020".
 */
export function dayHeading(day: IsoDay, precision: TimePrecision): string {
  const n = toNumber(day);
  if (n === undefined) return day;
  if (precision === 3) return formatMonth(day);
  if (precision === 2) {
    const monday = n - ((weekday(n) + 6) % 7);
    const { year, month, day: date } = parts(monday);
    return `Week of ${date} ${MONTHS[month - 1]} ${year}`;
  }
  return `${WEEKDAYS[weekday(n)]} ${formatDay(day)}`;
}

/**
 * A date range as compactly as it reads unambiguously: "1–31 May 2020", "28 April – 3 May 2020",
 * "30 December 2019 – 2 January 2020"; an open end reads "from …" / "until …".
 */
export function formatDayRange(from?: IsoDay, to?: IsoDay): string {
  if (from && !to) return `from ${formatDay(from)}`;
  if (to && !from) return `until ${formatDay(to)}`;
  if (!from || !to) return '';
  if (from === to) return formatDay(from);
  const [first, last] = [toNumber(from), toNumber(to)];
  if (first === undefined || last === undefined) return `${formatDay(from)} – ${formatDay(to)}`;
  const a = parts(first);
  const b = parts(last);
  if (a.year !== b.year) return `${formatDay(from)} – ${formatDay(to)}`;
  if (a.month !== b.month) return `${a.day} ${MONTHS[a.month - 1]} – ${formatDay(to)}`;
  return `${a.day}–${formatDay(to)}`;
}
