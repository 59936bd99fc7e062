import { contextOf } from '../highlight/dom-rules';

/**
 * Which element is "the paragraph" under a node, for the clip button. The walk rules (what is forbidden,
 * what is a block) are dom-rules'; this adds what makes a block worth clipping.
 */

/** Blocks that hold other blocks: a clip of one would be a page section, not a paragraph. */
const CONTAINERS = new Set([
  'html', 'body', 'main', 'article', 'section', 'header', 'footer', 'nav', 'aside', 'form', 'fieldset', 'table',
  'tbody', 'thead', 'tfoot', 'tr', 'ul', 'ol', 'dl', 'menu', 'dir', 'figure', 'details', 'dialog', 'frameset',
  'button', 'summary', 'legend', 'hgroup', 'search', 'address',
]);

/** A `<div>` is a paragraph only when it holds text, not other blocks (many CMSes write paragraphs as divs). */
const NESTED_BLOCKS = 'p, div, li, blockquote, section, article, table, ul, ol, h1, h2, h3, h4, h5, h6, pre';

/** Site chrome: menus, footers, things hidden from assistive technology. */
const CHROME = 'nav, footer, [role="navigation"], [role="contentinfo"], [role="menu"], [role="banner"], [aria-hidden="true"]';

/** Shorter than a sentence: a caption, a label, a "Read more". */
export const MIN_PARAGRAPH_CHARS = 40;
/** A page section pretending to be a paragraph. */
export const MAX_PARAGRAPH_CHARS = 12_000;

/** The clippable paragraph that contains `node`, or null (forbidden place, site chrome, too short, a container). */
export function clippableBlock(node: Node | null): Element | null {
  if (!node) return null;
  // Text inside shadow trees is not part of the page text the anchors count in (lib/capture/page-text.ts):
  // a clip there could not be found again, so it is not offered.
  if (node.getRootNode() !== node.ownerDocument) return null;
  const context = contextOf(node);
  if (context.kind !== 'ok' || !(context.block instanceof Element)) return null;
  const block = context.block;
  if (CONTAINERS.has(block.localName)) return null;
  if (block.localName === 'div' && block.querySelector(NESTED_BLOCKS)) return null;
  if (block.closest(CHROME)) return null;
  const length = (block.textContent ?? '').trim().length;
  if (length < MIN_PARAGRAPH_CHARS || length > MAX_PARAGRAPH_CHARS) return null;
  return block;
}

// The reader's calendar day moved to the pure calendar module; re-exported for the capture code.
export { localDay } from '../extraction/calendar';
