import type { Recognizer } from '../highlight/highlighter';
import { Matcher } from '../recognition/matcher';
import type { EntityInfo, TextMatch } from '../recognition/types';
import { getHiddenCategories, isMatchShown, watchHiddenCategories, type CategoryGroupId } from './categories';
import { getWatchlist, isWatchId, toKbEntities, watchEntityInfo, watchWatchlist, type WatchEntry } from './watchlist';

/** The reader's settings that change what a page highlights (the per-site switch is separate). */
export interface ReaderSettings {
  watchlist: readonly WatchEntry[];
  hidden: readonly CategoryGroupId[];
}

const overlaps = (a: TextMatch, b: TextMatch) => a.start < b.end && b.start < a.end;

/**
 * Knowledge-base and watchlist matches of one text, non-overlapping, left to right. Where they overlap
 * the longer span wins, as within the matcher ("Tripoli Revolutionaries Brigade" on the watchlist over
 * the KB's "Tripoli"); on the same length the knowledge base wins, so a watched alias that the KB
 * already knows never takes a curated name's hover card away.
 */
export function combineMatches(kb: readonly TextMatch[], watch: readonly TextMatch[]): TextMatch[] {
  if (watch.length === 0) return [...kb];
  if (kb.length === 0) return [...watch];
  const length = (m: TextMatch) => m.end - m.start;
  const candidates = [...kb.map((m) => ({ m, kb: true })), ...watch.map((m) => ({ m, kb: false }))];
  candidates.sort((a, b) => length(b.m) - length(a.m) || Number(b.kb) - Number(a.kb) || a.m.start - b.m.start);
  const kept: TextMatch[] = [];
  for (const { m } of candidates) if (!kept.some((k) => overlaps(k, m))) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
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
