import type { TimelineEvent } from '../../timeline/types';
import { articleLink } from '../../timeline/links';
import { h } from '../dom';
import { plural, shorten } from '../format';
import { dayHeading } from '../../timeline/day-labels';

/** The list's rows: a heading per day, then that day's events. */
export type TimelineRow =
  | { kind: 'day'; key: string; label: string; count: number }
  | { kind: 'event'; key: string; event: TimelineEvent };

/** Fixed heights let the list place 10,000 rows without measuring any (virtual-list.ts). */
export const ROW_HEIGHT = { day: 30, event: 136 } as const;

export type Order = 'oldest' | 'newest';

/** Two lines of the row's width hold about this much of the clipped passage. */
const OPENING_CHARS = 220;

/** Rows for events already in timeline order; `newest` reverses days and the events within them. */
export function toRows(events: readonly TimelineEvent[], order: Order, previous?: Map<string, TimelineRow>): TimelineRow[] {
  const ordered = order === 'newest' ? [...events].reverse() : events;
  const rows: TimelineRow[] = [];
  let heading: (TimelineRow & { kind: 'day' }) | undefined;
  for (const event of ordered) {
    const label = dayHeading(event.day, event.precision);
    const key = `day:${event.precision}:${event.day}`;
    if (!heading || heading.key !== key) {
      heading = { kind: 'day', key, label, count: 0 };
      rows.push(heading);
    }
    heading.count++;
    const eventKey = `event:${event.id}`;
    // The same event object keeps its row object, so the list does not rebuild unchanged rows.
    const old = previous?.get(eventKey);
    rows.push(old && old.kind === 'event' && old.event === event ? old : { kind: 'event', key: eventKey, event });
  }
  return rows;
}

export const GRADE_LABEL: Record<TimelineEvent['grade'], string> = {
  confirmed: 'Confirmed',
  contested: 'Contested',
  fair: 'Fair',
  weak: 'Weak',
};

/** What is known of an event's day at each ACLED precision, for the reader ('' when the day itself). */
export const PRECISION_NOTE = { 1: '', 2: 'week', 3: 'month' } as const;

/** "LNA → Civilians (Libya)"; associates are left for the details. */
export function actorsLine(event: TimelineEvent): string {
  const { actor1, actor2 } = event.lead;
  if (actor1 && actor2) return `${actor1.name} → ${actor2.name}`;
  return actor1?.name ?? actor2?.name ?? 'Actors not identified';
}

export function placeLine(event: TimelineEvent): string {
  const location = event.lead.location;
  if (!location) return 'Place not identified';
  return location.admin1 && location.admin1 !== location.name ? `${location.name}, ${location.admin1}` : location.name;
}

/** The sentence a screen reader hears for the row. */
export function eventSummary(event: TimelineEvent): string {
  const precision = PRECISION_NOTE[event.precision];
  return [
    `${event.lead.event.subEventType}`,
    placeLine(event),
    `${dayHeading(event.day, event.precision)}${precision ? ` (${precision} known)` : ''}`,
    actorsLine(event),
    `${GRADE_LABEL[event.grade]}: ${plural(event.sources.length, 'source')}`,
    event.clips.some((c) => c.edits) ? 'edited by you' : '',
  ]
    .filter(Boolean)
    .join(', ');
}

export interface RowActions {
  isSelected(eventId: string): boolean;
  onSelect(eventId: string, selected: boolean): void;
  onOpen(eventId: string): void;
  onDelete(eventId: string): void;
}

export function renderDayRow(row: TimelineRow & { kind: 'day' }): HTMLElement {
  // Headings are not feed articles: each article's own label carries its day for screen readers.
  return h('div', { class: 'tl-day', 'aria-hidden': 'true' }, h('span', {}, row.label), h('span', { class: 'tl-day-count' }, plural(row.count, 'event')));
}

export function renderEventRow(event: TimelineEvent, actions: RowActions, fresh: boolean): HTMLElement {
  const { lead } = event;
  const id = `ev-${event.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const link = articleLink(lead);
  const edited = event.clips.some((clip) => clip.edits);
  const precision = PRECISION_NOTE[event.precision];
  const checkbox = h('input', { type: 'checkbox', class: 'tl-select', 'aria-label': 'Select for merging or deleting' });
  checkbox.checked = actions.isSelected(event.id);
  checkbox.addEventListener('change', () => actions.onSelect(event.id, checkbox.checked));
  const others = event.sources.length - 1;
  const row = h(
    'article',
    {
      class: `tl-event${fresh ? ' tl-event--new' : ''}`,
      'aria-labelledby': `${id}-label`,
      'data-testid': 'timeline-event',
      'data-event-id': event.id,
      'data-grade': event.grade,
    },
    h('span', { id: `${id}-label`, class: 'sr-only' }, eventSummary(event)),
    h(
      'div',
      { class: 'tl-top' },
      checkbox,
      h('span', { class: 'tl-date' }, lead.eventDate.day, precision ? h('span', { class: 'tl-precision' }, ` ±${precision}`) : null),
      h('span', { class: 'tl-grade', 'data-grade': event.grade, title: event.gradeReason }, `${GRADE_LABEL[event.grade]} · ${plural(event.sources.length, 'source')}`),
      edited ? h('span', { class: 'tl-edited', title: 'You corrected this event' }, 'Edited') : null,
    ),
    h('div', { class: 'tl-type' }, lead.event.subEventType, h('span', { class: 'tl-place' }, ` · ${placeLine(event)}`)),
    h('div', { class: 'tl-actors' }, actorsLine(event), lead.fatalities.count > 0 ? ` · ${plural(lead.fatalities.count, 'death')}` : ''),
    h('p', { class: 'tl-text' }, shorten(lead.selection ?? lead.text, OPENING_CHARS)),
    h(
      'div',
      { class: 'tl-foot' },
      link
        ? h('a', { href: link, target: '_blank', rel: 'noreferrer', class: 'tl-source', title: lead.article.title }, `${lead.article.outlet} ↗`)
        : h('span', { class: 'tl-source' }, lead.article.outlet),
      others > 0 ? h('span', { class: 'tl-more' }, ` +${others} more`) : null,
      h('span', { class: 'tl-spacer' }),
      h('button', { type: 'button', class: 'tl-button', 'data-action': 'open' }, 'Details'),
      h('button', { type: 'button', class: 'tl-button', 'data-action': 'delete', 'aria-label': `Delete event: ${lead.event.subEventType}, ${lead.eventDate.day}` }, 'Delete'),
    ),
  );
  row.querySelector('[data-action=open]')!.addEventListener('click', () => actions.onOpen(event.id));
  row.querySelector('[data-action=delete]')!.addEventListener('click', () => actions.onDelete(event.id));
  // Enter on the row itself opens it; Delete removes it (both undoable or harmless).
  row.addEventListener('keydown', (e) => {
    if (e.target !== row) return;
    if (e.key === 'Enter') actions.onOpen(event.id);
    if (e.key === 'Delete') actions.onDelete(event.id);
  });
  return row;
}
