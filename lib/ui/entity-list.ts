import type { Mention } from '../highlight/types';
import type { EntityInfo } from '../recognition/types';
import { h } from './dom';
import css from './entity-list.css?inline';
import { NOTHING_FOUND, entitySubtitle, groupEntities, matchesFilter, plural } from './format';
import { snippetOf } from './ranges';
import type { UiHost } from './shadow-host';
import type { FocusableIndex } from './types';

export const ENTITY_LIST_LABEL = 'Libyan actors and places on this page';

export interface EntityList {
  open(): void;
  close(): void;
  toggle(): void;
  isOpen(): boolean;
  dispose(): void;
}

export interface EntityListOptions {
  /** Characters of surrounding text on each side of a mention. */
  snippetRadius?: number;
}

/**
 * The keyboard way in: a panel listing every actor and place on the page, grouped, filterable; each
 * name opens to its mentions in context, and choosing one scrolls the page to it (a tree, after the
 * WAI-ARIA tree view pattern: one tab stop, arrow keys inside).
 */
export function initEntityList(index: FocusableIndex, host: UiHost, options: EntityListOptions = {}): EntityList {
  const doc = host.element.ownerDocument;
  const radius = options.snippetRadius ?? 60;
  host.addStyle('entity-list', css);

  const closeButton = h('button', { type: 'button', class: 'll-button', 'aria-label': 'Close', title: 'Close (Esc)' }, '✕');
  const filter = h('input', {
    type: 'search',
    class: 'panel-filter',
    'aria-label': 'Filter names',
    placeholder: 'Filter names',
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const summary = h('p', { class: 'panel-summary', role: 'status' });
  const groups = h('div', { class: 'panel-groups' });
  const panel = h(
    'section',
    { class: 'panel', role: 'dialog', 'aria-label': ENTITY_LIST_LABEL, 'data-testid': 'libya-lens-entity-list', hidden: true },
    h('header', { class: 'panel-head' }, h('h2', { class: 'panel-title' }, 'Libyan actors and places'), closeButton),
    filter,
    summary,
    groups,
    h('p', { class: 'panel-hint' }, '↑ ↓ to move, Enter to open a name or go to a mention, Esc to close'),
  );
  host.root.append(panel);

  let open = false;
  let returnTo: HTMLElement | undefined;
  let activeKey: string | undefined;
  let visited: number | undefined;
  let signature = '';
  const expanded = new Set<string>();
  const mentionOf = new WeakMap<Element, Mention>();

  const items = () => Array.from(groups.querySelectorAll<HTMLElement>('[role="treeitem"]'));
  const find = (key: string) => items().find((item) => item.dataset.key === key);
  const isMention = (item: HTMLElement) => mentionOf.has(item);
  const entityItemOf = (item: HTMLElement) =>
    isMention(item) ? (item.parentElement?.closest<HTMLElement>('[role="treeitem"]') ?? undefined) : item;

  function currentSignature(): string {
    const open = [...expanded].map((id) => `${id}=${index.mentionsOf(id).map((mention) => mention.id)}`);
    const counts = index.entities().map(({ entity, count }) => `${entity.id}:${count}`);
    return `${filter.value}|${counts}|${open}`;
  }

  function mentionItem(mention: Mention, position: number): HTMLElement {
    const { before, text, after } = snippetOf(mention.range, mention.text, radius);
    const item = h(
      'li',
      {
        role: 'treeitem',
        class: 'mention',
        tabindex: -1,
        'data-key': `m:${mention.id}`,
        'data-mention-id': mention.id,
        'aria-current': visited === mention.id ? 'location' : undefined,
      },
      h('span', { class: 'mention-number', 'aria-hidden': 'true' }, position),
      h('span', { class: 'mention-snippet', dir: 'auto' }, before, h('mark', {}, text), after),
    );
    mentionOf.set(item, mention);
    return item;
  }

  function mentionGroup(entityId: string): HTMLElement {
    return h('ul', { role: 'group' }, ...index.mentionsOf(entityId).map((mention, i) => mentionItem(mention, i + 1)));
  }

  function entityItem({ entity, count }: { entity: EntityInfo; count: number }): HTMLElement {
    const isOpen = expanded.has(entity.id);
    const label = [entity.name, entity.category, entity.camp, plural(count, 'mention')].filter(Boolean).join(', ');
    return h(
      'li',
      {
        role: 'treeitem',
        class: 'entity',
        tabindex: -1,
        'aria-expanded': String(isOpen),
        'aria-label': label,
        'data-key': `e:${entity.id}`,
        'data-entity-id': entity.id,
      },
      h(
        'div',
        { class: 'entity-row' },
        h('span', { class: 'entity-toggle', 'aria-hidden': 'true' }),
        h('span', { class: 'entity-name', dir: 'auto' }, entity.name),
        h('span', { class: 'entity-meta' }, entitySubtitle(entity)),
        h('span', { class: 'entity-count', 'aria-hidden': 'true' }, count),
      ),
      isOpen && mentionGroup(entity.id),
    );
  }

  function render() {
    signature = currentSignature();
    const all = index.entities();
    const query = filter.value.trim();
    const shown = all.filter(({ entity }) => matchesFilter(entity, query));
    const mentions = shown.reduce((sum, { count }) => sum + count, 0);
    groups.replaceChildren();
    if (all.length === 0) {
      summary.textContent = '';
      groups.append(h('p', { class: 'panel-empty' }, NOTHING_FOUND));
      return;
    }
    if (shown.length === 0) {
      summary.textContent = '';
      groups.append(h('p', { class: 'panel-empty' }, `No names match “${query}”`));
      return;
    }
    summary.textContent = `${plural(shown.length, 'name')}, ${plural(mentions, 'mention')}${query ? ` matching “${query}”` : ''}`;
    for (const group of groupEntities(shown)) {
      if (group.items.length === 0) continue;
      const headingId = `libya-lens-list-${group.key}`;
      groups.append(
        h(
          'section',
          { class: 'group', 'data-group': group.key },
          h('h3', { class: 'group-title', id: headingId }, `${group.label} (${group.items.length})`),
          h('ul', { role: 'tree', 'aria-labelledby': headingId }, ...group.items.map(entityItem)),
        ),
      );
    }
    const active = (activeKey && find(activeKey)) || items()[0];
    if (active) setActive(active, false);
  }

  /** Roving tabindex: the active item is the one tab stop of the list. */
  function setActive(item: HTMLElement, focus = true) {
    for (const other of items()) if (other !== item) other.tabIndex = -1;
    item.tabIndex = 0;
    activeKey = item.dataset.key;
    if (focus) item.focus();
  }

  function setExpanded(item: HTMLElement, isOpen: boolean) {
    const id = item.dataset.entityId;
    if (!id) return;
    const group = item.querySelector(':scope > [role="group"]');
    if (isOpen) {
      expanded.add(id);
      if (!group) item.append(mentionGroup(id));
    } else {
      expanded.delete(id);
      group?.remove();
    }
    item.setAttribute('aria-expanded', String(isOpen));
    signature = currentSignature();
  }

  function go(item: HTMLElement) {
    const mention = mentionOf.get(item);
    if (!mention) return;
    visited = mention.id;
    for (const other of items()) other.removeAttribute('aria-current');
    item.setAttribute('aria-current', 'location');
    index.focus(mention);
  }

  /** Re-render after the page changed, keeping the reader's place (or the nearest thing left of it). */
  function refresh() {
    const focused = host.root.activeElement as HTMLElement | null;
    const focusedItem = focused && groups.contains(focused) ? focused : undefined;
    const fallbackKey = focusedItem && entityItemOf(focusedItem)?.dataset.key;
    render();
    if (!focusedItem) return;
    const target = find(focusedItem.dataset.key ?? '') ?? (fallbackKey && find(fallbackKey)) ?? items()[0];
    if (target) setActive(target);
    else filter.focus();
  }

  function onItemKey(event: KeyboardEvent, item: HTMLElement) {
    const list = items();
    const at = list.indexOf(item);
    const move = (target: HTMLElement | undefined) => target && setActive(target);
    const entity = !isMention(item);
    switch (event.key) {
      case 'ArrowDown':
        move(list[at + 1]);
        break;
      case 'ArrowUp':
        if (at === 0) filter.focus();
        else move(list[at - 1]);
        break;
      case 'Home':
        move(list[0]);
        break;
      case 'End':
        move(list[list.length - 1]);
        break;
      case 'ArrowRight':
        if (!entity) break;
        if (item.getAttribute('aria-expanded') === 'true') move(list[at + 1]);
        else setExpanded(item, true);
        break;
      case 'ArrowLeft':
        if (entity) setExpanded(item, false);
        else move(entityItemOf(item));
        break;
      case 'Enter':
      case ' ':
        if (entity) setExpanded(item, item.getAttribute('aria-expanded') !== 'true');
        else go(item);
        break;
      default:
        // Typing a letter on the list types it into the filter (focus moves before the character lands).
        if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) filter.focus();
        return;
    }
    event.preventDefault();
  }

  const controller = new AbortController();
  const signal = controller.signal;
  panel.addEventListener(
    'keydown',
    (event) => {
      // Keys typed in the panel are the panel's: the page's own shortcuts (j/k, "/") must not fire.
      event.stopPropagation();
      if (event.key === 'Escape') {
        event.preventDefault();
        close();
        return;
      }
      const target = event.target as HTMLElement;
      if (target === filter) {
        const first = items()[0];
        if (event.key === 'ArrowDown' && first) {
          event.preventDefault();
          setActive(first);
        }
        return;
      }
      if (target.getAttribute('role') === 'treeitem') onItemKey(event, target);
    },
    { signal },
  );
  for (const type of ['keyup', 'keypress', 'input'] as const) {
    panel.addEventListener(type, (event) => event.stopPropagation(), { signal });
  }
  filter.addEventListener('input', () => render(), { signal });
  closeButton.addEventListener('click', () => close(), { signal });
  groups.addEventListener(
    'click',
    (event) => {
      const item = (event.target as Element).closest<HTMLElement>('[role="treeitem"]');
      if (!item) return;
      setActive(item);
      if (isMention(item)) go(item);
      else setExpanded(item, item.getAttribute('aria-expanded') !== 'true');
    },
    { signal },
  );
  panel.addEventListener('click', (event) => event.stopPropagation(), { signal });

  const stopWatching = index.onChange(() => {
    if (open && currentSignature() !== signature) refresh();
  });

  function openPanel() {
    if (!open) {
      const active = doc.activeElement as HTMLElement | null;
      returnTo = active && active !== host.element && active !== doc.body ? active : undefined;
      open = true;
      panel.hidden = false;
      render();
    }
    filter.focus();
  }

  function close() {
    if (!open) return;
    open = false;
    const active = host.root.activeElement as HTMLElement | null;
    if (active && panel.contains(active)) {
      // preventScroll: the reader may have jumped to a mention far from where they were.
      if (returnTo?.isConnected) returnTo.focus({ preventScroll: true });
      else active.blur();
    }
    returnTo = undefined;
    panel.hidden = true;
    groups.replaceChildren(); // drop the ranges until next time
  }

  return {
    open: openPanel,
    close,
    toggle: () => (open ? close() : openPanel()),
    isOpen: () => open,
    dispose() {
      close();
      controller.abort();
      stopWatching();
      panel.remove();
    },
  };
}
