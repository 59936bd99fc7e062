/**
 * Finding a clipped passage again in a page's text, with W3C Web Annotation selectors
 * (https://www.w3.org/TR/annotation-model/#selectors) tried as the Hypothesis client tries them
 * (src/annotator/anchoring/text-quote.ts): the stored position if the text there still reads the same,
 * else the quote with its context, else a tolerant match. A passage that is gone is an orphan (null);
 * the caller keeps the clip and says so.
 *
 * Costs stay linear in the page: `indexOf` scans and one folding pass per page text (cached), never an
 * edit-distance table over the whole page.
 */
import type { Selector, TextPositionSelector, TextQuoteSelector } from './types';

/** Context kept on each side of the quote, as Hypothesis keeps it. */
export const CONTEXT_CHARS = 32;

export interface Anchor {
  start: number;
  end: number;
  method: 'position' | 'quote' | 'fuzzy';
}

/** Moves an offset off the second half of a surrogate pair, so a slice never splits a character. */
function charBoundary(text: string, offset: number, direction: 1 | -1): number {
  const code = text.charCodeAt(offset);
  return code >= 0xdc00 && code <= 0xdfff && offset > 0 && offset < text.length ? offset + (direction > 0 ? 1 : -1) : offset;
}

export function describeRange(pageText: string, start: number, end: number): Selector[] {
  const from = Math.max(0, Math.min(start, end, pageText.length));
  const to = Math.min(pageText.length, Math.max(start, end, 0));
  const prefixFrom = charBoundary(pageText, Math.max(0, from - CONTEXT_CHARS), 1);
  const suffixTo = charBoundary(pageText, Math.min(pageText.length, to + CONTEXT_CHARS), -1);
  return [
    {
      type: 'TextQuoteSelector',
      exact: pageText.slice(from, to),
      prefix: pageText.slice(prefixFrom, from),
      suffix: pageText.slice(to, suffixTo),
    },
    { type: 'TextPositionSelector', start: from, end: to },
  ];
}

/** Candidates scored per search; a short quote ("the") may occur thousands of times. */
const MAX_CANDIDATES = 2000;

/** Characters of `context` that agree with `text` going backwards from `at` (prefix) or forwards (suffix). */
function agreeBackward(text: string, at: number, context: string): number {
  let n = 0;
  while (n < context.length && at - n - 1 >= 0 && text[at - n - 1] === context[context.length - n - 1]) n++;
  return n;
}

function agreeForward(text: string, at: number, context: string): number {
  let n = 0;
  while (n < context.length && at + n < text.length && text[at + n] === context[n]) n++;
  return n;
}

/**
 * How well a candidate's surroundings match the stored context, 0–2, plus up to 0.1 for being near the
 * stored position (a tie-breaker, as in Hypothesis where position weighs 2 against 20 per context side).
 * An empty stored context means the passage touched an end of the text.
 */
function score(text: string, start: number, end: number, prefix: string, suffix: string, hint: number | undefined): number {
  const before = prefix ? agreeBackward(text, start, prefix) / prefix.length : start === 0 ? 1 : 0.5;
  const after = suffix ? agreeForward(text, end, suffix) / suffix.length : end === text.length ? 1 : 0.5;
  const near = hint === undefined ? 0 : 0.1 * (1 - Math.min(1, Math.abs(start - hint) / Math.max(1, text.length)));
  return before + after + near;
}

/** The best-scored occurrence of `needle` in `text`, or -1. */
function bestOccurrence(text: string, needle: string, prefix: string, suffix: string, hint: number | undefined): number {
  let best = -1;
  let bestScore = -1;
  let seen = 0;
  for (let i = text.indexOf(needle); i !== -1 && seen < MAX_CANDIDATES; i = text.indexOf(needle, i + 1), seen++) {
    const s = score(text, i, i + needle.length, prefix, suffix, hint);
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  }
  return best;
}

// ------------------------------------------------------------------------------------------- folding

/** Text with case, whitespace and typography folded away, and where each folded unit came from. */
interface Folded {
  text: string;
  /** Offset in the original text of each folded code unit. */
  origin: Int32Array;
}

const DROPPED = /[\s\u00ad\u200b-\u200d\u2060\ufeff]/;
const FOLDS = new Map<string, string>([
  ...[...'‘’‚‛′`´'].map((c) => [c, "'"] as const),
  ...[...'“”„‟″«»'].map((c) => [c, '"'] as const),
  ...[...'‐‑‒–—―−'].map((c) => [c, '-'] as const),
  ['…', '...'],
]);
const foldCache = new Map<number, string>();

/** One code unit, folded: what an outlet's copy desk or CMS changes without changing the words. */
function foldUnit(code: number): string {
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : String.fromCharCode(code);
  let out = foldCache.get(code);
  if (out === undefined) {
    const ch = String.fromCharCode(code);
    const lower = ch.toLowerCase();
    out = DROPPED.test(ch) ? '' : (FOLDS.get(ch) ?? (lower.length === 1 ? lower : ch));
    foldCache.set(code, out);
  }
  return out;
}

function fold(text: string): Folded {
  const units: number[] = [];
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Whitespace and the like vanish: "Haftar's  forces" and "Haftar's\nforces" must meet.
    if (code === 32 || code === 10 || code === 9 || code === 13) continue;
    const out = foldUnit(code);
    for (let j = 0; j < out.length; j++) {
      units.push(out.charCodeAt(j));
      origin.push(i);
    }
  }
  let folded = '';
  for (let i = 0; i < units.length; i += 8192) folded += String.fromCharCode(...units.slice(i, i + 8192));
  return { text: folded, origin: Int32Array.from(origin) };
}

/** The folded page, kept for the next call: re-anchoring a page's clips asks about the same text many times. */
let lastPage: { text: string; folded: Folded } | undefined;

function foldPage(text: string): Folded {
  if (lastPage?.text !== text) lastPage = { text, folded: fold(text) };
  return lastPage.folded;
}

/** The folded-offset of the first folded unit at or after original offset `at` (for the position hint). */
function foldedOffset(folded: Folded, at: number): number {
  let lo = 0;
  let hi = folded.origin.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (folded.origin[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The passage length may change this much when an outlet edits words inside it (a death toll revised). */
const EDIT_SLACK = 0.25;
/** Shorter quotes are not matched by their ends: two short ends meet by chance too easily. */
const MIN_ENDS_MATCH = 40;

/**
 * A tolerant match: first the whole quote, folded; then, for a long quote whose middle was edited, its
 * first and last stretch at about the old distance apart.
 */
function fuzzyAnchor(pageText: string, quote: TextQuoteSelector, hint: number | undefined): Anchor | null {
  const page = foldPage(pageText);
  const exact = fold(quote.exact).text;
  if (!exact) return null;
  const prefix = fold(quote.prefix).text;
  const suffix = fold(quote.suffix).text;
  const foldedHint = hint === undefined ? undefined : foldedOffset(page, hint);
  const toAnchor = (from: number, to: number): Anchor => ({
    start: page.origin[from]!,
    end: page.origin[to - 1]! + 1,
    method: 'fuzzy',
  });

  const whole = bestOccurrence(page.text, exact, prefix, suffix, foldedHint);
  if (whole !== -1) return toAnchor(whole, whole + exact.length);

  if (exact.length < MIN_ENDS_MATCH) return null;
  // Ends short enough that an edit near either end of a paragraph spares them, long enough to be specific.
  const k = Math.max(10, Math.min(24, Math.floor(exact.length / 6)));
  const head = exact.slice(0, k);
  const tail = exact.slice(-k);
  const shortest = Math.floor(exact.length * (1 - EDIT_SLACK));
  const longest = Math.ceil(exact.length * (1 + EDIT_SLACK));
  let best: [number, number] | undefined;
  let bestScore = -1;
  let seen = 0;
  for (let i = page.text.indexOf(head); i !== -1 && seen < MAX_CANDIDATES; i = page.text.indexOf(head, i + 1), seen++) {
    const t = page.text.indexOf(tail, i + shortest - k);
    if (t === -1) break; // no tail after this head means none after any later head either
    const end = t + k;
    if (end - i > longest) continue;
    const s = score(page.text, i, end, prefix, suffix, foldedHint);
    if (s > bestScore) {
      best = [i, end];
      bestScore = s;
    }
  }
  return best ? toAnchor(best[0], best[1]) : null;
}

// --------------------------------------------------------------------------------------------- entry

const isQuote = (s: Selector): s is TextQuoteSelector => s.type === 'TextQuoteSelector';
const isPosition = (s: Selector): s is TextPositionSelector => s.type === 'TextPositionSelector';

/** Where the selectors' passage is in `pageText` now, or null when it is gone (an orphan). */
export function anchorSelectors(pageText: string, selectors: readonly Selector[]): Anchor | null {
  const quote = selectors.find(isQuote);
  const position = selectors.find(isPosition);
  const validPosition =
    position && Number.isInteger(position.start) && Number.isInteger(position.end) &&
    position.start >= 0 && position.start <= position.end && position.end <= pageText.length;

  if (!quote) {
    // Nothing to check the position against; Hypothesis trusts it the same way.
    return validPosition && position.start < position.end ? { start: position.start, end: position.end, method: 'position' } : null;
  }
  if (!quote.exact) return null;
  if (validPosition && position.end - position.start === quote.exact.length && pageText.startsWith(quote.exact, position.start)) {
    return { start: position.start, end: position.end, method: 'position' };
  }
  const hint = position && Number.isFinite(position.start) ? position.start : undefined;
  const at = bestOccurrence(pageText, quote.exact, quote.prefix, quote.suffix, hint);
  if (at !== -1) return { start: at, end: at + quote.exact.length, method: 'quote' };
  return fuzzyAnchor(pageText, quote, hint);
}
