import browser from 'webextension-polyfill';
import { getWatchlist, toKbEntities } from '@/lib/settings/watchlist';
import { extensionSources } from '@/lib/timeline/client';
import { mountTimeline } from '@/lib/ui/timeline/view';
import '@/lib/ui/theme.css';
import '../popup/style.css';
import '@/lib/ui/timeline/timeline.css';
import '@/lib/map/libya-map.css';

// The full view for big screens: the popup's timeline with room for the map beside it.

async function main() {
  let shortcut: string | undefined;
  try {
    shortcut = (await browser.commands.getAll()).find((command) => command.name === 'clip-selection')?.shortcut || undefined;
  } catch {
    shortcut = undefined;
  }
  mountTimeline(document.getElementById('app')!, {
    sources: extensionSources(),
    layout: 'tab',
    shortcut,
    generator: `Libya Lens ${browser.runtime.getManifest().version}`,
    readerEntities: () => getWatchlist().then(toKbEntities),
    restoreRequested: location.hash === '#restore',
  });
}

void main();
