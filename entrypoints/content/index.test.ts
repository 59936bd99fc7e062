// @vitest-environment happy-dom
import browser from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeRecognizer } from '../../lib/highlight/fixtures/fake-kb';
import type { BackgroundCalls, ContentCalls } from '../../lib/messaging/protocol';
import { handle } from '../../lib/messaging/rpc';
import { setCategoryShown } from '../../lib/settings/categories';
import { setWatchlist, toWatchEntry } from '../../lib/settings/watchlist';
import contentScript from './index';

// The real knowledge base is large; the wiring is what is under test here.
vi.mock('../../lib/kb', () => {
  const recognizer = fakeRecognizer();
  // Deferred like the real one: the content script builds it in idle slices before highlighting.
  let built = false;
  const matcher = {
    find: (text: string) => recognizer.find(text),
    get ready() {
      return built;
    },
    build: () => (built = true),
  };
  return { getMatcher: () => matcher, getEntityInfo: (id: string) => recognizer.info(id) };
});

type PageState = ContentCalls['page/state']['response'];
const pageState = () => browser.runtime.sendMessage({ type: 'page/state', payload: {} }) as Promise<PageState>;
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

let ctx: ContentScriptContext;

beforeEach(() => {
  fakeBrowser.reset();
  // happy-dom's own handle on its window, to give the page a real URL.
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://news.example.com/libya/story');
  document.body.innerHTML = '<article><p>Khalifa <b>Haftar</b> flew to Benghazi.</p></article>';
  ctx = new ContentScriptContext('content');
});

afterEach(() => {
  ctx.abort();
  document.body.textContent = '';
});

describe('content script', () => {
  test('is registered for every http(s) frame, about:blank ones too, at document_idle', () => {
    expect(contentScript.matches).toEqual(['http://*/*', 'https://*/*']);
    expect(contentScript).toMatchObject({ allFrames: true, matchAboutBlank: true, runAt: 'document_idle' });
  });

  test('highlights the page and answers page/state with its host and entities', async () => {
    await contentScript.main(ctx);
    await settle();
    const state = await pageState();
    expect(state.host).toBe('news.example.com');
    expect(state.enabled).toBe(true);
    expect(state.entities.map((e) => [e.entity.id, e.count])).toEqual([
      ['benghazi', 1],
      ['khalifa-haftar', 1],
    ]);
  });

  test('stays off on a disabled site and follows the site switch both ways', async () => {
    await browser.storage.local.set({ disabledSites: ['news.example.com'] });
    await contentScript.main(ctx);
    await settle();
    expect(await pageState()).toEqual({ host: 'news.example.com', enabled: false, entities: [] });

    await browser.storage.local.set({ disabledSites: [] });
    await settle();
    expect((await pageState()).entities.length).toBe(2);

    await browser.storage.local.set({ disabledSites: ['other.example', 'news.example.com'] });
    await settle();
    expect(await pageState()).toEqual({ host: 'news.example.com', enabled: false, entities: [] });
  });

  test('stops when the extension context goes away (update or reload)', async () => {
    await contentScript.main(ctx);
    await settle();
    ctx.abort();
    await browser.storage.local.set({ disabledSites: [] });
    await settle();
    await expect(pageState()).rejects.toThrow();
  });

  describe('reader settings (options page)', () => {
    const ZAWI_TEXT = 'Abu Bakr al-Zawi met Khalifa Haftar in Benghazi.';
    const zawi = toWatchEntry({ name: 'Abu Bakr al-Zawi', kind: 'actor', category: 'person', aliases: ['Zawi'] });
    const ids = async () => (await pageState()).entities.map((e) => e.entity.id).sort();

    beforeEach(() => {
      document.body.innerHTML = `<article><p>${ZAWI_TEXT}</p></article>`;
    });

    test('paints a name added to the watchlist at once, and takes it away when it is removed', async () => {
      await contentScript.main(ctx);
      await settle();
      expect(await ids()).toEqual(['benghazi', 'khalifa-haftar']);

      await setWatchlist([zawi]);
      await settle();
      const state = await pageState();
      expect(state.entities.map((e) => e.entity.id).sort()).toEqual(['benghazi', 'khalifa-haftar', zawi.id]);
      expect(state.entities.find((e) => e.entity.id === zawi.id)?.entity).toMatchObject({ name: 'Abu Bakr al-Zawi', description: 'On your watchlist.' });

      await setWatchlist([]);
      await settle();
      expect(await ids()).toEqual(['benghazi', 'khalifa-haftar']);
    });

    test('reads the stored watchlist and hidden groups before the first paint', async () => {
      await setWatchlist([zawi]);
      await setCategoryShown('places', false);
      await contentScript.main(ctx);
      await settle();
      expect(await ids()).toEqual(['khalifa-haftar', zawi.id]);
    });

    test('drops hidden groups and new names on a change, without asking the background for names', async () => {
      const asked: string[][] = [];
      const stopNer = handle<BackgroundCalls>({
        'ner/find': ({ texts }) => {
          asked.push(texts);
          return { spans: texts.map((text) => (text.includes('Abu Bakr') ? [{ start: 0, end: 16, name: 'Abu Bakr al-Zawi', kind: 'actor' as const, category: 'person' as const }] : [])) };
        },
      });
      try {
        await contentScript.main(ctx);
        await settle();
        await settle();
        expect(await ids()).toEqual(['benghazi', 'khalifa-haftar', 'ner:person:abu bakr al-zawi']);
        expect(asked.length).toBeGreaterThan(0);

        await setCategoryShown('new', false);
        await setCategoryShown('places', false);
        await settle();
        const before = asked.length;
        await settle();
        expect(await ids()).toEqual(['khalifa-haftar']);
        expect(asked.length).toBe(before);

        await setCategoryShown('places', true);
        await settle();
        expect(await ids()).toEqual(['benghazi', 'khalifa-haftar']);
      } finally {
        stopNer();
      }
    });

    test('keeps a site that is switched off dark when the settings change', async () => {
      await browser.storage.local.set({ disabledSites: ['news.example.com'] });
      await contentScript.main(ctx);
      await settle();
      await setWatchlist([zawi]);
      await settle();
      expect(await pageState()).toEqual({ host: 'news.example.com', enabled: false, entities: [] });
      await browser.storage.local.set({ disabledSites: [] });
      await settle();
      expect(await ids()).toEqual(['benghazi', 'khalifa-haftar', zawi.id]);
    });
  });
});
