// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClipRecord } from '../extraction/types';
import { makeClip } from '../storage/fixtures';
import { initClipUi, type ClipOutcome, type ClipTarget, type ClipUi } from './clip-ui';
import { createUiHost, UI_HOST_ATTRIBUTE, type UiHost } from './shadow-host';

const ARTICLE = `
  <nav><p id="menu">Home · Libya · Middle East and North Africa · Opinion · Video and audio</p></nav>
  <article>
    <p id="shelling">Forces loyal to <a id="link" href="#">Khalifa Haftar</a> shelled Mitiga airport in Tripoli on Saturday night.</p>
    <p id="short">Read more</p>
    <textarea id="box">Haftar shelled Tripoli again on Saturday night, I heard it from Tajoura.</textarea>
    <div contenteditable="true" id="editor"><p id="inside-editor">Reply about the Wagner Group near Sirte on Sunday.</p></div>
  </article>`;

let host: UiHost | undefined;
let ui: ClipUi | undefined;
let clip: ReturnType<typeof vi.fn<(target: ClipTarget, method: string) => Promise<ClipOutcome>>>;
let clipped: Set<Element>;

const root = () => host!.root;
/** Null until the UI has mounted its host (it mounts on first use). */
const button = () => host?.root.querySelector<HTMLButtonElement>('[data-testid="libya-lens-clip"]') ?? null;
const toast = () => host?.root.querySelector<HTMLElement>('[data-testid="libya-lens-toast"]') ?? null;

function pointAt(el: Element) {
  el.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true, pointerType: 'mouse' }));
}

function start(overrides: { result?: ClipOutcome; offerButton?: boolean } = {}) {
  const record: ClipRecord = makeClip();
  clip = vi.fn(async () => overrides.result ?? { status: 'stored', record });
  ui = initClipUi({
    host: () => (host ??= createUiHost(document)),
    clip,
    isClipped: (block) => clipped.has(block),
    active: () => true,
    offerButton: () => overrides.offerButton ?? true,
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = ARTICLE;
  clipped = new Set();
});

afterEach(() => {
  ui?.dispose();
  host?.dispose();
  ui = undefined;
  host = undefined;
  document.querySelectorAll(`[${UI_HOST_ATTRIBUTE}]`).forEach((el) => el.remove());
  vi.useRealTimers();
});

describe('clip button', () => {
  it('appears over an article paragraph with the accessible name "Clip to timeline", in the shadow root', () => {
    start();
    pointAt(document.getElementById('link')!);
    expect(button()?.hidden).toBe(false);
    expect(button()?.getAttribute('aria-label')).toBe('Clip to timeline');
    expect(document.body.querySelector('[data-testid="libya-lens-clip"]')).toBeNull();
  });

  it('is not offered on site chrome, short lines, form fields or editable areas', () => {
    start();
    for (const id of ['menu', 'short', 'box', 'inside-editor']) {
      pointAt(document.getElementById(id)!);
      vi.advanceTimersByTime(1000);
      expect(button()?.hidden ?? true, id).toBe(true);
    }
  });

  it('is not offered on hover when the page has no Libyan names', () => {
    start({ offerButton: false });
    pointAt(document.getElementById('shelling')!);
    expect(button()).toBeNull();
  });

  it('clips the paragraph it is shown for and reports the stored event', async () => {
    start();
    pointAt(document.getElementById('shelling')!);
    button()!.click();
    await vi.waitFor(() => expect(toast()?.hidden).toBe(false));
    expect(clip).toHaveBeenCalledWith({ block: document.getElementById('shelling') }, 'button');
    expect(toast()!.textContent).toContain('Clipped to your timeline');
    expect(toast()!.getAttribute('role')).toBe('status');
  });

  it('says "Clipped" over a paragraph already on the timeline, and reports a duplicate plainly', async () => {
    const p = document.getElementById('shelling')!;
    clipped.add(p);
    start({ result: { status: 'duplicate', record: makeClip() } });
    pointAt(p);
    expect(button()!.dataset.state).toBe('clipped');
    expect(button()!.getAttribute('aria-description')).toBe('Already on your timeline');
    button()!.click();
    await vi.waitFor(() => expect(toast()!.textContent).toContain('Already on your timeline'));
  });

  it('keeps a failed clip: the error is announced at once and Retry runs the same clip again', async () => {
    const error = { code: 'quota', message: "Your browser's storage for Libya Lens is full.", retryable: false } as const;
    start({ result: { status: 'error', error } });
    pointAt(document.getElementById('shelling')!);
    button()!.click();
    await vi.waitFor(() => expect(toast()!.getAttribute('role')).toBe('alert'));
    expect(toast()!.textContent).toContain('storage for Libya Lens is full');
    vi.advanceTimersByTime(60_000);
    expect(toast()!.hidden, 'errors stay until dismissed').toBe(false);
    root().querySelector<HTMLButtonElement>('[data-testid="libya-lens-retry"]')!.click();
    await vi.waitFor(() => expect(clip).toHaveBeenCalledTimes(2));
    expect(clip.mock.calls[1]).toEqual(clip.mock.calls[0]);
  });

  it('follows keyboard focus into a paragraph, and currentTarget() names it', () => {
    start();
    document.getElementById('link')!.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    expect(button()?.hidden).toBe(false);
    expect(ui!.currentTarget()).toEqual({ block: document.getElementById('shelling') });
  });

  it("is reached by Tab from the paragraph's last link, and Tab, Shift+Tab and Escape lead back into the page", () => {
    start();
    const link = document.getElementById('link')!;
    // happy-dom's focus() does not always fire focusin: fire it as the browser does.
    const focusOn = (el: HTMLElement) => {
      el.focus();
      el.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    };
    focusOn(link);
    const tab = (target: Element, shiftKey = false) => {
      const event = new KeyboardEvent('keydown', { key: 'Tab', shiftKey, bubbles: true, composed: true, cancelable: true });
      target.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(tab(link)).toBe(true);
    expect(root().activeElement).toBe(button());
    expect(tab(button()!, true)).toBe(true);
    expect(document.activeElement).toBe(link);
    focusOn(link);
    expect(tab(link)).toBe(true);
    expect(tab(button()!)).toBe(true);
    // The next stop after the paragraph (the short line has none): the comment box.
    expect(document.activeElement).toBe(document.getElementById('box'));
    focusOn(link);
    expect(tab(link)).toBe(true);
    button()!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
    expect(button()!.hidden).toBe(true);
    expect(document.activeElement).toBe(link);
  });

  it('leaves Tab alone inside a paragraph and in other paragraphs', () => {
    document.getElementById('shelling')!.insertAdjacentHTML('afterbegin', '<a id="first" href="#">GNA</a> ');
    start();
    const first = document.getElementById('first')!;
    first.focus();
    first.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    const event = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, composed: true, cancelable: true });
    first.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
  });

  it('tells the reader how to clip when the key is pressed with nothing to clip', () => {
    start();
    ui!.notify({ status: 'nothing' });
    expect(toast()!.hidden).toBe(false);
    expect(toast()!.textContent).toContain('Select some text or point at a paragraph');
  });

  it('offers a selection inside a paragraph, and passes the selected range along', async () => {
    start();
    const text = document.getElementById('shelling')!.lastChild!;
    const range = document.createRange();
    range.setStart(text, 1);
    range.setEnd(text, 30);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    document.dispatchEvent(new Event('selectionchange'));
    vi.advanceTimersByTime(200);
    expect(button()?.hidden).toBe(false);
    const target = ui!.currentTarget()!;
    expect(target.block.id).toBe('shelling');
    expect(target.selection?.toString()).toBe(range.toString());
    button()!.click();
    await vi.waitFor(() => expect(clip).toHaveBeenCalled());
    expect(clip.mock.calls[0]![1]).toBe('selection');
  });
});
