// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { anchorSelectors, describeRange } from '../extraction/anchors';
import { UI_HOST_ATTR } from '../highlight/dom-rules';
import { PageText } from './page-text';

afterEach(() => {
  document.body.textContent = '';
});

/** Builds a tree from markup written in the test (never page text in product code). */
function mount(html: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = html;
  document.body.append(div);
  return div;
}

const ARTICLE = `<h1>Clashes in <em>Tripoli</em></h1>
<p id="p1">Forces loyal to <a href="/haftar"><b>Khalifa</b> Haftar</a> shelled <i>Mitiga</i> airport on Friday.</p>
<p id="p2">The <abbr title="Government of National Accord">GNA</abbr> said it had repelled the attack.</p>`;

describe('PageText', () => {
  test('reads text in document order, one "\\n" between blocks and for <br>, inline markup joined', () => {
    const root = mount(`${ARTICLE}<ul><li>one</li><li>two<br>three</li></ul>`);
    expect(new PageText(root).text).toBe(
      'Clashes in Tripoli\nForces loyal to Khalifa Haftar shelled Mitiga airport on Friday.\n' +
        'The GNA said it had repelled the attack.\none\ntwo\nthree',
    );
  });

  test('keeps the spaces between inline elements, drops the indentation between blocks', () => {
    const root = mount('<div>\n  <p>\n    <b>Khalifa</b> <i>Haftar</i><span> </span><a>LNA</a>\n  </p>\n  <p><span>Misrata </span></p>\n</div>');
    expect(new PageText(root).text).toBe('Khalifa Haftar LNA\nMisrata ');
  });

  test('leaves out script, style, form fields, editable regions, SVG and the extension UI', () => {
    const root = mount(`<p>Before <script>var haftar = 1;</script><style>p { color: red }</style>after.</p>
      <textarea>typed by the reader</textarea><input value="typed">
      <div contenteditable="true">draft text</div><div contenteditable="false">shown text</div>
      <svg><text>chart label</text></svg>
      <div ${UI_HOST_ATTR}><p>extension panel</p></div>
      <p>End.</p>`);
    const text = new PageText(root).text;
    expect(text).toBe('Before after.\nshown text\nEnd.');
    for (const hidden of ['haftar', 'color', 'typed', 'draft', 'chart', 'extension']) expect(text).not.toContain(hidden);
  });

  test('a passage over inline markup round-trips through rangeOf and offsetsOf, at every boundary pair', () => {
    const root = mount(ARTICLE);
    const page = new PageText(root);
    const start = page.text.indexOf('Khalifa Haftar shelled');
    const end = start + 'Khalifa Haftar shelled'.length;
    const range = page.rangeOf(start, end)!;
    expect(range.toString()).toBe('Khalifa Haftar shelled');
    expect(range.startContainer.parentElement!.localName).toBe('b');
    expect(page.offsetsOf(range)).toEqual({ start, end });

    const para = page.text.slice(page.text.indexOf('Forces'), page.text.indexOf('Friday.') + 7);
    const from = page.text.indexOf(para);
    for (let s = from; s <= from + para.length; s++) {
      for (let e = s; e <= from + para.length; e += 3) {
        const r = page.rangeOf(s, e)!;
        expect(r.toString()).toBe(page.text.slice(s, e));
        expect(page.offsetsOf(r)).toEqual({ start: s, end: e });
      }
    }
  });

  test('a range across blocks covers the "\\n" between them', () => {
    const page = new PageText(mount(ARTICLE));
    const start = page.text.indexOf('Friday.');
    const end = page.text.indexOf(' said');
    const range = page.rangeOf(start, end)!;
    expect(page.offsetsOf(range)).toEqual({ start, end });
    expect(page.text.slice(start, end)).toBe('Friday.\nThe GNA');
  });

  test('element boundaries map to the nearest read text', () => {
    const root = mount(ARTICLE);
    const page = new PageText(root);
    const p2 = root.querySelector('#p2')!;
    const range = document.createRange();
    range.selectNodeContents(p2);
    const offsets = page.offsetsOf(range)!;
    expect(page.text.slice(offsets.start, offsets.end)).toBe('The GNA said it had repelled the attack.');
    // A selection made by a triple click: from the paragraph's start to the start of the next block.
    const p1 = root.querySelector('#p1')!;
    expect(page.offsetsOf({ startContainer: p1, startOffset: 0, endContainer: root, endOffset: Array.from(root.childNodes).indexOf(p1) + 1 }))
      .toEqual({ start: page.text.indexOf('Forces'), end: page.text.indexOf('Friday.') + 7 });
  });

  test('ranges in unread text or outside the root have no offsets', () => {
    const root = mount('<p>Read me.</p><textarea>not me</textarea><p>And me.</p>');
    const outside = mount('<p>Elsewhere</p>');
    const page = new PageText(root);
    const inTextarea = root.querySelector('textarea')!.firstChild!;
    expect(page.offsetsOf({ startContainer: inTextarea, startOffset: 1, endContainer: inTextarea, endOffset: 4 })).toBeNull();
    const elsewhere = outside.querySelector('p')!.firstChild!;
    expect(page.offsetsOf({ startContainer: elsewhere, startOffset: 0, endContainer: elsewhere, endOffset: 4 })).toBeNull();
    // A selection that starts in the textarea and ends in the next paragraph keeps the read part.
    const andMe = root.querySelectorAll('p')[1]!.firstChild!;
    const offsets = page.offsetsOf({ startContainer: inTextarea, startOffset: 2, endContainer: andMe, endOffset: 3 })!;
    expect(page.text.slice(offsets.start, offsets.end)).toBe('And');
  });

  test('rangeOf refuses offsets out of bounds, and nodes the page has since removed', () => {
    const root = mount('<p>One.</p><p>Two.</p>');
    const page = new PageText(root);
    expect(page.rangeOf(-1, 2)).toBeNull();
    expect(page.rangeOf(3, 2)).toBeNull();
    expect(page.rangeOf(0, page.text.length + 1)).toBeNull();
    expect(page.rangeOf(0, page.text.length)!.toString()).toBe('One.Two.'); // Range.toString has no block breaks
    root.querySelectorAll('p')[1]!.remove();
    expect(page.rangeOf(5, 8)).toBeNull();
  });

  test('a clip re-anchors after a late paragraph is inserted before it', () => {
    const root = mount(ARTICLE);
    const before = new PageText(root);
    const passage = 'repelled the attack';
    const start = before.text.indexOf(passage);
    const selectors = describeRange(before.text, start, start + passage.length);

    const late = document.createElement('p');
    late.textContent = 'UPDATE: the UN envoy called for an immediate ceasefire.';
    root.querySelector('#p1')!.before(late);
    const after = new PageText(root);
    expect(after.text.slice(start, start + passage.length)).not.toBe(passage);

    const anchor = anchorSelectors(after.text, selectors)!;
    expect(anchor.method).toBe('quote');
    const range = after.rangeOf(anchor.start, anchor.end)!;
    expect(range.toString()).toBe(passage);
    expect(range.startContainer.parentElement!.id).toBe('p2');
  });

  test('reads a 500 KB page quickly', () => {
    const root = document.createElement('div');
    for (let i = 0; i < 4000; i++) {
      const p = document.createElement('p');
      p.append(`Paragraph ${i}: forces of brigade ${i % 37} `, Object.assign(document.createElement('b'), { textContent: 'moved' }), ` toward the coast road near kilometre ${i * 7}, witnesses said.`);
      root.append(p);
    }
    document.body.append(root);
    const t0 = performance.now();
    const page = new PageText(root);
    const mid = page.text.indexOf('Paragraph 3999');
    const range = page.rangeOf(mid, mid + 20)!;
    const offsets = page.offsetsOf(range);
    const elapsed = performance.now() - t0;
    expect(page.text.length).toBeGreaterThan(400_000);
    expect(offsets).toEqual({ start: mid, end: mid + 20 });
    expect(elapsed).toBeLessThan(3000); // happy-dom; Chromium reads a 1.5 MB, 30,000-element page in ~70 ms
  });
});
