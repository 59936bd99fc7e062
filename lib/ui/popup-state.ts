import type { ContentCalls, EntitySummary } from '../messaging/protocol';
import { normaliseHost } from '../settings/sites';

/** Everything the popup shows, as data. */
export type PopupState =
  | { status: 'loading' }
  /** No content script answered: browser pages, the web store, PDFs, or a tab opened before the install. */
  | { status: 'unavailable' }
  | {
      status: 'ready';
      /** Normalised ("www." stripped): the switch applies to the whole site. Empty for file: pages. */
      host: string;
      enabled: boolean;
      entities: EntitySummary[];
      /** The open-entity-list keyboard shortcut as the browser reports it, when it has one. */
      shortcut?: string;
    };

export interface PopupSources {
  pageState(tabId: number): Promise<ContentCalls['page/state']['response'] | undefined>;
  isSiteEnabled(host: string): Promise<boolean>;
  wait?(ms: number): Promise<void>;
}

/** `?tab=<id>` chooses the tab when the popup is opened as a page (tests, or a pinned tab). */
export function tabIdFromSearch(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tab');
  return raw !== null && /^\d+$/.test(raw) ? Number(raw) : undefined;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Asks the tab's content script what it found. A page still loading may not have its content script yet,
 * so a failure is retried after each of `retryDelays` before the popup says Libya Lens can't run there.
 * The switch reads storage (the one truth for it), the list what the content script found.
 */
export async function loadPopupState(
  tabId: number | undefined,
  sources: PopupSources,
  retryDelays: readonly number[] = [300],
): Promise<PopupState> {
  if (tabId === undefined) return { status: 'unavailable' };
  const wait = sources.wait ?? pause;
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await sources.pageState(tabId);
      if (response && typeof response.host === 'string' && Array.isArray(response.entities)) {
        const host = normaliseHost(response.host);
        const enabled = host ? await sources.isSiteEnabled(host) : response.enabled;
        return { status: 'ready', host, enabled, entities: response.entities };
      }
    } catch {
      // "Could not establish connection. Receiving end does not exist."
    }
    const delay = retryDelays[attempt];
    if (delay === undefined) return { status: 'unavailable' };
    await wait(delay);
  }
}
