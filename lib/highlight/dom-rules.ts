/**
 * The one place that knows the DOM-walking rules: which elements start a block of text, which are
 * never highlighted, which break a line. Tag-name and attribute based only: no getComputedStyle and no
 * layout reads, so walking a page never forces a style recalculation.
 */

/** The extension's own UI hosts carry this attribute; nothing inside them is read or observed. */
export const UI_HOST_ATTR = 'data-libya-lens-ui';

/**
 * - `block`: starts its own block of text (HTML's default display is block, list-item, table-*, or the
 *   element is a box of its own like <button>); words never join across it.
 * - `skip`: never highlighted, contents not read; it ends the current run, so no range spans it.
 * - `inline`: text-level; its text joins its neighbours' ("<b>Khalifa</b> Haftar").
 */
export type ElementRole = 'block' | 'skip' | 'inline';

const BLOCK_TAGS = [
  'address', 'article', 'aside', 'blockquote', 'body', 'button', 'caption', 'center', 'dd', 'details', 'dialog',
  'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frameset', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hgroup', 'html', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p',
  'plaintext', 'pre', 'search', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
  'xmp',
];

/**
 * Never highlighted. Form controls and editable text belong to the reader's typing; script-like elements
 * are not text; svg/math/canvas/iframe/object/embed are other documents or drawings. `code`, `kbd` and
 * `samp` are skipped too: a name inside code is an identifier or a command, not a mention, and code
 * blocks are where a false positive reads worst. `rt`/`rp` are ruby annotations, not running text.
 * <br>, <hr> and media break a line of text, and whatever a script puts inside them is never shown.
 */
const SKIP_TAGS = [
  'input', 'textarea', 'select', 'option', 'optgroup', 'datalist', 'script', 'style', 'noscript', 'template',
  'svg', 'math', 'iframe', 'frame', 'object', 'embed', 'canvas', 'code', 'kbd', 'samp', 'head', 'title', 'meta',
  'link', 'base', 'rt', 'rp', 'br', 'hr', 'img', 'picture', 'video', 'audio', 'area', 'map',
];

const ROLES = new Map<string, ElementRole>([
  ...BLOCK_TAGS.map((t) => [t, 'block'] as const),
  ...SKIP_TAGS.map((t) => [t, 'skip'] as const),
]);

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** contenteditable with any value but "false" (ASCII case-insensitive) makes an element editable. */
export function isEditableHost(el: Element): boolean {
  const value = el.getAttribute('contenteditable');
  return value !== null && value.toLowerCase() !== 'false';
}

/** What an element is for the walk. Elements outside the HTML namespace (SVG, MathML) are skipped. */
export function roleOf(el: Element): ElementRole {
  if (el.namespaceURI !== HTML_NS && el.namespaceURI !== null) return 'skip';
  if (el.hasAttribute(UI_HOST_ATTR) || isEditableHost(el)) return 'skip';
  const role = ROLES.get(el.localName);
  if (role) return role;
  // A host with an open shadow root renders its shadow tree: a box of its own, walked as its own block.
  return el.shadowRoot ? 'block' : 'inline';
}

/** The root a block's text is collected from: an element, or an open shadow root. */
export type BlockRoot = Element | ShadowRoot;

function isShadowRoot(node: Node): node is ShadowRoot {
  return node.nodeType === 11 && 'host' in node;
}

export type Context =
  | { kind: 'ok'; block: BlockRoot }
  /** Inside a skipped element, an editable region, or a designMode document. */
  | { kind: 'forbidden' }
  /** Inside the extension's own UI, or not in a document: not ours to look at. */
  | { kind: 'ignore' };

/**
 * Where a node sits: its nearest block (or shadow root), and whether anything above it forbids
 * highlighting. Walks every ancestor, crossing shadow roots to their hosts; cheap (a page is ~20 deep).
 */
export function contextOf(node: Node): Context {
  let block: BlockRoot | undefined;
  let forbidden = false;
  let current: Node | null = node;
  while (current) {
    if (current.nodeType === 1) {
      const el = current as Element;
      if (el.hasAttribute(UI_HOST_ATTR)) return { kind: 'ignore' };
      const role = roleOf(el);
      if (role === 'skip') forbidden = true;
      else if (role === 'block' && !block) block = el;
      current = el.parentNode;
    } else if (isShadowRoot(current)) {
      block ??= current;
      current = current.host;
    } else if (current.nodeType === 9) {
      if ((current as Document).designMode === 'on') forbidden = true;
      if (forbidden || !block) return { kind: 'forbidden' };
      return { kind: 'ok', block };
    } else {
      current = current.parentNode;
    }
  }
  // Detached from any document.
  return { kind: 'ignore' };
}

/**
 * `contextOf(node).kind === 'ok'` for a block or shadow root, remembering each ancestor's verdict in
 * `memo`: one chunk of work checks hundreds of sibling blocks under the same ancestors. Valid only while
 * the page cannot change, i.e. within one synchronous chunk.
 */
export function isClearPath(node: Node, memo: Map<Node, boolean>): boolean {
  const known = memo.get(node);
  if (known !== undefined) return known;
  let verdict: boolean;
  if (node.nodeType === 1) {
    const el = node as Element;
    verdict = !el.hasAttribute(UI_HOST_ATTR) && roleOf(el) !== 'skip' && !!el.parentNode && isClearPath(el.parentNode, memo);
  } else if (isShadowRoot(node)) verdict = isClearPath(node.host, memo);
  else if (node.nodeType === 9) verdict = (node as Document).designMode !== 'on';
  else verdict = !!node.parentNode && isClearPath(node.parentNode, memo);
  memo.set(node, verdict);
  return verdict;
}

/**
 * Nodes whose insertion or removal never needs a block re-read: comments (never part of a run) and the
 * extension's own UI hosts (mounted at the top of the page, never inside a line of text).
 */
export function isInertNode(node: Node): boolean {
  if (node.nodeType === 8) return true;
  return node.nodeType === 1 && (node as Element).hasAttribute(UI_HOST_ATTR);
}
