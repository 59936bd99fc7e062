/**
 * The clippings database: its typed schema, the upgrade steps that build it, and opening it.
 *
 * Only the background worker opens it (one owner keeps upgrades and the connection in one place). The
 * schema version is the number of upgrade steps: step i takes a database at version i to version i + 1,
 * and opening runs every step from the version found on disk, so a database from any earlier release
 * goes through the same path a fresh one does.
 */
import {
  unwrap,
  wrap,
  type DBSchema,
  type IDBPDatabase,
  type IDBPTransaction,
  type OpenDBCallbacks,
  type StoreNames,
} from 'idb';
import type { ClipRecord, IsoDay } from '../extraction/types';
import { StorageError, classifyOpenError, isQuotaError } from './errors';

export const DB_NAME = 'libya-lens';
export const CLIPS = 'clips';

/**
 * Fields kept beside the record only to be indexed. A multiEntry index needs its key path to lead to an
 * array (https://w3c.github.io/IndexedDB/#extract-a-key-from-a-value-using-a-key-path: a path cannot
 * map over `entities[].id`), so the ids are copied to top-level arrays on every write.
 */
export interface ClipIndexFields {
  /** Every knowledge-base or NER entity the record refers to: its entities, actors, place and attribution parties. */
  entityIds: string[];
  /** The place entities: `location.entityId` and the entities of kind 'location'. */
  placeIds: string[];
}

/** A record as stored from version 2 on. */
export type StoredClip = ClipRecord & ClipIndexFields;

/** The schema of the first release (version 1): records as they are, two indexes. */
export interface ClipsDbV1 extends DBSchema {
  clips: {
    key: string;
    value: ClipRecord;
    indexes: { 'by-url': string; 'by-event-date': IsoDay };
  };
}

/** The current schema. */
export interface ClipsDbSchema extends DBSchema {
  clips: {
    key: string;
    value: StoredClip;
    indexes: {
      'by-url': string;
      'by-event-date': IsoDay;
      'by-entity': string;
      'by-place': string;
      'by-clipped-at': string;
    };
  };
}

export type ClipsDb = IDBPDatabase<ClipsDbSchema>;

/**
 * One schema change, run inside the versionchange transaction. Steps see an untyped database because the
 * schema is in between versions while they run; each casts to the version it starts from.
 *
 * A step must only await IndexedDB requests of `tx`: awaiting anything else lets the transaction commit
 * half-way (https://w3c.github.io/IndexedDB/#transaction-lifecycle). A step must also cope with finding its
 * own work already done (check before creating), so that re-running it is harmless.
 */
export type UpgradeStep = (
  db: IDBPDatabase<unknown>,
  tx: IDBPTransaction<unknown, ArrayLike<string>, 'versionchange'>,
) => void | Promise<void>;

function list<T>(value: readonly T[] | undefined): readonly T[] {
  return Array.isArray(value) ? value : [];
}

/**
 * Computes the indexed fields. Tolerant of partial records, because the v2 upgrade runs it over whatever
 * the first release stored, and an exception there would keep the whole database from opening.
 */
export function indexFieldsOf(record: ClipRecord): ClipIndexFields {
  const entityIds = new Set<string>();
  const placeIds = new Set<string>();
  const add = (set: Set<string>, id: unknown): void => {
    if (typeof id === 'string' && id !== '') set.add(id);
  };
  for (const entity of list(record.entities)) {
    add(entityIds, entity.id);
    if (entity.kind === 'location') add(placeIds, entity.id);
  }
  const actors = [record.actor1, record.actor2, ...list(record.assocActors1), ...list(record.assocActors2)];
  for (const actor of actors) add(entityIds, actor?.entityId);
  add(entityIds, record.location?.entityId);
  add(placeIds, record.location?.entityId);
  for (const statement of list(record.attribution?.statements)) {
    add(entityIds, statement.by?.entityId);
    add(entityIds, statement.about?.entityId);
  }
  return { entityIds: [...entityIds].sort(), placeIds: [...placeIds].sort() };
}

/** The value to store for a record. */
export function toStoredClip(record: ClipRecord): StoredClip {
  return { ...fromStoredClip(record), ...indexFieldsOf(record) };
}

/** The record of a stored value (a version-1 value, without index fields, passes through). */
export function fromStoredClip(stored: ClipRecord | StoredClip): ClipRecord {
  const { entityIds: _entityIds, placeIds: _placeIds, ...record } = stored as Partial<ClipIndexFields> & ClipRecord;
  return record;
}

function sameIds(a: unknown, b: readonly string[]): boolean {
  return Array.isArray(a) && a.length === b.length && a.every((id, i) => id === b[i]);
}

/** Version 1, the first release: records keyed by id, found by article and by event day. */
const v1: UpgradeStep = (rawDb, rawTx) => {
  const db = rawDb as unknown as IDBPDatabase<ClipsDbV1>;
  const tx = rawTx as unknown as IDBPTransaction<ClipsDbV1, ['clips'], 'versionchange'>;
  const store = db.objectStoreNames.contains(CLIPS)
    ? tx.objectStore(CLIPS)
    : db.createObjectStore(CLIPS, { keyPath: 'id' });
  if (!store.indexNames.contains('by-url')) store.createIndex('by-url', 'article.url');
  if (!store.indexNames.contains('by-event-date')) store.createIndex('by-event-date', 'eventDate.day');
};

/** Version 2: find clips by entity, by place and by clip time; backfill the index fields. */
const v2: UpgradeStep = async (rawDb, rawTx) => {
  // A database at version 1 without the store is not ours to refuse: something opened the name without a
  // version (which creates an empty version 1; a test helper did exactly that). Build version 1 first.
  if (!rawDb.objectStoreNames.contains(CLIPS)) await v1(rawDb, rawTx);
  const tx = rawTx as unknown as IDBPTransaction<ClipsDbSchema, ['clips'], 'versionchange'>;
  const store = tx.objectStore(CLIPS);
  // Backfill before creating the indexes, so each index is built once from final values rather than
  // updated record by record.
  let cursor = await store.openCursor();
  while (cursor) {
    const value = cursor.value;
    const fields = indexFieldsOf(value);
    if (!sameIds(value.entityIds, fields.entityIds) || !sameIds(value.placeIds, fields.placeIds)) {
      await cursor.update({ ...value, ...fields });
    }
    cursor = await cursor.continue();
  }
  if (!store.indexNames.contains('by-entity')) store.createIndex('by-entity', 'entityIds', { multiEntry: true });
  if (!store.indexNames.contains('by-place')) store.createIndex('by-place', 'placeIds', { multiEntry: true });
  if (!store.indexNames.contains('by-clipped-at')) store.createIndex('by-clipped-at', 'clippedAt');
};

/** The upgrade steps, oldest first: `UPGRADE_STEPS[0]` alone builds the database of the first release. */
export const UPGRADE_STEPS: readonly UpgradeStep[] = [v1, v2];

export const DB_VERSION = UPGRADE_STEPS.length;

/** Runs the steps that take a database from `oldVersion` to `newVersion`, in order, none skipped. */
export async function runUpgradeSteps(
  steps: readonly UpgradeStep[],
  db: IDBPDatabase<unknown>,
  tx: IDBPTransaction<unknown, ArrayLike<string>, 'versionchange'>,
  oldVersion: number,
  newVersion: number,
): Promise<void> {
  for (let version = oldVersion; version < newVersion; version++) {
    const step = steps[version];
    if (!step) throw new Error(`No upgrade step from version ${version} to ${version + 1}`);
    await step(db, tx);
  }
}

/**
 * idb's `openDB`, on a given factory: idb always opens through the global `indexedDB`, and tests need a
 * fresh factory each. Same callbacks, same behaviour (see node_modules/idb/build/index.js); `version`
 * undefined opens whatever version is stored.
 */
export function openDBWith<T extends DBSchema | unknown>(
  factory: IDBFactory,
  name: string,
  version: number | undefined,
  { upgrade, blocked, blocking, terminated }: OpenDBCallbacks<T> = {},
): Promise<IDBPDatabase<T>> {
  const request = version === undefined ? factory.open(name) : factory.open(name, version);
  const opened = wrap(request) as Promise<IDBPDatabase<T>>;
  if (upgrade) {
    request.addEventListener('upgradeneeded', (event) => {
      upgrade(
        wrap(request.result) as unknown as IDBPDatabase<T>,
        event.oldVersion,
        event.newVersion,
        wrap(request.transaction as IDBTransaction) as unknown as IDBPTransaction<T, StoreNames<T>[], 'versionchange'>,
        event,
      );
    });
  }
  if (blocked) {
    request.addEventListener('blocked', (event) => blocked(event.oldVersion, event.newVersion, event));
  }
  opened
    .then((db) => {
      if (terminated) db.addEventListener('close', () => terminated());
      if (blocking) {
        db.addEventListener('versionchange', (event) => blocking(event.oldVersion, event.newVersion, event));
      }
    })
    .catch(() => {});
  return opened;
}

export type CloseReason = 'terminated' | 'versionchange';

export interface OpenClipsDbOptions {
  /** Database name; `libya-lens` unless a test or bench wants its own. */
  name?: string;
  /** Defaults to the global `indexedDB`. */
  factory?: IDBFactory;
  /** The upgrade steps; the version opened is their number. Tests inject a failing step here. */
  steps?: readonly UpgradeStep[];
  /**
   * How long to wait for older connections to close before giving up with a 'blocked' error (default
   * 5 s). The open itself goes on; if it succeeds later, that connection is closed again.
   */
  blockedTimeoutMs?: number;
  /**
   * Called once if the connection goes away on its own: the browser terminated it, or it was closed so
   * that another context could upgrade or delete the database. Not called after `db.close()`.
   */
  onClose?: (reason: CloseReason) => void;
}

const UPGRADE_FAILED =
  "Libya Lens could not move your clips to its new storage format, so they could not be opened. " +
  'Your clips are unchanged. Retry; if it keeps failing, restart the browser.';

/** Opens (creating or upgrading) the clippings database. Every failure is a StorageError with action 'open'. */
export async function openClipsDb(options: OpenClipsDbOptions = {}): Promise<ClipsDb> {
  const factory = options.factory ?? (globalThis.indexedDB as IDBFactory | undefined);
  if (!factory) {
    throw new StorageError('unknown', {
      action: 'open',
      message: 'This browser gives Libya Lens no storage (IndexedDB is unavailable), so clips cannot be kept.',
    });
  }
  const steps = options.steps ?? UPGRADE_STEPS;
  const timeoutMs = options.blockedTimeoutMs ?? 5000;
  let upgradeFailure: { error: unknown } | undefined;
  let connection: ClipsDb | undefined;
  let gone = false;
  const closedOnItsOwn = (reason: CloseReason): void => {
    if (gone) return;
    gone = true;
    options.onClose?.(reason);
  };

  // The versionchange transaction itself: when the disk is full the step's request may fail with an
  // AbortError or UnknownError while the transaction's `error` says QuotaExceededError
  // (https://w3c.github.io/IndexedDB/#abort-a-transaction), as when the database is first created under a
  // full quota (seen in Chromium). The reader must hear "full", not "could not upgrade".
  let versionTx: IDBTransaction | undefined;
  const quotaOfUpgrade = (): DOMException | null | undefined => {
    const error = versionTx?.error;
    return isQuotaError(error) ? error : undefined;
  };
  const upgradeFailed = (error: unknown): StorageError =>
    isQuotaError(error) || quotaOfUpgrade()
      ? new StorageError('quota', { action: 'open', cause: quotaOfUpgrade() ?? error })
      : new StorageError('unknown', { action: 'open', cause: error, message: UPGRADE_FAILED });

  try {
    return await new Promise<ClipsDb>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let gaveUp = false;
      const opened = openDBWith<ClipsDbSchema>(factory, options.name ?? DB_NAME, steps.length, {
        upgrade(db, oldVersion, newVersion, tx) {
          versionTx = unwrap(tx) as IDBTransaction;
          // The open request reports how the upgrade ended; idb's `done` promise would otherwise be an
          // unhandled rejection whenever the upgrade aborts.
          tx.done.catch(() => {});
          // idb does not await `upgrade`, and a rejected promise does not abort the transaction by itself:
          // abort it here, so the version and the data roll back together
          // (https://w3c.github.io/IndexedDB/#upgrade-a-database).
          runUpgradeSteps(
            steps,
            db as unknown as IDBPDatabase<unknown>,
            tx as unknown as IDBPTransaction<unknown, ArrayLike<string>, 'versionchange'>,
            oldVersion,
            newVersion ?? steps.length,
          ).catch((error: unknown) => {
            upgradeFailure = { error };
            try {
              tx.abort();
            } catch {
              // Already finished: the check after opening reports it.
            }
          });
        },
        blocked() {
          // A connection elsewhere (a tab of an older release that does not close on versionchange) holds
          // the old version; the open waits until it closes, which may be never.
          if (timer !== undefined || !Number.isFinite(timeoutMs)) return;
          timer = setTimeout(() => {
            gaveUp = true;
            gone = true;
            reject(new StorageError('blocked', { action: 'open' }));
          }, timeoutMs);
        },
        blocking() {
          // Another context wants a newer version (or to delete the database): step aside, as
          // https://developer.mozilla.org/en-US/docs/Web/API/IDBDatabase/versionchange_event advises; the
          // owner reopens on its next call.
          connection?.close();
          closedOnItsOwn('versionchange');
        },
        terminated() {
          closedOnItsOwn('terminated');
        },
      });
      opened.then(
        (db) => {
          clearTimeout(timer);
          if (gaveUp) {
            db.close();
            return;
          }
          if (upgradeFailure) {
            // The transaction committed before the failing step noticed (it awaited something else).
            db.close();
            reject(upgradeFailed(upgradeFailure.error));
            return;
          }
          connection = db;
          resolve(db);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(upgradeFailure || quotaOfUpgrade() ? upgradeFailed(upgradeFailure ? upgradeFailure.error : error) : error);
        },
      );
    });
  } catch (error) {
    throw classifyOpenError(error);
  }
}
