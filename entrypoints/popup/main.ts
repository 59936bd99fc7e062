import browser from 'webextension-polyfill';
import { callTab } from '@/lib/messaging/rpc';
import { isSiteEnabled, setSiteEnabled } from '@/lib/settings/sites';
import { loadPopupState, tabIdFromSearch, type PopupState } from '@/lib/ui/popup-state';
import { renderPopup, type PopupActions } from '@/lib/ui/popup-view';
import './style.css';

// Wiring only: what is shown lives in lib/ui/popup-view.ts, how it is loaded in lib/ui/popup-state.ts.

const root = document.getElementById('app')!;
const tabFromQuery = tabIdFromSearch(location.search); // set when opened as a page, e.g. by the browser tests
let state: PopupState = { status: 'loading' };
let tabId: number | undefined;
let shortcut: string | undefined;

async function activeTabId(): Promise<number | undefined> {
  if (tabFromQuery !== undefined) return tabFromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function openListShortcut(): Promise<string | undefined> {
  try {
    const commands = await browser.commands.getAll();
    return commands.find((command) => command.name === 'open-entity-list')?.shortcut || undefined;
  } catch {
    return undefined;
  }
}

function show(next: PopupState) {
  const withShortcut = next.status === 'ready' ? { ...next, shortcut } : next;
  if (JSON.stringify(withShortcut) === JSON.stringify(state)) return;
  state = withShortcut;
  renderPopup(root, state, actions);
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
  renderPopup(root, state, actions);
  [tabId, shortcut] = await Promise.all([activeTabId(), openListShortcut()]);
  await refresh();
}

void main();
