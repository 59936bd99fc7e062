import { roleOf, type BlockRoot } from './dom-rules';

/** One text node's place in a run: its text starts at `start` in the run's text. */
export interface RunSegment {
  node: Text;
  start: number;
}

/**
 * Text the reader sees as one unbroken line of words: the page's text nodes of one block, joined, up to
 * the next <br>, nested block or skipped element. Recognition runs on each run separately, so a name can
 * span inline markup ("<b>Khalifa</b> Haftar") but never two blocks or two lines.
 */
export interface TextRun {
  text: string;
  segments: RunSegment[];
}

export interface BlockContents {
  runs: TextRun[];
  /** Blocks nested in this one (in document order), including the open shadow root of a host. */
  nested: BlockRoot[];
}

const HAS_TEXT = /\S/;
const WORD_END = /[\p{L}\p{N}]$/u;
const WORD_START = /^[\p{L}\p{N}]/u;

const isLink = (node: Node) => node.nodeType === 1 && (node as Element).localName === 'a';

/**
 * Reads one block's own text, without descending into nested blocks (they are blocks of their own) or
 * skipped elements. Reads only: the page's nodes are never touched.
 *
 * Links are the one inline element whose edge can split words: menus, tag lists and breadcrumbs set
 * "<a>World</a><a>Tripoli</a>" apart with CSS only. Where a link's edge falls between two letters the run
 * is cut there; "<a>Haftar</a>'s" and "al-<a>Sarraj</a>" still join, as do drop caps and other formatting
 * inside a word ("<span>T</span>ripoli").
 */
export function collectBlock(root: BlockRoot): BlockContents {
  const runs: TextRun[] = [];
  const nested: BlockRoot[] = [];
  let segments: RunSegment[] = [];
  let text = '';
  let linkEdge = false;

  const flush = () => {
    if (segments.length && HAS_TEXT.test(text)) runs.push({ text, segments });
    segments = [];
    text = '';
  };

  // A host's light children are read as the host's block; its shadow tree is a block of its own.
  if (root.nodeType === 1 && (root as Element).shadowRoot) nested.push((root as Element).shadowRoot!);

  // Iterative pre-order walk bounded by `root` (pages nest deeply enough to make recursion a risk).
  let node: Node | null = root.firstChild;
  while (node) {
    let descend = false;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (data.length) {
        if (linkEdge && WORD_END.test(text) && WORD_START.test(data)) flush();
        linkEdge = false;
        segments.push({ node: node as Text, start: text.length });
        text += data;
      }
    } else if (node.nodeType === 1) {
      const role = roleOf(node as Element);
      if (role === 'inline') {
        descend = true;
        if (isLink(node)) linkEdge = true;
      } else {
        flush();
        if (role === 'block') nested.push(node as Element);
      }
    }
    if (descend && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      if (node && node !== root && isLink(node)) linkEdge = true;
    }
    node = node && node !== root ? node.nextSibling : null;
  }
  flush();
  return { runs, nested };
}
