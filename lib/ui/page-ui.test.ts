// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { ARTICLE, HAFTAR, TRIPOLI, fakeIndex } from './fake-index';
import { initPageUi } from './page-ui';
import { UI_HOST_ATTRIBUTE } from './shadow-host';

const hostElement = () => document.querySelector<HTMLElement>(`[${UI_HOST_ATTRIBUTE}]`);

beforeEach(() => {
  document.documentElement.querySelectorAll(`[${UI_HOST_ATTRIBUTE}]`).forEach((el) => el.remove());
});

describe('page UI', () => {
  it('leaves a page without mentions untouched until the list is asked for', () => {
    document.body.innerHTML = '<p>Nothing about Libya here.</p>';
    const ui = initPageUi(fakeIndex(document, [HAFTAR]));
    expect(hostElement()).toBeNull();
    ui.openList();
    const list = hostElement()!.shadowRoot!.querySelector<HTMLElement>('[data-testid="libya-lens-entity-list"]')!;
    expect(list.hidden).toBe(false);
    ui.dispose();
    expect(hostElement()).toBeNull();
  });

  it('mounts the card and the list when the page has mentions, and goes with the content script', () => {
    document.body.innerHTML = ARTICLE;
    let invalidate = () => {};
    const ui = initPageUi(fakeIndex(document, [HAFTAR, TRIPOLI]), { onInvalidated: (cb) => (invalidate = cb) });
    const root = hostElement()!.shadowRoot!;
    expect(root.querySelector('[data-testid="libya-lens-card"]')).not.toBeNull();
    ui.toggleList();
    expect(root.querySelector<HTMLElement>('[data-testid="libya-lens-entity-list"]')!.hidden).toBe(false);
    invalidate();
    expect(hostElement()).toBeNull();
  });

  it('mounts when the first mention arrives', () => {
    document.body.innerHTML = ARTICLE;
    const index = fakeIndex(document, [HAFTAR]);
    const mentions = index.all.splice(0);
    const ui = initPageUi(index);
    expect(hostElement()).toBeNull();
    index.all.push(...mentions);
    index.emit();
    expect(hostElement()).not.toBeNull();
    ui.dispose();
  });
});
