/**
 * The clippings service of the background worker: stores, deduplicates and finds clips.
 *
 * It opens the database on first use and again after the connection went away (closed by the browser,
 * or closed to let another context upgrade). Every failure reaches the caller as a StorageError; closed
 * connections and transient failures are retried first, a full disk is not.
 */
import type { IDBPTransaction } from 'idb';
import type { ClipRecord, IsoDay } from '../extraction/types';
import type { ImportReport } from '../messaging/protocol';
import {
  CLIPS,
  fromStoredClip,
  openClipsDb,
  toStoredClip,
  type ClipsDb,
  type ClipsDbSchema,
  type OpenClipsDbOptions,
  type StoredClip,
} from './clips-db';
import { StorageError, isQuotaError, toStorageError, type StorageAction } from './errors';

export type SaveOutcome =
  | { status: 'stored'; record: ClipRecord }
  /** A record with this id was already stored: nothing was written; `record` is the stored one. */
  | { status: 'duplicate'; record: ClipRecord };

/** What merge() did (the protocol's ImportReport), and the records it wrote. */
export interface MergeResult extends ImportReport {
  records: ClipRecord[];
}

/** When a record last changed, comparable across time-zone offsets (ISO strings compare only in one). */
function changedAt(record: ClipRecord): number {
  const ms = Date.parse(record.updatedAt);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

export interface ClipStoreOptions extends Omit<OpenClipsDbOptions, 'onClose'> {
  /** Retries after a closed connection or a transient failure (default 3). */
  retries?: number;
  /** First retry delay in ms, doubled on each further retry (default 25). */
  backoffMs?: number;
  /** The clock for `updatedAt`. */
  now?: () => Date;
}

type WriteTx = IDBPTransaction<ClipsDbSchema, ['clips'], 'readwrite'>;

function noop(): void {}

function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string'
    ? error.name
    : undefined;
}

/**
 * Runs `body` in `tx` and resolves only once the transaction has committed: a request that succeeded is
 * not yet on disk, and a commit can still fail (a full disk shows up as an abort with
 * `transaction.error` QuotaExceededError, https://w3c.github.io/IndexedDB/#commit-a-transaction). On
 * failure the transaction is aborted, so nothing of it is written, and the most telling error is thrown.
 */
async function settle<T>(tx: WriteTx, body: () => Promise<T>): Promise<T> {
  const done = tx.done;
  try {
    const result = await body();
    await done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted or committed.
    }
    const reason = await done.then(noop, (e: unknown) => e);
    // Requests of an aborted transaction fail with a bare AbortError; the reason is the transaction's error.
    if (reason !== undefined && !isQuotaError(error) && (isQuotaError(reason) || errorName(error) === 'AbortError')) {
      throw reason;
    }
    throw error;
  }
}

/** Issues one request per item; if issuing throws half-way, the requests already made are still observed. */
function issueAll<T, R>(items: readonly T[], issue: (item: T) => Promise<R>): Promise<R[]> {
  const pending: Promise<R>[] = [];
  try {
    for (const item of items) pending.push(issue(item));
  } catch (error) {
    for (const request of pending) request.catch(noop);
    throw error;
  }
  return Promise.all(pending);
}

/** Timeline order: event day, then clip time, then id so that the order is total. */
export function compareClips(a: ClipRecord, b: ClipRecord): number {
  const keys: [string, string][] = [
    [a.eventDate.day, b.eventDate.day],
    [a.clippedAt, b.clippedAt],
    [a.id, b.id],
  ];
  for (const [x, y] of keys) if (x !== y) return x < y ? -1 : 1;
  return 0;
}

function timeline(values: readonly StoredClip[]): ClipRecord[] {
  return values.map(fromStoredClip).sort(compareClips);
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class ClipStore {
  private connection: Promise<ClipsDb> | undefined;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly now: () => Date;

  constructor(private readonly options: ClipStoreOptions = {}) {
    this.retries = options.retries ?? 3;
    this.backoffMs = options.backoffMs ?? 25;
    this.now = options.now ?? (() => new Date());
  }

  /** The open connection, opened now if there is none. A failed open is not kept: the next call tries again. */
  db(): Promise<ClipsDb> {
    if (!this.connection) {
      const opening: Promise<ClipsDb> = openClipsDb({ ...this.options, onClose: () => this.forget(opening) });
      this.connection = opening;
      opening.catch(() => this.forget(opening));
    }
    return this.connection;
  }

  /** Closes the connection; the next call opens a new one. */
  async close(): Promise<void> {
    const connection = this.connection;
    this.connection = undefined;
    if (!connection) return;
    try {
      (await connection).close();
    } catch {
      // It never opened: nothing to close.
    }
  }

  private forget(connection: Promise<ClipsDb>): void {
    if (this.connection === connection) this.connection = undefined;
  }

  /**
   * Runs one operation, retrying it on a closed connection (after reopening) and on transient failures.
   * `body` must be safe to run again: each run is its own transaction, and a failed one wrote nothing.
   */
  private async run<T>(action: StorageAction, body: (db: ClipsDb) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const connection = this.db();
      let error: StorageError;
      try {
        return await body(await connection);
      } catch (e) {
        error = toStorageError(e, action).as(action);
      }
      if (error.code === 'closed') this.forget(connection);
      const transient = error.code === 'closed' || (error.code === 'unknown' && error.retryable);
      if (!transient || attempt >= this.retries) throw error;
      await delay(this.backoffMs * 2 ** attempt);
    }
  }

  private write<T>(action: StorageAction, body: (tx: WriteTx) => Promise<T>): Promise<T> {
    return this.run(action, (db) => {
      const tx = db.transaction(CLIPS, 'readwrite');
      return settle(tx, () => body(tx));
    });
  }

  /**
   * Stores a record unless one with its id is stored already. The lookup and the insert share one
   * readwrite transaction, and readwrite transactions on a store run one at a time
   * (https://w3c.github.io/IndexedDB/#transaction-scheduling), so of concurrent saves of one id exactly
   * one stores it. 'stored' is reported only after the transaction committed.
   */
  async save(record: ClipRecord): Promise<SaveOutcome> {
    const stored = toStoredClip(record);
    return this.write('save', async (tx): Promise<SaveOutcome> => {
      const existing = await tx.store.get(stored.id);
      if (existing) return { status: 'duplicate', record: fromStoredClip(existing) };
      await tx.store.add(stored);
      return { status: 'stored', record: fromStoredClip(stored) };
    });
  }

  /**
   * Stores many records in one transaction (the outbox's kept-aside clips, imports in tests and benches):
   * all of the new ones, or none. Answers with the records it stored, those whose id was not stored yet;
   * repeats within `records` count once.
   */
  saveNew(records: readonly ClipRecord[]): Promise<ClipRecord[]> {
    const batch = new Map<string, StoredClip>();
    for (const record of records) if (!batch.has(record.id)) batch.set(record.id, toStoredClip(record));
    const values = [...batch.values()];
    return this.write('import', async (tx) => {
      // All lookups first, then all inserts: requests queue up in order in the transaction, so there is
      // one round of waiting rather than one per record.
      const keys = await issueAll(values, (value) => tx.store.getKey(value.id));
      const fresh = values.filter((_, i) => keys[i] === undefined);
      await issueAll(fresh, (value) => tx.store.add(value));
      return fresh.map(fromStoredClip);
    });
  }

  /**
   * Merges records in by id, in one transaction (all or nothing): a new id is added, a stored clip with
   * an older `updatedAt` is replaced (the reader edited it since), anything else is skipped. Of copies of
   * one id within `records` the latest counts, the others are skipped. `records` lists what was written.
   */
  async merge(records: readonly ClipRecord[]): Promise<MergeResult> {
    const latest = new Map<string, ClipRecord>();
    for (const record of records) {
      const seen = latest.get(record.id);
      if (!seen || changedAt(record) > changedAt(seen)) latest.set(record.id, record);
    }
    const candidates = [...latest.values()];
    return this.write('import', async (tx) => {
      const stored = await issueAll(candidates, (record) => tx.store.get(record.id));
      const added: ClipRecord[] = [];
      const updated: ClipRecord[] = [];
      candidates.forEach((record, i) => {
        const current = stored[i];
        if (!current) added.push(record);
        else if (changedAt(record) > changedAt(current)) updated.push(record);
      });
      await issueAll(added, (record) => tx.store.add(toStoredClip(record)));
      await issueAll(updated, (record) => tx.store.put(toStoredClip(record)));
      return {
        added: added.length,
        updated: updated.length,
        skipped: records.length - added.length - updated.length,
        records: [...added, ...updated].map((r) => fromStoredClip(toStoredClip(r))),
      };
    });
  }

  /** Puts records back exactly as given, `updatedAt` included (the undo of a delete), in one transaction. */
  async restore(records: readonly ClipRecord[]): Promise<number> {
    const values = records.map(toStoredClip);
    return this.write('import', async (tx) => {
      await issueAll(values, (value) => tx.store.put(value));
      return values.length;
    });
  }

  get(id: string): Promise<ClipRecord | undefined> {
    return this.run('read', async (db) => {
      const stored = await db.get(CLIPS, id);
      return stored && fromStoredClip(stored);
    });
  }

  /** Deletes records in one transaction; answers with those there were, as they were (for an undo). */
  deleteMany(ids: readonly string[]): Promise<ClipRecord[]> {
    const unique = [...new Set(ids)];
    return this.write('delete', async (tx) => {
      const found = (await issueAll(unique, (id) => tx.store.get(id))).filter((v): v is StoredClip => v !== undefined);
      await issueAll(found, (value) => tx.store.delete(value.id));
      return found.map(fromStoredClip);
    });
  }

  count(): Promise<number> {
    return this.run('read', (db) => db.count(CLIPS));
  }

  /**
   * A page of the timeline in timeline order: whole event days after `afterDay` (all days when it is
   * left out), about `limit` records, and `next`, the day to ask after for the following page (undefined at
   * the end). Keyset paging, because Chromium's IndexedDB counts by walking: an offset needs a count per
   * page (~100 ms each at 10,000 records, measured) where a key range needs none. Pages end on a day
   * boundary, because the event-day index orders a day's clips by id, not by clip time; a day with more
   * clips than `limit` comes whole. Records without an event day (none are written) are not listed.
   */
  list(afterDay?: IsoDay, limit = 200): Promise<{ clips: ClipRecord[]; next?: IsoDay }> {
    const size = Number.isFinite(limit) && limit >= 1 ? Math.floor(limit) : 200;
    return this.run('read', async (db) => {
      const index = db.transaction(CLIPS).store.index('by-event-date');
      const range = afterDay === undefined ? undefined : IDBKeyRange.lowerBound(afterDay, true);
      // One more than asked: if it exists, its day is the first one this page must not cut into.
      let rows = await index.getAll(range, size + 1);
      if (rows.length <= size) return { clips: timeline(rows) };
      const boundary = rows[size]!.eventDate.day;
      rows = rows.filter((row) => row.eventDate.day < boundary);
      if (rows.length === 0) rows = await index.getAll(boundary);
      const last = rows[rows.length - 1]!.eventDate.day;
      return { clips: timeline(rows), next: last };
    });
  }

  /** Every record, in timeline order (event day, then clip time). */
  all(): Promise<ClipRecord[]> {
    return this.run('read', async (db) => timeline(await db.getAll(CLIPS)));
  }

  /** The clips of one article (by its canonical URL), in timeline order. */
  byUrl(url: string): Promise<ClipRecord[]> {
    return this.run('read', async (db) => timeline(await db.getAllFromIndex(CLIPS, 'by-url', url)));
  }

  /** The clips whose event day lies in [from, to] (either end open when left out), in timeline order. */
  byEventDate(from?: IsoDay, to?: IsoDay): Promise<ClipRecord[]> {
    if (from !== undefined && to !== undefined && from > to) return Promise.resolve([]);
    return this.run('read', async (db) => {
      const range =
        from !== undefined && to !== undefined
          ? IDBKeyRange.bound(from, to)
          : from !== undefined
            ? IDBKeyRange.lowerBound(from)
            : to !== undefined
              ? IDBKeyRange.upperBound(to)
              : undefined;
      return timeline(await db.getAllFromIndex(CLIPS, 'by-event-date', range));
    });
  }

  /** The clips that refer to an entity anywhere (entities, actors, place, attribution), in timeline order. */
  byEntity(entityId: string): Promise<ClipRecord[]> {
    return this.run('read', async (db) => timeline(await db.getAllFromIndex(CLIPS, 'by-entity', entityId)));
  }

  /** The clips that take place at, or mention, a place entity, in timeline order. */
  byPlace(placeId: string): Promise<ClipRecord[]> {
    return this.run('read', async (db) => timeline(await db.getAllFromIndex(CLIPS, 'by-place', placeId)));
  }

  /**
   * Changes several records in one transaction and sets their `updatedAt`: `patch` gets the records of `ids`
   * (in that order) and returns them changed, ids kept. When any of them is not stored, nothing is written
   * and the answer is undefined. `patch` must be synchronous (the transaction closes while anything else is
   * awaited), and may run more than once if the write is retried.
   */
  updateMany(ids: readonly string[], patch: (current: ClipRecord[]) => ClipRecord[]): Promise<ClipRecord[] | undefined> {
    const unique = [...new Set(ids)];
    return this.write('update', async (tx) => {
      const found = await issueAll(unique, (id) => tx.store.get(id));
      const current = found.filter((v): v is StoredClip => v !== undefined).map(fromStoredClip);
      if (current.length < unique.length) return undefined;
      const at = this.now().toISOString();
      const next = patch(current).map((record): ClipRecord => ({ ...record, updatedAt: at }));
      if (next.length !== current.length || next.some((r, i) => r.id !== current[i]?.id))
        throw new Error('updateMany() cannot add, drop, reorder or rename clips');
      await issueAll(next, (record) => tx.store.put(toStoredClip(record)));
      return next;
    });
  }
}
