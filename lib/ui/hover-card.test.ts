// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Mention } from '../highlight/types';
import { ARTICLE, HAFTAR, NEW_NAME, TRIPOLI, LNA, fakeIndex, type FakeIndex } from './fake-index';
import { NEW_NAME_NOTE } from './format';
import { initHoverCard, mentionAtPoint, placeCard } from './hover-card';
import { createUiHost, type UiHost } from './shadow-host';

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

let host: UiHost;
let index: FakeIndex;
let dispose: () => void;
/** Pointer x selects the mention: x = mention id; anything else is plain text. */
let underPointer: (x: number, y: number) => Mention | undefined;

function card(): HTMLElement {
  return host.root.querySelector<HTMLElement>('[data-testid="libya-lens-card"]')!;
}

function button(name: string): HTMLButtonElement {
  return [...card().querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === name)!;
}

async function pointAt(x: number, target: EventTarget = document.body, buttons = 0) {
  target.dispatchEvent(
    new PointerEvent('pointermove', { clientX: x, clientY: 10, bubbles: true, composed: true, pointerType: 'mouse', buttons }),
  );
  await frame();
  await wait(0);
}

function mentionsOf(entityId: string) {
  return index.all.filter((m) => m.entityId === entityId);
}

beforeEach(() => {
  document.body.innerHTML = ARTICLE;
  host = createUiHost();
  index = fakeIndex(document, [HAFTAR, LNA, TRIPOLI, NEW_NAME]);
  underPointer = (x) => index.all.find((m) => m.id === x);
  dispose = initHoverCard(index, host, { mentionAtPoint: (x, y) => underPointer(x, y), showDelay: 0, hideDelay: 20 });
});

afterEach(() => {
  dispose();
  host.dispose();
});

describe('hover card', () => {
  it('is hidden until the pointer is over a mention', async () => {
    expect(card().hidden).toBe(true);
    await pointAt(-1);
    expect(card().hidden).toBe(true);
  });

  it('shows a knowledge-base actor with its details and mention count', async () => {
    const second = mentionsOf('haftar')[1]!;
    await pointAt(second.id);
    const el = card();
    expect(el.hidden).toBe(false);
    expect(el.getAttribute('role')).toBe('dialog');
    const label = host.root.getElementById(el.getAttribute('aria-labelledby')!);
    expect(label?.textContent).toBe('Khalifa Haftar');
    const description = host.root.getElementById(el.getAttribute('aria-describedby')!);
    expect(description?.textContent).toBe('Commander of the Libyan National Army.');
    const text = el.textContent!;
    expect(text).toContain('Actor');
    expect(text).toContain('person');
    expect(text).toContain('Camp: LNA/east');
    expect(text).toContain('Also: Haftar, Hifter, Field Marshal Haftar');
    expect(text).toContain('3 mentions on this page');
    expect(text).toContain('Mention 2 of 3');
    expect(text).not.toContain(NEW_NAME_NOTE);
    expect(text).not.toContain('Coordinates');
    expect(el.dataset.source).toBe('kb');
  });

  it('shows coordinates for places', async () => {
    await pointAt(mentionsOf('tripoli')[0]!.id);
    expect(card().textContent).toContain('Place');
    expect(card().textContent).toContain('Coordinates: 32.89° N, 13.19° E');
  });

  it('marks names the knowledge base does not know', async () => {
    await pointAt(mentionsOf('ner:abu-salim')[0]!.id);
    expect(card().textContent).toContain(NEW_NAME_NOTE);
    expect(card().dataset.source).toBe('ner');
    expect(card().hasAttribute('aria-describedby')).toBe(false);
    // One mention: nowhere to step to.
    expect(button('Next mention').disabled).toBe(true);
    expect(button('Previous mention').disabled).toBe(true);
  });

  it('walks the entity’s mentions with Previous and Next, wrapping around', async () => {
    const [first, second, third] = mentionsOf('haftar');
    await pointAt(first!.id);
    expect(button('Previous mention').tagName).toBe('BUTTON');
    button('Next mention').click();
    expect(index.focused.at(-1)).toBe(second);
    expect(card().textContent).toContain('Mention 2 of 3');
    button('Next mention').click();
    button('Next mention').click();
    expect(index.focused.at(-1)).toBe(first);
    button('Previous mention').click();
    expect(index.focused.at(-1)).toBe(third);
    expect(card().textContent).toContain('Mention 3 of 3');
  });

  it('keeps the card while the pointer is on it, hides it when the pointer leaves', async () => {
    await pointAt(mentionsOf('haftar')[0]!.id);
    await pointAt(-1, button('Next mention'));
    await wait(40);
    expect(card().hidden).toBe(false);
    await pointAt(-1);
    expect(card().hidden).toBe(false); // the hide delay lets the pointer cross the gap
    await wait(40);
    expect(card().hidden).toBe(true);
  });

  it('moves to another mention under the pointer at once', async () => {
    await pointAt(mentionsOf('haftar')[0]!.id);
    await pointAt(mentionsOf('tripoli')[1]!.id);
    expect(card().textContent).toContain('Tripoli');
    expect(card().textContent).toContain('Mention 2 of 3');
  });

  it('does not open while the reader is selecting text', async () => {
    await pointAt(mentionsOf('haftar')[0]!.id, document.body, 1);
    expect(card().hidden).toBe(true);
  });

  it('closes on Escape', async () => {
    await pointAt(mentionsOf('haftar')[0]!.id);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(card().hidden).toBe(true);
  });

  it('closes when the page scrolls, but not for the scroll that Next causes', async () => {
    await pointAt(mentionsOf('haftar')[0]!.id);
    button('Next mention').click();
    window.dispatchEvent(new Event('scroll'));
    expect(card().hidden).toBe(false);
    vi.spyOn(performance, 'now').mockReturnValue(performance.now() + 5000);
    window.dispatchEvent(new Event('scroll'));
    expect(card().hidden).toBe(true);
    vi.restoreAllMocks();
  });

  it('follows the page: updates the count, hides when its mention is gone', async () => {
    const [first, second] = mentionsOf('haftar');
    await pointAt(second!.id);
    index.remove(first!.id);
    expect(card().textContent).toContain('Mention 1 of 2');
    index.remove(second!.id);
    expect(card().hidden).toBe(true);
  });

  it('treats page text as text', async () => {
    document.body.innerHTML = '<p>Hello &lt;img src=x onerror=alert(1)&gt; there</p>';
    const hostile = { ...NEW_NAME, id: 'x', name: '<img src=x onerror=alert(1)>' };
    dispose();
    index = fakeIndex(document, [hostile]);
    dispose = initHoverCard(index, host, { mentionAtPoint: (x) => index.all.find((m) => m.id === x), showDelay: 0 });
    await pointAt(index.all[0]!.id);
    expect(card().textContent).toContain('<img src=x onerror=alert(1)>');
    expect(card().querySelector('img')).toBeNull();
  });

  it('removes itself when disposed', () => {
    dispose();
    expect(card()).toBeNull();
    dispose = () => {};
  });
});

describe('mentionAtPoint', () => {
  it('takes the caret position and checks the pointer is really over the mention', () => {
    const mention = mentionsOf('tripoli')[1]!; // "…advanced on Tripoli on Thursday"
    const node = mention.range.startContainer;
    const caret = vi.fn();
    (document as unknown as { caretPositionFromPoint: unknown }).caretPositionFromPoint = caret;
    const rects = vi.spyOn(Range.prototype, 'getClientRects').mockReturnValue([
      new DOMRect(100, 0, 50, 20),
    ] as unknown as DOMRectList);

    // Over the right half of the last letter: the caret is at the mention's end.
    caret.mockReturnValue({ offsetNode: node, offset: mention.range.endOffset });
    expect(mentionAtPoint(index, document, 149, 10)).toBe(mention);
    // Same caret, but the pointer is past the end of the text (e.g. the line's empty right side).
    expect(mentionAtPoint(index, document, 300, 10)).toBeUndefined();
    // Inside.
    caret.mockReturnValue({ offsetNode: node, offset: mention.range.startOffset + 2 });
    expect(mentionAtPoint(index, document, 110, 10)).toBe(mention);
    // No text under the pointer.
    caret.mockReturnValue({ offsetNode: document.body, offset: 0 });
    expect(mentionAtPoint(index, document, 110, 10)).toBeUndefined();
    caret.mockReturnValue(null);
    expect(mentionAtPoint(index, document, 110, 10)).toBeUndefined();

    rects.mockRestore();
    delete (document as unknown as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
  });
});

describe('placeCard', () => {
  const viewport = { width: 800, height: 600 };
  const size = { width: 300, height: 200 };

  it('goes below the mention', () => {
    expect(placeCard({ left: 100, top: 100, bottom: 120 }, size, viewport)).toEqual({ left: 100, top: 126 });
  });

  it('goes above when there is no room below', () => {
    expect(placeCard({ left: 100, top: 500, bottom: 520 }, size, viewport)).toEqual({ left: 100, top: 294 });
  });

  it('stays inside the viewport', () => {
    expect(placeCard({ left: 700, top: 100, bottom: 120 }, size, viewport).left).toBe(492);
    expect(placeCard({ left: -50, top: 100, bottom: 120 }, size, viewport).left).toBe(8);
  });
});
