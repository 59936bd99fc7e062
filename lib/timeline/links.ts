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

/**
 * A link back to the article that scrolls to the clipped passage where the browser supports text
 * fragments (Chromium; Firefox from 131), and is a plain link to the article elsewhere. Only http(s)
 * URLs are linked: a record's URL is page data.
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
  const words = passageOf(clip).split(' ').filter(Boolean);
  if (words.length === 0) return url.href;
  const directive =
    words.length <= EDGE_WORDS * 2
      ? encodeTerm(words.join(' '))
      : `${encodeTerm(words.slice(0, EDGE_WORDS).join(' '))},${encodeTerm(words.slice(-EDGE_WORDS).join(' '))}`;
  return `${url.href}#:~:text=${directive}`;
}
