import browser from 'webextension-polyfill';
import { callTab } from '@/lib/messaging/rpc';
import { isSiteEnabled, setSiteEnabled } from '@/lib/settings/sites';
import { commandShortcuts } from '@/lib/settings/commands';
import { extensionTimeline } from '@/lib/timeline/client';
import { createPopupFrame } from '@/lib/ui/popup-frame';
import { loadPopupState, tabIdFromSearch, type PopupState } from '@/lib/ui/popup-state';
import { renderPopup, type PopupActions } from '@/lib/ui/popup-view';
import { mountTimeline } from '@/lib/ui/timeline/view';
import '@/lib/ui/theme.css';
import './style.css';
import '@/lib/ui/timeline/timeline.css';
import '@/lib/map/libya-map.css';

// Wiring only: the timeline lives in lib/ui/timeline, the page panel in lib/ui/popup-view.ts and popup-state.ts.

const search = new URLSearchParams(location.search);
const tabFromQuery = tabIdFromSearch(location.search); // set when opened as a page, e.g. by the browser tests
let state: PopupState = { status: 'loading' };
let tabId: number | undefined;
let shortcuts: Record<string, string | undefined> = {};

const frame = createPopupFrame(document.getElementById('app')!, search.get('panel') === 'page' ? 'page' : 'timeline', {
  onOpenTab() {
    void browser.tabs.create({ url: browser.runtime.getURL('/timeline.html') });
    window.close();
  },
  onOpenSettings() {
    void browser.runtime.openOptionsPage();
    window.close();
  },
});

async function activeTabId(): Promise<number | undefined> {
  if (tabFromQuery !== undefined) return tabFromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function show(next: PopupState) {
  const withShortcut = next.status === 'ready' ? { ...next, shortcut: shortcuts['open-entity-list'] } : next;
  if (JSON.stringify(withShortcut) === JSON.stringify(state)) return;
  state = withShortcut;
  renderPopup(frame.page, state, actions);
}

async function refresh() {
  show(await loadPopupState(tabId, { pageState: (id) => callTab(id, 'page/state', {}), isSiteEnabled }));
}

const actions: PopupActions = {
  async onToggleSite(enabled) {
    if (state.status !== 'ready') return;
    show({ ...state, enabled });
    await setSiteEnabled(state.host, enabled);
    // The content script repaints on the storage change; pick up what it finds as it finds it.
    if (enabled) for (const delay of [400, 1200, 3000]) setTimeout(() => void refresh(), delay);
  },
  async onShowList() {
    if (tabId === undefined) return;
    await callTab(tabId, 'ui/open-entity-list', {}).catch(() => undefined);
    if (tabFromQuery === undefined) window.close(); // hand the keyboard to the page
  },
};

async function main() {
  renderPopup(frame.page, state, actions);
  [tabId, shortcuts] = await Promise.all([activeTabId(), commandShortcuts()]);
  mountTimeline(frame.timeline, {
    ...extensionTimeline(),
    layout: 'popup',
    shortcut: shortcuts['clip-selection'],
    // Only Firefox has getBrowserInfo; its popup closes when a file picker opens.
    restoreElsewhere:
      'getBrowserInfo' in browser.runtime && tabFromQuery === undefined
        ? () => {
            void browser.tabs.create({ url: browser.runtime.getURL('/timeline.html#restore') });
            window.close();
          }
        : undefined,
  });
  await refresh();
}

void main();
