import { getEntity, getMatcher } from '@/lib/kb';
import { mountOptions } from '@/lib/ui/options-view';
import '@/lib/ui/theme.css';
import '@/lib/ui/options-view.css';
import './style.css';

// Wiring only: the page lives in lib/ui/options-view.ts and lib/ui/options-watchlist.ts.

/** The knowledge-base name that a whole spelling already stands for, to warn before the reader adds it. */
function knownAs(alias: string): string | undefined {
  const text = alias.trim();
  const match = getMatcher()
    .find(text)
    .find((m) => m.start === 0 && m.end === text.length);
  return match && getEntity(match.entityId)?.name;
}

void mountOptions(document.getElementById('app')!, { knownAs }).ready;
