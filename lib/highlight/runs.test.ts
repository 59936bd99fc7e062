// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { contextOf, isClearPath, roleOf } from './dom-rules';
import { planRun } from './plan';
import { collectBlock, type TextRun } from './runs';

afterEach(() => {
  document.body.textContent = '';
  document.designMode = 'off';
});

/** Builds a block from markup written in the test (never page text in product code). */
function block(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  document.body.append(div);
  return div;
}

const texts = (root: Element | ShadowRoot) => collectBlock(root).runs.map((r) => r.text);

describe('collectBlock', () => {
  test('joins text across inline markup and comments', () => {
    expect(texts(block('<a href="#">Khalifa <b>Haftar</b></a>\'s <!-- c -->LNA'))).toEqual(["Khalifa Haftar's LNA"]);
  });

  test('cuts runs at <br>, nested blocks and skipped elements, and lists the nested blocks', () => {
    const root = block('Khalifa<br>Haftar <p>in Sirte</p> met <code>Tripoli</code> envoys <textarea>GNA</textarea> today');
    expect(texts(root)).toEqual(['Khalifa', 'Haftar ', ' met ', ' envoys ', ' today']);
    expect(collectBlock(root).nested.map((n) => (n as Element).localName)).toEqual(['p']);
  });

  test('cuts where a link edge falls between two letters, not elsewhere', () => {
    expect(texts(block('<a>World</a><a>Tripoli</a><a>Energy</a>'))).toEqual(['World', 'Tripoli', 'Energy']);
    expect(texts(block('Fayez al-<a>Sarraj</a>, <a>Haftar</a>\'s men'))).toEqual(["Fayez al-Sarraj, Haftar's men"]);
    expect(texts(block('<span class="dropcap">T</span>ripoli'))).toEqual(['Tripoli']);
  });

  test('skips whitespace-only runs and editable, UI and foreign-namespace content', () => {
    const root = block(
      '  <div contenteditable="true">Sirte</div> <span contenteditable="PLAINTEXT-ONLY">GNA</span>' +
        '<div data-libya-lens-ui>Haftar</div><svg><text>Benghazi</text></svg><span contenteditable="false">Misrata</span>',
    );
    expect(texts(root)).toEqual(['Misrata']);
  });

  test('a host with an open shadow root is a block; its shadow root is nested in it', () => {
    const root = block('Before <x-card>light text</x-card> after');
    const host = root.querySelector('x-card')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.append('Shadow text about Sirte');
    expect(texts(root)).toEqual(['Before ', ' after']);
    expect(collectBlock(root).nested).toEqual([host]);
    expect(collectBlock(host).nested).toEqual([shadow]);
    expect(texts(host)).toEqual(['light text']);
    expect(texts(shadow)).toEqual(['Shadow text about Sirte']);
  });
});

describe('contextOf', () => {
  test('finds the nearest block and forbids editable, skipped and designMode content', () => {
    const root = block('<p id="p">A <b>bold</b> word</p><div contenteditable><p id="e">x</p></div><div data-libya-lens-ui><p id="u">y</p></div>');
    const b = root.querySelector('b')!.firstChild!;
    expect(contextOf(b)).toEqual({ kind: 'ok', block: root.querySelector('#p') });
    expect(contextOf(root.querySelector('#e')!.firstChild!)).toEqual({ kind: 'forbidden' });
    expect(contextOf(root.querySelector('#u')!.firstChild!)).toEqual({ kind: 'ignore' });
    expect(contextOf(document.createTextNode('detached'))).toEqual({ kind: 'ignore' });
    document.designMode = 'on';
    expect(contextOf(b)).toEqual({ kind: 'forbidden' });
  });

  test('crosses shadow roots to their hosts', () => {
    const root = block('<div contenteditable="true"><x-card></x-card></div><x-ok></x-ok>');
    const inEditor = root.querySelector('x-card')!.attachShadow({ mode: 'open' });
    inEditor.append('Sirte');
    const fine = root.querySelector('x-ok')!.attachShadow({ mode: 'open' });
    fine.append('Sirte');
    expect(contextOf(inEditor.firstChild!)).toEqual({ kind: 'forbidden' });
    expect(contextOf(fine.firstChild!)).toEqual({ kind: 'ok', block: fine });
  });

  test('roles come from tag names and attributes only', () => {
    const el = (tag: string) => document.createElement(tag);
    expect(['p', 'li', 'td', 'h2', 'button'].map((t) => roleOf(el(t)))).toEqual(['block', 'block', 'block', 'block', 'block']);
    expect(['b', 'a', 'span', 'x-widget'].map((t) => roleOf(el(t)))).toEqual(['inline', 'inline', 'inline', 'inline']);
    expect(['br', 'img', 'code', 'kbd', 'script', 'iframe', 'canvas'].map((t) => roleOf(el(t)))).toEqual(Array(7).fill('skip'));
  });
});

describe('isClearPath', () => {
  test("agrees with contextOf for every block and shadow root, whatever the order they are asked in", () => {
    const root = block(
      '<article><p id="p">A <b>bold</b> word</p><div contenteditable><p>x</p><div contenteditable="false"><p>z</p></div></div>' +
        '<div data-libya-lens-ui><p>y</p></div><ul><li>one</li><li><svg><text>t</text></svg></li></ul>' +
        '<textarea>q</textarea><x-card></x-card><blockquote><p>deep <i>in</i></p></blockquote></article>',
    );
    root.querySelector('x-card')!.attachShadow({ mode: 'open' }).append('Sirte');
    const nodes: Node[] = [...root.querySelectorAll('*'), root.querySelector('x-card')!.shadowRoot!];
    const memo = new Map<Node, boolean>();
    for (const node of [...nodes].reverse()) {
      expect(isClearPath(node, memo), (node as Element).outerHTML ?? 'shadow root').toBe(contextOf(node).kind === 'ok');
    }
    document.designMode = 'on';
    expect(isClearPath(root.querySelector('#p')!, new Map())).toBe(false);
  });
});

describe('planRun', () => {
  const run = (): TextRun => {
    const a = document.createTextNode('Khalifa ');
    const b = document.createTextNode('Haf');
    const c = document.createTextNode('tar said');
    return { text: 'Khalifa Haftar said', segments: [{ node: a, start: 0 }, { node: b, start: 8 }, { node: c, start: 11 }] };
  };
  const match = (start: number, end: number) => ({ start, end, entityId: 'x', kind: 'actor' as const, source: 'kb' as const });

  test('maps run offsets to the text nodes under them', () => {
    const r = run();
    const [p] = planRun(r, [match(0, 14)]);
    expect(p!.startNode).toBe(r.segments[0]!.node);
    expect(p!.startOffset).toBe(0);
    expect(p!.endNode).toBe(r.segments[2]!.node);
    expect(p!.endOffset).toBe(3);
    expect(p!.spans.map((s) => [s.from, s.to])).toEqual([[0, 8], [0, 3], [0, 3]]);
    expect(p!.text).toBe('Khalifa Haftar');
  });

  test('a match starting at a node boundary starts in the next node; one ending there ends in its own', () => {
    const r = run();
    const [p] = planRun(r, [match(8, 11)]);
    expect(p!.startNode).toBe(r.segments[1]!.node);
    expect([p!.startOffset, p!.endOffset]).toEqual([0, 3]);
    expect(p!.endNode).toBe(r.segments[1]!.node);
  });

  test('drops out-of-bounds, empty, fractional and overlapping matches; sorts unsorted ones', () => {
    const r = run();
    const planned = planRun(r, [match(15, 19), match(-1, 3), match(3, 3), match(0, 99), match(1.5, 4), match(0, 7), match(5, 9)]);
    expect(planned.map((p) => p.text)).toEqual(['Khalifa', 'said']);
  });
});
