import { isFiltered, type FacetCount, type TimelineFilter } from '../../timeline/filter';
import { h } from '../dom';

export interface FilterFacets {
  actors: FacetCount[];
  places: FacetCount[];
  eventTypes: FacetCount[];
}

export interface FilterBar {
  element: HTMLElement;
  /** Shows the filter and the counts under it; the reader's typing and focus are left alone. */
  update(filter: TimelineFilter, facets: FilterFacets): void;
}

type Facet = 'actors' | 'places' | 'eventTypes';

const FACETS: ReadonlyArray<{ key: Facet; label: string; all: string }> = [
  { key: 'actors', label: 'Actor', all: 'All actors' },
  { key: 'places', label: 'Place', all: 'All places' },
  { key: 'eventTypes', label: 'Event type', all: 'All event types' },
];

/**
 * Search, one choice per facet (with the number of events each would leave), a date range, and a way to
 * clear them all. Every change calls `onChange` with the whole new filter.
 */
export function createFilterBar(onChange: (filter: TimelineFilter) => void): FilterBar {
  let current: TimelineFilter = {};
  const emit = (next: TimelineFilter) => {
    current = next;
    onChange(next);
  };
  const search = h('input', {
    type: 'search',
    class: 'tl-search',
    placeholder: 'Search clips: words or "a phrase"',
    'aria-label': 'Search the timeline',
    'data-testid': 'timeline-search',
    maxlength: 500,
  });
  search.addEventListener('input', () => emit({ ...current, text: search.value || undefined }));

  const selects = new Map<Facet, HTMLSelectElement>();
  const facetFields = FACETS.map(({ key, label, all }) => {
    const select = h('select', { 'aria-label': label, 'data-facet': key, 'data-testid': `timeline-filter-${key}` }, h('option', { value: '' }, all));
    select.addEventListener('change', () => emit({ ...current, [key]: select.value ? [select.value] : undefined }));
    selects.set(key, select);
    return select;
  });

  const from = h('input', { type: 'date', 'aria-label': 'From', min: '1900-01-01', max: '2100-12-31', 'data-testid': 'timeline-from' });
  const to = h('input', { type: 'date', 'aria-label': 'To', min: '1900-01-01', max: '2100-12-31', 'data-testid': 'timeline-to' });
  from.addEventListener('change', () => emit({ ...current, from: from.value || undefined }));
  to.addEventListener('change', () => emit({ ...current, to: to.value || undefined }));
  const clear = h('button', { type: 'button', class: 'tl-button', 'data-testid': 'timeline-clear' }, 'Clear filters');
  clear.addEventListener('click', () => emit({}));

  const element = h(
    'div',
    { class: 'tl-filters', role: 'search', 'aria-label': 'Filter the timeline' },
    search,
    h('div', { class: 'tl-facets' }, ...facetFields),
    h('div', { class: 'tl-dates' }, h('span', { class: 'tl-dates-label', 'aria-hidden': 'true' }, 'From'), from, h('span', { 'aria-hidden': 'true' }, 'to'), to, clear),
  );

  // Rebuilding 300 options per keystroke is most of a filter's cost: only when the counts changed.
  const signatures = new Map<Facet, string>();
  return {
    element,
    update(filter, facets) {
      current = filter;
      if (search.value !== (filter.text ?? '') && search.ownerDocument.activeElement !== search) search.value = filter.text ?? '';
      for (const { key, all } of FACETS) {
        const select = selects.get(key)!;
        const chosen = filter[key]?.[0] ?? '';
        const options = facets[key];
        const signature = `${chosen}\u0000${options.map((o) => `${o.key}\u0001${o.count}`).join('\u0000')}`;
        if (signatures.get(key) !== signature) {
          signatures.set(key, signature);
          const rows = options.map((o) => h('option', { value: o.key }, `${o.label} (${o.count})`));
          // A choice that no event has any more (it was deleted) stays visible, so the reader sees why nothing shows.
          if (chosen && !options.some((o) => o.key === chosen)) rows.unshift(h('option', { value: chosen }, `${chosen.replace(/^name:/, '')} (0)`));
          select.replaceChildren(h('option', { value: '' }, all), ...rows);
        }
        select.value = chosen;
      }
      from.value = filter.from ?? '';
      to.value = filter.to ?? '';
      clear.disabled = !isFiltered(filter);
    },
  };
}
