import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { entities } from '../kb';
import {
  CATEGORY_GROUPS,
  HIDDEN_CATEGORIES_KEY,
  getHiddenCategories,
  groupOfCategory,
  isMatchShown,
  normaliseHidden,
  setCategoryShown,
  setShown,
  watchHiddenCategories,
  type CategoryGroupId,
} from './categories';
import { ACTOR_CATEGORIES, PLACE_CATEGORIES } from './watchlist';

describe('groups', () => {
  it('put every category the knowledge base uses in exactly one group', () => {
    const used = new Set(entities.map((e) => e.category));
    expect(used.size).toBeGreaterThan(20);
    for (const category of used) {
      const holders = CATEGORY_GROUPS.filter((g) => (g.categories as readonly string[]).includes(category));
      expect(holders.map((g) => g.id), category).toHaveLength(1);
    }
  });

  it('cover every category a watch entry may have, so a new category in types.ts needs a group', () => {
    for (const category of [...ACTOR_CATEGORIES, ...PLACE_CATEGORIES]) expect(groupOfCategory(category), category).toBeDefined();
  });

  it('have unique ids and a label and explanation each', () => {
    expect(new Set(CATEGORY_GROUPS.map((g) => g.id)).size).toBe(CATEGORY_GROUPS.length);
    for (const group of CATEGORY_GROUPS) {
      expect(group.label.trim()).not.toBe('');
      expect(group.explanation.trim()).not.toBe('');
    }
  });
});

describe('isMatchShown', () => {
  const hide = (...ids: CategoryGroupId[]) => new Set(ids);
  const kb = (entityId: string) => ({ entityId, source: 'kb' as const });

  it('hides knowledge-base names by their group only', () => {
    expect(isMatchShown(kb('actor:turkey'), { category: 'foreign state' }, hide('foreign'))).toBe(false);
    expect(isMatchShown(kb('actor:un'), { category: 'international body' }, hide('foreign'))).toBe(false);
    expect(isMatchShown(kb('place:tripoli'), { category: 'city' }, hide('foreign'))).toBe(true);
    expect(isMatchShown(kb('place:watiya'), { category: 'airbase' }, hide('places'))).toBe(true);
    expect(isMatchShown(kb('place:watiya'), { category: 'airbase' }, hide('sites'))).toBe(false);
  });

  it('shows everything with nothing hidden, and unknown categories always', () => {
    expect(isMatchShown(kb('actor:turkey'), { category: 'foreign state' }, hide())).toBe(true);
    expect(isMatchShown(kb('x'), { category: 'spaceport' }, hide(...CATEGORY_GROUPS.map((g) => g.id)))).toBe(true);
    expect(isMatchShown(kb('x'), undefined, hide('people'))).toBe(true);
  });

  it('lets "New names" govern NER finds and "Your watchlist" the watched names', () => {
    const ner = { entityId: 'ner:person:abu bakr', source: 'ner' as const };
    expect(isMatchShown(ner, { category: 'person' }, hide('people'))).toBe(true);
    expect(isMatchShown(ner, { category: 'person' }, hide('new'))).toBe(false);
    const watched = kb('watch-abu-bakr-al-zawi');
    expect(isMatchShown(watched, { category: 'person' }, hide('people'))).toBe(true);
    expect(isMatchShown(watched, { category: 'person' }, hide('watchlist'))).toBe(false);
  });
});

describe('stored list', () => {
  it('keeps known ids once, in page order', () => {
    expect(normaliseHidden(undefined)).toEqual([]);
    expect(normaliseHidden('foreign')).toEqual([]);
    expect(normaliseHidden(['new', 'foreign', 'bogus', 3, 'foreign'])).toEqual(['foreign', 'new']);
  });

  it('shows and hides one group without touching the others or the input', () => {
    const list: CategoryGroupId[] = ['people'];
    expect(setShown(list, 'sites', false)).toEqual(['people', 'sites']);
    expect(setShown(['people', 'sites'], 'people', true)).toEqual(['sites']);
    expect(setShown(list, 'people', false)).toEqual(['people']);
    expect(list).toEqual(['people']);
  });
});

describe('storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('shows everything by default and stores hidden groups under hiddenCategories', async () => {
    expect(await getHiddenCategories()).toEqual([]);
    await setCategoryShown('foreign', false);
    expect(await fakeBrowser.storage.local.get(HIDDEN_CATEGORIES_KEY)).toEqual({ [HIDDEN_CATEGORIES_KEY]: ['foreign'] });
    await setCategoryShown('foreign', true);
    expect(await getHiddenCategories()).toEqual([]);
  });

  it('does not lose a write when two happen at once', async () => {
    await Promise.all([setCategoryShown('new', false), setCategoryShown('people', false)]);
    expect(await getHiddenCategories()).toEqual(['people', 'new']);
  });

  it('tells watchers about real changes only', async () => {
    const callback = vi.fn();
    const stop = watchHiddenCategories(callback);
    await setCategoryShown('sites', false);
    expect(callback).toHaveBeenLastCalledWith(['sites']);
    await setCategoryShown('sites', false);
    await fakeBrowser.storage.local.set({ other: 1 });
    expect(callback).toHaveBeenCalledTimes(1);
    stop();
    await setCategoryShown('sites', true);
    expect(callback).toHaveBeenCalledTimes(1);
  });
});
