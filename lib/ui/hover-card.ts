import type { Mention, MentionIndex } from '../highlight/types';
import type { EntityInfo } from '../recognition/types';
import { h } from './dom';
import { NEW_NAME_NOTE, aliasesToShow, formatCoordinates, kindLabel, mentionsOnPage, plural } from './format';
import css from './hover-card.css?inline';
import { boundingRect, caretFromPoint, rangeContainsPoint, rectAtPoint } from './ranges';
import type { UiHost } from './shadow-host';
import type { FocusableIndex } from './types';

export interface HoverCardOptions {
  /** The mention under a viewport point. Defaults to a caret hit-test; unit tests (no layout) replace it. */
  mentionAtPoint?: (x: number, y: number) => Mention | undefined;
  /** Before the first card appears, so that moving the pointer across an article does not flash cards. */
  showDelay?: number;
  /** Before the card hides, so that the pointer can cross the gap between the mention and the card. */
  hideDelay?: number;
}

/**
 * The mention whose text is under (x, y). The caret lands on the nearest character boundary, so over the
 * right half of a mention's last letter it is at the mention's end: try the offset and the one before it,
 * and keep a mention only if one of its line boxes really contains the point.
 */
export function mentionAtPoint(
  index: Pick<MentionIndex, 'mentionAt'>,
  doc: Document,
  x: number,
  y: number,
): Mention | undefined {
  const caret = caretFromPoint(doc, x, y);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return undefined;
  for (const offset of [caret.offset, caret.offset - 1]) {
    if (offset < 0) continue;
    const mention = index.mentionAt(caret.node, offset);
    if (mention && rangeContainsPoint(mention.range, x, y)) return mention;
  }
  return undefined;
}

interface Box {
  left: number;
  top: number;
  bottom: number;
}

/** Below the mention, or above it when there is no room below; always inside the viewport. */
export function placeCard(
  anchor: Box,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  gap = 6,
  margin = 8,
): { left: number; top: number } {
  let top = anchor.bottom + gap;
  if (top + size.height > viewport.height - margin && anchor.top - gap - size.height >= margin) {
    top = anchor.top - gap - size.height;
  }
  top = Math.max(margin, Math.min(top, viewport.height - margin - size.height));
  const left = Math.max(margin, Math.min(anchor.left, viewport.width - margin - size.width));
  return { left: Math.round(left), top: Math.round(top) };
}

const NAME_ID = 'libya-lens-card-name';
const DESCRIPTION_ID = 'libya-lens-card-description';

/** What an entity the index does not know looks like (it should not happen; the mention still deserves a card). */
function fallbackEntity(mention: Mention): EntityInfo {
  return { id: mention.entityId, name: mention.text, kind: mention.kind, source: mention.source, category: '', aliases: [] };
}

function cardBody(entity: EntityInfo): HTMLElement[] {
  const { shown, more } = aliasesToShow(entity);
  const label = (text: string) => h('span', { class: 'card-label' }, text);
  const parts: Array<HTMLElement | false | '' | undefined> = [
    h(
      'div',
      { class: 'card-kind' },
      h('span', { class: 'll-badge', 'data-kind': entity.kind, 'data-source': entity.source }, kindLabel(entity.kind)),
      entity.category && h('span', { class: 'card-category' }, entity.category),
    ),
    h('div', { class: 'card-name', id: NAME_ID, dir: 'auto' }, entity.name),
    entity.source === 'ner' && h('p', { class: 'card-new' }, NEW_NAME_NOTE),
    entity.camp && h('p', { class: 'card-camp' }, label('Camp: '), entity.camp),
    entity.description && h('p', { class: 'card-description', id: DESCRIPTION_ID, dir: 'auto' }, entity.description),
    shown.length > 0 &&
      h('p', { class: 'card-aliases', dir: 'auto' }, label('Also: '), shown.join(', ') + (more ? ` and ${more} more` : '')),
    entity.lat !== undefined &&
      entity.lon !== undefined &&
      h('p', { class: 'card-coords' }, label('Coordinates: '), formatCoordinates(entity.lat, entity.lon)),
  ];
  return parts.filter((node): node is HTMLElement => Boolean(node));
}

/**
 * The hover card: pointing at a highlighted mention shows who or what it is, how often the page names it,
 * and Previous/Next buttons that walk through those mentions. Returns the disposer.
 */
export function initHoverCard(index: FocusableIndex, host: UiHost, options: HoverCardOptions = {}): () => void {
  const doc = host.element.ownerDocument;
  const win = doc.defaultView ?? window;
  const { showDelay = 150, hideDelay = 300 } = options;
  const findMention = options.mentionAtPoint ?? ((x: number, y: number) => mentionAtPoint(index, doc, x, y));

  host.addStyle('hover-card', css);
  const body = h('div', { class: 'card-body' });
  const count = h('p', { class: 'card-count' });
  const previous = h('button', { type: 'button', class: 'll-button', 'aria-label': 'Previous mention' }, '‹ Previous');
  const position = h('span', { class: 'card-position', 'aria-live': 'polite' });
  const next = h('button', { type: 'button', class: 'll-button', 'aria-label': 'Next mention' }, 'Next ›');
  const card = h(
    'div',
    { class: 'card', role: 'dialog', 'aria-labelledby': NAME_ID, 'data-testid': 'libya-lens-card', hidden: true },
    body,
    count,
    h('div', { class: 'card-nav' }, previous, position, next),
  );
  host.root.append(card);

  let current: Mention | undefined;
  let pending: number | undefined; // id of the mention waiting for showDelay
  let showTimer: ReturnType<typeof setTimeout> | undefined;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  // Read at dispatch time: composedPath() is empty once the event has been dispatched.
  let last: { x: number; y: number; buttons: number; overCard: boolean; overUi: boolean } | undefined;
  let quietScrollUntil = 0; // Previous/Next scroll the page on purpose: that scroll must not close the card

  const cancelShow = () => {
    clearTimeout(showTimer);
    pending = undefined;
  };
  const cancelHide = () => clearTimeout(hideTimer);

  function updateCount() {
    if (!current) return;
    const mentions = index.mentionsOf(current.entityId);
    const at = mentions.findIndex((mention) => mention.id === current?.id);
    count.textContent = mentionsOnPage(mentions.length);
    position.textContent = at >= 0 ? `Mention ${at + 1} of ${mentions.length}` : plural(mentions.length, 'mention');
    const stuck = mentions.length === 0 || (mentions.length === 1 && at === 0);
    previous.disabled = stuck;
    next.disabled = stuck;
  }

  function place(mention: Mention, x?: number, y?: number) {
    const anchor =
      (x !== undefined && y !== undefined ? rectAtPoint(mention.range, x, y) : undefined) ??
      boundingRect(mention.range) ??
      { left: x ?? 0, top: y ?? 0, bottom: y ?? 0 };
    const size = card.getBoundingClientRect();
    const viewport = { width: doc.documentElement.clientWidth || win.innerWidth, height: win.innerHeight };
    const { left, top } = placeCard(anchor, size, viewport);
    card.style.left = `${left}px`;
    card.style.top = `${top}px`;
  }

  function show(mention: Mention, x?: number, y?: number) {
    cancelShow();
    cancelHide();
    current = mention;
    const entity = index.entity(mention.entityId) ?? fallbackEntity(mention);
    body.replaceChildren(...cardBody(entity));
    card.dataset.entityId = entity.id;
    card.dataset.source = entity.source;
    if (entity.description) card.setAttribute('aria-describedby', DESCRIPTION_ID);
    else card.removeAttribute('aria-describedby');
    updateCount();
    card.hidden = false;
    place(mention, x, y);
  }

  function hide() {
    cancelShow();
    cancelHide();
    if (card.hidden) return;
    if (card.contains(host.root.activeElement)) (host.root.activeElement as HTMLElement).blur();
    card.hidden = true;
    current = undefined;
  }

  function scheduleHide() {
    if (card.hidden) return;
    cancelHide();
    hideTimer = setTimeout(hide, hideDelay);
  }

  function scheduleShow(mention: Mention) {
    if (pending === mention.id) return;
    cancelShow();
    if (showDelay <= 0) return show(mention, last?.x, last?.y);
    pending = mention.id;
    showTimer = setTimeout(() => show(mention, last?.x, last?.y), showDelay);
  }

  function step(delta: 1 | -1) {
    if (!current) return;
    const mentions = index.mentionsOf(current.entityId);
    if (mentions.length === 0) return;
    const at = mentions.findIndex((mention) => mention.id === current?.id);
    const target =
      at < 0 ? mentions[delta > 0 ? 0 : mentions.length - 1] : mentions[(at + delta + mentions.length) % mentions.length];
    if (!target) return;
    current = target;
    quietScrollUntil = performance.now() + 1000;
    index.focus(target);
    updateCount(); // the card stays where it is, under the pointer, so Next can be clicked again
  }

  function onFrame() {
    frame = 0;
    const point = last;
    if (!point) return;
    if (point.overCard) {
      cancelHide();
      cancelShow();
      return;
    }
    if (point.buttons !== 0) return; // selecting text: leave things as they are
    const mention = point.overUi ? undefined : findMention(point.x, point.y);
    if (!mention) {
      cancelShow();
      scheduleHide();
      return;
    }
    cancelHide();
    if (!card.hidden && current?.id === mention.id) return;
    if (!card.hidden) show(mention, point.x, point.y);
    else scheduleShow(mention);
  }

  const controller = new AbortController();
  const listen = { signal: controller.signal, capture: true, passive: true };
  doc.addEventListener(
    'pointermove',
    (event) => {
      if (event.pointerType === 'touch') return;
      const path = event.composedPath();
      last = {
        x: event.clientX,
        y: event.clientY,
        buttons: event.buttons,
        overCard: path.includes(card),
        overUi: path.includes(host.element),
      };
      if (!frame) frame = win.requestAnimationFrame(onFrame);
    },
    listen,
  );
  doc.addEventListener(
    'pointerout',
    (event) => {
      if (!event.relatedTarget) {
        cancelShow();
        scheduleHide(); // left the window
      }
    },
    listen,
  );
  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape' && !card.hidden) hide();
    },
    listen,
  );
  win.addEventListener(
    'scroll',
    (event) => {
      if (card.hidden || event.composedPath().includes(card)) return;
      const now = performance.now();
      if (now < quietScrollUntil) quietScrollUntil = Math.max(quietScrollUntil, now + 150);
      else hide();
    },
    listen,
  );
  win.addEventListener('resize', hide, listen);
  win.addEventListener('blur', hide, listen);
  card.addEventListener('pointerenter', cancelHide, { signal: controller.signal });
  card.addEventListener('pointerleave', scheduleHide, { signal: controller.signal });
  // The page's own delegated click handlers have no business with the card's buttons.
  card.addEventListener('click', (event) => event.stopPropagation(), { signal: controller.signal });
  previous.addEventListener('click', () => step(-1), { signal: controller.signal });
  next.addEventListener('click', () => step(1), { signal: controller.signal });

  const stopWatching = index.onChange(() => {
    if (!current) return;
    const id = current.id;
    if (index.mentionsOf(current.entityId).some((mention) => mention.id === id)) updateCount();
    else hide();
  });

  return () => {
    controller.abort();
    stopWatching();
    if (frame) win.cancelAnimationFrame(frame);
    cancelShow();
    cancelHide();
    card.remove();
  };
}
