import type { PageFacts } from '../extraction/metadata';
import type { ClipEdit, ClipMethod, ClipRecord, IsoDay, Selector } from '../extraction/types';
import type { EntityInfo, TextMatch } from '../recognition/types';

/**
 * The one message protocol of the extension, typed per direction (after the Hypothesis client's
 * port-rpc-calls.d.ts): each interface maps a message type to its request and its response.
 */

/** A name found by the NER layer in one text: offsets into that text, and what it is. */
export interface NerSpan {
  start: number;
  end: number;
  name: string;
  kind: TextMatch['kind'];
  /** compromise's reading: person, organization or place. */
  category: 'person' | 'organization' | 'place';
}

/** One entity as seen on a page: what it is and how often it is mentioned. */
export interface EntitySummary {
  entity: EntityInfo;
  count: number;
}

/**
 * What the content script captures when the reader clips: the passage, where it sits, and the page's raw
 * metadata. The background annotates it (lib/extraction) and stores the record; the content script stays
 * free of the extraction code, and one place decides what a record is.
 */
export interface ClipCapture {
  /** The paragraph, as the page text reads it. */
  paragraph: string;
  /** The part the reader selected, when the clip came from a selection. */
  selection?: string;
  /** Anchors of the clipped passage (the selection, else the paragraph) in the page text. */
  selectors: Selector[];
  facts: PageFacts;
  method: ClipMethod;
  /** ISO timestamp, and the reader's calendar day, at the moment of the clip. */
  clippedAt: string;
  clipDay: IsoDay;
}

/** Why a clip could not be stored, in words for the reader; `retryable` when trying again may work. */
export interface ClipError {
  code: 'quota' | 'closed' | 'version' | 'blocked' | 'unknown' | 'invalid';
  message: string;
  retryable: boolean;
  /** The database refused the clip, but it is kept aside and will join the timeline once storage allows. */
  keptAside?: boolean;
}

export type ClipResult =
  | { status: 'stored'; record: ClipRecord }
  /** The same passage of the same article is already on the timeline: nothing was written. */
  | { status: 'duplicate'; record: ClipRecord }
  | { status: 'error'; error: ClipError };

/** What the content script needs to find an earlier clip on the page again. */
export interface ClipAnchor {
  id: string;
  selectors: Selector[];
}

/** Content script (or popup) → background worker. */
export interface BackgroundCalls {
  /** Run the general NER layer over texts; the KB already covers what it knows, so only new names come back. */
  'ner/find': { request: { texts: string[] }; response: { spans: NerSpan[][] } };
  /** Annotate a captured passage and store it on the timeline (once: a second clip is a duplicate). */
  'clip/save': { request: ClipCapture; response: ClipResult };
  /** The clips already taken from an article (by its normalised URL), to mark them again on return. */
  'clip/anchors': { request: { urls: string[] }; response: { clips: ClipAnchor[] } };
  /** How many clips the timeline holds (the popup's summary). */
  'clips/count': { request: Record<string, never>; response: { count: number } };
  /**
   * The timeline in timeline order (event day, then clip time), a page at a time: whole event days after
   * `afterDay`, about `limit` clips; `next` is the `afterDay` of the following page, absent at the end. The
   * popup paints the first page while the rest streams in. Extension pages only.
   */
  'clips/list': {
    request: { afterDay?: IsoDay; limit?: number };
    response: { clips: ClipRecord[]; next?: IsoDay } | { error: ClipError };
  };
  /** Deletes clips; answers with the deleted records, so the reader can undo. Extension pages only. */
  'clips/delete': { request: { ids: string[] }; response: { deleted: ClipRecord[] } | { error: ClipError } };
  /** Puts deleted records back exactly as they were (undo of a delete). Extension pages only. */
  'clips/restore': { request: { records: ClipRecord[] }; response: { restored: number } | { error: ClipError } };
  /**
   * The reader's correction of an event, applied to each of its clips in one transaction (all or none);
   * kept and marked as the reader's. Extension pages only.
   */
  'clips/edit': {
    request: { ids: string[]; changes: ClipEdit };
    response: { records: ClipRecord[] } | { error: ClipError };
  };
  /**
   * The reader merges clips into one event, or splits them into an event each (sets `eventGroup`).
   * Extension pages only.
   */
  'clips/regroup': {
    request: { ids: string[]; mode: 'merge' | 'split' };
    response: { records: ClipRecord[] } | { error: ClipError };
  };
  /**
   * Restores a backup: every record is validated again here (lib/export/backup.ts), and if any is bad
   * nothing is written. Merges by id: new ids are added, a newer copy of a stored clip updates it, the rest
   * are skipped. Extension pages only: a web page's content script must not write arbitrary records.
   */
  'clips/import': {
    request: { records: unknown[] };
    response: ImportReport | { error: ClipError };
  };
}

/** What an import did, per record. */
export interface ImportReport {
  added: number;
  /** Stored clips replaced by a copy edited later (newer `updatedAt`). */
  updated: number;
  /** Already stored, as new or newer. */
  skipped: number;
}

/** A change to the timeline, as open views need it to update without reading everything again. */
export type ClipChange =
  /** New or changed records: replace by id. */
  | { kind: 'stored'; records: ClipRecord[] }
  | { kind: 'deleted'; ids: string[] };

/**
 * Background worker → the extension's own pages (popup, timeline tab, options): broadcasts through
 * runtime.sendMessage, which content scripts do not receive. Nobody need answer.
 */
export interface PageEvents {
  'clips/changed': { request: ClipChange; response: void };
}

/** Background worker or popup → content script of a tab. */
export interface ContentCalls {
  /** What the popup shows for the current tab. */
  'page/state': {
    request: Record<string, never>;
    response: { host: string; enabled: boolean; entities: EntitySummary[] };
  };
  /** Open the keyboard-reachable list of entities on the page (the `open-entity-list` command). */
  'ui/open-entity-list': { request: Record<string, never>; response: { opened: boolean } };
  /**
   * Clip what the reader points at (the context-menu item and the `clip-selection` command): the
   * selection, else the paragraph that has focus or the pointer. `nothing` when there is neither.
   */
  'ui/clip': {
    request: { method: 'context-menu' | 'keyboard' };
    response: { status: ClipResult['status'] | 'nothing' };
  };
}

/** Any map of message types to their request and response (interfaces have no index signature). */
export type CallMap<M> = { [K in keyof M]: { request: unknown; response: unknown } };

/** The envelope every message travels in. */
export interface Envelope<M extends CallMap<M>, K extends keyof M = keyof M> {
  type: K;
  payload: M[K]['request'];
}
