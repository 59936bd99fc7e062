import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { findEntities, setReaderEntities } from '../kb';
import { syncReaderEntities } from './reader-entities';
import { setWatchlist, type WatchEntry } from './watchlist';

const ENTRY: WatchEntry = {
  id: 'watch-bir-tuwaylah',
  name: 'Bir Tuwaylah',
  kind: 'location',
  category: 'town',
  aliases: [],
  lat: 31.1,
  lon: 12.2,
  addedAt: '2024-01-01T00:00:00.000Z',
};
const ids = (text: string) => findEntities(text).map((m) => m.entityId);

beforeEach(() => fakeBrowser.reset());
afterEach(() => setReaderEntities([]));

describe('syncReaderEntities (the background worker’s copy of the watchlist)', () => {
  it('loads the stored watchlist before it says ready, then follows changes', async () => {
    await setWatchlist([ENTRY]);
    const sync = syncReaderEntities();
    await sync.ready;
    expect(ids('Shelling hit Bir Tuwaylah.')).toEqual(['watch-bir-tuwaylah']);
    await setWatchlist([]);
    await vi.waitFor(() => expect(ids('Shelling hit Bir Tuwaylah.')).toEqual([]));
    sync.stop();
    await setWatchlist([ENTRY]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ids('Shelling hit Bir Tuwaylah.')).toEqual([]);
  });
});
