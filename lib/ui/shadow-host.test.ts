// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { UI_HOST_ATTRIBUTE, createUiHost, type UiHost } from './shadow-host';

let host: UiHost | undefined;
afterEach(() => host?.dispose());

describe('UI host', () => {
  it('is a marked child of <html> with an open shadow root', () => {
    host = createUiHost();
    expect(host.element.parentElement).toBe(document.documentElement);
    expect(host.element.hasAttribute(UI_HOST_ATTRIBUTE)).toBe(true);
    expect(host.element.shadowRoot).toBe(host.root);
    expect(host.root.mode).toBe('open');
  });

  it('is fixed, on top, and takes no room in the page', () => {
    host = createUiHost();
    const style = host.element.style;
    expect(style.getPropertyValue('position')).toBe('fixed');
    expect(style.getPropertyPriority('position')).toBe('important');
    expect(style.getPropertyValue('z-index')).toBe('2147483647');
    expect(style.getPropertyValue('width')).toBe('0px');
    expect(style.getPropertyValue('height')).toBe('0px');
  });

  it('adds each stylesheet once, in order', () => {
    host = createUiHost();
    host.addStyle('card', '.card {}');
    host.addStyle('card', '.card {}');
    host.addStyle('list', '.panel {}');
    expect([...host.root.querySelectorAll('style')].map((style) => style.dataset.style)).toEqual(['base', 'card', 'list']);
  });

  it('replaces a host left by an earlier copy of the content script', () => {
    const stale = createUiHost();
    host = createUiHost();
    expect(stale.element.isConnected).toBe(false);
    expect(document.querySelectorAll(`[${UI_HOST_ATTRIBUTE}]`)).toHaveLength(1);
  });

  it('goes away on dispose', () => {
    host = createUiHost();
    host.dispose();
    expect(document.querySelector(`[${UI_HOST_ATTRIBUTE}]`)).toBeNull();
    host = undefined;
  });
});
