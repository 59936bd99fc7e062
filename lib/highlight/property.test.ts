// @vitest-environment happy-dom
import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { allNodes, forbiddenReason, rangeText, snapshot, textNodes } from './fixtures/dom-helpers';
import { fakeRecognizer } from './fixtures/fake-kb';
import { Highlighter } from './highlighter';
import { MemoryPainter } from './paint';
import type { Mention } from './types';

/** A generated page: text, inline and block elements, forbidden elements, <br>, shadow hosts. */
type Tree =
  | { kind: 'text'; text: string }
  | { kind: 'br' }
  | { kind: 'el'; tag: string; attrs: Record<string, string>; kids: Tree[] }
  | { kind: 'svg'; text: string }
  | { kind: 'math'; text: string }
  | { kind: 'host'; kids: Tree[]; shadow: Tree[] };

const FRAGMENTS = ['Khalifa', 'Haftar', ' ', 'Khalifa Haftar', 'Tri', 'poli', 'Tripoli', 'Misrata', ' said ', '\n', 'al-', 'Sarraj', 'Fayez ', 'Wagner', ' Group', ', ', 'GNA', "'s", 'x', 'Sirte.'];
const text = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 4 }).map((parts) => parts.join(''));

const INLINE = ['b', 'i', 'a', 'span', 'em', 'x-inline'];
const BLOCK = ['p', 'div', 'li', 'h2', 'section', 'blockquote'];
const TEXT_ONLY_FORBIDDEN = ['textarea', 'script', 'style', 'noscript', 'title'];
const FORBIDDEN_WITH_KIDS: Array<[string, Record<string, string>]> = [
  ['div', { contenteditable: 'true' }],
  ['span', { contenteditable: '' }],
  ['div', { 'data-libya-lens-ui': '' }],
  ['code', {}],
  ['select', {}],
  ['canvas', {}],
  ['object', {}],
];

const { tree } = fc.letrec<{ tree: Tree; kids: Tree[] }>((tie) => ({
  kids: fc.array(tie('tree'), { maxLength: 4 }),
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: text.map((t): Tree => ({ kind: 'text', text: t })) },
    { weight: 1, arbitrary: fc.constant<Tree>({ kind: 'br' }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('el' as const), tag: fc.constantFrom(...INLINE), attrs: fc.constant({}), kids: tie('kids') }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('el' as const), tag: fc.constantFrom(...BLOCK), attrs: fc.constant({}), kids: tie('kids') }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('el' as const),
        tag: fc.constantFrom(...TEXT_ONLY_FORBIDDEN),
        attrs: fc.constant({}),
        kids: text.map((t): Tree[] => [{ kind: 'text', text: t }]),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom(...FORBIDDEN_WITH_KIDS), tie('kids')).map(([[tag, attrs], kids]): Tree => ({ kind: 'el', tag, attrs, kids })),
    },
    { weight: 1, arbitrary: text.map((t): Tree => ({ kind: 'svg', text: t })) },
    { weight: 1, arbitrary: text.map((t): Tree => ({ kind: 'math', text: t })) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('host' as const), kids: tie('kids'), shadow: tie('kids') }) },
  ),
}));

function build(node: Tree): Node {
  switch (node.kind) {
    case 'text':
      return document.createTextNode(node.text);
    case 'br':
      return document.createElement('br');
    case 'svg': {
      const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
      const t = document.createElementNS('http://www.w3.org/2000/svg', 'text');
      t.textContent = node.text;
      svg.append(t);
      return svg;
    }
    case 'math': {
      const math = document.createElementNS('http://www.w3.org/1998/Math/MathML', 'math');
      const mi = document.createElementNS('http://www.w3.org/1998/Math/MathML', 'mi');
      mi.textContent = node.text;
      math.append(mi);
      return math;
    }
    case 'host': {
      const host = document.createElement('x-host');
      for (const kid of node.kids) host.append(build(kid));
      const root = host.attachShadow({ mode: 'open' });
      for (const kid of node.shadow) root.append(build(kid));
      return host;
    }
    case 'el': {
      const el = document.createElement(node.tag);
      for (const [name, value] of Object.entries(node.attrs)) el.setAttribute(name, value);
      for (const kid of node.kids) el.append(build(kid));
      return el;
    }
  }
}

const page = fc.array(tree, { minLength: 1, maxLength: 6 });

const recognizer = fakeRecognizer();
let running: Highlighter[] = [];

async function highlight(): Promise<{ highlighter: Highlighter; painter: MemoryPainter }> {
  const painter = new MemoryPainter();
  const highlighter = new Highlighter({ recognizer, painter });
  running.push(highlighter);
  highlighter.start();
  await highlighter.flush();
  return { highlighter, painter };
}

afterEach(() => {
  for (const h of running) h.stop();
  running = [];
  document.body.textContent = '';
});

/** The nearest block-level ancestor by a second, independent list (or the shadow root / body). */
function blockOf(node: Node): Node {
  for (let el = node.parentNode; el; el = el.parentNode) {
    if (el.nodeType === 11) return el;
    if (el.nodeType === 1 && (el as Element).matches('p, div, li, h2, section, blockquote, body, x-host')) return el;
  }
  return node.getRootNode();
}

function checkMention(m: Mention): void {
  const { startContainer: start, endContainer: end } = m.range;
  expect(forbiddenReason(start), `start of "${m.text}"`).toBe('');
  expect(forbiddenReason(end), `end of "${m.text}"`).toBe('');
  expect(rangeText(m.range)).toBe(m.text);
  // The text is one whole alias of the entity, nothing more.
  expect(recognizer.find(m.text)).toEqual([{ start: 0, end: m.text.length, entityId: m.entityId, kind: m.kind, source: 'kb' }]);
  expect(blockOf(start)).toBe(blockOf(end));
}

const key = (m: Mention) => [m.range.startContainer, m.range.startOffset, m.range.endContainer, m.range.endOffset, m.entityId] as const;

function sameMentions(a: Mention[], b: Mention[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((m, i) => key(m).every((part, j) => part === key(b[i]!)[j]));
}

describe('on random pages', () => {
  test('the page is unchanged, nothing forbidden is painted, every range is exactly an alias', async () => {
    await fc.assert(
      fc.asyncProperty(page, async (trees) => {
        document.body.textContent = '';
        for (const t of trees) document.body.append(build(t));
        const nodes = allNodes(document.body);
        const shape = snapshot(document.body);
        const html = document.body.outerHTML;
        const { highlighter, painter } = await highlight();
        const mentions = highlighter.mentions();
        for (const m of mentions) checkMention(m);
        expect(painter.size).toBe(mentions.length);
        // Every mention is found at its caret position.
        for (const m of mentions) expect(highlighter.mentionAt(m.range.startContainer, m.range.startOffset)).toBe(m);
        highlighter.stop();
        expect(painter.size).toBe(0);
        expect(document.body.outerHTML).toBe(html);
        expect(snapshot(document.body)).toBe(shape);
        const after = allNodes(document.body);
        expect(after.length === nodes.length && after.every((n, i) => n === nodes[i])).toBe(true);
      }),
      { numRuns: 150 },
    );
  }, 30_000);

  type Op =
    | { op: 'data'; at: number; text: string }
    | { op: 'remove'; at: number }
    | { op: 'insert'; at: number; tree: Tree }
    | { op: 'move'; from: number; to: number };

  const ops = fc.array(
    fc.oneof(
      fc.record({ op: fc.constant('data' as const), at: fc.nat(), text }),
      fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('insert' as const), at: fc.nat(), tree }),
      fc.record({ op: fc.constant('move' as const), from: fc.nat(), to: fc.nat() }),
    ),
    { minLength: 1, maxLength: 6 },
  );

  const insideUi = (node: Node): boolean => {
    for (let n: Node | null = node; n; n = n.nodeType === 11 ? (n as ShadowRoot).host : n.parentNode) {
      if (n.nodeType === 1 && (n as Element).hasAttribute('data-libya-lens-ui')) return true;
    }
    return false;
  };

  const composedContains = (outer: Node, inner: Node): boolean => {
    for (let n: Node | null = inner; n; n = n.nodeType === 11 ? (n as ShadowRoot).host : n.parentNode) if (n === outer) return true;
    return false;
  };

  function apply(op: Op): void {
    const texts = textNodes(document.body);
    // The page never writes into the extension's own UI hosts (mutations there are ignored by design).
    const elements = allNodes(document.body).filter((n): n is Element => n.nodeType === 1 && !insideUi(n));
    const pick = <T>(list: T[], i: number) => list[i % list.length];
    try {
      if (op.op === 'data') {
        const node = pick(texts, op.at);
        if (node) node.data = op.text;
      } else if (op.op === 'remove') {
        const all = allNodes(document.body).filter((n) => n !== document.body && n.nodeType !== 11);
        pick(all, op.at)?.parentNode?.removeChild(pick(all, op.at)!);
      } else if (op.op === 'insert') {
        pick(elements, op.at)?.append(build(op.tree));
      } else {
        const all = allNodes(document.body).filter((n) => n !== document.body && n.nodeType !== 11);
        const node = pick(all, op.from);
        const target = pick(elements, op.to);
        // Browsers refuse to move a node into its own subtree, shadow trees included (the DOM's
        // "host-including inclusive ancestor" check); happy-dom only checks the light tree.
        if (node && target && !composedContains(node, target)) target.append(node);
      }
    } catch {
      // Moves the DOM refuses (hierarchy errors) simply do not happen.
    }
  }

  test('after random edits, removals, insertions and moves, the result equals a fresh pass', async () => {
    await fc.assert(
      fc.asyncProperty(page, ops, async (trees, edits) => {
        document.body.textContent = '';
        for (const t of trees) document.body.append(build(t));
        const { highlighter } = await highlight();
        for (const edit of edits) {
          apply(edit);
          // Half the edits land in one batch of mutation records, half one by one.
          if (edit.op !== 'data') await highlighter.flush();
        }
        await highlighter.flush();
        const incremental = highlighter.mentions();
        for (const m of incremental) checkMention(m);
        const { highlighter: fresh } = await highlight();
        expect(sameMentions(incremental, fresh.mentions())).toBe(true);
      }),
      { numRuns: 150 },
    );
  }, 30_000);
});
