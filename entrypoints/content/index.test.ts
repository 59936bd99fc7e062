// @vitest-environment happy-dom
import browser from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeRecognizer } from '../../lib/highlight/fixtures/fake-kb';
import type { ContentCalls } from '../../lib/messaging/protocol';
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
});
