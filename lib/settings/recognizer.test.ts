import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getEntityInfo, getMatcher } from '../kb';
import type { TextMatch } from '../recognition/types';
import { setCategoryShown } from './categories';
import { combineMatches, loadReaderSettings, ReaderRecognizer, watchReaderSettings } from './recognizer';
import { addEntry, changeWatchlist, toWatchEntry, type WatchEntry } from './watchlist';

const kbRecognizer = { find: (text: string) => getMatcher().find(text), info: getEntityInfo };

const zawi = toWatchEntry({ name: 'Abu Bakr al-Zawi', kind: 'actor', category: 'person', aliases: ['Zawi'] });
const ummSadd = toWatchEntry({ name: 'Qaryat Umm Sadd', kind: 'location', category: 'town', aliases: [] });
// Shares "Tripoli" with the knowledge base, and is longer.
const brigade = toWatchEntry({ name: 'Tripoli Dawn Brigade', kind: 'actor', category: 'armed group', aliases: [] });
// The same spelling as a knowledge-base name.
const haftarToo = toWatchEntry({ name: 'Haftar', kind: 'actor', category: 'person', aliases: [] });

const TEXT =
  'Abu Bakr al-Zawi, a commander close to Khalifa Haftar, flew from Benghazi to Tripoli; ' +
  'Turkey protested, and the Tripoli Dawn Brigade moved on Qaryat Umm Sadd. Zawi denied it.';

function painted(recognizer: ReaderRecognizer, text = TEXT): string[][] {
  return recognizer.find(text).map((m) => [text.slice(m.start, m.end), m.entityId]);
}

describe('combineMatches', () => {
  const m = (start: number, end: number, entityId: string): TextMatch => ({ start, end, entityId, kind: 'actor', source: 'kb' });

  it('keeps the knowledge base on the same span and the longer span on an overlap', () => {
    expect(combineMatches([m(0, 7, 'kb:a')], [m(0, 7, 'watch-a')])).toEqual([m(0, 7, 'kb:a')]);
    expect(combineMatches([m(0, 7, 'kb:tripoli')], [m(0, 20, 'watch-brigade')])).toEqual([m(0, 20, 'watch-brigade')]);
    expect(combineMatches([m(5, 20, 'kb:long')], [m(0, 8, 'watch-short')])).toEqual([m(5, 20, 'kb:long')]);
  });

  it('merges the rest in text order', () => {
    expect(combineMatches([m(10, 15, 'kb:b'), m(30, 35, 'kb:c')], [m(0, 5, 'watch-a'), m(20, 25, 'watch-d')]).map((x) => x.entityId)).toEqual([
      'watch-a',
      'kb:b',
      'watch-d',
      'kb:c',
    ]);
    expect(combineMatches([], [])).toEqual([]);
  });
});

describe('ReaderRecognizer over the real knowledge base', () => {
  it('finds exactly what the knowledge base finds when the settings are empty', () => {
    const recognizer = new ReaderRecognizer(kbRecognizer);
    expect(recognizer.find(TEXT)).toEqual(getMatcher().find(TEXT));
    expect(recognizer.nerShown).toBe(true);
  });

  it('adds the watched names the knowledge base lacks, under every spelling', () => {
    const recognizer = new ReaderRecognizer(kbRecognizer, { watchlist: [zawi, ummSadd] });
    const found = painted(recognizer);
    expect(found).toContainEqual(['Abu Bakr al-Zawi', zawi.id]);
    expect(found).toContainEqual(['Zawi', zawi.id]);
    expect(found).toContainEqual(['Qaryat Umm Sadd', ummSadd.id]);
    expect(found).toContainEqual(['Khalifa Haftar', 'actor:khalifa-haftar']);
    expect(recognizer.info(zawi.id)).toMatchObject({ name: 'Abu Bakr al-Zawi', description: 'On your watchlist.' });
    expect(recognizer.info('actor:khalifa-haftar')?.name).toBe(getEntityInfo('actor:khalifa-haftar')?.name);
  });

  it('keeps the knowledge base on a spelling both know, and a longer watched name over a KB word in it', () => {
    const recognizer = new ReaderRecognizer(kbRecognizer, { watchlist: [haftarToo, brigade] });
    const found = painted(recognizer);
    expect(found.filter(([, id]) => id === haftarToo.id)).toEqual([]);
    expect(found).toContainEqual(['Tripoli Dawn Brigade', brigade.id]);
    // The first "Tripoli" is still the city.
    expect(found.filter(([text]) => text === 'Tripoli')).toHaveLength(1);
  });

  it('drops the hidden groups, knowledge-base and watched alike', () => {
    const recognizer = new ReaderRecognizer(kbRecognizer, { watchlist: [zawi], hidden: ['foreign', 'watchlist'] });
    const ids = painted(recognizer).map(([, id]) => id);
    expect(ids).not.toContain('actor:turkey');
    expect(ids).not.toContain(zawi.id);
    expect(ids).toContain('place:tripoli');
    // Hidden or not, a watched id still has its card (a mention painted before the change may be hovered).
    expect(recognizer.info(zawi.id)?.name).toBe('Abu Bakr al-Zawi');
  });

  it('follows updates: a removed name goes, a shown group comes back, NER follows "New names"', () => {
    const recognizer = new ReaderRecognizer(kbRecognizer, { watchlist: [zawi], hidden: ['foreign', 'new'] });
    expect(recognizer.nerShown).toBe(false);
    recognizer.update({ watchlist: [] });
    const ids = painted(recognizer).map(([, id]) => id);
    expect(ids).not.toContain(zawi.id);
    expect(recognizer.info(zawi.id)).toBeUndefined();
    expect(ids).not.toContain('actor:turkey');
    recognizer.update({ hidden: [] });
    expect(painted(recognizer).map(([, id]) => id)).toContain('actor:turkey');
    expect(recognizer.nerShown).toBe(true);
  });

  it('looks up each knowledge-base entity once for the filter', () => {
    const info = vi.fn(getEntityInfo);
    const recognizer = new ReaderRecognizer({ find: kbRecognizer.find, info }, { hidden: ['people'] });
    recognizer.find(TEXT);
    recognizer.find(TEXT);
    const ids = info.mock.calls.map(([id]) => id);
    expect(ids.length).toBeGreaterThan(2);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('settings in storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('loads both and reports each change', async () => {
    expect(await loadReaderSettings()).toEqual({ watchlist: [], hidden: [] });
    const callback = vi.fn();
    const stop = watchReaderSettings(callback);
    await changeWatchlist((list: WatchEntry[]) => addEntry(list, zawi));
    expect(callback).toHaveBeenLastCalledWith({ watchlist: [zawi] });
    await setCategoryShown('new', false);
    expect(callback).toHaveBeenLastCalledWith({ hidden: ['new'] });
    expect(await loadReaderSettings()).toEqual({ watchlist: [zawi], hidden: ['new'] });
    stop();
    await setCategoryShown('new', true);
    expect(callback).toHaveBeenCalledTimes(2);
  });
});
