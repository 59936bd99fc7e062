// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { snippetOf, toLiveRange } from './ranges';

function rangeOver(text: string): Range {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.nodeValue!.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    return range;
  }
  throw new Error(`no "${text}"`);
}

describe('snippetOf', () => {
  it('takes text on both sides, across inline elements, within the paragraph', () => {
    document.body.innerHTML =
      '<p>First paragraph.</p><p>Units <em>loyal</em> to Haftar took <a href="#">the airport</a> at dawn.</p><p>Next.</p>';
    expect(snippetOf(rangeOver('Haftar'), 'Haftar')).toEqual({
      before: 'Units loyal to ',
      text: 'Haftar',
      after: ' took the airport at dawn.',
    });
  });

  it('cuts long context at word boundaries', () => {
    document.body.innerHTML = `<p>${'alpha beta gamma '.repeat(10)}Tripoli ${'delta epsilon '.repeat(10)}</p>`;
    const { before, after } = snippetOf(rangeOver('Tripoli'), 'Tripoli', 30);
    expect(before.startsWith('…')).toBe(true);
    expect(before.length).toBeLessThanOrEqual(31);
    expect(before).toMatch(/^…(alpha|beta|gamma) /);
    expect(after.endsWith('…')).toBe(true);
    expect(after).toMatch(/ (delta|epsilon)…$/);
  });

  it('collapses whitespace and skips scripts', () => {
    document.body.innerHTML = '<div>In\n\n   Sirte<script>var Sirte = 1;</script>, calm.</div>';
    expect(snippetOf(rangeOver('Sirte'), 'Sirte')).toEqual({ before: 'In ', text: 'Sirte', after: ', calm.' });
  });
});

describe('toLiveRange', () => {
  it('turns a StaticRange into a Range, and gives up when the text changed', () => {
    document.body.innerHTML = '<p>Benghazi</p>';
    const text = document.body.firstChild!.firstChild!;
    // Shaped like a StaticRange (happy-dom has no StaticRange constructor): boundaries, no geometry.
    const fixed = { startContainer: text, startOffset: 0, endContainer: text, endOffset: 8, collapsed: false } as AbstractRange;
    expect(toLiveRange(fixed)?.toString()).toBe('Benghazi');
    text.nodeValue = 'Derna';
    expect(toLiveRange(fixed)).toBeUndefined();
  });
});
