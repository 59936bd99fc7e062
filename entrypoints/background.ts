import browser from 'webextension-polyfill';
import { findEntities } from '@/lib/kb';
import type { BackgroundCalls, ClipChange } from '@/lib/messaging/protocol';
import { broadcast, callTab, handle } from '@/lib/messaging/rpc';
import { findNewNames } from '@/lib/recognition/ner';
import { ClipStore } from '@/lib/storage/clip-store';
import { Outbox } from '@/lib/storage/outbox';
import { syncReaderEntities } from '@/lib/settings/reader-entities';
import { timelineHandlers } from '@/lib/timeline/service';

const CLIP_MENU_ID = 'libya-lens-clip-selection';

export default defineBackground(() => {
  // The background owns IndexedDB: content scripts and the popup reach the timeline through messages.
  const store = new ClipStore();
  const extensionOrigin = browser.runtime.getURL('');
  // The reader's watchlist joins the knowledge base here too, so that clips name watched actors and places.
  const readerEntities = syncReaderEntities();
  const timeline = {
    prepare: () => readerEntities.ready,
    fromExtensionPage: (sender: { url?: string }) => typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin),
    outbox: new Outbox(browser.storage.local),
    // Open timeline views update from what changed instead of reading every clip again.
    onChange: (change: ClipChange) => void broadcast('clips/changed', change),
  };

  handle<BackgroundCalls>({
    'ner/find': ({ texts }) => ({
      spans: texts.map((text) => findNewNames(text, findEntities(text))),
    }),
    ...timelineHandlers(store, timeline),
  });

  browser.runtime.onInstalled.addListener(() => {
    // Menus persist across restarts of the worker; created once per install or update.
    void browser.contextMenus.removeAll().then(() =>
      browser.contextMenus.create({
        id: CLIP_MENU_ID,
        title: 'Clip selection to Libya timeline',
        contexts: ['selection'],
        documentUrlPatterns: ['http://*/*', 'https://*/*'],
      }),
    );
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== CLIP_MENU_ID || tab?.id === undefined) return;
    // The frame the selection is in: content scripts run in every frame.
    void callTab(tab.id, 'ui/clip', { method: 'context-menu' }, info.frameId ?? 0).catch(() => undefined);
  });

  browser.commands.onCommand.addListener(async (command) => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    // Pages where content scripts cannot run (browser pages, the store) have nobody to answer.
    if (command === 'open-entity-list') await callTab(tab.id, 'ui/open-entity-list', {}).catch(() => undefined);
    if (command === 'clip-selection') await callTab(tab.id, 'ui/clip', { method: 'keyboard' }).catch(() => undefined);
  });
});
