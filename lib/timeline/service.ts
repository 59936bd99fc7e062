import { validateClips } from '../export/backup';
import { buildClip, checkCapture } from '../extraction/clip';
import type { ClipRecord } from '../extraction/types';
import type { BackgroundCalls, ClipChange, ClipError, ClipResult } from '../messaging/protocol';
import type { Handlers } from '../messaging/rpc';
import type { ClipStore } from '../storage/clip-store';
import { isStorageError } from '../storage/errors';
import type { Outbox } from '../storage/outbox';
import { applyEdit, readEdit, regroup } from './edits';

function toClipError(error: unknown): ClipError {
  if (isStorageError(error)) return { code: error.code, message: error.message, retryable: error.retryable };
  return {
    code: 'unknown',
    message: `Libya Lens could not save the clip (${error instanceof Error ? error.message : String(error)}). Nothing was lost: try again.`,
    retryable: true,
  };
}

const invalid = (message: string): { error: ClipError } => ({ error: { code: 'invalid', message, retryable: false } });
const NOT_OURS = invalid('Only Libya Lens itself may change the timeline.');

/** The most a page of clips/list holds: one message of a few megabytes, well under the browsers' limits. */
export const MAX_PAGE = 2_500;
const DEFAULT_PAGE = 200;
/** The most clips one delete or regroup names (a whole timeline, at most). */
const MAX_IDS = 100_000;

type TimelineCalls = Pick<
  BackgroundCalls,
  | 'clip/save'
  | 'clip/anchors'
  | 'clips/count'
  | 'clips/list'
  | 'clips/delete'
  | 'clips/restore'
  | 'clips/edit'
  | 'clips/regroup'
  | 'clips/import'
>;

export interface TimelineServiceOptions {
  /** Whether a message comes from one of the extension's own pages (not a content script in a web page). */
  fromExtensionPage(sender: { url?: string; tab?: unknown }): boolean;
  /** Heard after every committed write, with what changed, so that open views update without reading all. */
  onChange?(change: ClipChange): void;
  /** Where a clip the database refuses is kept aside (never dropped); flushed after the next good write. */
  outbox?: Outbox;
  /** Awaited before a capture is annotated: the reader's watchlist must be loaded when the worker has just woken. */
  prepare?(): Promise<void>;
  /** The clock for the reader's edits and for refusing imported timestamps from the future. */
  now?: () => Date;
}

/** A list of clip ids as sent by a page; undefined when it is not one. */
function idList(value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length > MAX_IDS) return undefined;
  return value.every((id): id is string => typeof id === 'string' && id !== '' && id.length <= 200) ? value : undefined;
}

/** Moves kept-aside clips into the database; they stay in the outbox if it still refuses them. */
async function flushOutbox(store: ClipStore, options: TimelineServiceOptions): Promise<number> {
  if (!options.outbox) return 0;
  try {
    let stored: ClipRecord[] = [];
    const moved = await options.outbox.flush(async (records) => {
      stored = await store.saveNew(records);
    });
    if (stored.length > 0) options.onChange?.({ kind: 'stored', records: stored });
    return moved;
  } catch {
    return 0;
  }
}

/**
 * The background's clip handlers: annotate what the content script captured, store it once, answer what
 * the timeline holds, and carry out the reader's changes. Every failure comes back as a reader-facing
 * error, never as silence. Only `clip/save` and the reads a content script needs (`clip/anchors`,
 * `clips/count`) are open to web pages' content scripts; listing and every other write are for the
 * extension's own pages, since a content script runs inside pages that may tamper with it.
 */
export function timelineHandlers(store: ClipStore, options: TimelineServiceOptions): Handlers<TimelineCalls> {
  const now = options.now ?? (() => new Date());
  const changed = (change: ClipChange) => {
    const empty = change.kind === 'stored' ? change.records.length === 0 : change.ids.length === 0;
    if (!empty) options.onChange?.(change);
  };
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
        await options.prepare?.();
        record = buildClip(capture);
      } catch (error) {
        return { status: 'error', error: { ...toClipError(error), code: 'invalid', retryable: false } };
      }
      try {
        const outcome = await store.save(record);
        if (outcome.status === 'stored') changed({ kind: 'stored', records: [outcome.record] });
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

    async 'clips/list'(request, sender) {
      if (!options.fromExtensionPage(sender)) return invalid('Only Libya Lens itself may read the whole timeline.');
      flushOnce();
      const after = typeof request?.afterDay === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(request.afterDay) ? request.afterDay : undefined;
      const asked = typeof request?.limit === 'number' && request.limit >= 1 ? Math.floor(request.limit) : DEFAULT_PAGE;
      try {
        return await store.list(after, Math.min(asked, MAX_PAGE));
      } catch (error) {
        return { error: toClipError(error) };
      }
    },

    async 'clips/delete'(request, sender) {
      if (!options.fromExtensionPage(sender)) return NOT_OURS;
      const ids = idList(request?.ids);
      if (!ids) return invalid('The clips to delete could not be read.');
      try {
        const deleted = await store.deleteMany(ids);
        changed({ kind: 'deleted', ids: deleted.map((r) => r.id) });
        return { deleted };
      } catch (error) {
        return { error: toClipError(error) };
      }
    },

    async 'clips/restore'(request, sender) {
      if (!options.fromExtensionPage(sender)) return NOT_OURS;
      const checked = validateClips(request?.records, { now: now() });
      if (!checked.ok) return invalid(checked.error);
      try {
        const restored = await store.restore(checked.clips);
        changed({ kind: 'stored', records: checked.clips });
        return { restored };
      } catch (error) {
        return { error: toClipError(error) };
      }
    },

    async 'clips/edit'(request, sender) {
      if (!options.fromExtensionPage(sender)) return NOT_OURS;
      const ids = idList(request?.ids);
      if (!ids || ids.length === 0) return invalid('The clips to correct could not be read.');
      const read = readEdit(request.changes);
      if (!read.ok) return invalid(read.error);
      try {
        const at = now();
        const records = await store.updateMany(ids, (current) => current.map((record) => applyEdit(record, read.edit, at)));
        if (!records)
          return invalid(
            ids.length === 1 ? 'That clip is no longer on the timeline.' : 'Some of these clips are no longer on the timeline, so nothing was corrected.',
          );
        changed({ kind: 'stored', records });
        return { records };
      } catch (error) {
        return { error: toClipError(error) };
      }
    },

    async 'clips/regroup'(request, sender) {
      if (!options.fromExtensionPage(sender)) return NOT_OURS;
      const ids = idList(request?.ids);
      const mode = request?.mode;
      if (!ids || (mode !== 'merge' && mode !== 'split')) return invalid('The clips to regroup could not be read.');
      const unique = [...new Set(ids)];
      if (mode === 'merge' && unique.length < 2) return invalid('Choose at least two clips to merge into one event.');
      if (unique.length === 0) return invalid('Choose the clips to split.');
      try {
        const records = await store.updateMany(unique, (current) => regroup(current, mode));
        if (!records) return invalid('Some of these clips are no longer on the timeline, so nothing was regrouped.');
        changed({ kind: 'stored', records });
        return { records };
      } catch (error) {
        return { error: toClipError(error) };
      }
    },

    async 'clips/import'(request, sender) {
      if (!options.fromExtensionPage(sender)) return invalid('Only Libya Lens itself may import clips.');
      const checked = validateClips(request?.records, { now: now() });
      if (!checked.ok) return invalid(checked.error);
      try {
        const { records, ...report } = await store.merge(checked.clips);
        changed({ kind: 'stored', records });
        return report;
      } catch (error) {
        return { error: toClipError(error) };
      }
    },
  };
}
