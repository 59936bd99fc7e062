import type { ClipRecord } from '../extraction/types';

/**
 * Clips the database refused (a full disk, a broken database), kept aside in the extension's key-value
 * storage until the database takes them. chrome.storage.local is a separate store from the origin's
 * IndexedDB quota (https://developer.chrome.com/docs/extensions/reference/api/storage#storage_areas), so a
 * clip that IndexedDB refuses for lack of space usually still fits here; the reader's Retry, or the next
 * clip that goes through, moves it into the timeline.
 */

/** The part of `storage.local` the outbox uses (the browser's, or a Map-backed fake in tests). */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const KEY = 'clipOutbox';

function isRecordLike(value: unknown): value is ClipRecord {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
}

export class Outbox {
  /** Serialises read-modify-write cycles: clips from several tabs may fail at the same moment. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly area: KeyValueArea) {}

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  async list(): Promise<ClipRecord[]> {
    const stored = (await this.area.get(KEY))[KEY];
    return Array.isArray(stored) ? stored.filter(isRecordLike) : [];
  }

  /** Keeps a record aside (once per id). Throws if even this storage refuses it: the caller must say so. */
  put(record: ClipRecord): Promise<number> {
    return this.serial(async () => {
      const records = (await this.list()).filter((r) => r.id !== record.id);
      records.push(record);
      await this.area.set({ [KEY]: records });
      return records.length;
    });
  }

  /**
   * Hands the kept records to `save` (the database) and forgets those it took. Records stay when `save`
   * throws: nothing leaves the outbox until the database has it.
   */
  flush(save: (records: ClipRecord[]) => Promise<unknown>): Promise<number> {
    return this.serial(async () => {
      const records = await this.list();
      if (records.length === 0) return 0;
      await save(records);
      const sent = new Set(records.map((r) => r.id));
      const left = (await this.list()).filter((r) => !sent.has(r.id));
      await this.area.set({ [KEY]: left });
      return records.length;
    });
  }
}
