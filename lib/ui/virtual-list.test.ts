// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { VirtualList } from './virtual-list';

type Row = { kind: 'day'; key: string } | { kind: 'event'; key: string; n: number };

function rows(days: number, perDay: number): Row[] {
  const out: Row[] = [];
  let n = 0;
  for (let d = 0; d < days; d++) {
    out.push({ kind: 'day', key: `day-${d}` });
    for (let e = 0; e < perDay; e++) out.push({ kind: 'event', key: `ev-${d}-${e}`, n: n++ });
  }
  return out;
}

let viewport: HTMLElement;
let renders: number;

function makeList(items: Row[]) {
  const list = new VirtualList<Row>({
    viewport,
    key: (row) => row.key,
    height: (row) => (row.kind === 'day' ? 30 : 100),
    focusable: (row) => row.kind === 'event',
    render: (row) => {
      renders++;
      const el = document.createElement('div');
      el.textContent = row.key;
      if (row.kind === 'event') el.setAttribute('role', 'article');
      return el;
    },
    overscan: 100,
  });
  list.setItems(items);
  return list;
}

const renderedKeys = () => [...viewport.querySelectorAll<HTMLElement>('[data-key]')].map((el) => el.dataset.key);

beforeEach(() => {
  document.body.replaceChildren();
  viewport = document.createElement('div');
  document.body.append(viewport);
  renders = 0;
});

describe('VirtualList', () => {
  it('puts only the rows in view into the DOM, with the full height on the spacer', () => {
    const items = rows(1000, 10); // 11,000 rows
    const list = makeList(items);
    const keys = renderedKeys();
    expect(keys.length).toBeGreaterThan(5);
    expect(keys.length).toBeLessThan(20);
    expect(keys[0]).toBe('day-0');
    expect(list.element.style.height).toBe(`${1000 * 30 + 10_000 * 100}px`);
    expect(list.element.getAttribute('role')).toBe('feed');
  });

  it('renders the rows at the new scroll position, reusing rows that stay', () => {
    const list = makeList(rows(1000, 10));
    viewport.scrollTop = 1030 * 50; // day 50
    list.renderWindow();
    expect(renderedKeys()).toContain('day-50');
    expect(renderedKeys()).not.toContain('day-0');
    const before = renders;
    viewport.scrollTop += 100;
    list.renderWindow();
    // One screen moved by one row: only the rows that came into view were built.
    expect(renders - before).toBeLessThanOrEqual(2);
  });

  it('positions rows by the prefix sums of their heights', () => {
    makeList(rows(3, 2));
    const ev = viewport.querySelector<HTMLElement>('[data-key="ev-1-0"]')!;
    // day-0 (30) + 2 events (200) + day-1 (30)
    expect(ev.style.top).toBe('260px');
    expect(ev.style.height).toBe('100px');
  });

  it('labels focusable rows with their position in the feed and keeps one in the tab order', () => {
    makeList(rows(3, 2));
    const articles = [...viewport.querySelectorAll<HTMLElement>('[role=article]')];
    expect(articles.map((a) => a.getAttribute('aria-posinset'))).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(articles.every((a) => a.getAttribute('aria-setsize') === '6')).toBe(true);
    expect(articles.filter((a) => a.tabIndex === 0)).toHaveLength(1);
    expect(viewport.querySelector<HTMLElement>('[data-key="day-0"]')!.hasAttribute('aria-posinset')).toBe(false);
  });

  it('moves focus with the arrows, skipping headings, and reaches the far end with End', () => {
    const list = makeList(rows(1000, 10));
    list.focusKey('ev-0-9');
    const key = (k: string) => document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
    key('ArrowDown');
    expect((document.activeElement as HTMLElement).dataset.key).toBe('ev-1-0');
    key('ArrowUp');
    expect((document.activeElement as HTMLElement).dataset.key).toBe('ev-0-9');
    key('End');
    expect((document.activeElement as HTMLElement).dataset.key).toBe('ev-999-9');
    expect(viewport.scrollTop).toBeGreaterThan(1_000_000);
    expect(renderedKeys().length).toBeLessThan(25);
    key('Home');
    expect((document.activeElement as HTMLElement).dataset.key).toBe('ev-0-0');
    expect((document.activeElement as HTMLElement).tabIndex).toBe(0);
  });

  it('keeps the focused row when new items arrive and rebuilds only changed items', () => {
    const items = rows(3, 2);
    const list = makeList(items);
    list.focusKey('ev-1-1');
    const before = renders;
    list.setItems([...items, { kind: 'event', key: 'ev-new', n: 99 }]);
    expect(renders).toBe(before + 1);
    expect((document.activeElement as HTMLElement).dataset.key).toBe('ev-1-1');
    const replaced = items.map((row) => (row.key === 'ev-0-0' ? { ...row } : row));
    list.setItems(replaced);
    expect(renders).toBe(before + 1 + 1);
  });

  it('keeps the DOM in reading order when rows are inserted before rendered ones', () => {
    const items = rows(3, 2);
    const list = makeList(items);
    const inserted: Row = { kind: 'event', key: 'ev-0-early', n: -1 };
    list.setItems([items[0]!, inserted, ...items.slice(1)]);
    expect(renderedKeys().slice(0, 4)).toEqual(['day-0', 'ev-0-early', 'ev-0-0', 'ev-0-1']);
    expect(renderedKeys()).toEqual([...viewport.querySelectorAll<HTMLElement>('[data-key]')].sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top)).map((el) => el.dataset.key));
  });

  it('removes its rows on destroy', () => {
    const list = makeList(rows(3, 2));
    list.destroy();
    expect(viewport.children).toHaveLength(0);
  });
});
