import { buildClip, checkCapture } from '../extraction/clip';
import type { ClipRecord } from '../extraction/types';
import type { BackgroundCalls, ClipError, ClipResult } from '../messaging/protocol';
import type { Handlers } from '../messaging/rpc';
import type { ClipStore } from '../storage/clip-store';
import { isStorageError } from '../storage/errors';
import type { Outbox } from '../storage/outbox';

function toClipError(error: unknown): ClipError {
  if (isStorageError(error)) return { code: error.code, message: error.message, retryable: error.retryable };
  return {
    code: 'unknown',
    message: `Libya Lens could not save the clip (${error instanceof Error ? error.message : String(error)}). Nothing was lost: try again.`,
    retryable: true,
  };
}

type TimelineCalls = Pick<BackgroundCalls, 'clip/save' | 'clip/anchors' | 'clips/count' | 'clips/import'>;

export interface TimelineServiceOptions {
  /** Whether a message comes from one of the extension's own pages (not a content script in a web page). */
  fromExtensionPage(sender: { url?: string; tab?: unknown }): boolean;
  /** Heard after every write, so that open views can refresh. */
  onChange?(): void;
  /** Where a clip the database refuses is kept aside (never dropped); flushed after the next good write. */
  outbox?: Outbox;
}

/** Moves kept-aside clips into the database; they stay in the outbox if it still refuses them. */
async function flushOutbox(store: ClipStore, options: TimelineServiceOptions): Promise<number> {
  if (!options.outbox) return 0;
  try {
    const moved = await options.outbox.flush((records) => store.saveMany(records));
    if (moved > 0) options.onChange?.();
    return moved;
  } catch {
    return 0;
  }
}

/**
 * The background's clip handlers: annotate what the content script captured, store it once, and answer
 * what the timeline holds. Every failure comes back as a reader-facing error, never as silence.
 */
export function timelineHandlers(store: ClipStore, options: TimelineServiceOptions): Handlers<TimelineCalls> {
  // Clips kept aside by an earlier failure are moved in when the worker first uses the database, not at
  // every wake-up: the worker also wakes for pages that never touch the timeline.
  let flushed = false;
  const flushOnce = () => {
    if (flushed) return;
    flushed = true;
    void flushOutbox(store, options);
  };
  return {
    async 'clip/save'(capture): Promise<ClipResult> {
      const problem = checkCapture(capture);
      if (problem) return { status: 'error', error: { code: 'invalid', message: problem, retryable: false } };
      let record: ClipRecord;
      try {
        record = buildClip(capture);
      } catch (error) {
        return { status: 'error', error: { ...toClipError(error), code: 'invalid', retryable: false } };
      }
      try {
        const outcome = await store.save(record);
        if (outcome.status === 'stored') options.onChange?.();
        flushed = true;
        void flushOutbox(store, options);
        return outcome;
      } catch (error) {
        const reported = toClipError(error);
        if (!options.outbox) return { status: 'error', error: reported };
        try {
          await options.outbox.put(record);
        } catch {
          return { status: 'error', error: reported };
        }
        return {
          status: 'error',
          error: {
            ...reported,
            message: `${reported.message} The clip is kept aside on this machine and joins your timeline as soon as storage allows.`,
            retryable: true,
            keptAside: true,
          },
        };
      }
    },

    async 'clip/anchors'({ urls }) {
      flushOnce();
      const seen = new Set<string>();
      const clips = [];
      for (const url of new Set(urls.filter((u) => typeof u === 'string' && u !== ''))) {
        for (const record of await store.byUrl(url)) {
          if (seen.has(record.id)) continue;
          seen.add(record.id);
          clips.push({ id: record.id, selectors: record.selectors });
        }
      }
      return { clips };
    },

    async 'clips/count'() {
      flushOnce();
      return { count: await store.count() };
    },

    async 'clips/import'({ records }, sender) {
      if (!options.fromExtensionPage(sender))
        return { error: { code: 'invalid', message: 'Only Libya Lens itself may import clips.', retryable: false } };
      try {
        const result = await store.saveMany(records);
        if (result.added > 0) options.onChange?.();
        return result;
      } catch (error) {
        return { error: toClipError(error) };
      }
    },
  };
}
