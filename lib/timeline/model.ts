import type { ClipRecord } from '../extraction/types';
import type { ClipChange } from '../messaging/protocol';
import { compareClips } from '../storage/clip-store';
import { groupEvents } from './group';
import type { TimelineEvent } from './types';

/**
 * The timeline as an open view holds it: the clips by id, kept current by the worker's `clips/changed`
 * broadcasts, and the events grouped from them. Grouping runs again only after a change, not per read.
 */
export class TimelineModel {
  private readonly clips = new Map<string, ClipRecord>();
  private grouped: TimelineEvent[] | undefined;
  private sortedClips: ClipRecord[] | undefined;
  /** Bumped by every change: views compare it to know whether to redraw. */
  revision = 0;

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

  get(id: string): ClipRecord | undefined {
    return this.clips.get(id);
  }

  /** Every clip, in timeline order. */
  all(): ClipRecord[] {
    this.sortedClips ??= [...this.clips.values()].sort(compareClips);
    return this.sortedClips;
  }

  events(): TimelineEvent[] {
    this.grouped ??= groupEvents(this.all());
    return this.grouped;
  }

  private changed(): void {
    this.grouped = undefined;
    this.sortedClips = undefined;
    this.revision++;
  }
}
