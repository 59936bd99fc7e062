import { clippableBlock } from '../capture/paragraphs';
import type { ClipResult } from '../messaging/protocol';
import { h } from './dom';
import css from './clip-ui.css?inline';
import type { UiHost } from './shadow-host';

/** What the reader points at: a paragraph, and the part of it they selected, if any. */
export interface ClipTarget {
  block: Element;
  selection?: Range;
}

export type ClipOutcome = ClipResult | { status: 'nothing' };

export interface ClipUiOptions {
  /** Mounts (or returns) the shadow host the UI lives in. */
  host(): UiHost;
  /** Captures, sends and stores the target; the UI only shows what came of it. */
  clip(target: ClipTarget, method: 'button' | 'selection' | 'context-menu' | 'keyboard'): Promise<ClipOutcome>;
  /** Whether the passage in this block is already on the timeline. */
  isClipped(block: Element): boolean;
  /** False while the reader has switched the site off: no button then. */
  active(): boolean;
  /**
   * Whether to offer the button at all: pages with no Libyan name, and sites the reader switched off, get
   * none (the context menu and the key still clip there).
   */
  offerButton(): boolean;
}

export interface ClipUi {
  /** The selection, else the paragraph with focus or under the pointer: what the menu and the key clip. */
  currentTarget(): ClipTarget | undefined;
  /** Runs a clip and reports it to the reader. */
  run(target: ClipTarget, method: 'button' | 'selection' | 'context-menu' | 'keyboard'): Promise<ClipOutcome>;
  /** Tells the reader what came of an attempt that never reached `run` (the key pressed with nothing to clip). */
  notify(outcome: ClipOutcome): void;
  dispose(): void;
}

const HIDE_DELAY = 400;
const SELECTION_DELAY = 150;

/** What the keyboard stops at (https://html.spec.whatwg.org/multipage/interaction.html#sequential-focus-navigation). */
const TABBABLE =
  'a[href], area[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), ' +
  'textarea:not([disabled]), iframe, summary, [contenteditable]:not([contenteditable="false"]), [tabindex]';

function isTabbable(el: HTMLElement): boolean {
  // checkVisibility(): false under display:none or content-visibility:hidden (Chrome 105, Firefox 106).
  const visible = typeof el.checkVisibility === 'function' ? el.checkVisibility() : true;
  return el.tabIndex >= 0 && !el.closest('[inert]') && visible;
}

function tabbablesIn(block: Element): HTMLElement[] {
  return [...block.querySelectorAll<HTMLElement>(TABBABLE)].filter(isTabbable);
}

/** The first keyboard stop after `block` in document order (positive tabindex aside, as pages rarely use it). */
function tabbableAfter(block: Element): HTMLElement | undefined {
  for (const el of block.ownerDocument.querySelectorAll<HTMLElement>(TABBABLE)) {
    if (block.contains(el) || !(block.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
    if (isTabbable(el)) return el;
  }
  return undefined;
}

function selectionTarget(doc: Document): ClipTarget | undefined {
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  if (range.toString().trim().length < 3) return undefined;
  const block = clippableBlock(range.startContainer) ?? clippableBlock(range.endContainer);
  return block ? { block, selection: range.cloneRange() } : undefined;
}

function describe(result: ClipOutcome): { text: string; tone: 'ok' | 'info' | 'error' } {
  switch (result.status) {
    case 'stored': {
      const { record } = result;
      const parts = [record.event.subEventType, record.location?.name, record.eventDate.day].filter(Boolean);
      return { text: `Clipped to your timeline: ${parts.join(' · ')}`, tone: 'ok' };
    }
    case 'duplicate':
      return { text: 'Already on your timeline.', tone: 'info' };
    case 'error':
      return { text: result.error.message, tone: 'error' };
    case 'nothing':
      return { text: 'Select some text or point at a paragraph to clip it.', tone: 'info' };
  }
}

/**
 * The clip button and the clip report. The button follows the paragraph under the pointer or the focus,
 * or sits at the end of a selection; it lives in the extension's shadow root, so page CSS cannot reach
 * it while assistive technology and automation can. A failed clip keeps its target and offers a retry.
 */
export function initClipUi(options: ClipUiOptions, doc: Document = document): ClipUi {
  const win = doc.defaultView ?? window;
  let mounted: { button: HTMLButtonElement; label: HTMLSpanElement; toast: HTMLDivElement; host: UiHost } | undefined;
  let shownFor: ClipTarget | undefined;
  let hovered: Element | undefined;
  let focused: Element | undefined;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  let selectionTimer: ReturnType<typeof setTimeout> | undefined;
  let toastTimer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  let busy = false;
  /** The page element Tab came from into the button, to go back to (Shift+Tab, Escape). */
  let cameFrom: HTMLElement | undefined;
  /** The paragraph whose button the reader sent away with Escape: focus coming back to it does not recall it. */
  let dismissed: Element | undefined;

  function mount() {
    if (mounted) return mounted;
    const host = options.host();
    host.addStyle('clip-ui', css);
    const label = h('span', { class: 'clip-label' }, 'Clip');
    const button = h(
      'button',
      { type: 'button', class: 'clip-button', 'aria-label': 'Clip to timeline', 'data-testid': 'libya-lens-clip', hidden: true },
      h('span', { class: 'clip-icon', 'aria-hidden': 'true' }, '⊕'),
      label,
    );
    const toast = h('div', { class: 'clip-toast', 'data-testid': 'libya-lens-toast', role: 'status', 'aria-live': 'polite', hidden: true });
    // Keeps the page's selection and focus where they are: the button acts on them.
    button.addEventListener('pointerdown', (event) => event.preventDefault());
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', () => {
      if (shownFor) void run(shownFor, shownFor.selection ? 'selection' : 'button');
    });
    button.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        const back = cameFrom;
        dismissed = shownFor?.block;
        hideButton();
        back?.focus();
      } else if (event.key === 'Tab' && !event.altKey && !event.ctrlKey && !event.metaKey && cameFrom) {
        // The button lives at the end of the document; keyboard order carries on from its paragraph.
        const next = event.shiftKey ? cameFrom : shownFor && tabbableAfter(shownFor.block);
        if (!next) return;
        event.preventDefault();
        next.focus();
      }
    });
    button.addEventListener('pointerenter', () => clearTimeout(hideTimer));
    button.addEventListener('pointerleave', () => scheduleHide());
    host.root.append(button, toast);
    mounted = { button, label, toast, host };
    return mounted;
  }

  function place() {
    frame = 0;
    if (!mounted || !shownFor || mounted.button.hidden) return;
    const { button } = mounted;
    const viewport = { width: doc.documentElement.clientWidth || win.innerWidth, height: win.innerHeight };
    const size = button.getBoundingClientRect();
    let left: number;
    let top: number;
    if (shownFor.selection) {
      const rects = shownFor.selection.getClientRects();
      const last = rects[rects.length - 1] ?? shownFor.selection.getBoundingClientRect();
      left = last.right + 4;
      top = last.bottom + 4;
    } else {
      const rect = shownFor.block.getBoundingClientRect();
      // In the left margin when there is one, else at the paragraph's top right corner.
      left = rect.left >= size.width + 12 ? rect.left - size.width - 8 : rect.right - size.width;
      top = Math.max(4, rect.top);
      if (rect.top < 4 && rect.bottom > 4) top = Math.min(rect.bottom - size.height, 4);
    }
    left = Math.max(4, Math.min(left, viewport.width - size.width - 4));
    top = Math.max(4, Math.min(top, viewport.height - size.height - 4));
    button.style.left = `${Math.round(left)}px`;
    button.style.top = `${Math.round(top)}px`;
  }

  function schedulePlace() {
    if (!frame) frame = win.requestAnimationFrame(place);
  }

  function showButton(target: ClipTarget) {
    if (!options.active()) return;
    clearTimeout(hideTimer);
    const { button, label } = mount();
    shownFor = target;
    const clipped = !target.selection && options.isClipped(target.block);
    label.textContent = clipped ? 'Clipped' : 'Clip';
    button.dataset.state = clipped ? 'clipped' : 'ready';
    if (clipped) button.setAttribute('aria-description', 'Already on your timeline');
    else button.removeAttribute('aria-description');
    button.hidden = false;
    place();
  }

  function hideButton() {
    clearTimeout(hideTimer);
    if (!mounted) return;
    if (mounted.host.root.activeElement === mounted.button) mounted.button.blur();
    mounted.button.hidden = true;
    shownFor = undefined;
    cameFrom = undefined;
  }

  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => {
      if (shownFor?.selection) return;
      if (focused) showButton({ block: focused });
      else hideButton();
    }, HIDE_DELAY);
  }

  function report(result: ClipOutcome, retry?: () => void) {
    const { toast } = mount();
    const { text, tone } = describe(result);
    clearTimeout(toastTimer);
    toast.dataset.tone = tone;
    toast.dataset.status = result.status;
    // An error must be heard at once and stays until dismissed; successes are polite and fade.
    toast.setAttribute('role', tone === 'error' ? 'alert' : 'status');
    const close = h('button', { type: 'button', class: 'll-button', 'aria-label': 'Dismiss' }, '×');
    close.addEventListener('click', () => (toast.hidden = true));
    const actions: HTMLElement[] = [];
    if (retry) {
      const again = h('button', { type: 'button', class: 'll-button', 'data-testid': 'libya-lens-retry' }, 'Retry');
      again.addEventListener('click', retry);
      actions.push(again);
    }
    toast.replaceChildren(h('span', { class: 'clip-toast-text' }, text), ...actions, close);
    toast.hidden = false;
    if (tone !== 'error') toastTimer = setTimeout(() => (toast.hidden = true), 5000);
  }

  async function run(target: ClipTarget, method: 'button' | 'selection' | 'context-menu' | 'keyboard') {
    if (busy) return { status: 'nothing' } as const;
    busy = true;
    try {
      const result = await options.clip(target, method);
      report(result, result.status === 'error' ? () => void run(target, method) : undefined);
      if (result.status === 'stored' || result.status === 'duplicate') {
        if (shownFor && !shownFor.selection && shownFor.block === target.block) showButton(shownFor);
        if (target.selection) {
          doc.getSelection()?.removeAllRanges();
          hideButton();
        }
      }
      return result;
    } finally {
      busy = false;
    }
  }

  const onPointerMove = (event: PointerEvent) => {
    if (event.pointerType === 'touch' || !options.offerButton()) return;
    const origin = event.composedPath()[0];
    if (mounted && origin instanceof Node && mounted.host.root.contains(origin)) return clearTimeout(hideTimer);
    if (shownFor?.selection) return;
    const block = origin instanceof Node ? clippableBlock(origin) : null;
    if (block === hovered && block) return clearTimeout(hideTimer);
    hovered = block ?? undefined;
    if (block) showButton({ block });
    else scheduleHide();
  };

  const onFocusIn = (event: FocusEvent) => {
    const origin = event.composedPath()[0];
    if (mounted && origin instanceof Node && mounted.host.root.contains(origin)) return;
    focused = (origin instanceof Node ? clippableBlock(origin) : null) ?? undefined;
    if (focused !== dismissed) dismissed = undefined;
    if (shownFor?.selection || !options.offerButton() || (focused && focused === dismissed)) return;
    if (focused) showButton({ block: focused });
    // Typing in a comment box, or any field: the button steps aside.
    else if (!hovered) hideButton();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey) return;
    if (!mounted || mounted.button.hidden || !shownFor || shownFor.selection || shownFor.block !== focused) return;
    const origin = event.composedPath()[0];
    // Only from the paragraph's last stop: Tab inside the paragraph keeps its own order.
    if (!(origin instanceof HTMLElement) || tabbablesIn(shownFor.block).at(-1) !== origin) return;
    event.preventDefault();
    cameFrom = origin;
    mounted.button.focus();
  };

  const onFocusOut = (event: FocusEvent) => {
    // Focus leaving for nowhere (a click on plain text, the window losing focus) ends keyboard targeting.
    if (!event.relatedTarget) focused = undefined;
  };

  const onSelectionChange = () => {
    clearTimeout(selectionTimer);
    selectionTimer = setTimeout(() => {
      const target = options.offerButton() ? selectionTarget(doc) : undefined;
      if (target) showButton(target);
      else if (shownFor?.selection) hideButton();
    }, SELECTION_DELAY);
  };

  doc.addEventListener('pointermove', onPointerMove, { passive: true, capture: true });
  doc.addEventListener('focusin', onFocusIn, true);
  doc.addEventListener('focusout', onFocusOut, true);
  doc.addEventListener('keydown', onKeyDown, true);
  doc.addEventListener('selectionchange', onSelectionChange);
  win.addEventListener('scroll', schedulePlace, { passive: true, capture: true });
  win.addEventListener('resize', schedulePlace, { passive: true });

  return {
    currentTarget: () => selectionTarget(doc) ?? (focused ? { block: focused } : hovered ? { block: hovered } : undefined),
    run,
    notify: (outcome) => report(outcome),
    dispose() {
      doc.removeEventListener('pointermove', onPointerMove, true);
      doc.removeEventListener('focusin', onFocusIn, true);
      doc.removeEventListener('focusout', onFocusOut, true);
      doc.removeEventListener('keydown', onKeyDown, true);
      doc.removeEventListener('selectionchange', onSelectionChange);
      win.removeEventListener('scroll', schedulePlace, true);
      win.removeEventListener('resize', schedulePlace);
      clearTimeout(hideTimer);
      clearTimeout(selectionTimer);
      clearTimeout(toastTimer);
      if (frame) win.cancelAnimationFrame(frame);
      mounted?.button.remove();
      mounted?.toast.remove();
      mounted = undefined;
    },
  };
}
