import type { Recognizer } from '../highlight/highlighter';
import { combineMatches } from '../recognition/combine';
import { Matcher } from '../recognition/matcher';
import type { EntityInfo, TextMatch } from '../recognition/types';
export { combineMatches };
import { getHiddenCategories, isMatchShown, watchHiddenCategories, type CategoryGroupId } from './categories';
import { getWatchlist, isWatchId, toKbEntities, watchEntityInfo, watchWatchlist, type WatchEntry } from './watchlist';

/** The reader's settings that change what a page highlights (the per-site switch is separate). */
export interface ReaderSettings {
  watchlist: readonly WatchEntry[];
  hidden: readonly CategoryGroupId[];
}

/**
 * The recognizer the content script hands the highlighter: the knowledge base, plus a small matcher over
 * the reader's watchlist, minus the category groups the reader hid. `update()` swaps the settings; the
 * caller repaints (the highlighter caches matches per text until it is restarted).
 */
export class ReaderRecognizer implements Recognizer {
  private watchMatcher: Matcher | undefined;
  private watched = new Map<string, WatchEntry>();
  private hidden: ReadonlySet<CategoryGroupId> = new Set();
  /** Knowledge-base entities by id for the filter, which asks for every match (getEntityInfo builds anew). */
  private readonly kbInfos = new Map<string, EntityInfo | undefined>();

  constructor(
    private readonly kb: Recognizer,
    settings: Partial<ReaderSettings> = {},
  ) {
    this.update(settings);
  }

  update(settings: Partial<ReaderSettings>): void {
    if (settings.watchlist) {
      this.watched = new Map(settings.watchlist.map((entry) => [entry.id, entry]));
      this.watchMatcher = settings.watchlist.length ? new Matcher({ entities: toKbEntities(settings.watchlist) }) : undefined;
    }
    if (settings.hidden) this.hidden = new Set(settings.hidden);
  }

  /** Whether the general NER layer's finds ("New names") are wanted at all. */
  get nerShown(): boolean {
    return !this.hidden.has('new');
  }

  private shown = (match: TextMatch): boolean => isMatchShown(match, this.infoForFilter(match.entityId), this.hidden);

  find(text: string): TextMatch[] {
    let kb = this.kb.find(text);
    let watch = this.watchMatcher?.find(text) ?? [];
    // With nothing hidden the matches pass through untouched: no lookups on the page's hot path.
    if (this.hidden.size) {
      kb = kb.filter(this.shown);
      watch = watch.filter(this.shown);
    }
    return combineMatches(kb, watch);
  }

  info(id: string): EntityInfo | undefined {
    if (isWatchId(id)) {
      const entry = this.watched.get(id);
      return entry && watchEntityInfo(entry);
    }
    return this.kb.info(id);
  }

  private infoForFilter(id: string): EntityInfo | undefined {
    if (isWatchId(id)) return undefined;
    if (!this.kbInfos.has(id)) this.kbInfos.set(id, this.kb.info(id));
    return this.kbInfos.get(id);
  }
}

export async function loadReaderSettings(): Promise<ReaderSettings> {
  const [watchlist, hidden] = await Promise.all([getWatchlist(), getHiddenCategories()]);
  return { watchlist, hidden };
}

/** Calls `callback` with what changed whenever the watchlist or the hidden groups change. */
export function watchReaderSettings(callback: (change: Partial<ReaderSettings>) => void): () => void {
  const stops = [watchWatchlist((watchlist) => callback({ watchlist })), watchHiddenCategories((hidden) => callback({ hidden }))];
  return () => stops.forEach((stop) => stop());
}
