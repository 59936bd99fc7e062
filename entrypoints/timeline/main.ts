import { commandShortcuts } from '@/lib/settings/commands';
import { extensionTimeline } from '@/lib/timeline/client';
import { mountTimeline } from '@/lib/ui/timeline/view';
import '@/lib/ui/theme.css';
import '../popup/style.css';
import '@/lib/ui/timeline/timeline.css';
import '@/lib/map/libya-map.css';

// The full view for big screens: the popup's timeline with room for the map beside it.

async function main() {
  mountTimeline(document.getElementById('app')!, {
    ...extensionTimeline(),
    layout: 'tab',
    shortcut: (await commandShortcuts())['clip-selection'],
    restoreRequested: location.hash === '#restore',
  });
}

void main();
