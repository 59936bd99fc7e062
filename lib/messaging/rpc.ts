import browser from 'webextension-polyfill';
import type { BackgroundCalls, CallMap, ContentCalls, Envelope, PageEvents } from './protocol';

export type Handlers<M extends CallMap<M>> = {
  [K in keyof M]?: (
    payload: M[K]['request'],
    sender: browser.Runtime.MessageSender,
  ) => Promise<M[K]['response']> | M[K]['response'];
};

function isEnvelope(message: unknown): message is { type: string; payload: unknown } {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string';
}

/**
 * Listens for the messages of one direction. Messages of other types are left for other listeners
 * (returning undefined tells the polyfill "not mine").
 */
export function handle<M extends CallMap<M>>(handlers: Handlers<M>): () => void {
  const listener = (message: unknown, sender: browser.Runtime.MessageSender) => {
    if (!isEnvelope(message)) return undefined;
    const handler = handlers[message.type as keyof M];
    if (!handler) return undefined;
    return Promise.resolve(handler(message.payload as M[keyof M]['request'], sender));
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Content script or popup → background. */
export function callBackground<K extends keyof BackgroundCalls>(
  type: K,
  payload: BackgroundCalls[K]['request'],
): Promise<BackgroundCalls[K]['response']> {
  const envelope: Envelope<BackgroundCalls, K> = { type, payload };
  return browser.runtime.sendMessage(envelope) as Promise<BackgroundCalls[K]['response']>;
}

/** Background or popup → the content script of one tab (top frame unless frameId is given). */
export function callTab<K extends keyof ContentCalls>(
  tabId: number,
  type: K,
  payload: ContentCalls[K]['request'],
  frameId = 0,
): Promise<ContentCalls[K]['response']> {
  const envelope: Envelope<ContentCalls, K> = { type, payload };
  return browser.tabs.sendMessage(tabId, envelope, { frameId }) as Promise<ContentCalls[K]['response']>;
}

/**
 * Background → every open extension page (popup, timeline tab, options). Content scripts never receive
 * runtime.sendMessage, and with no page open Chrome rejects with "Receiving end does not exist": nobody
 * listening is not an error here.
 */
export function broadcast<K extends keyof PageEvents>(type: K, payload: PageEvents[K]['request']): Promise<void> {
  const envelope: Envelope<PageEvents, K> = { type, payload };
  return browser.runtime.sendMessage(envelope).then(
    () => undefined,
    () => undefined,
  );
}
