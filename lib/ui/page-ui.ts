import { initEntityList, type EntityList } from './entity-list';
import { initHoverCard, type HoverCardOptions } from './hover-card';
import { createUiHost, type UiHost } from './shadow-host';
import type { FocusableIndex } from './types';

export interface PageUi {
  /** Opens the entity list (the `open-entity-list` command): focus moves into it. */
  openList(): void;
  toggleList(): void;
  /** The shadow host, mounted now if it was not yet: other UI (the clip button) lives in it too. */
  host(): UiHost;
  dispose(): void;
}

/**
 * The reader-facing UI of one page: hover card and entity list in one shadow host. The host is only
 * added once the page has a mention (or the list is asked for), so pages without Libyan names are
 * left exactly as they were.
 */
export function initPageUi(
  index: FocusableIndex,
  ctx?: { onInvalidated(callback: () => void): unknown },
  options: { hoverCard?: HoverCardOptions } = {},
): PageUi {
  let mounted: { host: UiHost; list: EntityList; stopCard: () => void } | undefined;

  const mount = () => {
    if (!mounted) {
      const host = createUiHost();
      mounted = { host, stopCard: initHoverCard(index, host, options.hoverCard), list: initEntityList(index, host) };
    }
    return mounted;
  };

  // Mentions, not entities(): this runs on every change until the first name appears, and building the
  // entity summaries is work the page does not need yet.
  const hasMentions = () => index.hasMentions();
  const stopWatching = index.onChange(() => {
    if (!mounted && hasMentions()) mount();
  });
  if (hasMentions()) mount();

  const dispose = () => {
    stopWatching();
    if (!mounted) return;
    mounted.list.dispose();
    mounted.stopCard();
    mounted.host.dispose();
    mounted = undefined;
  };
  ctx?.onInvalidated(dispose);

  return {
    openList: () => mount().list.open(),
    toggleList: () => mount().list.toggle(),
    host: () => mount().host,
    dispose,
  };
}
