/**
 * Reads what `readArticleMeta` needs from a live page. Bounded on purpose: it runs when the reader
 * clips, on pages that can hold a 60,000-word live blog, so it uses selector queries with capped
 * counts and reads the text of short elements only, never the whole document's text.
 */
import type { PageFacts } from '../extraction/metadata';
import { contextOf, roleOf, UI_HOST_ATTR } from '../highlight/dom-rules';

const MAX_LINKS = 100;
const MAX_METAS = 400;
const MAX_JSON_LD = 20;
const MAX_JSON_LD_CHARS = 1_000_000;
const MAX_TIMES = 20;
const MAX_DATELINES = 8;
/** Candidates looked at per scope; "meta" and "date" in class names match a lot on some pages. */
const MAX_CANDIDATES = 300;
/** Text nodes scanned for a line starting "Published"/"Updated" (the article head is early in the root). */
const MAX_LEADING_TEXTS = 400;
const DATELINE_CHARS = 120;
/** A candidate with more text than this is a wrapper, not a dateline; its dated child is a candidate too. */
const CANDIDATE_CHARS = 240;

const UI_SELECTOR = `[${UI_HOST_ATTR}]`;

/** Boxes beside the article: their dates belong to other stories ("Related", "Most read", teasers). */
const SIDE_SELECTOR = 'aside, nav, [role="complementary"], [role="navigation"]';
/** The page's footer too; but an article's own <footer> may hold its dateline. */
const PAGE_SIDE_SELECTOR = `${SIDE_SELECTOR}, footer, [role="contentinfo"]`;
const SIDE_NAME = /related|sidebar|recommend|promo|most-?(?:read|popular|viewed)|trending|teaser|more-stories|newsletter|cookie|consent/i;

const DATELINE_SELECTOR = [
  '[class*="date" i]', '[id*="date" i]', '[itemprop*="date" i]', '[class*="byline" i]', '[id*="byline" i]',
  '[class*="publish" i]', '[id*="publish" i]', '[class*="timestamp" i]', '[class*="meta" i]',
].join(', ');
const DATELINE_START = /^(?:first\s+|last\s+)?(?:published|updated|posted)\b/i;
const HAS_DIGIT = /\d/;

/**
 * Whether `el` sits in side matter, looking at its ancestors up to (not including) `stop` and <body>
 * (body classes such as "has-sidebar" or "cookie-consent-open" describe the page, not a box).
 */
function inSideMatter(el: Element, stop: Element | null): boolean {
  const body = el.ownerDocument.body;
  const selector = stop ? SIDE_SELECTOR : PAGE_SIDE_SELECTOR;
  for (let current: Element | null = el; current && current !== stop && current !== body; current = current.parentElement) {
    if (current.matches(selector)) return true;
    const name = `${current.getAttribute('class') ?? ''} ${current.id}`;
    if (name.length > 1 && SIDE_NAME.test(name)) return true;
  }
  return false;
}

/**
 * The article's container: an <article> (or schema.org Article item) holding the headline, else <main>,
 * else any <article> outside side matter. Teaser cards are <article>s too, hence the headline test.
 */
function articleRoot(doc: Document): Element | null {
  const articles = Array.from(doc.querySelectorAll('article, [itemtype*="Article"]')).slice(0, 30);
  const usable = articles.filter((a) => !inSideMatter(a, null) && !a.closest(UI_SELECTOR));
  return (
    usable.find((a) => a.querySelector('h1')) ??
    doc.querySelector('main, [role="main"]') ??
    usable[0] ??
    null
  );
}

/** The collapsed text of a short element, or undefined when it has more than `max` characters. */
function shortText(el: Element, max: number): string | undefined {
  let raw = '';
  let visited = 0;
  let node: Node | null = el.firstChild;
  while (node) {
    if (++visited > 200 || raw.length > max * 4) return undefined;
    let descend = false;
    if (node.nodeType === 3) raw += (node as Text).data;
    else if (node.nodeType === 1) {
      const role = roleOf(node as Element);
      descend = role !== 'skip';
      // Words of two blocks ("<div>By Jane</div><div>10 July</div>") must not run together.
      raw += ' ';
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== el && !node.nextSibling) node = node.parentNode;
    node = node && node !== el ? node.nextSibling : null;
  }
  const text = raw.replace(/\s+/g, ' ').trim();
  return text.length <= max ? text : undefined;
}

/** Up to DATELINE_CHARS of a line, around its first year when the line is longer. */
function clipLine(text: string): string {
  if (text.length <= DATELINE_CHARS) return text;
  const year = /\b(?:19|20)\d{2}\b/.exec(text);
  const from = year ? Math.max(0, year.index - DATELINE_CHARS / 2) : 0;
  return text.slice(from, from + DATELINE_CHARS).trim();
}

const readable = (el: Element) => contextOf(el).kind === 'ok';

function collectTimes(doc: Document, root: Element | null): PageFacts['times'] {
  const times: PageFacts['times'] = [];
  const seen = new Set<Element>();
  const scopes: [ParentNode, Element | null][] = root ? [[root, root], [doc, null]] : [[doc, null]];
  for (const [scope, stop] of scopes) {
    for (const el of Array.from(scope.querySelectorAll('time')).slice(0, MAX_TIMES * 5)) {
      if (times.length >= MAX_TIMES) return times;
      if (seen.has(el)) continue;
      seen.add(el);
      if (!readable(el) || inSideMatter(el, stop)) continue;
      const datetime = el.getAttribute('datetime')?.trim();
      const text = shortText(el, CANDIDATE_CHARS) ?? '';
      if (datetime || HAS_DIGIT.test(text)) times.push({ ...(datetime ? { datetime } : {}), text: clipLine(text) });
    }
  }
  return times;
}

/** Text nodes at the head of `scope` that start "Published …"/"Updated …", as their element's line. */
function leadingDatelines(scope: Element): Element[] {
  const found: Element[] = [];
  let count = 0;
  let node: Node | null = scope.firstChild;
  while (node && count < MAX_LEADING_TEXTS && found.length < MAX_DATELINES) {
    let descend = false;
    if (node.nodeType === 3) {
      count++;
      const parent = node.parentElement;
      if (parent && DATELINE_START.test((node as Text).data.trimStart())) {
        // "<span>Published</span> <time>…</time>": the date is in a sibling, so read the parent's line.
        const own = shortText(parent, CANDIDATE_CHARS);
        const line = (own && HAS_DIGIT.test(own)) || !parent.parentElement ? parent : parent.parentElement;
        found.push(line);
      }
    } else if (node.nodeType === 1) descend = roleOf(node as Element) !== 'skip';
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== scope && !node.nextSibling) node = node.parentNode;
    node = node && node !== scope ? node.nextSibling : null;
  }
  return found;
}

function collectDatelines(doc: Document, root: Element | null): string[] {
  const lines: string[] = [];
  const seen = new Set<Element>();
  const add = (el: Element, stop: Element | null) => {
    if (lines.length >= MAX_DATELINES || seen.has(el)) return;
    seen.add(el);
    if (!readable(el) || inSideMatter(el, stop)) return;
    const text = shortText(el, CANDIDATE_CHARS);
    if (text && HAS_DIGIT.test(text)) {
      const line = clipLine(text);
      if (!lines.includes(line)) lines.push(line);
    }
  };
  const body = doc.body;
  const scopes: [Element, Element | null][] = root ? [[root, root]] : [];
  if (body && body !== root) scopes.push([body, null]);
  for (const [scope, stop] of scopes) {
    // The whole page only when the article's own container said nothing: the query is the costly part.
    if (lines.length) break;
    for (const el of Array.from(scope.querySelectorAll(DATELINE_SELECTOR)).slice(0, MAX_CANDIDATES)) add(el, stop);
    for (const el of leadingDatelines(scope)) add(el, stop);
  }
  return lines;
}

function collectMetas(doc: Document): PageFacts['metas'] {
  const metas: PageFacts['metas'] = [];
  for (const el of Array.from(doc.querySelectorAll('meta')).slice(0, MAX_METAS)) {
    const content = el.getAttribute('content')?.trim();
    if (!content || el.closest(UI_SELECTOR)) continue;
    const httpEquiv = el.getAttribute('http-equiv')?.toLowerCase();
    const name = el.getAttribute('name') ?? (httpEquiv === 'content-language' ? httpEquiv : null);
    const property = el.getAttribute('property');
    const itemprop = el.getAttribute('itemprop');
    if (!name && !property && !itemprop) continue;
    metas.push({
      ...(name ? { name } : {}),
      ...(property ? { property } : {}),
      ...(itemprop ? { itemprop } : {}),
      content,
    });
  }
  // Microdata also puts the date on the visible element: <time itemprop="datePublished" datetime="…">.
  for (const el of Array.from(doc.querySelectorAll('[itemprop~="datePublished"]:not(meta)')).slice(0, 5)) {
    if (el.closest(UI_SELECTOR)) continue;
    const content = (el.getAttribute('content') ?? el.getAttribute('datetime') ?? shortText(el, DATELINE_CHARS))?.trim();
    if (content) metas.push({ itemprop: 'datePublished', content });
  }
  return metas;
}

/**
 * Only what the article's URL is read from (canonical link, og:url): enough to find earlier clips of the
 * page on every load without reading times, datelines and JSON-LD, which only a clip needs.
 */
export function collectUrlFacts(doc: Document): PageFacts {
  return { pageUrl: doc.URL, title: doc.title, links: collectLinks(doc), metas: collectMetas(doc), jsonLd: [], times: [], datelines: [] };
}

function collectLinks(doc: Document): PageFacts['links'] {
  const links: PageFacts['links'] = [];
  for (const el of Array.from(doc.querySelectorAll('link[rel][href]')).slice(0, MAX_LINKS)) {
    // The property resolves against <base href>, which the raw attribute does not.
    const href = (el as HTMLLinkElement).href || el.getAttribute('href');
    if (href) links.push({ rel: el.getAttribute('rel') ?? '', href });
  }
  return links;
}

export function collectPageFacts(doc: Document): PageFacts {
  const links = collectLinks(doc);
  const jsonLd: string[] = [];
  for (const el of Array.from(doc.querySelectorAll('script[type*="ld+json" i]')).slice(0, MAX_JSON_LD)) {
    const text = el.textContent ?? '';
    if (text.length <= MAX_JSON_LD_CHARS && !el.closest(UI_SELECTOR)) jsonLd.push(text);
  }

  const html = doc.documentElement;
  const lang = (html?.getAttribute('lang') || html?.getAttribute('xml:lang'))?.trim();
  const root = articleRoot(doc);
  return {
    pageUrl: doc.URL,
    title: doc.title,
    ...(lang ? { lang } : {}),
    links,
    metas: collectMetas(doc),
    jsonLd,
    times: collectTimes(doc, root),
    datelines: collectDatelines(doc, root),
  };
}
