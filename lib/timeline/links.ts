import { CLIP_ID } from '../extraction/clip-id';
import type { ClipRecord, TextQuoteSelector } from '../extraction/types';

/** Words taken from each end of the passage for a text fragment: enough to be unique, short enough to survive edits. */
const EDGE_WORDS = 6;

/**
 * The Text Fragments spec reserves these in a text directive; each must be percent-encoded
 * (https://wicg.github.io/scroll-to-text-fragment/#syntax): `-` and `,` separate its parts, `&` directives.
 */
function encodeTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
}

function passageOf(clip: ClipRecord): string {
  const quote = clip.selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  return (quote?.exact ?? clip.selection ?? clip.text).replace(/\s+/g, ' ').trim();
}

/** The fragment that names a clip, for the content script to scroll to it once it is re-anchored. */
const CLIP_FRAGMENT = 'libya-lens-clip=';

/**
 * The clip id a page's `location.hash` names, if any. A browser without text fragments leaves the
 * directive in the hash, so it may follow the id.
 */
export function clipIdFromHash(hash: string): string | undefined {
  const prefix = `#${CLIP_FRAGMENT}`;
  if (!hash.startsWith(prefix)) return undefined;
  const id = hash.slice(prefix.length).split(':~:')[0]!;
  return CLIP_ID.test(id) ? id : undefined;
}

/**
 * A link back to the article that scrolls to the clipped passage. Two ways, because either may fail: a
 * text fragment (Chromium; Firefox from 131), which the browser resolves itself but only on an exact
 * match, and `#libya-lens-clip=<id>`, which the content script resolves with the clip's stored selectors
 * (tolerant of edits) when it marks the clip again. Both fit in one fragment: the browser strips the
 * directive after `:~:` and leaves the rest in `location.hash`
 * (https://wicg.github.io/scroll-to-text-fragment/#the-fragment-directive). Only http(s) URLs are linked:
 * a record's URL is page data.
 */
export function articleLink(clip: ClipRecord): string | undefined {
  let url: URL;
  try {
    url = new URL(clip.article.url);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  url.hash = '';
  const base = `${url.href}#${CLIP_FRAGMENT}${clip.id}`;
  const words = passageOf(clip).split(' ').filter(Boolean);
  if (words.length === 0) return base;
  const directive =
    words.length <= EDGE_WORDS * 2
      ? encodeTerm(words.join(' '))
      : `${encodeTerm(words.slice(0, EDGE_WORDS).join(' '))},${encodeTerm(words.slice(-EDGE_WORDS).join(' '))}`;
  return `${base}:~:text=${directive}`;
}
