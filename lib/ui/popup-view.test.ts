// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EntitySummary } from '../messaging/protocol';
import { HAFTAR, LNA, NEW_NAME, TRIPOLI } from './fake-index';
import { NOTHING_FOUND } from './format';
import { loadPopupState, tabIdFromSearch, type PopupState } from './popup-state';
import { CANT_RUN, renderPopup } from './popup-view';

const entities: EntitySummary[] = [
  { entity: TRIPOLI, count: 3 },
  { entity: HAFTAR, count: 5 },
  { entity: NEW_NAME, count: 1 },
  { entity: LNA, count: 2 },
];
const ready = (extra: Partial<Extract<PopupState, { status: 'ready' }>> = {}): PopupState => ({
  status: 'ready',
  host: 'libyaobserver.ly',
  enabled: true,
  entities,
  ...extra,
});

let root: HTMLElement;
const actions = { onToggleSite: vi.fn(), onShowList: vi.fn() };
const text = () => root.textContent ?? '';
const toggle = () => root.querySelector<HTMLInputElement>('#site-switch');

beforeEach(() => {
  document.body.replaceChildren();
  root = document.createElement('div');
  document.body.append(root);
  vi.clearAllMocks();
});

describe('popup view', () => {
  it('is a panel of its own: the site switch, then the page section with its heading', () => {
    renderPopup(root, { status: 'loading' }, actions);
    expect([...root.children].map((el) => el.getAttribute('data-section'))).toEqual(['site', 'page']);
    expect(root.querySelector('section[data-section="page"] > h2#page-heading')?.textContent).toBe('On this page');
    expect(text()).toContain('Looking at this page…');
    expect(toggle()).toBeNull();
  });

  it('groups the entities with counts, most mentioned first', () => {
    renderPopup(root, ready(), actions);
    const headings = [...root.querySelectorAll('h3')].map((h) => h.textContent);
    expect(headings).toEqual(['Actors (2)', 'Places (1)', 'New names (1)']);
    const items = [...root.querySelectorAll<HTMLElement>('[data-testid="popup-entity"]')];
    expect(items.map((item) => item.dataset.entityId)).toEqual(['haftar', 'lna', 'tripoli', 'ner:abu-salim']);
    expect(items[0]!.querySelector('.entity-name')?.textContent).toBe('Khalifa Haftar');
    expect(items[0]!.querySelector('.entity-meta')?.textContent).toBe('person · LNA/east');
    expect(items[0]!.querySelector('.entity-count')?.textContent).toBe('5 mentions');
    expect(items[3]!.dataset.source).toBe('ner');
    expect(text()).toContain('4 names, 11 mentions');
  });

  it('labels the switch with the site and reflects its state', () => {
    renderPopup(root, ready({ enabled: true }), actions);
    const input = toggle()!;
    expect(input.getAttribute('role')).toBe('switch');
    expect(input.type).toBe('checkbox');
    expect(input.checked).toBe(true);
    expect(root.querySelector('label[for="site-switch"]')?.textContent).toBe('Highlight on libyaobserver.ly');
    input.click();
    expect(actions.onToggleSite).toHaveBeenCalledWith(false);
  });

  it('keeps the same switch element across renders (focus stays on it)', () => {
    renderPopup(root, ready(), actions);
    const before = toggle();
    renderPopup(root, ready({ enabled: false }), actions);
    expect(toggle()).toBe(before);
    expect(toggle()!.checked).toBe(false);
    expect(text()).toContain('Highlighting is off on libyaobserver.ly.');
    expect(root.querySelectorAll('[data-testid="popup-entity"]')).toHaveLength(0);
  });

  it('says when nothing was found', () => {
    renderPopup(root, ready({ entities: [] }), actions);
    expect(text()).toContain(NOTHING_FOUND);
    expect(toggle()).not.toBeNull();
  });

  it("says when Libya Lens can't run, without a switch", () => {
    renderPopup(root, ready(), actions);
    renderPopup(root, { status: 'unavailable' }, actions);
    expect(text()).toContain(CANT_RUN);
    expect(toggle()).toBeNull();
    expect(root.querySelector<HTMLElement>('[data-section="site"]')!.hidden).toBe(true);
  });

  it('offers the on-page list', () => {
    renderPopup(root, ready({ shortcut: 'Alt+Shift+L' }), actions);
    root.querySelector<HTMLButtonElement>('[data-testid="popup-open-list"]')!.click();
    expect(actions.onShowList).toHaveBeenCalled();
    expect(text()).toContain('or Alt+Shift+L');
  });

  it('renders names as text', () => {
    const hostile = { ...NEW_NAME, name: '<img src=x onerror=alert(1)>' };
    renderPopup(root, ready({ entities: [{ entity: hostile, count: 1 }] }), actions);
    expect(root.querySelector('img')).toBeNull();
    expect(text()).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('popup state', () => {
  const response = { host: 'www.LibyaObserver.ly', enabled: true, entities };

  it('reads ?tab=<id>', () => {
    expect(tabIdFromSearch('?tab=42')).toBe(42);
    expect(tabIdFromSearch('?tab=abc')).toBeUndefined();
    expect(tabIdFromSearch('?tab=-1')).toBeUndefined();
    expect(tabIdFromSearch('')).toBeUndefined();
  });

  it('combines the content script’s answer with the stored switch', async () => {
    const isSiteEnabled = vi.fn().mockResolvedValue(false);
    const state = await loadPopupState(7, { pageState: async () => response, isSiteEnabled });
    expect(state).toEqual({ status: 'ready', host: 'libyaobserver.ly', enabled: false, entities });
    expect(isSiteEnabled).toHaveBeenCalledWith('libyaobserver.ly');
  });

  it('retries once, then gives up: no content script', async () => {
    const pageState = vi.fn().mockRejectedValue(new Error('Receiving end does not exist.'));
    const wait = vi.fn().mockResolvedValue(undefined);
    const state = await loadPopupState(7, { pageState, isSiteEnabled: async () => true, wait });
    expect(state).toEqual({ status: 'unavailable' });
    expect(pageState).toHaveBeenCalledTimes(2);
    expect(wait).toHaveBeenCalledWith(300);
  });

  it('succeeds on the retry when the content script was still starting', async () => {
    const pageState = vi.fn().mockRejectedValueOnce(new Error('not yet')).mockResolvedValue(response);
    const state = await loadPopupState(7, { pageState, isSiteEnabled: async () => true, wait: async () => {} });
    expect(state.status).toBe('ready');
  });

  it('is unavailable without a tab', async () => {
    expect(await loadPopupState(undefined, { pageState: vi.fn(), isSiteEnabled: vi.fn() })).toEqual({ status: 'unavailable' });
  });
});
