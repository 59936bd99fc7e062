import { anchorSelectors, describeRange } from '../extraction/anchors';
import { normaliseUrl } from '../extraction/clip-id';
import { readArticleMeta } from '../extraction/metadata';
import type { ClipMethod } from '../extraction/types';
import type { ClipAnchor, ClipCapture, ClipResult } from '../messaging/protocol';
import type { ClipMarks } from '../ui/clip-marks';
import type { ClipOutcome, ClipTarget } from '../ui/clip-ui';
import { scrollRangeIntoView } from '../highlight/scroll';
import { clipIdFromHash } from '../timeline/links';
import { collectPageFacts, collectUrlFacts } from './page-facts';
import { localDay } from './paragraphs';

/** The page's text as one string, with the way back and forth between offsets and DOM ranges. */
export interface TextIndex {
  readonly text: string;
  offsetsOf(range: AbstractRange): { start: number; end: number } | null;
  rangeOf(start: number, end: number): Range | null;
}

export interface ClipperOptions {
  /** Reads the page text afresh (the page may have changed since the last clip). */
  readText(): TextIndex;
  save(capture: ClipCapture): Promise<ClipResult>;
  anchors(urls: string[]): Promise<ClipAnchor[]>;
  marks: ClipMarks;
  doc?: Document;
  now?: () => Date;
  /** Brings a passage into view: the one the timeline's link names, once it is found again. */
  reveal?(range: Range): void;
}

/** When the background worker cannot be reached at all (extension updated under the page, worker crashed). */
const UNREACHABLE: ClipResult = {
  status: 'error',
  error: {
    code: 'unknown',
    message: 'Libya Lens could not reach its background worker, so the clip was not saved. Try again; reload the page if it keeps failing.',
    retryable: true,
  },
};

/**
 * The content-script side of clipping: captures a paragraph (or a selection in it) with its anchors and the
 * page's metadata, hands it to the background, and keeps the "clipped" markers — including those of clips
 * made on an earlier visit, re-anchored from their stored selectors.
 */
export class Clipper {
  private readonly doc: Document;
  private readonly now: () => Date;
  /** Clips of this article not found on the page yet: a late paragraph may still bring them. */
  private pending: ClipAnchor[] = [];
  /** The clip the reader came from the timeline to see (`#libya-lens-clip=<id>`), until it is shown. */
  private wanted: string | undefined;

  constructor(private readonly options: ClipperOptions) {
    this.doc = options.doc ?? document;
    this.now = options.now ?? (() => new Date());
    this.wanted = clipIdFromHash(this.doc.location?.hash ?? '');
  }

  capture(target: ClipTarget, method: ClipMethod, index = this.options.readText()): { capture: ClipCapture; range: Range } | undefined {
    const paragraphRange = this.doc.createRange();
    paragraphRange.selectNodeContents(target.block);
    const paragraph = index.offsetsOf(paragraphRange);
    if (!paragraph || paragraph.end <= paragraph.start) return undefined;
    let passage = paragraph;
    let selection: string | undefined;
    if (target.selection && !target.selection.collapsed) {
      const selected = index.offsetsOf(target.selection);
      if (selected && selected.end > selected.start && index.text.slice(selected.start, selected.end).trim()) {
        passage = selected;
        selection = index.text.slice(selected.start, selected.end);
      }
    }
    const range = index.rangeOf(passage.start, passage.end) ?? paragraphRange;
    const clippedAt = this.now();
    return {
      range,
      capture: {
        paragraph: index.text.slice(paragraph.start, paragraph.end),
        ...(selection !== undefined ? { selection } : {}),
        selectors: describeRange(index.text, passage.start, passage.end),
        facts: collectPageFacts(this.doc),
        method,
        clippedAt: clippedAt.toISOString(),
        clipDay: localDay(clippedAt),
      },
    };
  }

  async clip(target: ClipTarget, method: ClipMethod): Promise<ClipOutcome> {
    const started = performance.now();
    const captured = this.capture(target, method);
    performance.measure('libya-lens:clip:capture', { start: started, end: performance.now() });
    if (!captured) return { status: 'nothing' };
    let result: ClipResult;
    try {
      result = (await this.options.save(captured.capture)) ?? UNREACHABLE;
    } catch {
      result = UNREACHABLE;
    }
    // Click to stored record, as the reader waits for it (npm run bench reports these).
    performance.measure('libya-lens:clip', { start: started, end: performance.now(), detail: result.status });
    if (result.status !== 'error') this.options.marks.add(result.record.id, captured.range);
    return result;
  }

  /** The article's URLs as the background files clips under them: canonical and as opened. */
  urls(): string[] {
    const meta = readArticleMeta(collectUrlFacts(this.doc));
    return [...new Set([normaliseUrl(meta.url), normaliseUrl(this.doc.location?.href ?? meta.pageUrl)])];
  }

  /** Asks for this article's earlier clips and marks those found; returns how many were marked. */
  async restoreMarks(): Promise<number> {
    let anchors: ClipAnchor[];
    try {
      anchors = await this.options.anchors(this.urls());
    } catch {
      return 0;
    }
    this.pending = anchors.filter((anchor) => !this.options.marks.has(anchor.id));
    return this.retryPending();
  }

  /** Tries the clips not found yet again (after the page has changed); returns how many were marked now. */
  retryPending(): number {
    if (this.pending.length === 0) return 0;
    const index = this.options.readText();
    const still: ClipAnchor[] = [];
    let marked = 0;
    for (const anchor of this.pending) {
      const found = anchorSelectors(index.text, anchor.selectors);
      const range = found && index.rangeOf(found.start, found.end);
      if (range) {
        this.options.marks.add(anchor.id, range);
        marked++;
        if (anchor.id === this.wanted) {
          this.wanted = undefined;
          (this.options.reveal ?? ((r: Range) => scrollRangeIntoView(this.doc, r)))(range);
        }
      } else still.push(anchor);
    }
    this.pending = still;
    return marked;
  }

  get unanchored(): number {
    return this.pending.length;
  }

  /**
   * Marks earlier clips again once the page has Libyan names (the clip button is only offered there, and
   * asking the worker from every frame of every site would be waste), at idle
   * time so that the first highlight pass goes first, then keeps trying for late paragraphs. Returns the stop.
   */
  restoreWhenNamed(page: { hasMentions(): boolean; onChange(listener: () => void): () => void }): () => void {
    let stopped = false;
    let stopRetrying = () => {};
    let cancelIdle: (() => void) | undefined;
    const restore = () => {
      void this.restoreMarks().then(() => {
        if (!stopped) stopRetrying = this.retryOnChanges();
      });
    };
    const schedule = () => {
      if (cancelIdle || stopped) return;
      const win = this.doc.defaultView;
      if (win?.requestIdleCallback) {
        const id = win.requestIdleCallback(restore, { timeout: 3000 });
        cancelIdle = () => win.cancelIdleCallback(id);
      } else {
        const id = setTimeout(restore, 500);
        cancelIdle = () => clearTimeout(id);
      }
    };
    let stopWatching = () => {};
    if (page.hasMentions()) schedule();
    else
      stopWatching = page.onChange(() => {
        if (!page.hasMentions()) return;
        stopWatching();
        schedule();
      });
    return () => {
      stopped = true;
      stopWatching();
      stopRetrying();
      cancelIdle?.();
    };
  }

  /**
   * Re-tries the clips not found yet whenever the page changes (late paragraphs, live blogs, lazy
   * sections), at most once per `everyMs`, until all are found or `forMs` has passed. Returns the stop.
   */
  retryOnChanges({ everyMs = 1000, forMs = 120_000 } = {}): () => void {
    const root = this.doc.body ?? this.doc.documentElement;
    if (this.pending.length === 0 || !root) return () => {};
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver(() => {
      timer ??= setTimeout(() => {
        timer = undefined;
        this.retryPending();
        if (this.pending.length === 0) stop();
      }, everyMs);
    });
    const deadline = setTimeout(() => stop(), forMs);
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
      clearTimeout(deadline);
    };
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return stop;
  }
}
