/**
 * The event date of a clipped paragraph, read from its own time expressions ("on Saturday night",
 * "26 May 2017", "last week") against the publication day, with ACLED's time precision.
 *
 * Rules (an analyst checks these against the codebook, so they are fixed and tested):
 * - News reports the past. A weekday or a month-day without a year is the most recent one on or before
 *   the reference day (a weekday equal to the reference's weekday is the reference day itself), unless its
 *   clause speaks of the future ("will meet on Friday", "is due to", "scheduled for"): then the next one.
 * - "yesterday", "last night" and "overnight" are the day before publication: a report published on the
 *   morning of the 5th that says "overnight" means the night of the 4th to the 5th, and a night is dated by
 *   the evening it began in, as "on the night of 3-4 April" is the 3rd (one rule for both, and it never
 *   dates an event after publication).
 * - Precision 2 (a week or a weekend) sets the day mid-period: Thursday of a Monday-Sunday week, the middle
 *   of the part of the week already past for "this week"; a weekend is dated by its Saturday (two days have no
 *   middle day). Precision 3 (a month) sets the 15th, the 1st for "early"/"the beginning of" and the last day
 *   for "late"/"the end of". A day that would fall after publication in a past clause ("earlier this month"
 *   on the 6th) moves into the part of the period already past.
 * - Background dates are skipped: more than BACKGROUND_DAYS before the reference and introduced by a cue
 *   ("since", "toppled", "founded", "back in", "the April 2019 offensive"); and when the paragraph also dates
 *   something recent, older dates are context, not the event. Years alone ("in 2011", "last year") never date
 *   an event. "The day before" and "the previous day" are read relative to another event in the text, not to
 *   publication, so they are not read at all rather than guessed.
 * - Of the remaining expressions the earliest in the text dates the event (news leads with it); a later,
 *   finer expression wins only when it falls inside the earlier one's period ("earlier this month, on 3 June").
 *   Future expressions are used only when nothing else is left.
 */
import { fromNumber, isIsoDay, mustNumber } from './calendar';
import type { EventDate, IsoDay } from './types';
import { findExpressions, normalise, type Resolved } from './time-expressions';

// -------------------------------------------------------------------------------------------- context

/** Punctuation that ends the clause a time expression belongs to. */
const CLAUSE_END = /[,;:.!?()"\u2014]/;
/** Verbs of reporting: what follows them is the reported clause, which carries its own tense. */
const REPORTING = /\b(?:said|says|say|told|tells|announced|added|stated|reported|warned|confirmed|according\s+to)\b/gi;
/** Present-tense words about what is still to come; "was due to", "was expected to" are not among them. */
const NOT_PAST = String.raw`(?<!\b(?:was|were|been|had)\s+)`;
const FUTURE_CUE = new RegExp(
  [
    String.raw`\b(?:will|shall|won't|upcoming|to\s+be\s+held|plans?\s+to|planning\s+to|intends?\s+to)\b`,
    String.raw`\b(?:is|are|be)\s+(?:due|expected|scheduled|set|slated|planned)\b`,
    String.raw`\b(?:is|are)\s+to\s+(?:meet|hold|vote|visit|begin|start|resume|sign|travel|be)\b`,
    String.raw`${NOT_PAST}\b(?:expected\s+to|scheduled\s+for)\b`,
    String.raw`\w'll\b`,
  ].join('|'),
  'i',
);
const FUTURE_AFTER = /^\s+(?:will|(?:is|are)\s+(?:due|expected|scheduled|set)\s+to)\b/i;
/** Words that introduce a date as history rather than as the event reported. */
const BACKGROUND_CUE = new RegExp(
  String.raw`\b(?:since|until|till|toppl\w*|oust\w*|overthr\w*|fall\s+of|fell|founded|formed|established|` +
    String.raw`back\s+in|ruled|uprising|revolution)\b`,
  'i',
);
const BACKGROUND_AFTER = /^\s*(?:'s\s+)?(?:uprising|revolution|revolt|offensive|war|civil\s+war|elections?)\b/i;
/** Days before the reference beyond which a date can be background, ACLED's reporting lag being shorter. */
export const BACKGROUND_DAYS = 60;

function clauseStart(text: string, index: number): number {
  for (let i = index - 1; i >= 0; i--) if (CLAUSE_END.test(text[i]!)) return i + 1;
  return 0;
}

function clauseEnd(text: string, index: number): number {
  for (let i = index; i < text.length; i++) if (CLAUSE_END.test(text[i]!)) return i;
  return text.length;
}

function afterLastReporting(words: string): string {
  let cut = 0;
  for (const m of words.matchAll(REPORTING)) cut = m.index + m[0].length;
  return words.slice(cut);
}

/**
 * Whether the clause around the expression speaks of the future. An expression that opens its clause
 * ("On Friday, parliament will vote") is governed by the clause that follows it, up to a verb of reporting
 * ("On Friday, the GNA said it will retaliate" reports the past).
 */
function isFutureClause(text: string, start: number, end: number): boolean {
  const before = text.slice(clauseStart(text, start), start);
  if (/^\s*(?:and|but|then|so)?\s*$/i.test(before)) {
    let from = end;
    while (from < text.length && /[\s,:]/.test(text[from]!)) from++;
    const next = text.slice(from, clauseEnd(text, from));
    REPORTING.lastIndex = 0;
    const reporting = REPORTING.exec(next);
    return FUTURE_CUE.test(reporting ? next.slice(0, reporting.index) : next);
  }
  return FUTURE_CUE.test(afterLastReporting(before)) || FUTURE_AFTER.test(text.slice(end));
}

function hasBackgroundCue(text: string, start: number, end: number): boolean {
  return BACKGROUND_CUE.test(text.slice(clauseStart(text, start), end)) || BACKGROUND_AFTER.test(text.slice(end));
}

// ------------------------------------------------------------------------------------------ candidates

interface Candidate extends Resolved {
  start: number;
  end: number;
  future: boolean;
  background: boolean;
}

function candidates(text: string, ref: number): Candidate[] {
  const out: Candidate[] = [];
  for (const { start, end, reading } of findExpressions(text)) {
    const tense = reading.tense ?? (isFutureClause(text, start, end) ? 'future' : 'past');
    const resolved = reading.resolve(ref, tense);
    if (!resolved) continue;
    const old = resolved.day < ref - BACKGROUND_DAYS;
    out.push({
      ...resolved,
      start,
      end,
      future: tense === 'future' || resolved.day > ref,
      background: old && hasBackgroundCue(text, start, end),
    });
  }
  return out;
}

/**
 * The candidate that dates the event: the earliest in the text among those that are neither background
 * nor future, unless a later, finer one falls inside its period. Old dates give way to recent ones.
 */
function choose(all: Candidate[], ref: number): Candidate | undefined {
  const usable = all.filter((c) => !c.background);
  const past = usable.filter((c) => !c.future);
  const recent = past.filter((c) => c.day >= ref - BACKGROUND_DAYS);
  const pool = recent.length > 0 ? recent : past.length > 0 ? past : usable;
  const first = pool[0];
  if (!first) return undefined;
  let best = first;
  for (const c of pool) if (c.precision < best.precision && c.day >= first.first && c.day <= first.last) best = c;
  return best;
}

// ---------------------------------------------------------------------------------------------- entry

/**
 * The event date of `text`: from its time expressions against the publication day, else the publication
 * day itself, else (no publication day) the day of the clip.
 */
export function resolveEventDate(text: string, ref: { published?: IsoDay; clipDay: IsoDay }): EventDate {
  const published = ref.published !== undefined && isIsoDay(ref.published) ? ref.published : undefined;
  const reference = published ?? ref.clipDay;
  const refNumber = mustNumber(reference);
  const best = choose(candidates(normalise(text), refNumber), refNumber);
  if (best) {
    return {
      day: fromNumber(best.day),
      precision: best.precision,
      method: 'expression',
      expression: text.slice(best.start, best.end),
      start: best.start,
      end: best.end,
      reference,
    };
  }
  return published
    ? { day: published, precision: 1, method: 'publication', reference: published }
    : { day: ref.clipDay, precision: 1, method: 'clip-day', reference: ref.clipDay };
}
