/**
 * Calendar days as `YYYY-MM-DD` strings and as integers (days since 1970-01-01), through Date.UTC only:
 * the machine's time zone never enters. Shared by the event-date rules (dates.ts) and the publication-date
 * reader (metadata.ts).
 */
import type { IsoDay } from './types';

const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const pad = (n: number) => String(n).padStart(2, '0');

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The day number of a calendar date, or undefined when the date does not exist (31 April, 29 Feb 2019). */
export function dayNumber(year: number, month: number, day: number): number | undefined {
  if (!Number.isInteger(year) || year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function fromNumber(n: number): IsoDay {
  const d = new Date(n * MS_PER_DAY);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `YYYY-MM-DD` for a date that exists, else undefined. */
export function isoDay(year: number, month: number, day: number): IsoDay | undefined {
  const n = dayNumber(year, month, day);
  return n === undefined ? undefined : fromNumber(n);
}

export function parts(n: number): { year: number; month: number; day: number } {
  const d = new Date(n * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function toNumber(day: string): number | undefined {
  const m = ISO_DAY.exec(day);
  return m ? dayNumber(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** True for a `YYYY-MM-DD` string naming a day that exists. */
export function isIsoDay(value: string): boolean {
  return toNumber(value) !== undefined;
}

/** The day number of a `YYYY-MM-DD` day; throws a RangeError for anything else. */
export function mustNumber(day: IsoDay): number {
  const n = toNumber(day);
  if (n === undefined) throw new RangeError(`Not a YYYY-MM-DD day: ${JSON.stringify(day)}`);
  return n;
}

/** 0 Sunday … 6 Saturday of day number `n` (1970-01-01 was a Thursday). */
export const weekday = (n: number): number => (((n + 4) % 7) + 7) % 7;

/** 1–12 for an English month name or its abbreviation ("Sept", "march"), 0 when it is none. */
export function monthNumber(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/**
 * The reader's calendar day on their own clock (a clip, an export): unlike event days, this one is meant to
 * follow the machine's time zone.
 */
export function localDay(date: Date): IsoDay {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
