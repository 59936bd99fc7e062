/**
 * Geometry and text around the highlighter's ranges. Hit-testing needs layout, which happy-dom lacks:
 * these functions are what unit tests stub and browser tests exercise.
 */

/**
 * A live Range for geometry (the highlighter may hand out StaticRanges, which have no rectangles), or for
 * any four boundaries; undefined when they no longer fit their nodes.
 */
export function toLiveRange(
  range: Pick<AbstractRange, 'startContainer' | 'startOffset' | 'endContainer' | 'endOffset'>,
): Range | undefined {
  if (typeof (range as Range).getClientRects === 'function') return range as Range;
  const doc = range.startContainer.ownerDocument;
  if (!doc) return undefined;
  try {
    const live = doc.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    return live;
  } catch {
    return undefined; // the page changed the text under the range
  }
}

/** The text position under a viewport point: `caretPositionFromPoint` (standard), else WebKit's `caretRangeFromPoint`. */
export function caretFromPoint(doc: Document, x: number, y: number): { node: Node; offset: number } | undefined {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
  }
  return undefined;
}

function contains(rect: DOMRectReadOnly, x: number, y: number): boolean {
  return rect.width > 0 && x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
}

/** The range's line box under the point, if the point is really over the range's text. */
export function rectAtPoint(range: AbstractRange, x: number, y: number): DOMRect | undefined {
  const live = toLiveRange(range);
  if (!live) return undefined;
  return Array.from(live.getClientRects()).find((rect) => contains(rect, x, y));
}

export function rangeContainsPoint(range: AbstractRange, x: number, y: number): boolean {
  return rectAtPoint(range, x, y) !== undefined;
}

export function boundingRect(range: AbstractRange): DOMRect | undefined {
  return toLiveRange(range)?.getBoundingClientRect();
}

const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DD', 'DIV', 'DT', 'FIGCAPTION', 'FOOTER', 'H1', 'H2',
  'H3', 'H4', 'H5', 'H6', 'HEADER', 'LI', 'MAIN', 'NAV', 'P', 'PRE', 'SECTION', 'TD', 'TH',
]);
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

function blockOf(node: Node): Node {
  let element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (element && !BLOCKS.has(element.tagName) && element.parentElement) element = element.parentElement;
  return element ?? node;
}

/** Text of the block's text nodes before (direction -1) or after (+1) `from`, up to about `wanted` characters. */
function gather(block: Node, from: Node, direction: 1 | -1, wanted: number): string {
  const doc = from.ownerDocument;
  if (!doc) return '';
  const walker = doc.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (SKIPPED.has(node.parentElement?.tagName ?? '') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  walker.currentNode = from;
  const parts: string[] = [];
  let length = 0;
  while (length < wanted) {
    const node = direction < 0 ? walker.previousNode() : walker.nextNode();
    if (!node) break;
    const text = node.nodeValue ?? '';
    if (direction < 0) parts.unshift(text);
    else parts.push(text);
    length += text.length;
  }
  return parts.join('');
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/**
 * The mention with some of its paragraph on either side, cut at word boundaries:
 * { before: "…forces loyal to ", text: "Khalifa Haftar", after: " pushed towards…" }.
 */
export function snippetOf(
  range: AbstractRange,
  text: string,
  radius = 60,
): { before: string; text: string; after: string } {
  const { startContainer, startOffset, endContainer, endOffset } = range;
  let before = '';
  let after = '';
  if (startContainer.nodeType === Node.TEXT_NODE && endContainer.nodeType === Node.TEXT_NODE) {
    const block = blockOf(startContainer);
    before = gather(block, startContainer, -1, radius) + (startContainer.nodeValue ?? '').slice(0, startOffset);
    after = (endContainer.nodeValue ?? '').slice(endOffset) + gather(block, endContainer, 1, radius);
  }
  before = squash(before).trimStart();
  after = squash(after).trimEnd();
  if (before.length > radius) {
    const cut = before.slice(-radius);
    const space = cut.indexOf(' ');
    before = `…${space >= 0 && space < cut.length - 1 ? cut.slice(space + 1) : cut}`;
  }
  if (after.length > radius) {
    const cut = after.slice(0, radius);
    const space = cut.lastIndexOf(' ');
    after = `${space > 0 ? cut.slice(0, space) : cut}…`;
  }
  return { before, text: squash(text), after };
}
