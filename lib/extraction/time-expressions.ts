import { dayNumber, daysInMonth, monthNumber, parts, weekday } from './calendar';
import type { TimePrecision } from './types';

/**
 * The time expressions of English news copy and the day each one names: "on Saturday night", "26 May
 * 2017", "last week", "earlier this month", "three days ago", with the ACLED precision of each and the
 * period it covers. Which expression dates the event is dates.ts's choice; this module only reads them.
 */

const monday = (n: number) => n - ((weekday(n) + 6) % 7);
const midpoint = (first: number, last: number) => Math.floor((first + last) / 2);

/** The most recent `wd` on or before day `n`. */
const onOrBefore = (n: number, wd: number) => n - ((weekday(n) - wd + 7) % 7);
/** The first `wd` on or after day `n`. */
const onOrAfter = (n: number, wd: number) => n + ((wd - weekday(n) + 7) % 7);

// -------------------------------------------------------------------------------------------- readings

type Tense = 'past' | 'future';

export interface Resolved {
  day: number;
  precision: TimePrecision;
  /** The period the expression names; a finer expression inside it dates the same event. */
  first: number;
  last: number;
}

interface Reading {
  /** Set when the words fix the direction ("last Friday", "next week", "two days ago"). */
  tense?: Tense;
  resolve(ref: number, tense: Tense): Resolved | undefined;
}

const exact = (day: number): Resolved => ({ day, precision: 1, first: day, last: day });
function week(first: number, last: number): Resolved {
  const end = Math.max(first, last);
  return { day: midpoint(first, end), precision: 2, first, last: end };
}
const weekend = (saturday: number): Resolved => ({ day: saturday, precision: 2, first: saturday, last: saturday + 1 });

type MonthPart = 'early' | 'mid' | 'late';

/**
 * A month (precision 3), dated by ACLED's rule: the 15th, or the first/last day when the text says so.
 * `known` narrows the month to the part the text can mean ("earlier this month": up to the day before
 * publication); a nominal day outside it moves inside.
 */
function month(year: number, m: number, part: MonthPart, known?: { first: number; last: number }): Resolved | undefined {
  const start = dayNumber(year, m, 1);
  if (start === undefined) return undefined;
  const end = start + daysInMonth(year, m) - 1;
  const first = Math.max(start, Math.min(end, known?.first ?? start));
  const last = Math.max(first, Math.min(end, known?.last ?? end));
  const nominal = part === 'early' ? start : part === 'late' ? end : start + 14;
  let day = nominal;
  if (nominal < first || nominal > last) day = part === 'early' ? first : part === 'late' ? last : midpoint(first, last);
  return { day, precision: 3, first: start, last: end };
}

/** The part of the current period a clause can mean: up to the reference day, or from it on. */
function sideOf(ref: number, tense: Tense): { first: number; last: number } {
  return tense === 'future' ? { first: ref, last: Infinity } : { first: -Infinity, last: ref };
}

function shiftMonth(year: number, m: number, by: number): { year: number; month: number } {
  const index = year * 12 + (m - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function monthPart(words: string | undefined): MonthPart {
  if (!words) return 'mid';
  if (/^(?:early|beginning|start)$/i.test(words)) return 'early';
  if (/^(?:late|end)$/i.test(words)) return 'late';
  return 'mid';
}

// ------------------------------------------------------------------------------------------- patterns

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY = WEEKDAYS.join('|');
const MONTH_NAMES = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];
const MONTH_FULL = MONTH_NAMES.join('|');
// Abbreviations only next to a day number: alone, "Mar" or "Dec" is too often something else.
const MONTH_ANY = `${MONTH_FULL}|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec`;
const NUMBER_WORDS = [
  'a', 'one', 'two', 'three', 'four', 'five', 'six',
  'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve',
];
const NUMBER = `an?|${NUMBER_WORDS.slice(1).join('|')}|\\d{1,2}`;

/** Words before a day that leave the day unchanged: "late on", "on the night of", "overnight on". */
const LEAD =
  String.raw`(?:(?:late|early|earlier|later)\s+(?:on\s+)?|(?:(?:on|in|during)\s+)?the\s+night\s+of\s+|` +
  String.raw`(?:in\s+)?the\s+early\s+hours\s+of\s+|overnight\s+(?:on\s+)?|on\s+)?`;
/** Where in a month: "early May", "mid-June", "at the end of last month". */
const POSITION =
  String.raw`(?:(?<mod>early|late|mid)[\s-]+|(?:at\s+|in\s+|by\s+|towards?\s+)?the\s+(?<pos>end|beginning|start|middle)\s+of\s+)?`;
const DAY_PART = String.raw`(?:\s+(?:night|morning|afternoon|evening))?`;
const ORDINAL = '(?:st|nd|rd|th)?';

const monthOf = monthNumber;
function numberOf(word: string): number {
  if (/^\d+$/.test(word)) return Number(word);
  return Math.max(1, NUMBER_WORDS.indexOf(word.toLowerCase()));
}

/** "may" and "march" in lower case are verbs far more often than months ("as many as 10 may have died"). */
const isVerbNotMonth = (word: string | undefined) => word === 'may' || word === 'march';

/** A month-day without a year: the most recent on or before the reference, or the next one when future. */
function monthDay(m: number, d: number, ref: number, tense: Tense): Resolved | undefined {
  const { year } = parts(ref);
  // Eight years back or forward always reaches a 29 February.
  for (let i = 0; i <= 8; i++) {
    const n = dayNumber(tense === 'future' ? year + i : year - i, m, d);
    if (n !== undefined && (tense === 'future' ? n >= ref : n <= ref)) return exact(n);
  }
  return undefined;
}

function dateReading(g: Record<string, string | undefined>): Reading | undefined {
  if (isVerbNotMonth(g.month)) return undefined;
  const m = monthOf(g.month ?? '');
  const d = Number(g.d1);
  if (g.year !== undefined) {
    const n = dayNumber(Number(g.year), m, d);
    return n === undefined ? undefined : { resolve: () => exact(n) };
  }
  if (d < 1 || d > daysInMonth(2000, m)) return undefined;
  return { resolve: (ref, tense) => monthDay(m, d, ref, tense) };
}

function weekdayReading(g: Record<string, string | undefined>): Reading {
  const wd = WEEKDAYS.indexOf((g.wd ?? '').toLowerCase());
  const rel = g.rel?.toLowerCase().replace(/\s+/g, ' ');
  if (rel === 'next') return { tense: 'future', resolve: (ref) => exact(onOrAfter(ref + 1, wd)) };
  if (rel === 'last' || rel === 'past' || rel === 'this past') {
    return { tense: 'past', resolve: (ref) => exact(onOrBefore(ref - 1, wd)) };
  }
  return { resolve: (ref, tense) => exact(tense === 'future' ? onOrAfter(ref + 1, wd) : onOrBefore(ref, wd)) };
}

function monthNameReading(g: Record<string, string | undefined>): Reading | undefined {
  if (isVerbNotMonth(g.month)) return undefined;
  const m = monthOf(g.month ?? '');
  const part = monthPart(g.mod ?? g.pos);
  const rel = g.rel?.toLowerCase();
  if (g.year !== undefined) {
    const resolved = month(Number(g.year), m, part);
    return resolved && { resolve: () => resolved };
  }
  const resolve = (ref: number, tense: Tense) => {
    const r = parts(ref);
    const year = yearOfMonth(m, r, rel, tense);
    // Only the current month is partly in the future; keep a past clause's date on the side already past.
    const current = year === r.year && m === r.month;
    return month(year, m, part, current ? sideOf(ref, tense) : undefined);
  };
  const tense: Tense | undefined = rel === 'last' ? 'past' : rel === 'next' ? 'future' : undefined;
  return { tense, resolve };
}

/** "last June" is before the month of publication, "next June" after it; a bare "June" may be this one. */
function yearOfMonth(m: number, ref: { year: number; month: number }, rel: string | undefined, tense: Tense): number {
  const { year, month: current } = ref;
  if (rel === 'this') return year;
  if (rel === 'last') return m < current ? year : year - 1;
  if (rel === 'next') return m > current ? year : year + 1;
  if (tense === 'future') return m >= current ? year : year + 1;
  return m <= current ? year : year - 1;
}

/** "last week", "earlier this month", "over the weekend", "late last month", "next week". */
function relativePeriodReading(g: Record<string, string | undefined>): Reading {
  const rel = (g.rel ?? 'this').toLowerCase().replace(/\s+/g, ' ').replace(/^the /, '');
  const unit = (g.unit ?? '').toLowerCase();
  const part = monthPart(g.mod ?? g.pos);
  const fixed: Tense | undefined = rel === 'next' || rel === 'later this' ? 'future' : rel === 'this' ? undefined : 'past';
  const resolve = (ref: number, tense: Tense): Resolved | undefined => {
    const mon = monday(ref);
    const { year, month: m } = parts(ref);
    if (unit === 'week') {
      if (rel === 'last') return week(mon - 7, mon - 1);
      if (rel === 'next') return week(mon + 7, mon + 13);
      if (rel === 'past' || rel === 'this past') return week(ref - 7, ref - 1);
      if (rel === 'earlier this') return week(mon, Math.max(mon, ref - 1));
      if (rel === 'later this') return week(Math.min(ref + 1, mon + 6), mon + 6);
      return tense === 'future' ? week(ref, mon + 6) : week(mon, ref);
    }
    if (unit === 'weekend') {
      // A weekend that has ended: its Sunday is before the reference day.
      if (rel === 'last') return weekend(onOrBefore(ref - 2, 6));
      if (rel === 'next') return weekend(onOrAfter(ref + 1, 6));
      return weekend(tense === 'future' ? onOrAfter(ref, 6) : onOrBefore(ref, 6));
    }
    if (rel === 'past' || rel === 'this past') return { day: ref - 15, precision: 3, first: ref - 30, last: ref - 1 };
    if (rel === 'last') return shifted(year, m, -1, part);
    if (rel === 'next') return shifted(year, m, 1, part);
    if (rel === 'earlier this') return month(year, m, part, { first: -Infinity, last: ref - 1 });
    if (rel === 'later this') return month(year, m, part, { first: ref + 1, last: Infinity });
    return month(year, m, part, sideOf(ref, tense));
  };
  return { tense: fixed, resolve };
}

function shifted(year: number, m: number, by: number, part: MonthPart): Resolved | undefined {
  const t = shiftMonth(year, m, by);
  return month(t.year, t.month, part);
}

function agoReading(g: Record<string, string | undefined>): Reading {
  const n = numberOf(g.n ?? '1');
  const unit = (g.unit ?? '').toLowerCase();
  const resolve = (ref: number): Resolved | undefined => {
    if (unit === 'day') return exact(ref - n);
    // "three weeks ago" is a week known, not a day: mid-period around the day it names.
    if (unit === 'week') return { day: ref - 7 * n, precision: 2, first: ref - 7 * n - 3, last: ref - 7 * n + 3 };
    const { year, month: m } = parts(ref);
    return shifted(year, m, -n, 'mid');
  };
  return { tense: 'past', resolve };
}

const RELATIVE_DAYS: Record<string, number> = {
  yesterday: -1,
  'last night': -1,
  overnight: -1,
  'the day before yesterday': -2,
  today: 0,
  tonight: 0,
  'this morning': 0,
  'this afternoon': 0,
  'this evening': 0,
  tomorrow: 1,
};

function relativeDayReading(g: Record<string, string | undefined>): Reading | undefined {
  const offset = RELATIVE_DAYS[(g.word ?? '').toLowerCase().replace(/\s+/g, ' ')];
  if (offset === undefined) return undefined;
  // "yesterday" can only be past, whatever the clause says ("vowed it will avenge yesterday's attack").
  const tense: Tense | undefined = offset > 0 ? 'future' : offset < 0 ? 'past' : undefined;
  return { tense, resolve: (ref) => exact(ref + offset) };
}

interface Pattern {
  re: RegExp;
  read(groups: Record<string, string | undefined>): Reading | undefined;
}

const rx = (source: string) => new RegExp(source, 'gi');

const PATTERNS: Pattern[] = [
  // 26 May · 26 May 2017 · 26th of May · on the night of 3-4 April (the night begins on the 3rd)
  {
    re: rx(
      String.raw`\b${LEAD}(?:(?:${WEEKDAY})(?:'s)?,?\s+)?(?:the\s+)?(?<d1>\d{1,2})${ORDINAL}` +
        String.raw`(?:\s*(?:-|to|and)\s*\d{1,2}${ORDINAL})?\s+(?:of\s+)?(?<month>${MONTH_ANY})\b` +
        String.raw`(?:\.?,?\s+(?<year>\d{4})\b)?`,
    ),
    read: dateReading,
  },
  // May 26 · May 26, 2017 · Thursday, Aug. 17 · April 3-4
  {
    re: rx(
      String.raw`\b${LEAD}(?:(?:${WEEKDAY}),?\s+)?(?<month>${MONTH_ANY})\b\.?\s+(?:the\s+)?(?<d1>\d{1,2})${ORDINAL}\b` +
        String.raw`(?:\s*-\s*\d{1,2}${ORDINAL}\b)?(?:,?\s+(?<year>\d{4})\b)?`,
    ),
    read: dateReading,
  },
  // 2017-05-26: the only numeric form whose reading is certain.
  {
    re: rx(String.raw`\b(?:on\s+)?(?<year>\d{4})-(?<m>\d{2})-(?<d1>\d{2})\b`),
    read: (g) => {
      const n = dayNumber(Number(g.year), Number(g.m), Number(g.d1));
      return n === undefined ? undefined : { resolve: () => exact(n) };
    },
  },
  // on Friday · Saturday night · late on Thursday · early Sunday · Tuesday's attack · last Friday · next Friday
  {
    re: rx(String.raw`\b${LEAD}(?:(?<rel>last|next|this\s+past|this|past)\s+)?(?<wd>${WEEKDAY})(?:'s)?${DAY_PART}\b`),
    read: weekdayReading,
  },
  // in June · last June · early May · mid-June · at the end of June · in June 2019 · June, 2019
  {
    re: rx(
      String.raw`\b(?:(?:in|during)\s+)?${POSITION}(?:in\s+)?(?:(?<rel>last|next|this)\s+)?` +
        String.raw`(?<month>${MONTH_FULL})\b(?:,?\s+(?<year>\d{4})\b)?`,
    ),
    read: (g) => {
      // A bare month name is as often a person ("Theresa May") as a date: it needs a word that makes it one.
      const introduced = /^(?:in|during)\b/i.test(g.lead ?? '');
      if (g.year === undefined && !g.mod && !g.pos && !g.rel && !introduced) return undefined;
      return monthNameReading(g);
    },
  },
  // last week · earlier this month · late last month · this past weekend · the past week · next month
  {
    re: rx(
      String.raw`\b${POSITION}(?<rel>last|next|earlier\s+this|later\s+this|this\s+past|this|(?:the\s+)?past)\s+` +
        String.raw`(?<unit>week|weekend|month)\b`,
    ),
    read: relativePeriodReading,
  },
  // over the weekend · at the weekend
  {
    re: rx(String.raw`\b(?:over|at|during)\s+the\s+(?<unit>weekend)\b`),
    read: (g) => relativePeriodReading({ unit: g.unit }),
  },
  // two days ago · three weeks ago · a week ago · four months ago
  { re: rx(String.raw`\b(?<n>${NUMBER})\s+(?<unit>day|week|month)s?\s+ago\b`), read: agoReading },
  // yesterday · last night · overnight · today · this morning · tonight · tomorrow
  {
    re: rx(
      String.raw`\b(?:(?:late|early|earlier|later)\s+)?(?<!\ban\s)(?<word>the\s+day\s+before\s+yesterday|yesterday|` +
        String.raw`today|tonight|tomorrow|last\s+night|overnight|this\s+(?:morning|afternoon|evening))${DAY_PART}\b`,
    ),
    read: relativeDayReading,
  },
];

// ---------------------------------------------------------------------------------------- finding them

/**
 * One character for one: offsets found in the normalised text are offsets in the original.
 * Curly apostrophes and quotes and the en dash of "3–4 April" become their plain forms; no-break spaces need
 * nothing, being `\s` to a JavaScript pattern.
 */
export function normalise(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e]/g, '"')
    .replace(/[\u2010\u2011\u2013]/g, '-');
}

export interface Found {
  start: number;
  end: number;
  reading: Reading;
}

export function findExpressions(text: string): Found[] {
  const found: Found[] = [];
  for (const { re, read } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const groups: Record<string, string | undefined> = { ...m.groups, lead: m[0] };
      const reading = read(groups);
      if (reading) found.push({ start: m.index, end: m.index + m[0].length, reading });
    }
  }
  // Where patterns overlap the longer reading says more ("on Thursday, August 17" over "on Thursday").
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Found[] = [];
  for (const f of found) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  return kept.sort((a, b) => a.start - b.start);
}
