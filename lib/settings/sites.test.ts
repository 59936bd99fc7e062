import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DISABLED_SITES_KEY,
  getDisabledSites,
  isDisabled,
  isSiteEnabled,
  normaliseHost,
  normaliseList,
  setDisabled,
  setSiteEnabled,
  toggle,
  watchSite,
} from './sites';

describe('pure helpers', () => {
  it('normalises hostnames', () => {
    expect(normaliseHost('WWW.LibyaObserver.ly')).toBe('libyaobserver.ly');
    expect(normaliseHost(' example.com. ')).toBe('example.com');
    expect(normaliseHost('news.www.example.com')).toBe('news.www.example.com');
    expect(normaliseHost('')).toBe('');
  });

  it('cleans whatever storage holds', () => {
    expect(normaliseList(undefined)).toEqual([]);
    expect(normaliseList('example.com')).toEqual([]);
    expect(normaliseList(['b.com', 'www.A.com', 'a.com', 3, ''])).toEqual(['a.com', 'b.com']);
  });

  it('treats www. and case as the same site', () => {
    expect(isDisabled(['bbc.co.uk'], 'www.BBC.co.uk')).toBe(true);
    expect(isDisabled(['bbc.co.uk'], 'news.bbc.co.uk')).toBe(false);
    expect(isDisabled([''], '')).toBe(false);
  });

  it('toggles and keeps the list sorted and unique', () => {
    const off = toggle(['zeit.de', 'aljazeera.com'], 'www.Reuters.com');
    expect(off).toEqual(['aljazeera.com', 'reuters.com', 'zeit.de']);
    expect(toggle(off, 'reuters.com')).toEqual(['aljazeera.com', 'zeit.de']);
    expect(setDisabled(['a.com'], 'a.com', true)).toEqual(['a.com']);
    expect(setDisabled(['a.com'], '', true)).toEqual(['a.com']);
  });

  it('does not mutate its input', () => {
    const list = ['a.com'];
    toggle(list, 'b.com');
    expect(list).toEqual(['a.com']);
  });
});

describe('storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('is on everywhere by default', async () => {
    expect(await getDisabledSites()).toEqual([]);
    expect(await isSiteEnabled('example.com')).toBe(true);
  });

  it('remembers a site turned off, under disabledSites', async () => {
    await setSiteEnabled('www.Example.com', false);
    expect(await fakeBrowser.storage.local.get(DISABLED_SITES_KEY)).toEqual({ [DISABLED_SITES_KEY]: ['example.com'] });
    expect(await isSiteEnabled('example.com')).toBe(false);
    await setSiteEnabled('example.com', true);
    expect(await isSiteEnabled('example.com')).toBe(true);
  });

  it('does not lose a write when two happen at once', async () => {
    await Promise.all([setSiteEnabled('a.com', false), setSiteEnabled('b.com', false)]);
    expect(await getDisabledSites()).toEqual(['a.com', 'b.com']);
  });

  it('watches one site only', async () => {
    const callback = vi.fn();
    const stop = watchSite('www.example.com', callback);
    await setSiteEnabled('other.org', false);
    expect(callback).not.toHaveBeenCalled();
    await setSiteEnabled('example.com', false);
    expect(callback).toHaveBeenLastCalledWith(false);
    await setSiteEnabled('example.com', true);
    expect(callback).toHaveBeenLastCalledWith(true);
    expect(callback).toHaveBeenCalledTimes(2);
    stop();
    await setSiteEnabled('example.com', false);
    expect(callback).toHaveBeenCalledTimes(2);
  });
});
