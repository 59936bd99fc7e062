import { setReaderEntities } from '../kb';
import { getWatchlist, toKbEntities, watchWatchlist } from './watchlist';

/**
 * Keeps the knowledge base's reader entities (lib/kb setReaderEntities) equal to the stored watchlist, in
 * the background worker: clips then name watched actors and places, with a watched place's coordinates,
 * like the built-in ones. `ready` settles once the stored list is in (a clip waits for it after a wake-up).
 */
export function syncReaderEntities(): { ready: Promise<void>; stop(): void } {
  let changed = false;
  const stop = watchWatchlist((list) => {
    changed = true;
    setReaderEntities(toKbEntities(list));
  });
  const ready = getWatchlist().then(
    (list) => {
      // A change heard while the first read was in flight is newer than what that read returned.
      if (!changed) setReaderEntities(toKbEntities(list));
    },
    () => undefined,
  );
  return { ready, stop };
}
