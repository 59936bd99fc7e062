import type { ClipEdit, ClipRecord } from '../extraction/types';
import type { BackgroundCalls, ClipChange, PageEvents } from '../messaging/protocol';
import browser from 'webextension-polyfill';
import type { Entity } from '../kb/types';
import { callBackground, handle } from '../messaging/rpc';
import { getWatchlist, toKbEntities } from '../settings/watchlist';

type Answer<K extends keyof BackgroundCalls> = Promise<BackgroundCalls[K]['response']>;

/** What the timeline view needs from the worker: the typed messages, and the change broadcasts. */
export interface TimelineSources {
  list(afterDay: string | undefined, limit: number): Answer<'clips/list'>;
  delete(ids: string[]): Answer<'clips/delete'>;
  restore(records: ClipRecord[]): Answer<'clips/restore'>;
  edit(ids: string[], changes: ClipEdit): Answer<'clips/edit'>;
  regroup(ids: string[], mode: 'merge' | 'split'): Answer<'clips/regroup'>;
  import(records: unknown[]): Answer<'clips/import'>;
  /** Calls back on every change the worker broadcasts; returns the unsubscribe function. */
  subscribe(listener: (change: ClipChange) => void): () => void;
}

/** The sources of an extension page (popup, timeline tab): runtime messages to the background. */
export function extensionSources(): TimelineSources {
  return {
    list: (afterDay, limit) => callBackground('clips/list', { afterDay, limit }),
    delete: (ids) => callBackground('clips/delete', { ids }),
    restore: (records) => callBackground('clips/restore', { records }),
    edit: (ids, changes) => callBackground('clips/edit', { ids, changes }),
    regroup: (ids, mode) => callBackground('clips/regroup', { ids, mode }),
    import: (records) => callBackground('clips/import', { records }),
    subscribe: (listener) =>
      handle<PageEvents>({
        'clips/changed': (change) => {
          listener(change);
        },
      }),
  };
}

/** What the timeline of every extension page (popup, full view) is wired to. */
export function extensionTimeline(): {
  sources: TimelineSources;
  generator: string;
  readerEntities(): Promise<readonly Entity[]>;
} {
  return {
    sources: extensionSources(),
    generator: `Libya Lens ${browser.runtime.getManifest().version}`,
    readerEntities: () => getWatchlist().then(toKbEntities),
  };
}
