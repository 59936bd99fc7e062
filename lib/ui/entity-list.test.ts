// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ENTITY_LIST_LABEL, initEntityList, type EntityList } from './entity-list';
import { ARTICLE, HAFTAR, LNA, NEW_NAME, TRIPOLI, fakeIndex, type FakeIndex } from './fake-index';
import { NOTHING_FOUND } from './format';
import { createUiHost, type UiHost } from './shadow-host';

let host: UiHost;
let index: FakeIndex;
let list: EntityList;

const panel = () => host.root.querySelector<HTMLElement>('[data-testid="libya-lens-entity-list"]')!;
const filter = () => panel().querySelector<HTMLInputElement>('input')!;
const active = () => host.root.activeElement as HTMLElement | null;
const items = () => [...panel().querySelectorAll<HTMLElement>('[role="treeitem"]')];
const entityItem = (id: string) => panel().querySelector<HTMLElement>(`[data-entity-id="${id}"][role="treeitem"]`)!;

function press(key: string, target: Element | null = active()) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true });
  target!.dispatchEvent(event);
  return event;
}

function type(text: string) {
  filter().value = text;
  filter().dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

beforeEach(() => {
  document.body.innerHTML = ARTICLE;
  host = createUiHost();
  index = fakeIndex(document, [HAFTAR, LNA, TRIPOLI, NEW_NAME]);
  list = initEntityList(index, host);
});

afterEach(() => {
  list.dispose();
  host.dispose();
});

describe('entity list', () => {
  it('opens as a labelled dialog and takes focus', () => {
    document.getElementById('page-button')!.focus();
    expect(panel().hidden).toBe(true);
    list.open();
    expect(list.isOpen()).toBe(true);
    expect(panel().hidden).toBe(false);
    expect(panel().getAttribute('role')).toBe('dialog');
    expect(panel().getAttribute('aria-label')).toBe(ENTITY_LIST_LABEL);
    expect(active()).toBe(filter());
  });

  it('groups actors, places and new names, with counts', () => {
    list.open();
    const headings = [...panel().querySelectorAll('h3')].map((h) => h.textContent);
    expect(headings).toEqual(['Actors (2)', 'Places (1)', 'New names (1)']);
    const names = items().map((item) => item.querySelector('.entity-name')?.textContent);
    expect(names).toEqual(['Khalifa Haftar', 'Libyan National Army', 'Tripoli', 'Abu Salim Brigade']);
    expect(entityItem('haftar').getAttribute('aria-label')).toBe('Khalifa Haftar, person, LNA/east, 3 mentions');
    expect(entityItem('haftar').querySelector('.entity-count')?.textContent).toBe('3');
    expect(entityItem('lna').getAttribute('aria-label')).toContain('1 mention');
    expect(panel().textContent).toContain('4 names, 8 mentions');
    // Each group is a tree labelled by its heading; only one item is a tab stop.
    const trees = [...panel().querySelectorAll('[role="tree"]')];
    expect(trees).toHaveLength(3);
    expect(host.root.getElementById(trees[0]!.getAttribute('aria-labelledby')!)?.textContent).toBe('Actors (2)');
    expect(items().filter((item) => item.tabIndex === 0)).toHaveLength(1);
  });

  it('moves between entities with the arrow keys, across groups', () => {
    list.open();
    press('ArrowDown');
    expect(active()).toBe(entityItem('haftar'));
    expect(entityItem('haftar').tabIndex).toBe(0);
    press('ArrowDown');
    press('ArrowDown');
    expect(active()).toBe(entityItem('tripoli'));
    expect(entityItem('haftar').tabIndex).toBe(-1);
    press('End');
    expect(active()).toBe(entityItem('ner:abu-salim'));
    press('Home');
    expect(active()).toBe(entityItem('haftar'));
    press('ArrowUp');
    expect(active()).toBe(filter());
  });

  it('expands an entity to its mentions in context; Enter on a mention focuses it on the page', () => {
    list.open();
    press('ArrowDown');
    press('Enter');
    const haftar = entityItem('haftar');
    expect(haftar.getAttribute('aria-expanded')).toBe('true');
    const mentions = [...haftar.querySelectorAll<HTMLElement>('[role="group"] > [role="treeitem"]')];
    expect(mentions).toHaveLength(3);
    expect(mentions[0]!.textContent).toContain('Forces loyal to Khalifa Haftar advanced on Tripoli');
    expect(mentions[0]!.querySelector('mark')?.textContent).toBe('Khalifa Haftar');
    expect(mentions[1]!.querySelector('mark')?.textContent).toBe('Haftar');

    press('ArrowDown');
    press('ArrowDown');
    expect(active()).toBe(mentions[1]);
    const event = press('Enter');
    expect(event.defaultPrevented).toBe(true);
    expect(index.focused).toEqual([index.mentionsOf('haftar')[1]]);
    expect(mentions[1]!.getAttribute('aria-current')).toBe('location');
    press(' ');
    expect(index.focused).toHaveLength(2);

    press('ArrowLeft');
    expect(active()).toBe(haftar);
    press('ArrowLeft');
    expect(haftar.getAttribute('aria-expanded')).toBe('false');
    expect(haftar.querySelector('[role="group"]')).toBeNull();
    press('ArrowRight');
    expect(haftar.getAttribute('aria-expanded')).toBe('true');
    press('ArrowRight');
    expect(active()?.dataset.mentionId).toBe(String(index.mentionsOf('haftar')[0]!.id));
  });

  it('closes on Escape and gives focus back', () => {
    const pageButton = document.getElementById('page-button')!;
    pageButton.focus();
    list.open();
    press('ArrowDown');
    press('Escape');
    expect(list.isOpen()).toBe(false);
    expect(panel().hidden).toBe(true);
    expect(document.activeElement).toBe(pageButton);
  });

  it('keeps the keys it handles from the page’s own shortcuts', () => {
    const pageShortcut = vi.fn();
    document.addEventListener('keydown', pageShortcut);
    list.open();
    press('j', filter());
    press('ArrowDown');
    expect(pageShortcut).not.toHaveBeenCalled();
    document.removeEventListener('keydown', pageShortcut);
  });

  it('filters by name, alias or category', () => {
    list.open();
    type('tarab');
    expect(items().map((item) => item.dataset.entityId)).toEqual(['tripoli']);
    expect(panel().textContent).toContain('1 name, 3 mentions matching “tarab”');
    type('armed group');
    expect(items().map((item) => item.dataset.entityId)).toEqual(['lna']);
    type('Benghazi');
    expect(items()).toHaveLength(0);
    expect(panel().textContent).toContain('No names match “Benghazi”');
    type('');
    expect(items()).toHaveLength(4);
  });

  it('updates live when mentions come and go, keeping focus', () => {
    list.open();
    press('ArrowDown');
    press('ArrowDown');
    press('ArrowDown');
    expect(active()).toBe(entityItem('tripoli'));
    index.remove(index.mentionsOf('haftar')[0]!.id);
    expect(entityItem('haftar').querySelector('.entity-count')?.textContent).toBe('2');
    expect(active()).toBe(entityItem('tripoli'));
    for (const mention of index.mentionsOf('tripoli')) index.remove(mention.id);
    expect(panel().querySelector('[data-entity-id="tripoli"]')).toBeNull();
    expect(active()?.getAttribute('role')).toBe('treeitem');
  });

  it('says so when the page has no names', () => {
    for (const mention of [...index.all]) index.remove(mention.id);
    list.open();
    expect(panel().textContent).toContain(NOTHING_FOUND);
  });

  it('toggles, and clicking works too', () => {
    list.toggle();
    expect(list.isOpen()).toBe(true);
    entityItem('tripoli').querySelector<HTMLElement>('.entity-row')!.click();
    expect(entityItem('tripoli').getAttribute('aria-expanded')).toBe('true');
    entityItem('tripoli').querySelector<HTMLElement>('[role="group"] mark')!.click();
    expect(index.focused).toEqual([index.mentionsOf('tripoli')[0]]);
    panel().querySelector<HTMLButtonElement>('button[aria-label="Close"]')!.click();
    expect(list.isOpen()).toBe(false);
    list.toggle();
    list.toggle();
    expect(list.isOpen()).toBe(false);
  });
});
