// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPopupFrame } from './popup-frame';

let root: HTMLElement;
beforeEach(() => {
  document.body.replaceChildren();
  root = document.createElement('div');
  document.body.append(root);
});

const tab = (name: string) => [...root.querySelectorAll<HTMLElement>('[role=tab]')].find((t) => t.textContent === name)!;

describe('the popup frame', () => {
  it('opens on the chosen tab, with one tab in the tab order and the other panel hidden', () => {
    const frame = createPopupFrame(root, 'timeline', { onOpenTab: vi.fn(), onOpenSettings: vi.fn() });
    expect(root.querySelector('h1')!.textContent).toBe('Libya Lens');
    expect(tab('Timeline').getAttribute('aria-selected')).toBe('true');
    expect(tab('Timeline').tabIndex).toBe(0);
    expect(tab('This page').tabIndex).toBe(-1);
    expect(frame.timeline.hidden).toBe(false);
    expect(frame.page.hidden).toBe(true);
    expect(frame.page.getAttribute('aria-labelledby')).toBe(tab('This page').id);
  });

  it('switches by click and by arrow keys, moving focus with the selection', () => {
    const onSelect = vi.fn();
    const frame = createPopupFrame(root, 'page', { onOpenTab: vi.fn(), onOpenSettings: vi.fn(), onSelect });
    expect(frame.page.hidden).toBe(false);
    tab('Timeline').click();
    expect(frame.timeline.hidden).toBe(false);
    expect(frame.page.hidden).toBe(true);
    tab('Timeline').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(tab('This page').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tab('This page'));
    tab('This page').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    expect(document.activeElement).toBe(tab('Timeline'));
    expect(onSelect.mock.calls.map((call) => call[0])).toEqual(['page', 'timeline', 'page', 'timeline']);
  });

  it('offers the full view and the settings', () => {
    const onOpenTab = vi.fn();
    const onOpenSettings = vi.fn();
    createPopupFrame(root, 'timeline', { onOpenTab, onOpenSettings });
    root.querySelector<HTMLButtonElement>('[data-testid=popup-open-tab]')!.click();
    root.querySelector<HTMLButtonElement>('[data-testid=popup-settings]')!.click();
    expect(onOpenTab).toHaveBeenCalledOnce();
    expect(onOpenSettings).toHaveBeenCalledOnce();
  });
});
