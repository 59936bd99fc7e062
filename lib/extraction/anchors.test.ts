import { describe, expect, test } from 'vitest';
import { anchorSelectors, CONTEXT_CHARS, describeRange } from './anchors';
import type { Selector, TextQuoteSelector } from './types';

const PAGE = [
  'Libya live: fighting around Tripoli',
  'Forces loyal to Khalifa Haftar launched air strikes on Mitiga airport on Friday, officials said.',
  'The Government of National Accord said its forces had repelled an attack near Gharyan.',
  'Residents said the shelling went on through the night.',
  'In Misrata, officials said nothing about the strikes.',
].join('\n');

const quoteOf = (selectors: Selector[]) => selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector')!;
const span = (text: string, passage: string, from = 0) => {
  const start = text.indexOf(passage, from);
  if (start < 0) throw new Error(`not in text: ${passage}`);
  return [start, start + passage.length] as const;
};

describe('describeRange', () => {
  test('gives a quote with up to 32 characters of context and the position', () => {
    const [start, end] = span(PAGE, 'launched air strikes on Mitiga airport');
    const selectors = describeRange(PAGE, start, end);
    expect(selectors).toEqual([
      {
        type: 'TextQuoteSelector',
        exact: 'launched air strikes on Mitiga airport',
        prefix: PAGE.slice(start - CONTEXT_CHARS, start),
        suffix: PAGE.slice(end, end + CONTEXT_CHARS),
      },
      { type: 'TextPositionSelector', start, end },
    ]);
    expect(quoteOf(selectors).prefix).toBe('ing around Tripoli\nForces loyal to Khalifa Haftar '.slice(-32));
  });

  test('context stops at the ends of the text; reversed or out-of-range offsets are clamped', () => {
    const [q, p] = describeRange('short text', 8, -3);
    expect(q).toEqual({ type: 'TextQuoteSelector', exact: 'short te', prefix: '', suffix: 'xt' });
    expect(p).toEqual({ type: 'TextPositionSelector', start: 0, end: 8 });
  });

  test('never splits a surrogate pair at the edge of the context', () => {
    const text = `${'😀'.repeat(20)}quote${'😀'.repeat(20)}`;
    const [start, end] = span(text, 'quote');
    const { prefix, suffix } = quoteOf(describeRange(text, start, end));
    expect(prefix).toBe('😀'.repeat(16));
    expect(suffix).toBe('😀'.repeat(16));
  });
});

describe('anchorSelectors', () => {
  test('round trip: every passage described is anchored back, by position', () => {
    for (const passage of ['Forces loyal', 'Gharyan.', 'the night.\nIn Misrata', 'Libya live', 'the strikes.']) {
      const [start, end] = span(PAGE, passage);
      expect(anchorSelectors(PAGE, describeRange(PAGE, start, end))).toEqual({ start, end, method: 'position' });
    }
  });

  test('text moved by an inserted paragraph is found by its quote', () => {
    const [start, end] = span(PAGE, 'repelled an attack near Gharyan');
    const selectors = describeRange(PAGE, start, end);
    const edited = PAGE.replace('\n', '\nBREAKING: a ceasefire was announced in Geneva this morning.\n');
    const [newStart, newEnd] = span(edited, 'repelled an attack near Gharyan');
    expect(anchorSelectors(edited, selectors)).toEqual({ start: newStart, end: newEnd, method: 'quote' });
  });

  test('repeated quotes are told apart by prefix and suffix, even with a misleading position', () => {
    const [start, end] = span(PAGE, 'officials said', PAGE.indexOf('Misrata'));
    const selectors = describeRange(PAGE, start, end);
    // The page gains a paragraph that repeats the phrase where the old offset now points.
    const edited = `Officials said so: officials said nothing.\n${PAGE}`;
    const anchor = anchorSelectors(edited, selectors.map((s) => (s.type === 'TextPositionSelector' ? { ...s, start: 10, end: 24 } : s)));
    expect(anchor).toEqual({ start: start + 43, end: end + 43, method: 'quote' });
    // The other occurrence, with its own context, anchors to itself.
    const [first] = span(PAGE, 'officials said');
    const firstAnchor = anchorSelectors(edited, describeRange(PAGE, first, first + 14));
    expect(firstAnchor).toMatchObject({ start: first + 43, method: 'quote' });
  });

  test('without context to tell them apart, the occurrence nearest the old position wins', () => {
    const text = 'Sirte. Sirte. Sirte. Sirte.';
    const selectors: Selector[] = [
      { type: 'TextQuoteSelector', exact: 'Sirte', prefix: 'x', suffix: 'y' },
      { type: 'TextPositionSelector', start: 15, end: 20 },
    ];
    expect(anchorSelectors(text, selectors)).toEqual({ start: 14, end: 19, method: 'quote' });
  });

  test('edited whitespace, case and typographic quotes and dashes are matched fuzzily', () => {
    const original = 'He said: "We will not withdraw from Sirte" - a spokesman for the LNA.';
    const page = `Intro.\nHe said:  \u201cWe will NOT withdraw\nfrom Sirte\u201d \u2014 a spokesman for the\u00a0LNA.\nMore.`;
    const anchor = anchorSelectors(page, describeRange(original, 0, original.length));
    expect(anchor?.method).toBe('fuzzy');
    expect(page.slice(anchor!.start, anchor!.end)).toBe(page.slice(7, page.indexOf('LNA.') + 4));
  });

  test('a long passage whose middle was edited (a toll revised) is found by its two ends', () => {
    const passage = 'Forces loyal to Khalifa Haftar launched air strikes on Mitiga airport on Friday, killing at least 12 people, officials said.';
    const selectors = describeRange(passage, 0, passage.length);
    const page = `Update.\n${passage.replace('Friday', 'Friday night').replace('12', '15')}\nMore.`;
    const anchor = anchorSelectors(page, selectors);
    expect(anchor?.method).toBe('fuzzy');
    expect(page.slice(anchor!.start, anchor!.end)).toMatch(/^Forces loyal .* officials said\.$/);
  });

  test('a passage that is gone is an orphan', () => {
    const [start, end] = span(PAGE, 'Residents said the shelling went on through the night.');
    const selectors = describeRange(PAGE, start, end);
    expect(anchorSelectors(PAGE.replace('Residents said the shelling went on through the night.', 'Calm returned.'), selectors)).toBeNull();
    expect(anchorSelectors('', selectors)).toBeNull();
  });

  test('short quotes are never matched by their ends alone', () => {
    const selectors = describeRange('the LNA said', 0, 12);
    expect(anchorSelectors('the GNA denied', selectors)).toBeNull();
  });

  test('a position alone is trusted when in range; nothing usable is null', () => {
    expect(anchorSelectors('abcdef', [{ type: 'TextPositionSelector', start: 1, end: 3 }])).toEqual({ start: 1, end: 3, method: 'position' });
    expect(anchorSelectors('abcdef', [{ type: 'TextPositionSelector', start: 4, end: 9 }])).toBeNull();
    expect(anchorSelectors('abcdef', [])).toBeNull();
    expect(anchorSelectors('abcdef', [{ type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' }])).toBeNull();
  });

  test('is fast on a 500 KB page with a few dozen clips, including fuzzy and orphaned ones', () => {
    const sentences = Array.from({ length: 5600 }, (_, i) => `Paragraph ${i}: fighters of brigade ${i % 37} moved toward the coast road near kilometre ${i * 7}.`);
    const page = sentences.join('\n');
    expect(page.length).toBeGreaterThan(450_000);
    const clips = Array.from({ length: 36 }, (_, i) => {
      const [start, end] = span(page, sentences[i * 137]!);
      return describeRange(page, start, end);
    });
    const edited = `Live updates.\n${page.replace(/fighters/g, 'Fighters').replace(/ near /g, '  near ')}`;
    const gone = describeRange('a sentence that this page never had, not even nearly, in any form', 0, 66);
    const t0 = performance.now();
    const anchors = [...clips, gone].map((selectors) => anchorSelectors(edited, selectors));
    const elapsed = performance.now() - t0;
    expect(anchors.slice(0, -1).every((a) => a?.method === 'fuzzy')).toBe(true);
    expect(anchors.at(-1)).toBeNull();
    expect(edited.slice(anchors[5]!.start, anchors[5]!.end)).toBe(sentences[5 * 137]!.replace('fighters', 'Fighters').replace(' near ', '  near '));
    expect(elapsed).toBeLessThan(1000);
  });
});
