/**
 * Tokenisation shared by the knowledge base (aliases) and the matcher (page text), so that both sides
 * are normalised by the same rules: case, diacritics, quotes and apostrophes, hyphens, Arabic article
 * prefixes, possessives and camel-cased run-together names.
 */

export interface Token {
  /** Normalised form: lower case, no diacritics, no apostrophes, possessive 's removed. */
  norm: string;
  /** The token's letters and digits as written (diacritics removed, case kept): for case-exact aliases. */
  letters: string;
  /** [start, end) in the source text; end excludes a possessive 's. */
  start: number;
  end: number;
  /** An Arabic article ("al-", "el-", "Al ", "as-", "ash-"…) that the next token may carry. */
  article: boolean;
}

// Letters, digits and combining marks make words; apostrophes count only between letters (Ma'iteeq).
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/**
 * Whether text[i] (char code c) is a word character. ASCII fast path first: a 60,000-word page is
 * ~400,000 characters, most of them ASCII.
 */
function isWordCode(c: number, text: string, i: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return WORD_CHAR.test(text[i]!);
}
const APOSTROPHES = new Set(["'", '’', 'ʼ', 'ʿ', 'ʾ', '‘', '`', '´', 'ʹ']);
const COMBINING = /\p{M}/gu;

/**
 * Articles that are optional in transliterated Arabic names. The sun-letter forms (as-, ash-, az-, ad-,
 * ar-, at-, an-, es-, ez-, et-, ed-, er-) are English words or syllables on their own, so they count as
 * articles only when hyphenated to the next word ("as-Sidra", "Az-Zawiya"); "al"/"el" also count as
 * separate words ("Al Jufra", "El Feel").
 */
const FREE_ARTICLES = new Set(['al', 'el']);
export const HYPHEN_ARTICLES: ReadonlySet<string> = new Set([
  'al', 'el', 'as', 'ash', 'az', 'ad', 'ar', 'at', 'an', 'es', 'ez', 'et', 'ed', 'er', 'ul',
]);
// "Es Sider" is written without a hyphen as often as with one, and "es" is no English word.
const CAPITALISED_FREE_ARTICLES = new Set(['es']);

const HYPHENS = /[-‐‑‒–—]/;

export function foldDiacritics(s: string): string {
  return s.normalize('NFD').replace(COMBINING, '').normalize('NFC');
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}
function isLower(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** Cheap pre-check for camelCuts, which most words (no capital after their first letter) skip. */
function hasInnerCapital(text: string, start: number, end: number): boolean {
  for (let k = start + 2; k < end; k++) {
    const c = text.charCodeAt(k);
    if ((c >= 65 && c <= 90) || c > 127) return true;
  }
  return false;
}

/**
 * Splits a word at lower→upper transitions ("KhalifaHaftar" → "Khalifa", "Haftar"), which is how sloppy
 * editing and CMS slugs run names together. Returns cut offsets relative to the word.
 */
function camelCuts(word: string): number[] {
  const cuts: number[] = [];
  for (let i = 1; i < word.length; i++) {
    const prev = word[i - 1]!;
    const ch = word[i]!;
    // "McDonald"-style prefixes are not run-together names, but are harmless to split: both halves are
    // looked up together anyway. Require two lower-case letters before the cut to keep "iPhone" whole.
    if (isUpper(ch) && isLower(prev) && i >= 2 && isLower(word[i - 2]!)) cuts.push(i);
  }
  return cuts;
}

function makeToken(text: string, start: number, end: number): Token | undefined {
  let raw = text.slice(start, end);
  // Possessives: "Haftar's", "Haftar’s", "forces'".
  const last = raw.length - 1;
  if (raw.length > 2 && (raw[last] === 's' || raw[last] === 'S') && APOSTROPHES.has(raw[last - 1]!)) {
    raw = raw.slice(0, -2);
    end -= 2;
  }
  let letters = '';
  // Most page words are plain ASCII letters: skip Unicode normalisation for them.
  if (/^[A-Za-z0-9]+$/.test(raw)) letters = raw;
  else for (const ch of foldDiacritics(raw)) if (!APOSTROPHES.has(ch)) letters += ch;
  if (!letters) return undefined;
  return { norm: letters.toLowerCase(), letters, start, end, article: false };
}

/** The bounds of one word, reused between calls so that scanning a long page allocates nothing. */
export interface WordBounds {
  start: number;
  end: number;
}

/**
 * Finds the first word that starts at or after `from` and before `to`, writing its bounds into `out`.
 * Apostrophes inside a word are part of it; hyphens, spaces and punctuation separate words.
 */
export function nextWord(text: string, from: number, out: WordBounds, to = text.length): boolean {
  const n = text.length;
  let i = from;
  while (i < to && !isWordCode(text.charCodeAt(i), text, i)) i++;
  if (i >= to) return false;
  out.start = i;
  while (i < n) {
    if (isWordCode(text.charCodeAt(i), text, i)) {
      i++;
      continue;
    }
    const ch = text[i]!;
    // "5+5 Joint Military Commission", "6+6 committee": a plus between digits is part of the name.
    if (ch === '+' && isDigit(text[i - 1]) && isDigit(text[i + 1])) i++;
    else if (APOSTROPHES.has(ch) && i + 1 < n && isWordCode(text.charCodeAt(i + 1), text, i + 1)) i += 2;
    else break;
  }
  out.end = i;
  return true;
}

/** FNV-1a over lower-cased UTF-16 code units: lets a scan test a word against a set without slicing it. */
export function hashLower(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k++) {
    let c = text.charCodeAt(k);
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Whether a word is plain (ASCII letters and digits, capital only first): such a word's normalised form
 * is just its lower case, so `hashLower` of it can be compared with the hashes of alias words.
 */
export function isPlainWord(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90 && k === start))) return false;
  }
  return true;
}

/**
 * Splits text (or the part of it from `from` to `to`) into word tokens with their offsets in `text`.
 * Article tokens are flagged, not dropped: callers decide.
 */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const bounds: WordBounds = { start: 0, end: 0 };
  let i = from;
  while (nextWord(text, i, bounds, to)) {
    const { start, end } = bounds;
    i = end;
    if (!hasInnerCapital(text, start, end)) {
      const token = makeToken(text, start, end);
      if (token) tokens.push(token);
      continue;
    }
    const word = text.slice(start, end);
    let cutFrom = 0;
    for (const cut of [...camelCuts(word), word.length]) {
      const token = makeToken(text, start + cutFrom, start + cut);
      if (token) tokens.push(token);
      cutFrom = cut;
    }
  }
  flagArticles(text, tokens);
  return tokens;
}

function flagArticles(text: string, tokens: Token[]): void {
  for (let k = 0; k + 1 < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.norm.length > 3 || !HYPHEN_ARTICLES.has(t.norm)) continue;
    const next = tokens[k + 1]!;
    const gap = text.slice(t.end, next.start);
    if (HYPHENS.test(gap) && gap.length === 1 && HYPHEN_ARTICLES.has(t.norm)) t.article = true;
    else if (/^\s+$/.test(gap) && gap.length <= 2) {
      if (FREE_ARTICLES.has(t.norm)) t.article = true;
      else if (CAPITALISED_FREE_ARTICLES.has(t.norm) && isUpper(t.letters[0]!)) t.article = true;
    }
  }
}
