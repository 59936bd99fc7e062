import { describe, expect, it } from 'vitest';
import { makeClip } from '../../storage/fixtures';
import { facets } from '../../timeline/filter';
import { groupEvents } from '../../timeline/group';
import { mapPoints } from './map-panel';

describe('mapPoints', () => {
  it('keys each place as the place facet does, so choosing a point filters to exactly that place', () => {
    const base = makeClip();
    const clips = [
      makeClip({ location: { name: 'Bir Tuwaylah ', lat: 31.1, lon: 12.2, geoPrecision: 1 }, eventDate: { ...base.eventDate, day: '2020-01-01' } }),
      makeClip({ location: { name: 'Sirte', entityId: 'place:sirte', lat: 31.2, lon: 16.6, geoPrecision: 1 }, eventDate: { ...base.eventDate, day: '2020-01-02' } }),
      makeClip({ location: { name: 'Nowhere known', geoPrecision: 1 }, eventDate: { ...base.eventDate, day: '2020-01-03' } }),
    ];
    const events = groupEvents(clips);
    const points = mapPoints(events);
    const facetKeys = facets(events, {}).places.map((p) => p.key);
    // The facet also lists places merely mentioned; every point is one of its choices.
    expect(points.map((p) => p.key).sort()).toEqual(['name:bir tuwaylah', 'place:sirte']);
    for (const point of points) expect(facetKeys).toContain(point.key);
    expect(points.every((p) => p.count === 1)).toBe(true);
  });
});
