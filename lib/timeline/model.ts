import type { ClipRecord } from '../extraction/types';
import type { ClipChange } from '../messaging/protocol';
import { groupEvents } from './group';
import type { TimelineEvent } from './types';

/**
 * The timeline as an open view holds it: the clips by id, kept current by the worker's `clips/changed`
 * broadcasts, and the events grouped from them. Grouping runs again only after a change, not per read.
 */
export class TimelineModel {
  private readonly clips = new Map<string, ClipRecord>();
  private grouped: TimelineEvent[] | undefined;

  /** Adds or replaces records (a page of the initial load, or a change). */
  put(records: readonly ClipRecord[]): void {
    if (records.length === 0) return;
    for (const record of records) this.clips.set(record.id, record);
    this.changed();
  }

  remove(ids: readonly string[]): void {
    let any = false;
    for (const id of ids) any = this.clips.delete(id) || any;
    if (any) this.changed();
  }

  apply(change: ClipChange): void {
    if (change.kind === 'stored') this.put(change.records);
    else this.remove(change.ids);
  }

  get size(): number {
    return this.clips.size;
  }

  has(id: string): boolean {
    return this.clips.has(id);
  }

  events(): TimelineEvent[] {
    // groupEvents orders clips and events itself, whatever the order it is given.
    this.grouped ??= groupEvents([...this.clips.values()]);
    return this.grouped;
  }

  private changed(): void {
    this.grouped = undefined;
  }
}
