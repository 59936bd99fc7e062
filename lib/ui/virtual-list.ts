/**
 * A list that renders only the rows in view (plus a margin), so that 10,000 events scroll as smoothly as
 * ten: rows have a known height per kind, their offsets are prefix sums, the first visible row is a binary
 * search. Rows are absolutely positioned inside a spacer as tall as the whole list.
 *
 * Keyboard: the list is an ARIA feed (https://www.w3.org/WAI/ARIA/apg/patterns/feed/): focusable rows are
 * articles with aria-posinset/aria-setsize, one of them in the tab order at a time (roving tabindex);
 * Arrow keys, Page Up/Down, Home and End move between them, rendering the target first when it is off-screen.
 */

export interface VirtualListOptions<T> {
  /** The scrolling element; the list fills it. */
  viewport: HTMLElement;
  key(item: T): string;
  height(item: T): number;
  /** Builds a row's content; called again only when the item object changes. */
  render(item: T): HTMLElement;
  /** Rows that take keyboard focus (the others, like day headings, are skipped). */
  focusable(item: T): boolean;
  /** Pixels rendered beyond each edge of the viewport. */
  overscan?: number;
  /** Heard after each render of the window: how many rows are in the DOM (for tests and benchmarks). */
  onRender?(rendered: number): void;
}

interface Rendered<T> {
  item: T;
  element: HTMLElement;
}

export class VirtualList<T> {
  private items: readonly T[] = [];
  private offsets = new Float64Array(1);
  private readonly spacer: HTMLElement;
  private readonly rendered = new Map<string, Rendered<T>>();
  private activeKey: string | undefined;
  private frame = 0;
  private readonly overscan: number;
  private focusableCount = 0;
  private positions = new Map<string, number>();

  constructor(private readonly options: VirtualListOptions<T>) {
    this.overscan = options.overscan ?? 400;
    const doc = options.viewport.ownerDocument;
    this.spacer = doc.createElement('div');
    this.spacer.className = 'vl-spacer';
    this.spacer.style.position = 'relative';
    this.spacer.setAttribute('role', 'feed');
    options.viewport.append(this.spacer);
    options.viewport.addEventListener('scroll', this.onScroll, { passive: true });
    this.spacer.addEventListener('keydown', this.onKeyDown);
    this.spacer.addEventListener('focusin', this.onFocusIn);
  }

  /** The feed element, to label it (aria-label / aria-busy). */
  get element(): HTMLElement {
    return this.spacer;
  }

  setItems(items: readonly T[]): void {
    this.items = items;
    const offsets = new Float64Array(items.length + 1);
    this.positions = new Map();
    let focusable = 0;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      offsets[i + 1] = offsets[i]! + this.options.height(item);
      if (this.options.focusable(item)) this.positions.set(this.options.key(item), ++focusable);
    }
    this.focusableCount = focusable;
    this.offsets = offsets;
    this.spacer.style.height = `${offsets[items.length]}px`;
    if (this.activeKey !== undefined && !this.positions.has(this.activeKey)) this.activeKey = undefined;
    this.renderWindow();
  }

  get length(): number {
    return this.items.length;
  }

  /** Index of the first row whose bottom edge is below `y`. */
  private indexAt(y: number): number {
    let low = 0;
    let high = this.items.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.offsets[mid + 1]! <= y) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private readonly onScroll = () => {
    if (this.frame) return;
    const view = this.options.viewport.ownerDocument.defaultView;
    if (!view) return this.renderWindow();
    this.frame = view.requestAnimationFrame(() => {
      this.frame = 0;
      this.renderWindow();
    });
  };

  /** Renders the rows in view; reuses the element of every row whose item did not change. */
  renderWindow(): void {
    const { viewport } = this.options;
    const top = viewport.scrollTop - this.overscan;
    // An unlaid-out viewport (hidden, or a test DOM) reports 0: render a screenful anyway.
    const bottom = viewport.scrollTop + (viewport.clientHeight || 800) + this.overscan;
    const first = this.indexAt(Math.max(0, top));
    const wanted = new Set<string>();
    for (let i = first; i < this.items.length && this.offsets[i]! < bottom; i++) wanted.add(this.options.key(this.items[i]!));
    if (this.activeKey !== undefined && this.spacer.contains(this.spacer.ownerDocument.activeElement)) wanted.add(this.activeKey);

    for (const [key, row] of this.rendered) {
      if (!wanted.has(key)) {
        row.element.remove();
        this.rendered.delete(key);
      }
    }
    const indexOf = new Map<string, number>();
    for (let i = first; i < this.items.length && this.offsets[i]! < bottom; i++) indexOf.set(this.options.key(this.items[i]!), i);
    if (this.activeKey !== undefined && wanted.has(this.activeKey) && !indexOf.has(this.activeKey)) {
      const i = this.items.findIndex((item) => this.options.key(item) === this.activeKey);
      if (i >= 0) indexOf.set(this.activeKey, i);
    }
    // DOM order is reading order for screen readers and Tab, whatever the absolute positions say: walk the
    // rows in index order and move only those out of place.
    const inOrder = [...indexOf].sort((a, b) => a[1] - b[1]);
    let previous: HTMLElement | undefined;
    for (const [key, i] of inOrder) {
      const item = this.items[i]!;
      let row = this.rendered.get(key);
      if (!row || row.item !== item) {
        const element = this.options.render(item);
        element.dataset.key = key;
        element.style.position = 'absolute';
        element.style.left = '0';
        element.style.right = '0';
        if (row) row.element.replaceWith(element);
        else this.spacer.append(element);
        row = { item, element };
        this.rendered.set(key, row);
      }
      const { element } = row;
      const expected = previous ? previous.nextElementSibling : this.spacer.firstElementChild;
      if (element !== expected) {
        const hadFocus = element.contains(element.ownerDocument.activeElement);
        this.spacer.insertBefore(element, previous ? previous.nextSibling : this.spacer.firstChild);
        if (hadFocus) element.focus({ preventScroll: true });
      }
      previous = element;
      element.style.top = `${this.offsets[i]}px`;
      element.style.height = `${this.offsets[i + 1]! - this.offsets[i]!}px`;
      const position = this.positions.get(key);
      if (position !== undefined) {
        element.setAttribute('aria-posinset', String(position));
        element.setAttribute('aria-setsize', String(this.focusableCount));
        element.tabIndex = key === this.currentActive() ? 0 : -1;
      }
    }
    this.options.onRender?.(this.rendered.size);
  }

  /** The row in the tab order: the last one focused, else the first focusable row. */
  private currentActive(): string | undefined {
    if (this.activeKey !== undefined) return this.activeKey;
    const first = this.items.find((item) => this.options.focusable(item));
    return first === undefined ? undefined : this.options.key(first);
  }

  private readonly onFocusIn = (event: FocusEvent) => {
    const row = (event.target as Element | null)?.closest?.<HTMLElement>('[data-key]');
    const key = row?.dataset.key;
    if (key === undefined || !this.positions.has(key) || key === this.activeKey) return;
    this.activeKey = key;
    for (const [k, r] of this.rendered) if (this.positions.has(k)) r.element.tabIndex = k === key ? 0 : -1;
  };

  private readonly onKeyDown = (event: KeyboardEvent) => {
    const row = (event.target as HTMLElement).closest?.<HTMLElement>('[data-key]');
    // Keys typed into a control inside a row (a checkbox, a link) are the control's, except the arrows.
    if (!row || (event.target !== row && !['ArrowDown', 'ArrowUp'].includes(event.key))) return;
    const from = this.items.findIndex((item) => this.options.key(item) === row.dataset.key);
    if (from < 0) return;
    const page = Math.max(1, Math.floor((this.options.viewport.clientHeight || 400) / 100));
    const steps: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -Infinity, End: Infinity };
    const step = steps[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const target = this.focusableNear(from, step);
    if (target !== undefined) this.focusIndex(target);
  };

  /** The focusable row `step` focusable rows away from index `from` (clamped to the ends). */
  private focusableNear(from: number, step: number): number | undefined {
    const direction = step > 0 ? 1 : -1;
    let remaining = Math.abs(step);
    let found: number | undefined;
    if (!Number.isFinite(step)) {
      const order = direction > 0 ? [...this.items.keys()].reverse() : [...this.items.keys()];
      return order.find((i) => this.options.focusable(this.items[i]!));
    }
    for (let i = from + direction; i >= 0 && i < this.items.length && remaining > 0; i += direction) {
      if (!this.options.focusable(this.items[i]!)) continue;
      found = i;
      remaining--;
    }
    return found;
  }

  /** Scrolls a row into view, renders it, and focuses it. */
  focusIndex(index: number): void {
    const item = this.items[index];
    if (item === undefined) return;
    this.scrollToIndex(index);
    this.activeKey = this.options.key(item);
    this.renderWindow();
    this.rendered.get(this.activeKey)?.element.focus({ preventScroll: true });
  }

  focusKey(key: string): boolean {
    const index = this.items.findIndex((item) => this.options.key(item) === key);
    if (index < 0) return false;
    this.focusIndex(index);
    return true;
  }

  /** Brings a row into the viewport (the least scrolling that shows it whole). */
  scrollToIndex(index: number): void {
    const { viewport } = this.options;
    const top = this.offsets[index] ?? 0;
    const bottom = this.offsets[index + 1] ?? top;
    const height = viewport.clientHeight || 800;
    if (top < viewport.scrollTop) viewport.scrollTop = top;
    else if (bottom > viewport.scrollTop + height) viewport.scrollTop = bottom - height;
    this.renderWindow();
  }

  scrollToKey(key: string): boolean {
    const index = this.items.findIndex((item) => this.options.key(item) === key);
    if (index < 0) return false;
    this.scrollToIndex(index);
    return true;
  }

  /** The rendered element of a row, if it is in the DOM now. */
  elementOf(key: string): HTMLElement | undefined {
    return this.rendered.get(key)?.element;
  }

  destroy(): void {
    this.options.viewport.removeEventListener('scroll', this.onScroll);
    const view = this.options.viewport.ownerDocument.defaultView;
    if (this.frame && view) view.cancelAnimationFrame(this.frame);
    this.spacer.remove();
    this.rendered.clear();
  }
}
