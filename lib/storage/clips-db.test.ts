import { forceCloseDatabase } from 'fake-indexeddb';
import { unwrap, type IDBPDatabase } from 'idb';
import { describe, expect, it, vi } from 'vitest';
import type { ClipRecord } from '../extraction/types';
import { ClipStore } from './clip-store';
import {
  CLIPS,
  DB_NAME,
  DB_VERSION,
  UPGRADE_STEPS,
  fromStoredClip,
  indexFieldsOf,
  openClipsDb,
  openDBWith,
  toStoredClip,
  type ClipsDbV1,
  type UpgradeStep,
} from './clips-db';
import { StorageError } from './errors';
import { freshFactory } from './fake-idb';
import { makeClip } from './fixtures';

/** The database of the first release: version 1, built by its one step, as idb's openDB would. */
function openV1(factory: IDBFactory): Promise<IDBPDatabase<ClipsDbV1>> {
  const step = UPGRADE_STEPS[0];
  if (!step) throw new Error('no v1 step');
  return openDBWith<ClipsDbV1>(factory, DB_NAME, 1, {
    upgrade: (db, _old, _new, tx) =>
      void step(db as unknown as IDBPDatabase, tx as unknown as Parameters<UpgradeStep>[1]),
  });
}

/** What the database holds, read without the code under test. */
async function rawState(factory: IDBFactory) {
  const db = await openDBWith<ClipsDbV1>(factory, DB_NAME, undefined);
  try {
    const tx = db.transaction(CLIPS);
    return {
      version: db.version,
      indexes: [...tx.store.indexNames].sort(),
      values: (await tx.store.getAll()) as (ClipRecord & Record<string, unknown>)[],
    };
  } finally {
    db.close();
  }
}

/** Records of the first release, varied enough to land in different index entries. */
function v1Records(): ClipRecord[] {
  const base = makeClip();
  return [
    makeClip({ id: 'v1-a', eventDate: { ...base.eventDate, day: '2019-04-05' } }),
    makeClip({
      id: 'v1-b',
      eventDate: { ...base.eventDate, day: '2019-04-10' },
      location: { name: 'Benghazi', entityId: 'place:benghazi', geoPrecision: 1 },
      entities: [
        { id: 'place:benghazi', name: 'Benghazi', kind: 'location', category: 'city', source: 'kb', mentions: 1 },
      ],
      actor1: undefined,
      attribution: { perpetrator: 'unknown', statements: [], status: 'unknown' },
    }),
    makeClip({
      id: 'v1-c',
      entities: [],
      location: undefined,
      actor1: undefined,
      actor2: undefined,
      attribution: { perpetrator: 'unknown', statements: [], status: 'unknown' },
    }),
  ];
}

async function writeV1(factory: IDBFactory, records: ClipRecord[]): Promise<void> {
  const db = await openV1(factory);
  const tx = db.transaction(CLIPS, 'readwrite');
  await Promise.all([...records.map((record) => tx.store.put(record)), tx.done]);
  db.close();
}

describe('schema', () => {
  it('is versioned by its upgrade steps', () => {
    expect(DB_VERSION).toBe(2);
    expect(UPGRADE_STEPS).toHaveLength(DB_VERSION);
  });

  it('builds every index on a fresh database', async () => {
    const factory = freshFactory();
    const db = await openClipsDb({ factory });
    expect(db.name).toBe('libya-lens');
    expect(db.version).toBe(DB_VERSION);
    const store = db.transaction(CLIPS).store;
    expect(store.keyPath).toBe('id');
    const indexes = Object.fromEntries(
      [...store.indexNames].map((name) => {
        const index = store.index(name);
        return [name, { keyPath: index.keyPath, multiEntry: index.multiEntry }];
      }),
    );
    expect(indexes).toEqual({
      'by-url': { keyPath: 'article.url', multiEntry: false },
      'by-event-date': { keyPath: 'eventDate.day', multiEntry: false },
      'by-entity': { keyPath: 'entityIds', multiEntry: true },
      'by-place': { keyPath: 'placeIds', multiEntry: true },
      'by-clipped-at': { keyPath: 'clippedAt', multiEntry: false },
    });
    db.close();
  });

  it('creates the v1 database of the first release with its step alone', async () => {
    const factory = freshFactory();
    await writeV1(factory, v1Records());
    const state = await rawState(factory);
    expect(state.version).toBe(1);
    expect(state.indexes).toEqual(['by-event-date', 'by-url']);
  });
});

describe('index fields', () => {
  it('collects every entity the record refers to, and the places among them', () => {
    const record = makeClip({
      assocActors1: [{ name: 'Wagner Group', entityId: 'actor:wagner-group', inter: 8 }],
      location: { name: 'Tarhuna', entityId: 'place:tarhuna', geoPrecision: 2 },
    });
    const fields = indexFieldsOf(record);
    expect(fields.entityIds).toEqual([
      'actor:government-of-national-accord',
      'actor:khalifa-haftar',
      'actor:libyan-national-army',
      'actor:wagner-group',
      'place:mitiga-airport',
      'place:tarhuna',
      'place:tripoli',
    ]);
    // The event's place counts even when the text never names it.
    expect(fields.placeIds).toEqual(['place:mitiga-airport', 'place:tarhuna', 'place:tripoli']);
  });

  it('round-trips a record through the stored shape', () => {
    const record = makeClip();
    const stored = toStoredClip(record);
    expect(stored.entityIds.length).toBeGreaterThan(0);
    expect(fromStoredClip(stored)).toStrictEqual(record);
    expect(fromStoredClip(record)).toStrictEqual(record);
  });

  it('tolerates records missing the lists it reads (a damaged v1 record must not block the upgrade)', () => {
    const partial = { ...makeClip(), entities: undefined, assocActors1: undefined, attribution: undefined };
    expect(indexFieldsOf(partial as unknown as ClipRecord)).toEqual({
      entityIds: ['actor:libyan-national-army', 'place:mitiga-airport'],
      placeIds: ['place:mitiga-airport'],
    });
  });
});

describe('upgrade from v1', () => {
  it('keeps every record and finds it through the new indexes', async () => {
    const factory = freshFactory();
    const records = v1Records();
    await writeV1(factory, records);

    const db = await openClipsDb({ factory });
    expect(db.version).toBe(DB_VERSION);
    db.close();

    const state = await rawState(factory);
    expect(state.values).toHaveLength(records.length);
    for (const value of state.values) {
      expect(value.entityIds).toEqual(indexFieldsOf(value).entityIds);
      expect(value.placeIds).toEqual(indexFieldsOf(value).placeIds);
    }

    const store = new ClipStore({ factory });
    expect(await store.count()).toBe(records.length);
    expect(await store.all()).toStrictEqual(records.slice().sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect((await store.byEntity('actor:libyan-national-army')).map((r) => r.id)).toEqual(['v1-a']);
    expect((await store.byPlace('place:benghazi')).map((r) => r.id)).toEqual(['v1-b']);
    expect((await store.byPlace('place:tripoli')).map((r) => r.id)).toEqual(['v1-a']);
    expect(await store.byEntity('place:nowhere')).toEqual([]);
    // The old indexes still answer.
    expect((await store.byEventDate('2019-04-06', '2019-04-30')).map((r) => r.id)).toEqual(['v1-b']);
    await store.close();
  });

  it('rolls back everything, version included, when a step fails after doing its work', async () => {
    const factory = freshFactory();
    const records = v1Records();
    await writeV1(factory, records);
    const [v1, v2] = UPGRADE_STEPS as [UpgradeStep, UpgradeStep];
    const failing: UpgradeStep = async (db, tx) => {
      await v2(db, tx);
      throw new Error('step failed');
    };

    const error = await openClipsDb({ factory, steps: [v1, failing] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: 'unknown', retryable: false });
    expect((error as StorageError).message).toMatch(/Your clips are unchanged/);
    expect(((error as StorageError).cause as Error).message).toBe('step failed');

    const state = await rawState(factory);
    expect(state.version).toBe(1);
    expect(state.indexes).toEqual(['by-event-date', 'by-url']);
    expect(state.values).toStrictEqual(records);

    // Nothing was left half-done: the real upgrade still goes through.
    const db = await openClipsDb({ factory });
    expect(db.version).toBe(DB_VERSION);
    db.close();
  });

  it('rolls back when a step throws synchronously', async () => {
    const factory = freshFactory();
    await writeV1(factory, v1Records());
    const [v1] = UPGRADE_STEPS as [UpgradeStep];
    const throwing: UpgradeStep = () => {
      throw new Error('sync failure');
    };
    await expect(openClipsDb({ factory, steps: [v1, throwing] })).rejects.toMatchObject({ code: 'unknown' });
    const state = await rawState(factory);
    expect(state.version).toBe(1);
    expect(state.values).toHaveLength(3);
  });

  it('runs every step from the stored version, and a step run twice does no harm', async () => {
    const factory = freshFactory();
    await writeV1(factory, v1Records());
    const [v1, v2] = UPGRADE_STEPS as [UpgradeStep, UpgradeStep];
    const ran: string[] = [];
    const spy = (name: string, step: UpgradeStep): UpgradeStep => async (db, tx) => {
      ran.push(name);
      await step(db, tx);
    };
    const db = await openClipsDb({ factory, steps: [spy('v1', v1), spy('v2', v2), spy('v2 again', v2)] });
    expect(ran).toEqual(['v2', 'v2 again']);
    db.close();
    const state = await rawState(factory);
    expect(state.version).toBe(3);
    expect(state.values.map(fromStoredClip)).toStrictEqual(v1Records());
  });
});

describe('an empty version 1 (the name opened without a version, elsewhere)', () => {
  it('is built up to the current schema instead of failing the upgrade, and stores clips', async () => {
    const factory = freshFactory();
    await new Promise<void>((resolve, reject) => {
      const request = factory.open(DB_NAME);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    const store = new ClipStore({ factory });
    const clip = makeClip();
    expect(await store.save(clip)).toMatchObject({ status: 'stored' });
    expect(await store.byPlace('place:mitiga-airport')).toHaveLength(1);
    await store.close();
  });
});

describe('connection lifecycle', () => {
  it('steps aside when another context upgrades', async () => {
    const factory = freshFactory();
    const onClose = vi.fn();
    await openClipsDb({ factory, onClose });
    // Would hang (blocked) if the first connection stayed open.
    const newer = await openDBWith(factory, DB_NAME, DB_VERSION + 1);
    expect(newer.version).toBe(DB_VERSION + 1);
    expect(onClose).toHaveBeenCalledExactlyOnceWith('versionchange');
    newer.close();
    // And this release cannot open what a newer one wrote.
    await expect(openClipsDb({ factory })).rejects.toMatchObject({ code: 'version', retryable: false });
  });

  it('reports a connection the browser terminated', async () => {
    const factory = freshFactory();
    const onClose = vi.fn();
    const db = await openClipsDb({ factory, onClose });
    forceCloseDatabase(unwrap(db) as unknown as typeof IDBDatabase);
    await vi.waitFor(() => expect(onClose).toHaveBeenCalledExactlyOnceWith('terminated'));
  });

  it('gives up with "blocked" while an old connection will not close, and upgrades once it does', async () => {
    const factory = freshFactory();
    await writeV1(factory, v1Records());
    const old = await openV1(factory);
    const error = await openClipsDb({ factory, blockedTimeoutMs: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ code: 'blocked', retryable: true });
    old.close();
    const db = await openClipsDb({ factory });
    expect(db.version).toBe(DB_VERSION);
    expect(await db.count(CLIPS)).toBe(3);
    db.close();
  });

  it('fails as a StorageError when no IndexedDB exists', async () => {
    await expect(openClipsDb({ factory: undefined })).rejects.toMatchObject({ code: 'unknown' });
  });
});
