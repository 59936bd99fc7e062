import { IDBObjectStore, forceCloseDatabase } from 'fake-indexeddb';
import { unwrap } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClipRecord } from '../extraction/types';
import { ClipStore, compareClips } from './clip-store';
import { CLIPS, DB_NAME, DB_VERSION, openDBWith, type StoredClip } from './clips-db';
import { StorageError } from './errors';
import { freshFactory } from './fake-idb';
import { makeClip, timelineClips } from './fixtures';

afterEach(() => {
  vi.restoreAllMocks();
});

function newStore(): { store: ClipStore; factory: IDBFactory } {
  const factory = freshFactory();
  return { store: new ClipStore({ factory, backoffMs: 0 }), factory };
}

/** What the database holds, read without the store. */
async function rawValues(factory: IDBFactory): Promise<StoredClip[]> {
  const db = await openDBWith<unknown>(factory, DB_NAME, undefined);
  try {
    return (await db.getAll(CLIPS)) as StoredClip[];
  } finally {
    db.close();
  }
}

const day = (d: string) => ({ ...makeClip().eventDate, day: d });

const ids = (records: ClipRecord[]) => records.map((r) => r.id);

describe('ClipStore: records', () => {
  it('stores a record and reads back the same record, without the index fields', async () => {
    const { store, factory } = newStore();
    const record = makeClip();
    const outcome = await store.save(record);
    expect(outcome).toStrictEqual({ status: 'stored', record });
    expect(await store.get(record.id)).toStrictEqual(record);
    expect(await store.all()).toStrictEqual([record]);
    const [raw] = await rawValues(factory);
    expect(raw?.entityIds).toContain('actor:libyan-national-army');
    expect(raw?.placeIds).toEqual(['place:mitiga-airport', 'place:tripoli']);
    expect(await store.get('missing')).toBeUndefined();
  });

  it('reports a second save of the same id as a duplicate, with the stored record', async () => {
    const { store } = newStore();
    const first = makeClip({ id: 'same' });
    const second = makeClip({ id: 'same', text: 'A different paragraph.', clippedAt: '2025-01-01T00:00:00.000Z' });
    expect((await store.save(first)).status).toBe('stored');
    expect(await store.save(second)).toStrictEqual({ status: 'duplicate', record: first });
    expect(await store.count()).toBe(1);
    expect(await store.get('same')).toStrictEqual(first);
  });

  it('deletes', async () => {
    const { store } = newStore();
    const record = makeClip();
    await store.save(record);
    expect(await store.deleteMany([record.id])).toStrictEqual([record]);
    expect(await store.deleteMany([record.id])).toEqual([]);
    expect(await store.count()).toBe(0);
    expect(await store.byEntity('place:tripoli')).toEqual([]);
  });

  it('updates in place, sets updatedAt and re-indexes', async () => {
    const factory = freshFactory();
    const store = new ClipStore({ factory, now: () => new Date('2025-02-03T04:05:06.000Z') });
    const record = makeClip();
    await store.save(record);
    const moved = (current: ClipRecord): ClipRecord => ({
      ...current,
      location: { name: 'Tarhuna', entityId: 'place:tarhuna', geoPrecision: 2 },
      entities: current.entities.filter((e) => e.id !== 'place:mitiga-airport'),
    });
    const [updated] = (await store.updateMany([record.id], (current) => current.map(moved)))!;
    expect(updated).toStrictEqual({ ...moved(record), updatedAt: '2025-02-03T04:05:06.000Z' });
    expect(await store.get(record.id)).toStrictEqual(updated);
    expect(ids(await store.byPlace('place:tarhuna'))).toEqual([record.id]);
    expect(await store.byPlace('place:mitiga-airport')).toEqual([]);
    expect(await store.updateMany(['missing'], (c) => c)).toBeUndefined();
  });

  it('refuses an update that changes the id, and writes nothing', async () => {
    const { store } = newStore();
    const record = makeClip();
    await store.save(record);
    const error = await store.updateMany([record.id], (c) => c.map((r) => ({ ...r, id: 'other' }))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: 'unknown', retryable: false });
    expect(await store.all()).toStrictEqual([record]);
  });
});

describe('ClipStore: queries', () => {
  async function filled() {
    const { store } = newStore();
    const clips = timelineClips();
    // Saved out of timeline order, so that order comes from the query.
    await store.save(clips.misrata);
    await store.save(clips.tripoli);
    await store.save(clips.benghazi);
    await store.save(clips.tripoliLater);
    return { store, clips };
  }

  it('lists all records by event day, then clip time', async () => {
    const { store, clips } = await filled();
    expect(await store.all()).toStrictEqual([clips.tripoliLater, clips.tripoli, clips.benghazi, clips.misrata]);
  });

  it('finds by article URL', async () => {
    const { store, clips } = await filled();
    expect(ids(await store.byUrl(clips.tripoli.article.url))).toEqual(['tripoli-later', 'tripoli']);
    expect(ids(await store.byUrl('https://www.example-news.com/benghazi-protest'))).toEqual(['benghazi']);
    expect(await store.byUrl('https://elsewhere.example/')).toEqual([]);
  });

  it('finds by event day range, ends included or left open', async () => {
    const { store } = await filled();
    expect(ids(await store.byEventDate('2019-04-05', '2019-04-10'))).toEqual(['tripoli-later', 'tripoli', 'benghazi']);
    expect(ids(await store.byEventDate('2019-04-06', '2019-04-30'))).toEqual(['benghazi']);
    expect(ids(await store.byEventDate('2019-04-10'))).toEqual(['benghazi', 'misrata']);
    expect(ids(await store.byEventDate(undefined, '2019-04-09'))).toEqual(['tripoli-later', 'tripoli']);
    expect(await store.byEventDate()).toHaveLength(4);
    expect(await store.byEventDate('2019-05-01', '2019-04-01')).toEqual([]);
  });

  it('finds by entity, wherever the record refers to it', async () => {
    const { store } = await filled();
    expect(ids(await store.byEntity('actor:libyan-national-army'))).toEqual(['tripoli-later', 'tripoli', 'misrata']);
    expect(ids(await store.byEntity('actor:misrata-brigades'))).toEqual(['misrata']);
    expect(ids(await store.byEntity('place:benghazi'))).toEqual(['benghazi']);
    expect(await store.byEntity('actor:nobody')).toEqual([]);
  });

  it('finds by place: the event location and the places mentioned', async () => {
    const { store } = await filled();
    expect(ids(await store.byPlace('place:tripoli'))).toEqual(['tripoli-later', 'tripoli']);
    expect(ids(await store.byPlace('place:mitiga-airport'))).toEqual(['tripoli-later', 'tripoli']);
    expect(ids(await store.byPlace('place:misrata'))).toEqual(['misrata']);
    // An actor is not a place.
    expect(await store.byPlace('actor:libyan-national-army')).toEqual([]);
  });

  it('orders with a total comparator', () => {
    const a = makeClip({ id: 'a', eventDate: day('2019-01-01'), clippedAt: '2024-01-02T00:00:00.000Z' });
    const b = makeClip({ id: 'b', eventDate: day('2019-01-01'), clippedAt: '2024-01-01T00:00:00.000Z' });
    const c = makeClip({ id: 'c', eventDate: day('2018-12-31'), clippedAt: '2024-01-03T00:00:00.000Z' });
    expect(ids([a, b, c].sort(compareClips))).toEqual(['c', 'b', 'a']);
  });
});

describe('ClipStore: concurrency and bulk', () => {
  it('stores 100 distinct records saved in parallel', async () => {
    const { store } = newStore();
    const records = Array.from({ length: 100 }, (_, i) => makeClip({ id: `parallel-${i}` }));
    const outcomes = await Promise.all(records.map((record) => store.save(record)));
    expect(outcomes.every((o) => o.status === 'stored')).toBe(true);
    expect(await store.count()).toBe(100);
  });

  it('stores exactly one of 20 parallel saves of one id', async () => {
    const { store } = newStore();
    const versions = Array.from({ length: 20 }, (_, i) =>
      makeClip({ id: 'contested', clippedAt: `2024-01-01T00:00:${String(i).padStart(2, '0')}.000Z` }),
    );
    const outcomes = await Promise.all(versions.map((record) => store.save(record)));
    const stored = outcomes.filter((o) => o.status === 'stored');
    expect(stored).toHaveLength(1);
    const winner = stored[0]?.record;
    for (const outcome of outcomes.filter((o) => o.status === 'duplicate')) {
      expect(outcome.record).toStrictEqual(winner);
    }
    expect(await store.count()).toBe(1);
    expect(await store.get('contested')).toStrictEqual(winner);
  });

  it('saves 10,000 records in one call, and counts duplicates on a second import', async () => {
    const { store } = newStore();
    const records = Array.from({ length: 10_000 }, (_, i) =>
      makeClip({ id: `bulk-${String(i).padStart(5, '0')}`, eventDate: day(`2019-0${1 + (i % 9)}-15`) }),
    );
    expect(await store.saveNew(records)).toHaveLength(10_000);
    expect(await store.count()).toBe(10_000);
    expect(await store.byEventDate('2019-01-01', '2019-01-31')).toHaveLength(1112);
    expect(await store.get('bulk-09999')).toStrictEqual(records[9999]);

    const again = [records[0]!, makeClip({ id: 'new-1' }), makeClip({ id: 'new-1' }), makeClip({ id: 'new-2' })];
    const added = await store.saveNew(again);
    // One already stored and one repeated within the batch: two duplicates, two added.
    expect(added.map((r) => r.id)).toEqual(['new-1', 'new-2']);
    expect(again.length - added.length).toBe(2);
    expect(await store.count()).toBe(10_002);
  });
});

/** The internal abort of fake-indexeddb: how a browser ends a transaction whose commit hit the quota. */
type AbortableTx = { _abort(name: string): void };

describe('ClipStore: failures', () => {
  it('turns QuotaExceededError into a quota error, without retrying or writing', async () => {
    const { store } = newStore();
    const add = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    const error = await store.save(makeClip()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({
      code: 'quota',
      retryable: false,
      message:
        "Your browser's storage for Libya Lens is full: the clip was not saved. " +
        'Free some disk space or delete old clips, then retry.',
    });
    expect((error as StorageError).cause).toMatchObject({ name: 'QuotaExceededError' });
    expect(add).toHaveBeenCalledTimes(1);
    add.mockRestore();
    expect(await store.count()).toBe(0);
  });

  it('finds the quota error on the transaction when the commit aborts', async () => {
    const { store } = newStore();
    const original = IDBObjectStore.prototype.add;
    const add = vi
      .spyOn(IDBObjectStore.prototype, 'add')
      .mockImplementation(function (this: IDBObjectStore, value, key) {
        const request = original.call(this, value, key);
        (this.transaction as unknown as AbortableTx)._abort('QuotaExceededError');
        return request;
      });
    await expect(store.save(makeClip())).rejects.toMatchObject({ code: 'quota', retryable: false });
    expect(add).toHaveBeenCalledTimes(1);
    add.mockRestore();
    expect(await store.count()).toBe(0);
  });

  it('writes nothing of an import that hits the quota half-way', async () => {
    const { store } = newStore();
    await store.save(makeClip({ id: 'before' }));
    const original = IDBObjectStore.prototype.add;
    let calls = 0;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, value, key) {
      if (++calls === 500) throw new DOMException('quota', 'QuotaExceededError');
      return original.call(this, value, key);
    });
    const records = Array.from({ length: 1000 }, (_, i) => makeClip({ id: `import-${i}` }));
    await expect(store.saveNew(records)).rejects.toMatchObject({ code: 'quota', action: 'import' });
    vi.restoreAllMocks();
    expect(ids(await store.all())).toEqual(['before']);
  });

  it('reopens after the connection was closed behind its back', async () => {
    const { store } = newStore();
    await store.save(makeClip({ id: 'one' }));
    const first = await store.db();
    first.close();
    expect((await store.save(makeClip({ id: 'two' }))).status).toBe('stored');
    expect(await store.db()).not.toBe(first);
    first.close();
    expect(await store.count()).toBe(2);
  });

  it('reopens after the browser terminated the connection', async () => {
    const { store } = newStore();
    const first = await store.db();
    forceCloseDatabase(unwrap(first) as unknown as typeof IDBDatabase);
    expect((await store.save(makeClip())).status).toBe('stored');
    expect(await store.db()).not.toBe(first);
  });

  it('retries a transient failure and then succeeds', async () => {
    const { store } = newStore();
    const add = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementationOnce(() => {
      throw new DOMException('backing store hiccup', 'UnknownError');
    });
    const record = makeClip();
    expect(await store.save(record)).toStrictEqual({ status: 'stored', record });
    expect(add).toHaveBeenCalledTimes(2);
    expect(await store.count()).toBe(1);
  });

  it('retries a transaction the browser aborted', async () => {
    const { store } = newStore();
    const original = IDBObjectStore.prototype.add;
    let aborted = false;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (this: IDBObjectStore, value, key) {
      const request = original.call(this, value, key);
      if (!aborted) {
        aborted = true;
        this.transaction.abort();
      }
      return request;
    });
    expect((await store.save(makeClip())).status).toBe('stored');
    expect(await store.count()).toBe(1);
  });

  it('gives up after three retries and throws the error', async () => {
    const { store } = newStore();
    const add = vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
      throw new DOMException('still failing', 'UnknownError');
    });
    const error = await store.save(makeClip()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: 'unknown', retryable: true, action: 'save' });
    expect((error as StorageError).message).toMatch(/could not save the clip/);
    expect(add).toHaveBeenCalledTimes(4);
    add.mockRestore();
    expect(await store.count()).toBe(0);
  });

  it('does not retry what cannot succeed (a record that cannot be cloned)', async () => {
    const { store } = newStore();
    const add = vi.spyOn(IDBObjectStore.prototype, 'add');
    const unclonable = makeClip({ selection: (() => 'x') as unknown as string });
    await expect(store.save(unclonable)).rejects.toMatchObject({
      code: 'unknown',
      retryable: false,
      cause: expect.objectContaining({ name: 'DataCloneError' }),
    });
    expect(add).toHaveBeenCalledTimes(1);
  });

  it('steps aside for a newer version, then reports it as a version error', async () => {
    const { store, factory } = newStore();
    await store.save(makeClip());
    const newer = await openDBWith(factory, DB_NAME, DB_VERSION + 1);
    newer.close();
    const error = await store.save(makeClip()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: 'version', retryable: false, action: 'save' });
    expect((error as StorageError).message).toMatch(/newer version of Libya Lens, so the clip was not saved/);
  });

  it('serialises as the protocol error shape', () => {
    const error = new StorageError('quota', { action: 'save' });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      code: 'quota',
      message: error.message,
      retryable: false,
    });
  });
});
