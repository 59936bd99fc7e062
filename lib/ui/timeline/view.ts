import type { ClipEdit, ClipRecord } from '../../extraction/types';
import type { ClipError } from '../../messaging/protocol';
import type { TimelineSources } from '../../timeline/client';
import { describeFilter, facets, filterEvents, isFiltered, type TimelineFilter } from '../../timeline/filter';
import { TimelineModel } from '../../timeline/model';
import type { TimelineEvent } from '../../timeline/types';
import { h } from '../dom';
import { plural } from '../format';
import { openEventDialog } from './detail';
import { editChoices } from './edit-form';
import type { Entity } from '../../kb/types';
import { createExportBar } from './export-bar';
import { createFilterBar } from './filter-bar';
import { createTimelineMap, type TimelineMap } from './map-panel';
import { renderDayRow, renderEventRow, ROW_HEIGHT, toRows, type Order, type TimelineRow } from './rows';
import { VirtualList } from '../virtual-list';

export interface TimelineOptions {
  sources: TimelineSources;
  /** The popup is narrow and short; the tab view shows the map beside the list. */
  layout: 'popup' | 'tab';
  /** The clip-selection shortcut as the browser reports it, for the empty state. */
  shortcut?: string;
  now?: () => Date;
  /** Written into backups ("Libya Lens 0.1.0"). */
  generator: string;
  /** The reader's watchlist as entities, for the editor's suggestions. */
  readerEntities?(): Promise<readonly Entity[]>;
  /** Sends the reader to the full view to pick a backup file (see ExportBarOptions.restoreElsewhere). */
  restoreElsewhere?(): void;
  /** The full view opened to restore a backup (from the Firefox popup). */
  restoreRequested?: boolean;
  /** How long a clip that just arrived stays tinted. */
  freshMs?: number;
  /** Clips fetched for the first paint; the rest follow in larger pages. */
  firstPage?: number;
}

export interface TimelineHandle {
  model: TimelineModel;
  /** Resolves once every clip is loaded. */
  loaded: Promise<void>;
  setFilter(filter: TimelineFilter): void;
  destroy(): void;
}

const PAGE = 2500;
const UNDO_MS = 10_000;

const isError = (answer: object): answer is { error: ClipError } => 'error' in answer;

/**
 * The event timeline: clips grouped into events under day headings, filtered and searched, on a map,
 * exported and restored; it follows the worker's broadcasts, so a clip made in any tab appears at once.
 * The same view serves the popup and the full-page tab.
 */
export function mountTimeline(root: HTMLElement, options: TimelineOptions): TimelineHandle {
  const doc = root.ownerDocument;
  const { sources } = options;
  const now = options.now ?? (() => new Date());
  const model = new TimelineModel();
  let filter: TimelineFilter = {};
  let order: Order = 'oldest';
  let loading = true;
  let rowsByKey = new Map<string, TimelineRow>();
  let shown: TimelineEvent[] = [];
  const selected = new Set<string>();
  let readerEntities: readonly Entity[] = [];
  options.readerEntities?.().then(
    (list) => (readerEntities = list),
    () => undefined,
  );
  const fresh = new Set<string>();

  const status = h('p', { class: 'tl-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'timeline-status' });
  const announcer = h('p', { class: 'sr-only', 'aria-live': 'polite' });
  const notice = h('div', { class: 'tl-notice', 'data-testid': 'timeline-notice' });
  const selectionBar = h('div', { class: 'tl-selection', hidden: true });
  const viewport = h('div', { class: 'tl-viewport', 'data-testid': 'timeline-list' });
  const empty = h('div', { class: 'tl-empty', hidden: true, 'data-testid': 'timeline-empty' });
  const orderToggle = h('button', { type: 'button', class: 'tl-button tl-order', 'aria-pressed': 'false' }, 'Newest first');

  const filterBar = createFilterBar((next) => setFilter(next));
  const map: TimelineMap = createTimelineMap(doc, {
    compact: options.layout === 'popup',
    onSelectPlace: (key) => setFilter({ ...filter, places: key ? [key] : undefined }),
  });
  const exportBar = createExportBar(doc, {
    now,
    generator: options.generator,
    current: () => ({ events: shown, all: model.events(), filtered: isFiltered(filter), description: describeFilter(filter) }),
    importRecords: (records) => sources.import(records),
    restoreElsewhere: options.restoreElsewhere,
    restoreRequested: options.restoreRequested,
  });

  const list = new VirtualList<TimelineRow>({
    viewport,
    key: (row) => row.key,
    height: (row) => ROW_HEIGHT[row.kind],
    focusable: (row) => row.kind === 'event',
    render: (row) =>
      row.kind === 'day'
        ? renderDayRow(row)
        : renderEventRow(row.event, rowActions, row.event.clips.some((clip) => fresh.has(clip.id))),
  });
  list.element.setAttribute('aria-label', 'Clipped events');

  root.replaceChildren(
    h(
      'div',
      { class: `tl tl--${options.layout}` },
      h('div', { class: 'tl-controls' }, filterBar.element, h('div', { class: 'tl-statusbar' }, status, orderToggle)),
      h('div', { class: 'tl-body' }, h('div', { class: 'tl-main' }, selectionBar, empty, viewport), map.element),
      exportBar.element,
      notice,
      announcer,
    ),
  );

  orderToggle.addEventListener('click', () => {
    order = order === 'oldest' ? 'newest' : 'oldest';
    orderToggle.setAttribute('aria-pressed', String(order === 'newest'));
    render();
  });

  function setFilter(next: TimelineFilter): void {
    filter = next;
    render();
  }

  let renderFrame = 0;
  /** Coalesces bursts (typing, a stream of broadcasts) into one render per frame. */
  function scheduleRender(): void {
    if (renderFrame) return;
    renderFrame = doc.defaultView!.requestAnimationFrame(() => {
      renderFrame = 0;
      render();
    });
  }

  function render(): void {
    performance.mark('libya-lens:timeline:render-start');
    const events = model.events();
    shown = filterEvents(events, filter);
    const counts = facets(events, filter);
    filterBar.update(filter, counts);
    const rows = toRows(shown, order, rowsByKey);
    rowsByKey = new Map(rows.map((row) => [row.key, row]));
    list.setItems(rows);
    const clipCount = shown.reduce((sum, event) => sum + event.clips.length, 0);
    status.textContent = loading
      ? `Loading… ${plural(model.size, 'clip')} so far`
      : isFiltered(filter)
        ? `${plural(shown.length, 'event')} of ${events.length} (${plural(clipCount, 'clip')})`
        : `${plural(events.length, 'event')} from ${plural(model.size, 'clip')}`;
    renderEmpty(events.length === 0, shown.length === 0);
    map.update(filterEvents(events, { ...filter, places: undefined }), filter.places?.[0]);
    exportBar.update(shown.length, events.length, isFiltered(filter));
    renderSelectionBar();
    performance.measure('libya-lens:timeline:render', 'libya-lens:timeline:render-start');
  }

  function renderEmpty(noClips: boolean, noneShown: boolean): void {
    empty.hidden = loading || !noneShown;
    viewport.hidden = !empty.hidden;
    if (empty.hidden) return;
    if (noClips) {
      empty.replaceChildren(
        h('h2', {}, 'No clips yet'),
        h('p', {}, 'On a news page about Libya, hover a paragraph and press “Clip to timeline” in its margin.'),
        h('p', {}, 'Or select a passage and use “Clip selection to Libya timeline” from the right-click menu', options.shortcut ? `, or press ${options.shortcut}.` : '.'),
        h('p', {}, 'Each clip becomes a dated event here: what happened, where, who was involved, and who says so.'),
      );
    } else {
      const clear = h('button', { type: 'button', class: 'tl-button' }, 'Clear filters');
      clear.addEventListener('click', () => setFilter({}));
      empty.replaceChildren(h('p', {}, 'No events match these filters.'), clear);
    }
  }

  function renderSelectionBar(): void {
    for (const id of selected) if (!shown.some((event) => event.id === id)) selected.delete(id);
    selectionBar.hidden = selected.size === 0;
    if (selectionBar.hidden) return selectionBar.replaceChildren();
    const merge = h('button', { type: 'button', class: 'tl-button', disabled: selected.size < 2, 'data-testid': 'timeline-merge' }, `Merge ${plural(selected.size, 'event')}`);
    const remove = h('button', { type: 'button', class: 'tl-button tl-danger' }, `Delete ${plural(selected.size, 'event')}`);
    const cancel = h('button', { type: 'button', class: 'tl-button' }, 'Clear selection');
    merge.addEventListener('click', () => void regroup([...selected], 'merge'));
    remove.addEventListener('click', () => void deleteEvents([...selected]));
    cancel.addEventListener('click', () => {
      selected.clear();
      rowsByKey.clear();
      render();
    });
    selectionBar.replaceChildren(h('span', {}, `${selected.size} selected`), merge, remove, cancel);
  }

  const eventById = (id: string) => model.events().find((event) => event.id === id);

  function say(message: string, tone: 'info' | 'error' = 'info', undo?: () => void): void {
    const close = h('button', { type: 'button', class: 'tl-button', 'aria-label': 'Dismiss' }, '×');
    const parts: HTMLElement[] = [h('span', {}, message)];
    let timer = 0;
    if (undo) {
      const button = h('button', { type: 'button', class: 'tl-button tl-primary', 'data-testid': 'timeline-undo' }, 'Undo');
      button.addEventListener('click', () => {
        doc.defaultView!.clearTimeout(timer);
        notice.replaceChildren();
        undo();
      });
      parts.push(button);
    }
    close.addEventListener('click', () => notice.replaceChildren());
    notice.replaceChildren(h('div', { class: `tl-toast tl-toast--${tone}`, role: tone === 'error' ? 'alert' : 'status' }, ...parts, close));
    timer = doc.defaultView!.setTimeout(() => notice.replaceChildren(), undo ? UNDO_MS : 8000);
  }

  async function deleteEvents(eventIds: string[]): Promise<void> {
    const ids = eventIds.flatMap((id) => eventById(id)?.clips.map((clip) => clip.id) ?? []);
    if (ids.length === 0) return;
    const answer = await sources.delete(ids);
    if (isError(answer)) return say(answer.error.message, 'error');
    model.remove(answer.deleted.map((clip) => clip.id));
    for (const id of eventIds) selected.delete(id);
    render();
    const deleted = answer.deleted;
    say(`Deleted ${plural(eventIds.length, 'event')} (${plural(deleted.length, 'clip')}).`, 'info', () => void undoDelete(deleted));
  }

  async function undoDelete(records: ClipRecord[]): Promise<void> {
    const answer = await sources.restore(records);
    if (isError(answer)) return say(answer.error.message, 'error');
    model.put(records);
    render();
    say(`Restored ${plural(records.length, 'clip')}.`);
  }

  async function regroup(eventIds: string[], mode: 'merge' | 'split'): Promise<void> {
    const ids = eventIds.flatMap((id) => eventById(id)?.clips.map((clip) => clip.id) ?? []);
    const answer = await sources.regroup(ids, mode);
    if (isError(answer)) return say(answer.error.message, 'error');
    model.put(answer.records);
    selected.clear();
    render();
    say(mode === 'merge' ? `Merged into one event of ${plural(ids.length, 'clip')}.` : `Split into ${plural(ids.length, 'event')}.`);
  }

  async function editEvent(event: TimelineEvent, edit: ClipEdit): Promise<string | undefined> {
    // The correction is the event's: every clip reporting it takes it (in one transaction), so they stay one event.
    const answer = await sources.edit(
      event.clips.map((clip) => clip.id),
      edit,
    );
    if (isError(answer)) return answer.error.message;
    model.put(answer.records);
    render();
    say('Correction saved; it is marked as yours.');
    return undefined;
  }

  const rowActions = {
    isSelected: (id: string) => selected.has(id),
    onSelect(id: string, on: boolean) {
      if (on) selected.add(id);
      else selected.delete(id);
      renderSelectionBar();
    },
    onOpen(id: string) {
      const event = eventById(id);
      if (!event) return;
      const row = list.elementOf(`event:${id}`);
      openEventDialog(
        doc,
        event,
        {
          onEdit: editEvent,
          onSplit: (e) => void regroup([e.id], 'split'),
          onDelete: (e) => void deleteEvents([e.id]),
          choices: () => editChoices(readerEntities),
        },
        row,
      );
    },
    onDelete: (id: string) => void deleteEvents([id]),
  };

  // Changes from other tabs (or this view's own writes, echoed back): merge into the model.
  const unsubscribe = sources.subscribe((change) => {
    if (change.kind === 'stored') {
      const added = change.records.filter((record) => !model.has(record.id));
      for (const record of added) fresh.add(record.id);
      // The tint says "just arrived"; after a few seconds it is just another event.
      if (added.length > 0)
        doc.defaultView!.setTimeout(() => {
          for (const record of added) fresh.delete(record.id);
          for (const row of root.querySelectorAll<HTMLElement>('.tl-event--new')) {
            const event = model.events().find((e) => e.id === row.dataset.eventId);
            if (!event?.clips.some((clip) => fresh.has(clip.id))) row.classList.remove('tl-event--new');
          }
        }, options.freshMs ?? 6_000);
      if (added.length > 0 && added.length <= 3)
        announcer.textContent = added.map((r) => `New clip: ${r.event.subEventType}${r.location ? ` in ${r.location.name}` : ''}, ${r.eventDate.day}`).join('. ');
    }
    model.apply(change);
    scheduleRender();
  });

  async function load(): Promise<void> {
    let after: string | undefined;
    let limit = options.firstPage ?? 200;
    for (let page = 0; ; page++) {
      const answer = await sources.list(after, limit);
      if (isError(answer)) {
        loading = false;
        render();
        return say(answer.error.message, 'error');
      }
      model.put(answer.clips);
      after = answer.next;
      loading = after !== undefined;
      if (page === 0) {
        // The first page is on screen before the rest is asked for.
        render();
        performance.mark('libya-lens:timeline:first-paint');
      }
      if (after === undefined) break;
      limit = PAGE;
    }
    loading = false;
    render();
    performance.mark('libya-lens:timeline:loaded');
  }

  render();
  const loaded = load();
  return {
    model,
    loaded,
    setFilter,
    destroy() {
      unsubscribe();
      list.destroy();
      map.destroy();
    },
  };
}
