import type { EntityKind } from '../kb/types';

/**
 * Painting through the CSS Custom Highlight API (https://drafts.csswg.org/css-highlight-api-1/): ranges
 * registered under a name are styled by `::highlight(name)` rules, and the page's DOM is never touched.
 * Behind a small adapter so that environments without the API (happy-dom, jsdom) still plan ranges.
 */

export const HIGHLIGHT_NAMES = {
  actor: 'libya-lens-actor',
  location: 'libya-lens-location',
  nerActor: 'libya-lens-ner-actor',
  nerLocation: 'libya-lens-ner-location',
  focus: 'libya-lens-focus',
} as const;

export type HighlightName = (typeof HIGHLIGHT_NAMES)[keyof typeof HIGHLIGHT_NAMES];

export const ALL_HIGHLIGHT_NAMES: readonly HighlightName[] = Object.values(HIGHLIGHT_NAMES);

/** Where highlights overlap, the higher priority paints on top: focus over knowledge base over NER. */
export const HIGHLIGHT_PRIORITY: Record<HighlightName, number> = {
  'libya-lens-focus': 2,
  'libya-lens-actor': 1,
  'libya-lens-location': 1,
  'libya-lens-ner-actor': 0,
  'libya-lens-ner-location': 0,
};

export function highlightNameFor(kind: EntityKind, source: 'kb' | 'ner'): HighlightName {
  if (source === 'ner') return kind === 'actor' ? HIGHLIGHT_NAMES.nerActor : HIGHLIGHT_NAMES.nerLocation;
  return kind === 'actor' ? HIGHLIGHT_NAMES.actor : HIGHLIGHT_NAMES.location;
}

export interface HighlightPainter {
  add(name: HighlightName, range: AbstractRange): void;
  delete(name: HighlightName, range: AbstractRange): void;
  clear(name: HighlightName): void;
  /** Removes our names from the registry. */
  dispose(): void;
}

/** Keeps ranges as data: the painter of tests and of browsers without the API. */
export class MemoryPainter implements HighlightPainter {
  readonly ranges = new Map<HighlightName, Set<AbstractRange>>(ALL_HIGHLIGHT_NAMES.map((n) => [n, new Set()]));

  add(name: HighlightName, range: AbstractRange): void {
    this.ranges.get(name)!.add(range);
  }

  delete(name: HighlightName, range: AbstractRange): void {
    this.ranges.get(name)!.delete(range);
  }

  clear(name: HighlightName): void {
    this.ranges.get(name)!.clear();
  }

  dispose(): void {
    for (const set of this.ranges.values()) set.clear();
  }

  get size(): number {
    let n = 0;
    for (const set of this.ranges.values()) n += set.size;
    return n;
  }
}

interface HighlightApi {
  registry: HighlightRegistry;
  Highlight: typeof Highlight;
}

function highlightApi(): HighlightApi | undefined {
  const scope = globalThis as { CSS?: { highlights?: HighlightRegistry }; Highlight?: typeof Highlight };
  const registry = scope.CSS?.highlights;
  return registry && typeof scope.Highlight === 'function' ? { registry, Highlight: scope.Highlight } : undefined;
}

/** One Highlight per name, registered once; ranges are added and deleted one by one (it is a set). */
export class CssHighlightPainter implements HighlightPainter {
  private readonly highlights = new Map<HighlightName, Highlight>();

  constructor(private readonly api: HighlightApi) {
    for (const name of ALL_HIGHLIGHT_NAMES) {
      const highlight = new api.Highlight();
      highlight.priority = HIGHLIGHT_PRIORITY[name];
      api.registry.set(name, highlight);
      this.highlights.set(name, highlight);
    }
  }

  add(name: HighlightName, range: AbstractRange): void {
    this.highlights.get(name)!.add(range);
  }

  delete(name: HighlightName, range: AbstractRange): void {
    this.highlights.get(name)!.delete(range);
  }

  clear(name: HighlightName): void {
    this.highlights.get(name)!.clear();
  }

  dispose(): void {
    for (const [name, highlight] of this.highlights) {
      highlight.clear();
      // Only our own object: another instance (an update's fresh content script) may own the name now.
      if (this.api.registry.get(name) === highlight) this.api.registry.delete(name);
    }
  }
}

/** The CSS Custom Highlight API when the browser has it, data otherwise. */
export function createPainter(): HighlightPainter {
  const api = highlightApi();
  return api ? new CssHighlightPainter(api) : new MemoryPainter();
}

/**
 * StaticRange, not Range: live ranges are updated by the browser on every DOM mutation of the document,
 * so each one we hold taxes the page's own work. Measured in headless Chromium with 4,000 ranges
 * registered: 20,000 `node.data` writes to an unrelated node took ~14 ms with no ranges or StaticRanges
 * and 1,000–1,600 ms with live Ranges; 5,000 insert/remove pairs ~300 ms against 1,300–1,800 ms. Static
 * ranges go stale when text changes, so the mutation observer drops a node's ranges synchronously (its
 * callback runs before the next paint), and the spec has the UA skip static ranges that became invalid
 * (https://drafts.csswg.org/css-highlight-api-1/#range-invalidation).
 * Environments without StaticRange (happy-dom) get a plain frozen object with the same fields.
 */
export function makeStaticRange(init: StaticRangeInit): AbstractRange {
  if (typeof StaticRange === 'function') return new StaticRange(init);
  return Object.freeze({
    startContainer: init.startContainer,
    startOffset: init.startOffset,
    endContainer: init.endContainer,
    endOffset: init.endOffset,
    collapsed: init.startContainer === init.endContainer && init.startOffset === init.endOffset,
  });
}

const sheets = new WeakMap<Document, CSSStyleSheet>();

/**
 * Document styles do not reach into shadow trees, so each open shadow root gets our `::highlight()`
 * rules through adoptedStyleSheets, appended after the page's own sheets. Firefox's content-script Xray
 * wrappers may refuse a sheet from our compartment; then that root simply stays unstyled.
 */
export function adoptHighlightStyles(root: ShadowRoot, css: string): boolean {
  try {
    const doc = root.ownerDocument;
    let sheet = sheets.get(doc);
    if (!sheet) {
      const Sheet = doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet;
      sheet = new Sheet();
      sheet.replaceSync(css);
      sheets.set(doc, sheet);
    }
    const before = [...root.adoptedStyleSheets];
    if (before.includes(sheet)) return true;
    try {
      root.adoptedStyleSheets.push(sheet);
      if (root.adoptedStyleSheets.includes(sheet)) return true;
    } catch {
      // Engines before the ObservableArray change expose a frozen array: assign a new one instead.
    }
    root.adoptedStyleSheets = [...before, sheet];
    return true;
  } catch {
    return false;
  }
}
