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

/** Content script (or popup) → background worker. */
export interface BackgroundCalls {
  /** Run the general NER layer over texts; the KB already covers what it knows, so only new names come back. */
  'ner/find': { request: { texts: string[] }; response: { spans: NerSpan[][] } };
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
}

/** Any map of message types to their request and response (interfaces have no index signature). */
export type CallMap<M> = { [K in keyof M]: { request: unknown; response: unknown } };

/** The envelope every message travels in. */
export interface Envelope<M extends CallMap<M>, K extends keyof M = keyof M> {
  type: K;
  payload: M[K]['request'];
}
