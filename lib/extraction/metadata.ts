/**
 * What a news page says about itself: canonical URL, title, outlet, author, publication date, language.
 * Pure: takes the facts `lib/capture/page-facts.ts` read from the DOM, so every page shape can be tested
 * as data. Sources are tried in the order readers of metadata (Open Graph, schema.org, Dublin Core,
 * Parse.ly, Sailthru) trust them; a source that is missing, malformed or absurd hands over to the next.
 */
import { isoDay, monthNumber } from './calendar';
import { ldNames, ldString, readLinkedData, type LinkedData } from './linked-data';
import type { ArticleMeta, IsoDay } from './types';

export interface PageFacts {
  pageUrl: string;
  title: string;
  lang?: string;
  links: { rel: string; href: string }[];
  metas: { name?: string; property?: string; itemprop?: string; content: string }[];
  /** Raw text of each `<script type="application/ld+json">`. */
  jsonLd: string[];
  /** `<time>` elements, the article's own first. */
  times: { datetime?: string; text: string }[];
  /** Short visible texts that may carry a dateline ("Published 10 July 2020"), the article's own first. */
  datelines: string[];
}

// ---------------------------------------------------------------------------------------------- dates

const OLDEST_YEAR = 1990;

/** A date as the page writes it, and its day. */
type Stamp = { text: string; day: IsoDay };

/** The day, if it exists on the calendar and lies in the plausible range. */
function calendarDay(year: number, month: number, day: number, maxYear: number): IsoDay | undefined {
  if (year < OLDEST_YEAR || year > maxYear) return undefined;
  return isoDay(year, month, day);
}

/**
 * ISO 8601 / RFC 3339 as metadata writes it. The day is the date as written: that is the day in the
 * timestamp's own offset ("2020-07-10T23:30:00-04:00" is the 10th in New York, though the 11th in UTC).
 */
const ISO_STAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-](\d{2}):?(\d{2})?)?)?$/i;
const SLASH_STAMP = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2})?)?$/;

function readIso(value: string, maxYear: number): IsoDay | undefined {
  const iso = ISO_STAMP.exec(value);
  if (iso) {
    const [, y, m, d, hh, mm, ss, , oh] = iso;
    if (hh !== undefined && (Number(hh) > 23 || Number(mm) > 59 || Number(ss ?? 0) > 60)) return undefined;
    if (oh !== undefined && Number(oh) > 14) return undefined;
    return calendarDay(Number(y), Number(m), Number(d), maxYear);
  }
  const slash = SLASH_STAMP.exec(value);
  return slash ? calendarDay(Number(slash[1]), Number(slash[2]), Number(slash[3]), maxYear) : undefined;
}

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
const ORDINAL = '(?:st|nd|rd|th)?';
const ZONE = '(?:GMT|UTC|UT|Z|BST|IST|WET|WEST|CET|CEST|EET|EEST|MSK|TRT|WAT|CAT|EAT|SAST|AST|ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|JST|KST|SGT|HKT|AEST|AEDT)';
/** A clock time after the date ("at 3:04 PM", "14.02 BST", "14:02:00 +0000"): kept in the text, not used. */
const CLOCK =
  `(?:,?\\s+(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?::\\d{2})?(?:\\s*[ap]\\.?m\\b\\.?)?(?:\\s*(?:${ZONE}\\b)?(?:\\s*[+-]\\d{1,2}(?::?\\d{2})?(?!\\d))?)?)?`;

type DayReader = (m: RegExpExecArray, maxYear: number) => IsoDay | undefined;


/** Written dates whose reading is certain; "10/07/2020" is July in London and October in Washington. */
const TEXT_DATES: [RegExp, DayReader][] = [
  // July 10, 2020 · Fri, Jul. 10th 2020
  [new RegExp(`\\b${WEEKDAY}${MONTH}\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})(?!\\d)${CLOCK}`, 'gi'),
    (m, max) => calendarDay(Number(m[3]), monthNumber(m[1]!), Number(m[2]), max)],
  // 10 July 2020 · Fri 10 Jul 2020 · 10th of July, 2020
  [new RegExp(`\\b${WEEKDAY}(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})(?!\\d)${CLOCK}`, 'gi'),
    (m, max) => calendarDay(Number(m[3]), monthNumber(m[2]!), Number(m[1]), max)],
  // 2020-07-10 · 2020/07/10
  [new RegExp(`\\b(\\d{4})([-/])(\\d{1,2})\\2(\\d{1,2})(?!\\d)${CLOCK}`, 'gi'),
    (m, max) => calendarDay(Number(m[1]), Number(m[3]), Number(m[4]), max)],
  // 25/07/2020 or 07/25/2020: only when one half cannot be a month, or both halves agree.
  [new RegExp(`\\b(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4})(?!\\d)${CLOCK}`, 'gi'),
    (m, max) => {
      const a = Number(m[1]);
      const b = Number(m[3]);
      if (a <= 12 && b <= 12 && a !== b) return undefined;
      return a > 12 ? calendarDay(Number(m[4]), b, a, max) : calendarDay(Number(m[4]), a, b, max);
    }],
];

/** The first certain date written in `text`, with the words it was read from. */
function findWrittenDate(text: string, maxYear: number): Stamp | undefined {
  let best: (Stamp & { index: number }) | undefined;
  for (const [pattern, read] of TEXT_DATES) {
    for (const m of text.matchAll(pattern)) {
      if (best && m.index >= best.index) break;
      const day = read(m, maxYear);
      if (day) {
        best = { text: m[0].trim(), day, index: m.index };
        break;
      }
    }
  }
  return best && { text: best.text, day: best.day };
}

/** A machine-readable timestamp (meta, JSON-LD, `datetime`), or a written date as the last resort. */
function readStamp(raw: string | undefined, maxYear: number): Stamp | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  const day = readIso(text, maxYear);
  if (day) return { text, day };
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) return undefined; // ISO-shaped but invalid ("T25:00"): not a date
  // RFC 2822 ("Fri, 10 Jul 2020 14:02:00 +0000") and written dates ("<time>July 10, 2020</time>").
  const written = findWrittenDate(text, maxYear);
  return written && { text, day: written.day };
}

const PUBLISHED_CUE = /\b(?:first\s+)?(?:published|posted|issued)(?:\s+on)?\b\s*:?/i;
const UPDATED_CUE = /\b(?:last\s+)?(?:updated|modified|edited)(?:\s+on)?\b\s*:?/i;

/**
 * A dateline's publication date. "Published 9 July … Updated 10 July" reads the date after "Published";
 * a line that only says when it was updated is the weakest evidence (rank 2).
 */
function readDateline(line: string, maxYear: number): (Stamp & { rank: number }) | undefined {
  const published = PUBLISHED_CUE.exec(line);
  if (published) {
    const stamp = findWrittenDate(line.slice(published.index + published[0].length), maxYear);
    if (stamp) return { ...stamp, rank: 0 };
  }
  const stamp = findWrittenDate(line, maxYear);
  if (!stamp) return undefined;
  const updated = UPDATED_CUE.exec(line);
  const afterUpdate = updated !== null && line.indexOf(stamp.text) > updated.index;
  return { ...stamp, rank: afterUpdate ? 2 : 1 };
}

// ---------------------------------------------------------------------------------------------- text

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Plain text from a metadata value: JSON-LD and some CMSs leave entities and tags in their strings. */
/**
 * Page metadata is whatever the page says, at any length; a record keeps sensible lengths so that every
 * clip also passes the backup importer's limits (lib/export/field-check.ts, 2,000 characters a field).
 */
const MAX_TITLE = 1_000;
const MAX_NAME = 300;

function clamp(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  // Never leave half a surrogate pair.
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

function cleanText(value: string | undefined): string {
  if (!value) return '';
  return value
    .replace(/<\/?[a-z][^>]{0,200}>/gi, '')
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+|#39);/gi, (whole, name: string) => {
      const lower = name.toLowerCase();
      if (ENTITIES[lower]) return ENTITIES[lower];
      const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : lower.startsWith('#') ? Number(lower.slice(1)) : NaN;
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

const looksLikeUrl = (s: string) => /^(?:https?:)?\/\//i.test(s) || /^www\./i.test(s);

function cleanAuthor(value: string): string | undefined {
  const text = cleanText(value).replace(/^by\b[\s:]*/i, '').replace(/^[\s,;|]+|[\s,;|]+$/g, '');
  return text && !looksLikeUrl(text) && text.length <= 200 ? text : undefined;
}

// ------------------------------------------------------------------------------------------ the facts

function metaValues(facts: PageFacts, keys: readonly string[]): string[] {
  const wanted = new Set(keys);
  const out: string[] = [];
  for (const meta of facts.metas) {
    // RDFa allows several properties in one attribute ("og:title dc:title").
    const names = [meta.name, meta.property, meta.itemprop].flatMap((a) => (a ? a.toLowerCase().split(/\s+/) : []));
    if (names.some((n) => wanted.has(n)) && meta.content.trim()) out.push(meta.content.trim());
  }
  return out;
}

const firstMeta = (facts: PageFacts, keys: readonly string[]) => metaValues(facts, keys)[0];

/** An absolute http(s) URL without fragment, unless it is the site's home page standing in for an article. */
function articleUrl(href: string | undefined, base: URL | undefined): string | undefined {
  if (!href?.trim()) return undefined;
  if (!URL.canParse(href.trim(), base)) return undefined;
  const url = new URL(href.trim(), base);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // Misconfigured CMSs give every page the home page as canonical; that would merge every clip of the site.
  if (url.pathname === '/' && !url.search && base && base.pathname !== '/') return undefined;
  url.hash = '';
  return url.href;
}

const parseUrl = (href: string) => (URL.canParse(href) ? new URL(href) : undefined);

const TITLE_SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ', ' » '];
const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * "Title | Outlet" → "Title" (and "Outlet | Title"). The part cut must name the outlet: its site name
 * ("Spiceworks" for "Spiceworks Inc") or its host ("Libya Observer" on libyaobserver.ly).
 */
function stripOutlet(title: string, names: readonly string[]): string {
  const known = names.map(squash).filter((n) => n.length >= 2);
  // A title that is only the site's name ("Yahoo News - Latest News & Headlines") is all there is.
  if (known.includes(squash(title))) return title;
  const namesOutlet = (part: string) => {
    const p = squash(part);
    // "Spiceworks" names "Spiceworks Inc", but "Libya" does not name "Libya Monitor".
    return part.length <= 60 && known.some((n) => p.startsWith(n) || (n.startsWith(p) && p.length * 2 >= n.length));
  };
  for (const sep of TITLE_SEPARATORS) {
    const last = title.lastIndexOf(sep);
    if (last > 0 && namesOutlet(title.slice(last + sep.length))) return title.slice(0, last).trim();
    const first = title.indexOf(sep);
    if (first > 0 && first + sep.length < title.length && namesOutlet(title.slice(0, first))) {
      return title.slice(first + sep.length).trim();
    }
  }
  return title;
}

/** The label that names the site: "libyaobserver" in libyaobserver.ly, "bbc" in news.bbc.co.uk. */
function siteLabel(host: string): string {
  const labels = host.split('.').slice(0, -1).filter((l) => !GENERIC_LABELS.has(l));
  return labels.sort((a, b) => b.length - a.length)[0] ?? '';
}
const GENERIC_LABELS = new Set(['www', 'm', 'amp', 'mobile', 'news', 'edition', 'en', 'ar', 'fr', 'co', 'com', 'org', 'net', 'gov', 'ac']);

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * Whether a JSON-LD headline is this page's headline. Some sites put a description there (Wikipedia's
 * "constitutional monarchy in Oceania" for "New Zealand"); the document title then knows better.
 */
function agreesWithTitle(headline: string, documentTitle: string): boolean {
  if (!documentTitle || squash(documentTitle).includes(squash(headline))) return true;
  const titleWords = new Set(words(documentTitle));
  const headWords = words(headline);
  return headWords.filter((w) => titleWords.has(w)).length * 2 >= headWords.length;
}

const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;

function language(value: string | undefined): string | undefined {
  const tag = value?.split(',')[0]?.trim().replace(/_/g, '-');
  return tag && LANGUAGE_TAG.test(tag) ? tag : undefined;
}

const PUBLISHED_META = ['article:published_time', 'og:article:published_time', 'article:published'];
const DATE_META = [
  'pubdate', 'publishdate', 'publish-date', 'publish_date', 'date', 'dc.date', 'dc.date.issued', 'dcterms.date',
  'dcterms.issued', 'dcterms.created', 'sailthru.date', 'parsely-pub-date', 'citation_publication_date',
];

type Published = Pick<ArticleMeta, 'published' | 'publishedDay' | 'publishedFrom'>;

function readPublished(facts: PageFacts, ld: LinkedData, maxYear: number): Published {
  const found = (stamp: Stamp | undefined, from: NonNullable<ArticleMeta['publishedFrom']>): Published | undefined =>
    stamp && { published: stamp.text, publishedDay: stamp.day, publishedFrom: from };
  const firstStamp = (values: (string | undefined)[]) => {
    for (const v of values) {
      const stamp = readStamp(v, maxYear);
      if (stamp) return stamp;
    }
    return undefined;
  };
  let best: (Stamp & { rank: number }) | undefined;
  for (const line of facts.datelines) {
    const stamp = readDateline(line, maxYear);
    if (stamp && (!best || stamp.rank < best.rank)) best = stamp;
  }
  return (
    found(firstStamp(metaValues(facts, PUBLISHED_META)), 'meta') ??
    found(firstStamp([ldString(ld.article, 'datePublished'), ldString(ld.page, 'datePublished')]), 'json-ld') ??
    found(firstStamp(facts.metas.filter((m) => m.itemprop?.split(/\s+/).includes('datePublished')).map((m) => m.content)), 'meta') ??
    found(firstStamp(metaValues(facts, DATE_META)), 'meta') ??
    found(firstStamp(facts.times.map((t) => t.datetime?.trim() || t.text)), 'time') ??
    found(best, 'dateline') ??
    {}
  );
}

export function readArticleMeta(facts: PageFacts, now: Date = new Date()): ArticleMeta {
  const page = parseUrl(facts.pageUrl);
  const canonical = facts.links.find((l) => l.rel.toLowerCase().split(/\s+/).includes('canonical'));
  const url =
    articleUrl(canonical?.href, page) ??
    articleUrl(firstMeta(facts, ['og:url']), page) ??
    facts.pageUrl.replace(/#.*$/s, '');

  const ld = readLinkedData(facts.jsonLd);

  const siteName = cleanText(
    firstMeta(facts, ['og:site_name']) ??
      ldNames(ld.article?.publisher ?? ld.page?.publisher, ld)[0] ??
      firstMeta(facts, ['application-name']),
  );
  const host = (parseUrl(url) ?? page)?.hostname.replace(/^www\./, '') ?? '';
  const outlet = siteName || host;

  const documentTitle = cleanText(facts.title);
  const headline = cleanText(ldString(ld.article, 'headline'));
  const rawTitle = [
    cleanText(firstMeta(facts, ['og:title'])),
    cleanText(firstMeta(facts, ['twitter:title'])),
    headline && agreesWithTitle(headline, documentTitle) ? headline : '',
    cleanText(firstMeta(facts, ['parsely-title', 'dc.title', 'dc:title'])),
    documentTitle,
  ].find(Boolean);
  const title = stripOutlet(rawTitle ?? '', [siteName, siteLabel(host)]);

  const authorLists: string[][] = [
    metaValues(facts, ['author']),
    metaValues(facts, ['article:author']),
    ldNames(ld.article?.author, ld),
    metaValues(facts, ['parsely-author']),
    metaValues(facts, ['dc.creator', 'dcterms.creator']),
  ];
  let author: string | undefined;
  for (const list of authorLists) {
    const names = [...new Set(list.map(cleanAuthor).filter((n): n is string => !!n))];
    if (names.length) {
      author = names.join(', ');
      break;
    }
  }

  const lang =
    language(facts.lang) ??
    language(firstMeta(facts, ['og:locale'])) ??
    language(firstMeta(facts, ['content-language'])) ??
    language(ldString(ld.article, 'inLanguage'));

  const meta: ArticleMeta = {
    url,
    pageUrl: facts.pageUrl,
    title: clamp(title, MAX_TITLE),
    outlet: clamp(outlet, MAX_NAME),
    ...readPublished(facts, ld, now.getUTCFullYear() + 1),
  };
  if (author) meta.author = clamp(author, MAX_NAME);
  if (lang) meta.language = lang;
  return meta;
}
