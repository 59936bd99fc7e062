import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Matcher } from '../recognition/matcher';
import {
  MAX_ALIASES,
  WATCHLIST_KEY,
  addEntry,
  changeWatchlist,
  checkWatchEntry,
  getWatchlist,
  normaliseWatchlist,
  removeEntry,
  setWatchlist,
  splitAliases,
  toKbEntities,
  toWatchEntry,
  updateEntry,
  validateWatchEntry,
  watchEntityInfo,
  watchIdFor,
  watchWatchlist,
  type WatchDraft,
  type WatchEntry,
} from './watchlist';

const NOW = new Date('2025-06-01T09:30:00Z');
const zawiDraft: WatchDraft = { name: 'Abu Bakr al-Zawi', kind: 'actor', category: 'person', aliases: ['Zawi', 'al-Zawi'], note: 'Commander of the 444' };
const qaryatDraft: WatchDraft = { name: 'Qaryat Umm Sadd', kind: 'location', category: 'town', aliases: [], lat: 26.2, lon: 12.95 };
const zawi = toWatchEntry(zawiDraft, undefined, NOW);
const qaryat = toWatchEntry(qaryatDraft, undefined, NOW);

describe('entries', () => {
  it('builds an entry with a stable id, cleaned aliases and the time it was added', () => {
    expect(zawi).toEqual({
      id: 'watch-abu-bakr-al-zawi',
      name: 'Abu Bakr al-Zawi',
      kind: 'actor',
      category: 'person',
      aliases: ['Zawi', 'al-Zawi'],
      note: 'Commander of the 444',
      addedAt: '2025-06-01T09:30:00.000Z',
    });
    const messy = toWatchEntry({ ...zawiDraft, name: '  Abu  Bakr al-Zawi ', aliases: ['zawi', 'Zawi ', 'ABU BAKR AL-ZAWI', ' '] }, undefined, NOW);
    expect(messy.name).toBe('Abu Bakr al-Zawi');
    expect(messy.aliases).toEqual(['zawi']);
  });

  it('keeps coordinates for places only', () => {
    expect(qaryat).toMatchObject({ kind: 'location', lat: 26.2, lon: 12.95 });
    expect(toWatchEntry({ ...zawiDraft, lat: 32, lon: 13 })).not.toHaveProperty('lat');
  });

  it('makes ids from names in any script', () => {
    expect(watchIdFor('Qasr Ben Ghashir')).toBe('watch-qasr-ben-ghashir');
    expect(watchIdFor('Ṣabrātah')).toBe('watch-sabratah');
    // Marks are folded away in every script: the hamza of "أبو" as the accents of "Ṣabrātah".
    expect(watchIdFor('أبو بكر الزاوي')).toBe('watch-ابو-بكر-الزاوي');
    expect(watchIdFor('!!!')).toBe('watch-name');
  });

  it('splits the aliases box on commas and new lines', () => {
    expect(splitAliases('Zawi, al-Zawi\nAbu Bakr Zawi\n\n, Zawi')).toEqual(['Zawi', 'al-Zawi', 'Abu Bakr Zawi']);
    expect(splitAliases('الزاوي، زاوي')).toEqual(['الزاوي', 'زاوي']);
    expect(splitAliases('  ')).toEqual([]);
  });

  it('adds, updates and removes without touching the input list', () => {
    const list = [zawi];
    const added = addEntry(list, qaryat);
    expect(added.map((e) => e.id)).toEqual([zawi.id, qaryat.id]);
    expect(list).toHaveLength(1);
    // A second entry whose name folds to the same id gets a suffix, not a clash.
    expect(addEntry(added, { ...zawi, name: 'Abu Bakr al Zawi' }).map((e) => e.id)).toEqual([zawi.id, qaryat.id, `${zawi.id}-2`]);
    const edited = toWatchEntry({ ...zawiDraft, name: 'Abubakr al-Zawi' }, zawi);
    const updated = updateEntry(added, zawi.id, edited);
    expect(updated[0]).toMatchObject({ id: zawi.id, name: 'Abubakr al-Zawi', addedAt: zawi.addedAt });
    expect(removeEntry(updated, zawi.id)).toEqual([qaryat]);
    expect(removeEntry(updated, 'watch-nobody')).toEqual(updated);
  });
});

describe('validation', () => {
  const fields = (draft: WatchDraft, context = {}) => validateWatchEntry(draft, context).map((p) => [p.field, p.blocking]);

  it('accepts a complete actor and place', () => {
    expect(validateWatchEntry(zawiDraft)).toEqual([]);
    expect(validateWatchEntry(qaryatDraft)).toEqual([]);
    expect(checkWatchEntry(zawiDraft)).toBeUndefined();
  });

  it('needs a name of two letters to 120 characters', () => {
    expect(checkWatchEntry({ ...zawiDraft, name: '   ' })).toBe('Enter the name to highlight.');
    expect(checkWatchEntry({ ...zawiDraft, name: 'Z.' })).toMatch(/two letters/);
    expect(checkWatchEntry({ ...zawiDraft, name: 'x'.repeat(121) })).toMatch(/121 characters.*120/);
    expect(checkWatchEntry({ ...zawiDraft, name: 'x'.repeat(120) })).toBeUndefined();
  });

  it('refuses a second entry of the same name, but not the entry being edited', () => {
    expect(checkWatchEntry({ ...zawiDraft, name: 'ABU BAKR AL-ZAWI' }, { existing: [zawi] })).toBe('“Abu Bakr al-Zawi” is already on your watchlist.');
    expect(checkWatchEntry(zawiDraft, { existing: [zawi], editingId: zawi.id })).toBeUndefined();
  });

  it('names the aliases that are too short and caps their number', () => {
    expect(checkWatchEntry({ ...zawiDraft, aliases: ['Zawi', 'Z', '-'] })).toBe('Too short to highlight: “Z”, “-”. Each spelling needs at least two letters.');
    const many = Array.from({ length: MAX_ALIASES + 1 }, (_, i) => `Zawi ${i}`);
    expect(checkWatchEntry({ ...zawiDraft, aliases: many })).toBe(`${MAX_ALIASES + 1} spellings; keep it to ${MAX_ALIASES}.`);
    expect(checkWatchEntry({ ...zawiDraft, aliases: many.slice(1) })).toBeUndefined();
  });

  it('wants a category of the chosen kind', () => {
    expect(fields({ ...zawiDraft, category: 'town' })).toEqual([['category', true]]);
    expect(fields({ ...qaryatDraft, category: 'person' })).toEqual([['category', true]]);
  });

  it('checks coordinates: both or neither, in range, numbers', () => {
    expect(fields({ ...qaryatDraft, lat: 91 })).toEqual([['lat', true]]);
    expect(fields({ ...qaryatDraft, lon: -180.5 })).toEqual([['lon', true]]);
    expect(fields({ ...qaryatDraft, lat: Number.NaN })).toEqual([['lat', true]]);
    expect(fields({ ...qaryatDraft, lon: undefined })).toEqual([['lon', true]]);
    expect(checkWatchEntry({ ...qaryatDraft, lat: undefined })).toBe('Give both latitude and longitude, or neither.');
    expect(fields({ ...qaryatDraft, lat: -90, lon: 180 })).toEqual([]);
  });

  it('lets a place without coordinates through with a warning about the map', () => {
    const problems = validateWatchEntry({ ...qaryatDraft, lat: undefined, lon: undefined });
    expect(problems).toEqual([{ field: 'lat', blocking: false, message: expect.stringMatching(/not appear on the map/) }]);
    expect(checkWatchEntry({ ...qaryatDraft, lat: undefined, lon: undefined })).toBeUndefined();
  });

  it('warns about spellings the knowledge base already gives to another name', () => {
    const knownAs = (alias: string) => (alias.toLowerCase() === 'haftar' ? 'Khalifa Haftar' : undefined);
    const problems = validateWatchEntry({ ...zawiDraft, aliases: ['Zawi', 'Haftar'] }, { knownAs });
    expect(problems).toEqual([
      { field: 'aliases', blocking: false, message: "“Haftar” is already highlighted as Khalifa Haftar. Where both could apply, the knowledge base's reading is kept." },
    ]);
    // Errors first, and no lookups for a draft that is wrong anyway.
    const ask = vi.fn(knownAs);
    expect(fields({ ...zawiDraft, name: '', aliases: ['Haftar'] }, { knownAs: ask })).toEqual([['name', true]]);
    expect(ask).not.toHaveBeenCalled();
  });

  it('caps the note', () => {
    expect(fields({ ...zawiDraft, note: 'x'.repeat(1001) })).toEqual([['note', true]]);
  });
});

describe('normaliseWatchlist', () => {
  it('keeps well-formed entries as they are', () => {
    expect(normaliseWatchlist([zawi, qaryat])).toEqual([zawi, qaryat]);
    expect(normaliseWatchlist(JSON.parse(JSON.stringify([zawi, qaryat])))).toEqual([zawi, qaryat]);
  });

  it('drops malformed entries and repeated ids, and cleans what it can', () => {
    const stored: unknown[] = [
      null,
      'Zawi',
      { ...zawi, id: 'abu-bakr' },
      { ...zawi, kind: 'person' },
      { ...zawi, category: 'town' },
      { ...zawi, name: '' },
      { ...zawi, addedAt: undefined },
      { ...qaryat, lat: 200, aliases: ['ok alias', 7, 'x'] },
      { ...zawi, note: 'second with the same id' },
      { ...zawi, id: 'watch-other', aliases: undefined, note: 42 },
    ];
    const list = normaliseWatchlist(stored);
    expect(list.map((e) => e.id)).toEqual([qaryat.id, zawi.id, 'watch-other']);
    expect(list[0]).not.toHaveProperty('lat');
    expect(list[0]!.aliases).toEqual(['ok alias']);
    expect(list[2]).toMatchObject({ aliases: [], name: zawi.name });
    expect(list[2]).not.toHaveProperty('note');
    expect(normaliseWatchlist({ 0: zawi })).toEqual([]);
  });
});

describe('as knowledge-base entities', () => {
  it('are found by the real matcher under every spelling, the name included', () => {
    const matcher = new Matcher({ entities: toKbEntities([zawi, qaryat]) });
    const text = 'Abu Bakr al-Zawi met elders in Qaryat Umm Sadd; Zawi later left.';
    const found = matcher.find(text).map((m) => [text.slice(m.start, m.end), m.entityId, m.kind]);
    expect(found).toEqual([
      ['Abu Bakr al-Zawi', zawi.id, 'actor'],
      ['Qaryat Umm Sadd', qaryat.id, 'location'],
      ['Zawi', zawi.id, 'actor'],
    ]);
  });

  it('match short capitals as written only', () => {
    const ssa = toWatchEntry({ name: 'Stability Support Apparatus', kind: 'actor', category: 'armed group', aliases: ['SSA'] });
    const matcher = new Matcher({ entities: toKbEntities([ssa]) });
    expect(matcher.find('The SSA said so.')).toHaveLength(1);
    expect(matcher.find('Ssa is a word here.')).toHaveLength(0);
  });

  it('show as the reader entered them, saying they are on the watchlist', () => {
    expect(watchEntityInfo(zawi)).toEqual({
      id: zawi.id,
      name: 'Abu Bakr al-Zawi',
      kind: 'actor',
      source: 'kb',
      category: 'person',
      description: 'On your watchlist: Commander of the 444',
      aliases: ['Zawi', 'al-Zawi'],
    });
    expect(watchEntityInfo(qaryat)).toMatchObject({ lat: 26.2, lon: 12.95, description: 'On your watchlist.' });
    const [place] = toKbEntities([{ ...qaryat, lat: undefined, lon: undefined }]);
    expect(place).toMatchObject({ kind: 'location', lat: Number.NaN });
  });
});

describe('storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is empty by default and stores under watchlist', async () => {
    expect(await getWatchlist()).toEqual([]);
    await setWatchlist([zawi]);
    expect(await fakeBrowser.storage.local.get(WATCHLIST_KEY)).toEqual({ [WATCHLIST_KEY]: [zawi] });
    await fakeBrowser.storage.local.set({ [WATCHLIST_KEY]: [zawi, { id: 'bad' }] });
    expect(await getWatchlist()).toEqual([zawi]);
  });

  it('does not lose a change when two happen at once', async () => {
    await Promise.all([changeWatchlist((list) => addEntry(list, zawi)), changeWatchlist((list) => addEntry(list, qaryat))]);
    expect((await getWatchlist()).map((e) => e.id)).toEqual([zawi.id, qaryat.id]);
  });

  it('tells watchers about the new list', async () => {
    const callback = vi.fn<(list: WatchEntry[]) => void>();
    const stop = watchWatchlist(callback);
    await changeWatchlist((list) => addEntry(list, zawi));
    expect(callback).toHaveBeenLastCalledWith([zawi]);
    await fakeBrowser.storage.local.set({ disabledSites: ['a.com'] });
    expect(callback).toHaveBeenCalledTimes(1);
    stop();
    await setWatchlist([]);
    expect(callback).toHaveBeenCalledTimes(1);
  });
});
