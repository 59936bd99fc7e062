/**
 * A page's text as one string, the string that clip selectors (lib/extraction/anchors.ts) count in, with
 * the way back from offsets to DOM ranges and from ranges to offsets.
 *
 * Rules: text nodes in document order, minus what lib/highlight/dom-rules.ts says is never read (script,
 * style, form controls, editable regions, SVG/MathML, the extension's own UI). Each block boundary and
 * each <br>/<hr> adds one "\n" (never two in a row, none at the start), so the last word of a paragraph
 * and the first of the next never run together. Whitespace-only nodes at a block's edge (the source's
 * indentation) are left out; all other whitespace is kept as the nodes hold it.
 *
 * Open shadow roots are not read yet: a host's light children are, its shadow tree is not.
 * A snapshot: after the page changes, build a new PageText.
 */
import { roleOf } from '../highlight/dom-rules';
import { toLiveRange } from '../ui/ranges';

/** Anything with a range's four boundary fields: Range, StaticRange, or a plain object. */
export interface RangeBoundaries {
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
}

const LINE_BREAKS = new Set(['br', 'hr']);
const BLANK = /^\s*$/;
const isBlock = (node: Node) => node.nodeType === 1 && roleOf(node as Element) === 'block';

/**
 * Whether a block edge or a line break comes next in `direction` before any text: the source's line breaks
 * and indentation between blocks, which a browser never renders (CSS 2 §16.6.1), are not page text.
 */
function atEdge(node: Node, direction: 'previousSibling' | 'nextSibling', root: Node): boolean {
  // Bounded: a run of thousands of hidden inputs must not make the walk quadratic.
  for (let current: Node = node, steps = 0; steps < 64; steps++) {
    const sibling = current[direction];
    if (sibling) {
      if (sibling.nodeType === 1) {
        const el = sibling as Element;
        const role = roleOf(el);
        if (role === 'block' || LINE_BREAKS.has(el.localName)) return true;
        if (role === 'inline') return false;
        // Unread elements (a script, a form field) are passed over, as are other blank nodes.
      } else if (sibling.nodeType === 3 && !BLANK.test((sibling as Text).data)) return false;
      current = sibling;
      continue;
    }
    const parent = current.parentNode;
    if (!parent || parent === root || parent.nodeType !== 1 || roleOf(parent as Element) !== 'inline') return true;
    current = parent;
  }
  return true;
}

export class PageText {
  readonly root: Node;
  readonly text: string;
  private readonly nodes: Text[] = [];
  /** Offset in `text` of each node's first character, and one past its last (its length when read). */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly index = new Map<Text, number>();

  constructor(root: Node) {
    this.root = root;
    const parts: string[] = [];
    let length = 0;
    let pendingBreak = false;
    const lineBreak = () => {
      if (length > 0) pendingBreak = true;
    };

    // Iterative pre-order walk bounded by `root` (pages nest too deep for recursion to be safe).
    let node: Node | null = root.nodeType === 3 ? root : root.firstChild;
    while (node) {
      let enter = false;
      if (node.nodeType === 3) {
        const data = (node as Text).data;
        if (data && !(BLANK.test(data) && (atEdge(node, 'previousSibling', root) || atEdge(node, 'nextSibling', root)))) {
          if (pendingBreak) {
            parts.push('\n');
            length += 1;
            pendingBreak = false;
          }
          this.index.set(node as Text, this.nodes.length);
          this.nodes.push(node as Text);
          this.starts.push(length);
          parts.push(data);
          length += data.length;
          this.ends.push(length);
        }
      } else if (node.nodeType === 1) {
        const el = node as Element;
        const role = roleOf(el);
        if (role === 'skip') {
          if (LINE_BREAKS.has(el.localName)) lineBreak();
        } else {
          enter = true;
          if (role === 'block') lineBreak();
        }
      }
      if (node === root) break;
      if (enter && node.firstChild) {
        node = node.firstChild;
        continue;
      }
      if (enter && isBlock(node)) lineBreak();
      while (node && node !== root && !node.nextSibling) {
        node = node.parentNode;
        if (node && node !== root && isBlock(node)) lineBreak();
      }
      node = node && node !== root ? node.nextSibling : null;
    }
    this.text = parts.join('');
  }

  /** Offsets in `text` of a range's boundaries; null when the range lies outside the root or covers no read text. */
  offsetsOf(range: AbstractRange | RangeBoundaries): { start: number; end: number } | null {
    const start = this.offsetAt(range.startContainer, range.startOffset, 'start');
    const end = this.offsetAt(range.endContainer, range.endOffset, 'end');
    if (start === null || end === null || end < start) return null;
    return { start, end };
  }

  /** A live Range over `text.slice(start, end)`; null when out of bounds or the page has since dropped the nodes. */
  rangeOf(start: number, end: number): Range | null {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > this.text.length) return null;
    const from = this.pointAt(start, 'start');
    const to = start === end ? from : this.pointAt(end, 'end');
    if (!from || !to) return null;
    // undefined when a node's text shrank under us
    return toLiveRange({ startContainer: from.node, startOffset: from.offset, endContainer: to.node, endOffset: to.offset }) ?? null;
  }

  private contains(node: Node): boolean {
    return node === this.root || this.root.contains(node);
  }

  /**
   * A boundary point as an offset. Inside a read text node: that node's offset. Anywhere else (an element
   * boundary, or text that is not read): the start of the next read node for a range start, the end of the
   * previous one for a range end.
   */
  private offsetAt(container: Node, offset: number, side: 'start' | 'end'): number | null {
    if (!this.contains(container)) return null;
    const i = container.nodeType === 3 ? this.index.get(container as Text) : undefined;
    if (i !== undefined) return Math.min(this.starts[i]! + Math.max(0, offset), this.ends[i]!);
    const before = this.countBefore(container, offset);
    if (side === 'start') return before < this.nodes.length ? this.starts[before]! : this.text.length;
    return before > 0 ? this.ends[before - 1]! : 0;
  }

  /** How many read text nodes lie before the boundary point (container, offset); binary search in document order. */
  private countBefore(container: Node, offset: number): number {
    const PRECEDING = 2; // Node.DOCUMENT_POSITION_PRECEDING: the argument comes before the node
    const ref = container.nodeType === 1 || container.nodeType === 9 || container.nodeType === 11
      ? container.childNodes[offset] ?? null
      : container;
    const isBefore = (node: Text): boolean =>
      ref ? (ref.compareDocumentPosition(node) & PRECEDING) !== 0
        : container.contains(node) || (container.compareDocumentPosition(node) & PRECEDING) !== 0;
    let lo = 0;
    let hi = this.nodes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (isBefore(this.nodes[mid]!)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The DOM point of an offset. Where two nodes touch, a range start takes the later node and a range end
   * the earlier one, so a range never starts or ends on an empty stretch of its neighbour. The "\n" after a
   * block has no node of its own: it is the end of the text before it.
   */
  private pointAt(offset: number, side: 'start' | 'end'): { node: Text; offset: number } | null {
    const n = this.nodes.length;
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ends[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    let i = lo;
    if (i === n) return null; // no text at all
    if (side === 'start' && offset === this.ends[i] && i + 1 < n && this.starts[i + 1] === offset) i += 1;
    const node = this.nodes[i]!;
    const at = offset - this.starts[i]!;
    if (!this.contains(node) || at > node.data.length) return null;
    return { node, offset: at };
  }
}
