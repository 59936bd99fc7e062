// The store's operations for the timeline views: merge (restoring a backup), delete and restore (undo),
// several records changed at once, and keyset paging in timeline order.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClipRecord } from '../extraction/types';
import { ClipStore, compareClips } from './clip-store';
import { freshFactory } from './fake-idb';
import { makeClip, timelineClips } from './fixtures';

afterEach(() => {
  vi.restoreAllMocks();
});

function newStore(): { store: ClipStore; factory: IDBFactory } {
  const factory = freshFactory();
  return { store: new ClipStore({ factory, backoffMs: 0 }), factory };
}

const day = (d: string) => ({ ...makeClip().eventDate, day: d });
const ids = (records: ClipRecord[]) => records.map((r) => r.id);

describe('ClipStore: timeline operations', () => {
  const at = (iso: string) => ({ updatedAt: iso });

  it('merges: adds new ids, replaces older copies, skips the rest', async () => {
    const { store } = newStore();
    const kept = makeClip({ id: 'kept', ...at('2025-01-10T00:00:00.000Z') });
    const stale = makeClip({ id: 'stale', ...at('2025-01-01T00:00:00.000Z') });
    await store.saveNew([kept, stale]);
    const newer = { ...stale, location: { name: 'Tarhuna', entityId: 'place:tarhuna', geoPrecision: 2 as const }, ...at('2025-01-05T00:00:00+02:00') };
    const older = { ...kept, text: 'An older reading.', ...at('2025-01-09T23:00:00.000Z') };
    const fresh = makeClip({ id: 'fresh', ...at('2025-01-03T00:00:00.000Z') });
    const freshCopy = { ...fresh, ...at('2025-01-02T00:00:00.000Z') };
    const result = await store.merge([newer, older, fresh, freshCopy, kept]);
    expect(result).toMatchObject({ added: 1, updated: 1, skipped: 3 });
    expect(ids(result.records).sort()).toEqual(['fresh', 'stale']);
    expect(await store.get('stale')).toStrictEqual(newer);
    expect(await store.get('kept')).toStrictEqual(kept);
    expect(await store.get('fresh')).toStrictEqual(fresh);
    expect(ids(await store.byPlace('place:tarhuna'))).toEqual(['stale']);
  });

  it('merges all or nothing when a write fails', async () => {
    const { store } = newStore();
    const stale = makeClip({ id: 'stale', ...at('2025-01-01T00:00:00.000Z') });
    await store.save(stale);
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    const batch = [makeClip({ id: 'new-1' }), makeClip({ id: 'new-2' }), { ...stale, text: 'Changed.', ...at('2025-02-01T00:00:00.000Z') }];
    await expect(store.merge(batch)).rejects.toMatchObject({ code: 'quota', action: 'import' });
    vi.restoreAllMocks();
    expect(await store.all()).toStrictEqual([stale]);
  });

  it('deletes many in one go and restores them exactly', async () => {
    const factory = freshFactory();
    const store = new ClipStore({ factory, now: () => new Date('2025-03-03T03:03:03.000Z') });
    const clips = timelineClips();
    await store.saveNew(Object.values(clips));
    const [edited] = (await store.updateMany(['benghazi'], (c) => c.map((r) => ({ ...r, eventGroup: 'group-benghazi' }))))!;
    const deleted = await store.deleteMany(['benghazi', 'missing', 'tripoli', 'benghazi']);
    expect(deleted).toStrictEqual([edited, clips.tripoli]);
    expect(ids(await store.all())).toEqual(['tripoli-later', 'misrata']);
    expect(await store.byPlace('place:benghazi')).toEqual([]);
    expect(await store.restore(deleted)).toBe(2);
    expect(await store.get('benghazi')).toStrictEqual(edited);
    expect(ids(await store.all())).toEqual(['tripoli-later', 'tripoli', 'benghazi', 'misrata']);
    expect(ids(await store.byPlace('place:benghazi'))).toEqual(['benghazi']);
    expect(await store.deleteMany([])).toEqual([]);
  });

  it('changes several records at once, or none when one is gone', async () => {
    const store = new ClipStore({ factory: freshFactory(), now: () => new Date('2025-04-04T00:00:00.000Z') });
    await store.saveNew([makeClip({ id: 'one' }), makeClip({ id: 'two' })]);
    const grouped = await store.updateMany(['two', 'one'], (current) => current.map((c) => ({ ...c, eventGroup: 'group-two' })));
    expect(grouped?.map((r) => [r.id, r.eventGroup, r.updatedAt])).toEqual([
      ['two', 'group-two', '2025-04-04T00:00:00.000Z'],
      ['one', 'group-two', '2025-04-04T00:00:00.000Z'],
    ]);
    expect((await store.get('one'))?.eventGroup).toBe('group-two');
    expect(await store.updateMany(['one', 'gone'], (current) => current.map((c) => ({ ...c, eventGroup: 'x' })))).toBeUndefined();
    expect((await store.get('one'))?.eventGroup).toBe('group-two');
  });

  it('answers which records saveNew stored', async () => {
    const { store } = newStore();
    await store.save(makeClip({ id: 'old' }));
    const fresh = makeClip({ id: 'fresh' });
    expect(await store.saveNew([makeClip({ id: 'old' }), fresh, fresh])).toStrictEqual([fresh]);
  });

  it('lists the timeline a page at a time, in timeline order', async () => {
    const { store } = newStore();
    // Many clips on a few days, with ids in the opposite order of their clip times, so that the index's
    // own order (day, then id) differs from the timeline's (day, then clip time).
    const records = Array.from({ length: 37 }, (_, i) =>
      makeClip({
        id: `c-${String(99 - i).padStart(2, '0')}`,
        eventDate: day(`2019-04-0${1 + (i % 4)}`),
        clippedAt: `2024-01-01T00:00:${String(i).padStart(2, '0')}.000Z`,
      }),
    );
    await store.saveNew(records);
    const expected = ids([...records].sort(compareClips));
    expect(ids((await store.list(undefined, 1000)).clips)).toEqual(expected);
    for (const size of [1, 2, 5, 9, 10, 36, 37, 50]) {
      const pages: string[] = [];
      let next: string | undefined;
      let calls = 0;
      do {
        const page = await store.list(next, size);
        // Whole days only: a page never ends inside a day another page continues.
        if (page.next) expect(new Set(page.clips.map((c) => c.eventDate.day)).has(page.next)).toBe(true);
        pages.push(...ids(page.clips));
        next = page.next;
        calls++;
      } while (next !== undefined && calls < 100);
      expect(pages, `pages of ${size}`).toEqual(expected);
    }
    expect(await store.list('2019-04-04', 10)).toEqual({ clips: [] });
    expect(await newStore().store.list(undefined, 10)).toEqual({ clips: [] });
  });
});
