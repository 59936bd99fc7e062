import { createLibyaMap } from '../../map/libya-map';
import type { MapPoint } from '../../map/types';
import { locationKey } from '../../timeline/filter';
import type { TimelineEvent } from '../../timeline/types';
import { h } from '../dom';
import { plural } from '../format';

export interface TimelineMap {
  element: HTMLElement;
  update(events: readonly TimelineEvent[], selectedKey?: string): void;
  destroy(): void;
}

/** Events with coordinates, one point per place, sized by how many events happened there. */
export function mapPoints(events: readonly TimelineEvent[]): MapPoint[] {
  const points = new Map<string, MapPoint>();
  for (const event of events) {
    const location = event.lead.location;
    if (!location || location.lat === undefined || location.lon === undefined) continue;
    // The filter's own key: choosing the point must select exactly what the place facet selects.
    const key = locationKey(location);
    const point = points.get(key);
    if (point) point.count++;
    else points.set(key, { key, name: location.name, lat: location.lat, lon: location.lon, count: 1 });
  }
  return [...points.values()];
}

/**
 * The map of the events the other filters leave; choosing a point filters the timeline to that place.
 * In the popup it folds away (a <details>), in the tab it stands beside the list.
 */
export function createTimelineMap(doc: Document, options: { compact: boolean; onSelectPlace(key: string | undefined): void }): TimelineMap {
  const map = createLibyaMap(doc, {
    width: options.compact ? 420 : 560,
    height: options.compact ? 300 : 400,
    onSelectPlace: (place) => options.onSelectPlace(place?.key),
  });
  const summary = h('summary', {}, 'Map');
  const unplaced = h('p', { class: 'tl-map-note' });
  const element = h('details', { class: 'tl-map', 'data-testid': 'timeline-map', open: !options.compact }, summary, map.element, unplaced);
  return {
    element,
    update(events, selectedKey) {
      const points = mapPoints(events);
      const placed = points.reduce((sum, point) => sum + point.count, 0);
      summary.textContent = `Map · ${plural(points.length, 'place')}`;
      unplaced.textContent = events.length > placed ? `${plural(events.length - placed, 'event')} without coordinates not shown.` : '';
      map.update(points, selectedKey);
    },
    destroy: () => map.destroy(),
  };
}
