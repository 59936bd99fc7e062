// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { allNodes, describeMention, forbiddenReason, rangeText, snapshot } from './fixtures/dom-helpers';
import { fakeRecognizer, type FakeRecognizer } from './fixtures/fake-kb';
import { Highlighter } from './highlighter';
import ARTICLE from './fixtures/news-article.html?raw';
import { ALL_HIGHLIGHT_NAMES, HIGHLIGHT_NAMES, MemoryPainter } from './paint';

let painter: MemoryPainter;
let recognizer: FakeRecognizer;
let highlighter: Highlighter;

const $ = (selector: string) => document.querySelector(selector)!;
const texts = () => highlighter.mentions().map((m) => describeMention(m).text);
const painted = () => [...painter.ranges.values()].flatMap((set) => [...set]);
const microtasks = async () => {
  for (let i = 0; i < 3; i++) await Promise.resolve();
};

beforeEach(async () => {
  document.body.innerHTML = ARTICLE;
  // A web component that has rendered into its open shadow root, as the page's own script would.
  const shadow = $('#factbox').attachShadow({ mode: 'open' });
  const box = document.createElement('div');
  box.className = 'box';
  const p = document.createElement('p');
  p.id = 'shadow-p';
  p.append('The LNA is run from Rajma, outside ', Object.assign(document.createElement('b'), { textContent: 'Benghazi' }), '.');
  box.append(p);
  shadow.append(box);
  painter = new MemoryPainter();
  recognizer = fakeRecognizer();
  highlighter = new Highlighter({ recognizer, painter, shadowCss: '::highlight(libya-lens-actor) { color: red }' });
});

afterEach(() => {
  highlighter.stop();
  document.body.innerHTML = '';
});

async function started(): Promise<void> {
  highlighter.start();
  await highlighter.flush();
}

describe('a messy news article', () => {
  test('paints the names of the article, a name split by inline markup as one range', async () => {
    await started();
    const mentions = highlighter.mentions().map(describeMention);
    expect(mentions).toContainEqual({ text: 'Khalifa Haftar', entityId: 'khalifa-haftar', source: 'kb', start: 'a#split-link', end: 'b#split-b' });
    expect(mentions).toContainEqual(expect.objectContaining({ text: 'Fayez al-Sarraj', start: 'p#sarraj', end: 'b' }));
    expect(mentions).toContainEqual(expect.objectContaining({ text: 'Misurata', entityId: 'misrata', start: 'p#span-split', end: 'p#span-split' }));
    // Links jammed together in a menu are separate words; a drop cap (a span) is not.
    expect(mentions).toContainEqual(expect.objectContaining({ text: 'Tripoli', start: 'a#nav-tripoli' }));
    expect(mentions).toContainEqual(expect.objectContaining({ text: 'Tripoli', start: 'span#dropcap', end: 'p#dropcap-p' }));
    expect(mentions).toContainEqual(expect.objectContaining({ text: 'Haftar', start: 'h1#headline' }));
    expect(mentions).toContainEqual(expect.objectContaining({ text: 'Tripoli', start: 'a#nav-tripoli' }));
    expect(mentions).toContainEqual(expect.objectContaining({ text: 'Benghazi', start: 'td#cell' }));
    expect(mentions).toContainEqual(expect.objectContaining({ text: 'Wagner Group' }));
    expect(mentions).toContainEqual(expect.objectContaining({ text: 'GNA', start: 'p#comment-between' }));
    expect(mentions).toContainEqual(expect.objectContaining({ text: 'Sirte', start: 'p#comment-between' }));
    expect(mentions).toContainEqual(expect.objectContaining({ text: 'Tripoli', start: 'p#editable-false' }));
    // Ranges are painted under the highlight of their kind.
    expect(painter.ranges.get(HIGHLIGHT_NAMES.actor)!.size).toBe(highlighter.mentions().filter((m) => m.kind === 'actor').length);
    expect(painter.ranges.get(HIGHLIGHT_NAMES.location)!.size).toBe(highlighter.mentions().filter((m) => m.kind === 'location').length);
  });

  test('never joins words of two blocks or two lines', async () => {
    await started();
    const all = texts();
    expect(all).not.toContain('Khalifa\nHaftar');
    expect(all.filter((t) => /Khalifa\s+Haftar/.test(t))).toEqual(['Khalifa Haftar']);
    // "Khalifa<br>Haftar" and "Khalifa<p>Haftar</p>": only "Haftar", in its own line or block.
    expect(highlighter.mentions().map(describeMention)).toContainEqual(expect.objectContaining({ text: 'Haftar', start: 'p#broken' }));
    expect(highlighter.mentions().map(describeMention)).toContainEqual(expect.objectContaining({ text: 'Haftar', start: 'p#nested-p' }));
    expect(recognizer.calls.some((c) => /Khalifa\s+Haftar was/.test(c))).toBe(false);
  });

  test('paints nothing inside forms, editors, code, graphics, scripts or its own UI', async () => {
    await started();
    const bad = highlighter.mentions().flatMap((m) => {
      const why = forbiddenReason(m.range.startContainer) || forbiddenReason(m.range.endContainer);
      return why ? [`${describeMention(m).text} in ${why}`] : [];
    });
    expect(bad).toEqual([]);
    // And the recognizer was never even shown their text.
    for (const secret of ['Our own UI', 'never take Tripoli', 'Draft: the', 'and the GNA in Tripoli', 'Sirte is next', 'Wagner Group draft', 'Benghazi widget', 'needs JavaScript', 'Sirte template', 'Misrata fallback', 'object fallback', 'canvas fallback', 'Sirte terminal', '__tags', 'content:']) {
      expect(recognizer.calls.filter((c) => c.includes(secret)), secret).toEqual([]);
    }
  });

  test("paints a name in a web component's open shadow root and gives that root the highlight styles", async () => {
    await started();
    const inShadow = highlighter.mentions().filter((m) => m.range.startContainer.getRootNode() instanceof ShadowRoot);
    expect(inShadow.map((m) => rangeText(m.range))).toEqual(['LNA', 'Benghazi']);
    const root = $('#factbox').shadowRoot!;
    expect(root.adoptedStyleSheets.length).toBe(1);
    // The host's light DOM is read too (it is in the document; slotted or not).
    expect(texts()).toContain('Benghazi');
  });

  test('leaves the page DOM exactly as it was: same nodes, same markup', async () => {
    const nodes = allNodes(document.documentElement);
    const html = document.documentElement.outerHTML;
    const shape = snapshot(document.documentElement);
    await started();
    highlighter.focus(highlighter.mentions()[0]!);
    highlighter.stop();
    expect(document.documentElement.outerHTML).toBe(html);
    expect(snapshot(document.documentElement)).toBe(shape);
    const after = allNodes(document.documentElement);
    expect(after.length).toBe(nodes.length);
    expect(after.every((n, i) => n === nodes[i])).toBe(true);
  });

  test('is idempotent: start() twice, flushed twice, paints each mention once', async () => {
    await started();
    const first = highlighter.mentions().map(describeMention);
    const count = painter.size;
    const calls = recognizer.calls.length;
    highlighter.start();
    await highlighter.flush();
    await highlighter.flush();
    expect(highlighter.mentions().map(describeMention)).toEqual(first);
    expect(painter.size).toBe(count);
    expect(recognizer.calls.length).toBe(calls);
    expect(new Set(painted()).size).toBe(count);
  });

  test('stop() removes every range and forgets the index; start() paints again', async () => {
    await started();
    const before = highlighter.mentions().length;
    expect(before).toBeGreaterThan(10);
    highlighter.stop();
    expect(painter.size).toBe(0);
    expect(highlighter.mentions()).toEqual([]);
    expect(highlighter.entities()).toEqual([]);
    expect(highlighter.mentionAt($('#split-b').firstChild!, 1)).toBeUndefined();
    await started();
    expect(highlighter.mentions().length).toBe(before);
  });
});

describe('a page that changes', () => {
  test('a paragraph appended after start is painted', async () => {
    await started();
    const p = document.createElement('p');
    p.append('Residents report an explosion near ', Object.assign(document.createElement('a'), { textContent: 'Sirte' }), '.');
    $('#lead').after(p);
    await highlighter.flush();
    expect(highlighter.mentions().filter((m) => p.contains(m.range.startContainer)).map((m) => rangeText(m.range))).toEqual(['Sirte']);
  });

  test('blocks inside an inserted inline wrapper are found', async () => {
    await started();
    const wrapper = document.createElement('x-app');
    const div = document.createElement('div');
    div.textContent = 'Fighting in Benghazi';
    wrapper.append(div);
    $('#comment-1').append(wrapper);
    await highlighter.flush();
    expect(highlighter.mentions().some((m) => m.range.startContainer.parentNode === div)).toBe(true);
  });

  test('text changed in place (node.data) loses its stale ranges at once and is painted again', async () => {
    await started();
    const node = $('#ticker').firstChild as Text;
    const old = highlighter.mentionAt(node, node.data.indexOf('Tripoli'))!;
    expect(old.entityId).toBe('tripoli');
    node.data = 'Breaking: Haftar in Benghazi';
    await microtasks();
    // Before any idle work: the old range is gone from the painter and the index.
    expect(painted()).not.toContain(old.range);
    expect(highlighter.mentionAt(node, 1)).toBeUndefined();
    await highlighter.flush();
    expect(highlighter.mentions().filter((m) => m.range.startContainer === node).map((m) => rangeText(m.range))).toEqual(['Haftar', 'Benghazi']);
    expect(node.data).toBe('Breaking: Haftar in Benghazi');
  });

  test('a removed paragraph takes its mentions with it; the page keeps the removal', async () => {
    await started();
    const p = $('#sarraj');
    const inside = highlighter.mentions().filter((m) => p.contains(m.range.startContainer));
    expect(inside.length).toBe(2);
    p.remove();
    await highlighter.flush();
    expect(highlighter.mentions().filter((m) => inside.includes(m))).toEqual([]);
    expect(painted().filter((r) => inside.some((m) => m.range === r))).toEqual([]);
    expect(document.getElementById('sarraj')).toBeNull();
  });

  test('text moved into an editor is unpainted before the next frame', async () => {
    await started();
    const node = $('#cell').firstChild as Text;
    const mention = highlighter.mentionAt(node, 0)!;
    $('#rich').append(node);
    await microtasks();
    expect(highlighter.mentionAt(node, 0)).toBeUndefined();
    expect(painted()).not.toContain(mention.range);
  });

  test('a new node inside a multi-node name takes that range down until it is read again', async () => {
    await started();
    const b = $('#split-b');
    const mention = highlighter.mentionAt(b.firstChild!, 2)!;
    expect(rangeText(mention.range)).toBe('Khalifa Haftar');
    b.before('Belqasim ');
    await microtasks();
    expect(painted()).not.toContain(mention.range);
    await highlighter.flush();
    expect(highlighter.mentions().filter((m) => $('#lead').contains(m.range.startContainer)).map((m) => rangeText(m.range))).toEqual([
      'Government of National Accord',
      'al-Watiya',
      'Haftar',
      'LNA',
    ]);
  });

  test('changes in one block leave other blocks alone (no re-reading of unchanged text)', async () => {
    await started();
    recognizer.calls.length = 0;
    ($('#ticker').firstChild as Text).data = 'Calm in Misrata';
    await highlighter.flush();
    expect(recognizer.calls).toEqual(['Calm in Misrata']);
  });

  test('mutations inside its own UI host cost nothing', async () => {
    await started();
    recognizer.calls.length = 0;
    const ui = $('#ui-host');
    ui.querySelector('p')!.firstChild!.textContent = 'Haftar card';
    ui.append(Object.assign(document.createElement('p'), { textContent: 'Tripoli list' }));
    await highlighter.flush();
    expect(recognizer.calls).toEqual([]);
  });
});

describe('the mention index', () => {
  test('mentionAt finds the mention under a caret in any of its nodes, and at its very end', async () => {
    await started();
    const a = $('#split-link').firstChild as Text; // "Khalifa "
    const b = $('#split-b').firstChild as Text; // "Haftar"
    const m = highlighter.mentionAt(a, 0)!;
    expect(m.text).toBe('Khalifa Haftar');
    expect(highlighter.mentionAt(b, 3)).toBe(m);
    expect(highlighter.mentionAt(b, 6)).toBe(m);
    expect(highlighter.mentionAt($('#split-link').parentElement!, 0)).toBeUndefined();
    const lead = $('#lead').firstChild as Text;
    expect(highlighter.mentionAt(lead, 0)).toBeUndefined();
  });

  test('entities() counts mentions per entity, most mentioned first; entity() gives details', async () => {
    await started();
    const list = highlighter.entities();
    const counts = list.map((e) => e.count);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
    const haftar = list.find((e) => e.entity.id === 'khalifa-haftar')!;
    expect(haftar.count).toBe(highlighter.mentionsOf('khalifa-haftar').length);
    expect(highlighter.entity('tripoli')?.kind).toBe('location');
  });

  test('mentionsOf() lists mentions in document order', async () => {
    await started();
    const list = highlighter.mentionsOf('khalifa-haftar').map((m) => (m.range.startContainer.parentElement!.closest('[id]') as Element).id);
    expect(list).toEqual(['headline', 'split-link', 'broken', 'nested-p']);
  });

  test('onChange listeners hear about changes once per frame', async () => {
    let calls = 0;
    highlighter.onChange(() => calls++);
    await started();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(calls).toBe(1);
    ($('#ticker').firstChild as Text).data = 'Calm in Misrata';
    await highlighter.flush();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(calls).toBe(2);
  });

  test('focus() paints one mention under libya-lens-focus; clearFocus() and edits take it away', async () => {
    await started();
    const [first, second] = highlighter.mentionsOf('tripoli');
    expect(highlighter.focus(first!)).toBe(true);
    expect(highlighter.focus(second!)).toBe(true);
    expect([...painter.ranges.get(HIGHLIGHT_NAMES.focus)!]).toEqual([second!.range]);
    expect(highlighter.focused()).toBe(second);
    highlighter.clearFocus();
    expect(painter.ranges.get(HIGHLIGHT_NAMES.focus)!.size).toBe(0);
    highlighter.focus(first!);
    (first!.range.startContainer as Text).data = 'Elsewhere';
    await microtasks();
    expect(highlighter.focused()).toBeUndefined();
    expect(painter.ranges.get(HIGHLIGHT_NAMES.focus)!.size).toBe(0);
    expect(highlighter.focus(first!)).toBe(false);
  });

  test('every highlight name is one of ours', () => {
    expect(ALL_HIGHLIGHT_NAMES).toEqual(['libya-lens-actor', 'libya-lens-location', 'libya-lens-ner-actor', 'libya-lens-ner-location', 'libya-lens-focus']);
  });
});
