import browser from 'webextension-polyfill';
import { getMatcher } from '@/lib/kb';
import type { BackgroundCalls } from '@/lib/messaging/protocol';
import { callTab, handle } from '@/lib/messaging/rpc';
import { findNewNames } from '@/lib/recognition/ner';

export default defineBackground(() => {
  handle<BackgroundCalls>({
    'ner/find': ({ texts }) => ({
      spans: texts.map((text) => findNewNames(text, getMatcher().find(text))),
    }),
  });

  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'open-entity-list') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) return;
    // Pages where content scripts cannot run (browser pages, the store) have nobody to answer.
    await callTab(tab.id, 'ui/open-entity-list', {}).catch(() => undefined);
  });
});
