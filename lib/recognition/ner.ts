import nlp from 'compromise';
import type { NerSpan } from '../messaging/protocol';
import { COMMON_WORDS } from './common-words';
import type { TextMatch } from './types';

/**
 * The general NER layer: names compromise finds that the knowledge base does not know, so the reader
 * still sees new people, places and organisations (painted lower-key). compromise parses ~24,000
 * words/s and adds ~140 KB gzip, so this runs in the background worker, never in the content script
 * (toolchain.md).
 */

const HONORIFICS = /^(?:(?:mr|mrs|ms|dr|gen|maj|col|lt|capt|sheikh|president|minister|prime minister|field marshal|general|colonel|commander)\.?\s+)+/i;
// compromise reads "State Department" as a place (toolchain.md): institutions are organisations.
const INSTITUTION = /\b(?:department|ministry|office|council|agency|committee|commission|company|corporation|bank|army|brigade|forces?)$/i;

interface Reading {
  category: NerSpan['category'];
  method: 'people' | 'places' | 'organizations';
}
const READINGS: Reading[] = [
  { category: 'person', method: 'people' },
  { category: 'organization', method: 'organizations' },
  { category: 'place', method: 'places' },
];

interface CompromiseMatch {
  text: string;
  offset: { start: number; length: number };
}

/** Trims punctuation, possessives and honorifics off a span, returning new offsets (or none). */
function trimSpan(text: string, start: number, end: number): [number, number] | undefined {
  while (start < end && !/[\p{L}\p{N}]/u.test(text[start]!)) start++;
  while (end > start && !/[\p{L}\p{N}]/u.test(text[end - 1]!)) end--;
  if (/['’]s$/.test(text.slice(start, end))) end -= 2;
  const honorific = HONORIFICS.exec(text.slice(start, end));
  if (honorific) start += honorific[0].length;
  return end > start ? [start, end] : undefined;
}

/**
 * Names compromise finds on every Libya page that tell the reader nothing: the country itself, its
 * neighbourhood's continents and seas, and weekdays and months it sometimes reads as people.
 */
const UNINFORMATIVE: ReadonlySet<string> = new Set([
  'libya', 'africa', 'north africa', 'europe', 'middle east', 'mediterranean', 'sahara', 'arab world', 'maghreb',
  'sahel', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february',
  'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'reuters',
  'afp', 'ap',
]);

function plausible(name: string): boolean {
  if (!/^\p{Lu}/u.test(name)) return false;
  if (UNINFORMATIVE.has(name.toLowerCase())) return false;
  const words = name.split(/\s+/);
  if (words.length === 1 && (name.length < 3 || COMMON_WORDS.has(name.toLowerCase()))) return false;
  return true;
}

/**
 * New names in `text`: spans compromise reads as people, organisations or places, minus anything that
 * overlaps a knowledge-base match (the KB's reading wins). Sorted, non-overlapping.
 */
export function findNewNames(text: string, known: readonly TextMatch[]): NerSpan[] {
  const doc = nlp(text);
  const spans: NerSpan[] = [];
  for (const { category, method } of READINGS) {
    const found = doc[method]().json({ offset: true }) as CompromiseMatch[];
    for (const m of found) {
      const trimmed = trimSpan(text, m.offset.start, m.offset.start + m.offset.length);
      if (!trimmed) continue;
      const [start, end] = trimmed;
      const name = text.slice(start, end);
      if (!plausible(name)) continue;
      const cat = category === 'place' && INSTITUTION.test(name) ? 'organization' : category;
      spans.push({ start, end, name, category: cat, kind: cat === 'place' ? 'location' : 'actor' });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: NerSpan[] = [];
  let k = 0;
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last && span.start < last.end) continue;
    while (k < known.length && known[k]!.end <= span.start) k++;
    const kb = known[k];
    if (kb && kb.start < span.end) continue;
    out.push(span);
  }
  return out;
}
