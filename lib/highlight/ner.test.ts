// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { NerSpan } from '../messaging/protocol';
import { fakeRecognizer } from './fixtures/fake-kb';
import { Highlighter } from './highlighter';
import { isNerCandidate, nerEntityId, NerQueue } from './ner';
import { HIGHLIGHT_NAMES, MemoryPainter } from './paint';

afterEach(() => {
  document.body.textContent = '';
});

/** A stand-in for the background's NER: finds the given names wherever they occur. */
function fakeNer(names: Array<Pick<NerSpan, 'name' | 'kind' | 'category'>>) {
  return vi.fn(async (texts: string[]): Promise<NerSpan[][]> =>
    texts.map((text) =>
      names.flatMap((n) => {
        const at = text.indexOf(n.name);
        return at < 0 ? [] : [{ ...n, start: at, end: at + n.name.length }];
      }),
    ),
  );
}

describe('NER entities', () => {
  test('ids are ner:<category>:<lower-cased name>, whatever the spacing and case', () => {
    expect(nerEntityId({ category: 'person', name: '  Abdul  Hamid Dbeibah ' })).toBe('ner:person:abdul hamid dbeibah');
    expect(nerEntityId({ category: 'place', name: 'ZAWIYA' })).toBe('ner:place:zawiya');
  });

  test('only texts with a capital letter are worth a call', () => {
    expect(isNerCandidate('the talks went on')).toBe(false);
    expect(isNerCandidate('Dbeibah spoke')).toBe(true);
    expect(isNerCandidate('Ab')).toBe(false);
  });

  test('answers are validated: bad spans and wrong-length answers are dropped', async () => {
    const onAnswer = vi.fn();
    const queue = new NerQueue<string>(async () => [[{ start: 0, end: 99, name: 'x', kind: 'actor', category: 'person' }, { start: 0, end: 3, name: 'Abc', kind: 'actor', category: 'person' }]], onAnswer);
    queue.request('Abc def', 'w');
    queue.flush();
    await queue.settled();
    expect(queue.spansFor('Abc def')).toEqual([{ start: 0, end: 3, name: 'Abc', kind: 'actor', category: 'person' }]);
    expect(onAnswer).toHaveBeenCalledWith(new Set(['w']));
  });

  test('a failing background is asked at most three times', async () => {
    const ner = vi.fn(async () => {
      throw new Error('Could not establish connection');
    });
    const queue = new NerQueue<string>(ner, () => {});
    for (let i = 0; i < 6; i++) {
      queue.request(`Text number ${i}`, 'w');
      queue.flush();
      await queue.settled();
    }
    expect(ner).toHaveBeenCalledTimes(3);
  });
});

describe('the highlighter with NER', () => {
  test('paints NER names lower-key, never over a KB match, with their own entity info', async () => {
    document.body.innerHTML = '<p id="p">Prime minister Abdul Hamid Dbeibah flew from Tripoli to Zawiya.</p><p>no capitals here</p>';
    const ner = fakeNer([
      { name: 'Abdul Hamid Dbeibah', kind: 'actor', category: 'person' },
      { name: 'Zawiya', kind: 'location', category: 'place' },
      { name: 'Tripoli', kind: 'location', category: 'place' }, // the KB has it: KB wins
    ]);
    const painter = new MemoryPainter();
    const highlighter = new Highlighter({ recognizer: fakeRecognizer(), painter, ner });
    highlighter.start();
    await highlighter.flush();
    expect(ner).toHaveBeenCalledTimes(1);
    expect(ner.mock.calls[0]![0]).toEqual(['Prime minister Abdul Hamid Dbeibah flew from Tripoli to Zawiya.']);
    const mentions = highlighter.mentions().map((m) => [m.text, m.entityId, m.source]);
    expect(mentions).toEqual([
      ['Abdul Hamid Dbeibah', 'ner:person:abdul hamid dbeibah', 'ner'],
      ['Tripoli', 'tripoli', 'kb'],
      ['Zawiya', 'ner:place:zawiya', 'ner'],
    ]);
    expect(painter.ranges.get(HIGHLIGHT_NAMES.nerActor)!.size).toBe(1);
    expect(painter.ranges.get(HIGHLIGHT_NAMES.nerLocation)!.size).toBe(1);
    expect(painter.ranges.get(HIGHLIGHT_NAMES.location)!.size).toBe(1);
    expect(highlighter.entity('ner:person:abdul hamid dbeibah')).toEqual({
      id: 'ner:person:abdul hamid dbeibah',
      name: 'Abdul Hamid Dbeibah',
      kind: 'actor',
      source: 'ner',
      category: 'person',
      aliases: ['Abdul Hamid Dbeibah'],
    });
    expect(highlighter.entities().map((e) => e.entity.id)).toContain('ner:place:zawiya');
    highlighter.stop();
  });

  test('the same text re-rendered costs no second NER call', async () => {
    document.body.innerHTML = '<p id="p">Dbeibah spoke.</p>';
    const ner = fakeNer([{ name: 'Dbeibah', kind: 'actor', category: 'person' }]);
    const highlighter = new Highlighter({ recognizer: fakeRecognizer(), painter: new MemoryPainter(), ner });
    highlighter.start();
    await highlighter.flush();
    const p = document.getElementById('p')!;
    p.replaceChildren('Dbeibah spoke.');
    await highlighter.flush();
    expect(ner).toHaveBeenCalledTimes(1);
    expect(highlighter.mentions().map((m) => m.text)).toEqual(['Dbeibah']);
    expect(highlighter.mentions()[0]!.range.startContainer).toBe(p.firstChild);
    highlighter.stop();
  });

  test('a NER layer that rejects leaves the KB highlights alone', async () => {
    document.body.innerHTML = '<p>Clashes in Sirte, says Dbeibah.</p>';
    const highlighter = new Highlighter({
      recognizer: fakeRecognizer(),
      painter: new MemoryPainter(),
      ner: () => Promise.reject(new Error('no receiver')),
    });
    highlighter.start();
    await highlighter.flush();
    expect(highlighter.mentions().map((m) => m.text)).toEqual(['Sirte']);
    highlighter.stop();
  });
});
