import { describe, expect, it } from 'vitest';
import { outline } from './outline';
import { MAX_RADIUS, MIN_RADIUS, placePoints, pointLabel, radiusFor } from './points';
import { fitProjection } from './projection';
import type { MapPoint } from './types';

const projection = fitProjection(outline.bbox, { width: 312, height: 300, padding: 14 });
const pt = (key: string, name: string, lat: number, lon: number, count: number): MapPoint => ({ key, name, lat, lon, count });
// Realistic event places: two Libyan cities and two places abroad where Libya-related events are reported.
const TRIPOLI = pt('place:tripoli', 'Tripoli', 32.8874, 13.1873, 12);
const DERNA = pt('place:derna', 'Derna', 32.767, 22.6367, 1);
const CAIRO = pt('name:Cairo', 'Cairo', 30.0444, 31.2357, 3);
const ANKARA = pt('name:Ankara', 'Ankara', 39.9334, 32.8597, 2);

describe('radiusFor', () => {
  it('grows with the square root of the count, within the clamp', () => {
    expect(radiusFor(4) / radiusFor(2)).toBeCloseTo(Math.SQRT2);
    expect(radiusFor(16) / radiusFor(4)).toBeCloseTo(2);
    let last = 0;
    for (let n = 1; n <= 100; n++) {
      expect(radiusFor(n)).toBeGreaterThanOrEqual(last);
      last = radiusFor(n);
    }
  });

  it('never draws smaller than MIN_RADIUS or larger than MAX_RADIUS', () => {
    expect(radiusFor(0)).toBe(MIN_RADIUS);
    expect(radiusFor(1)).toBe(MIN_RADIUS);
    expect(radiusFor(10_000)).toBe(MAX_RADIUS);
    expect(radiusFor(-3)).toBe(MIN_RADIUS);
  });
});

describe('placePoints', () => {
  it('leaves places inside the map where the projection puts them', () => {
    const [placed] = placePoints([TRIPOLI], projection);
    const [x, y] = projection.project([TRIPOLI.lon, TRIPOLI.lat]);
    expect(placed).toMatchObject({ x, y, r: radiusFor(12) });
    expect(placed?.outside).toBeUndefined();
  });

  it('pins places abroad to the edge they lie past, circle wholly inside', () => {
    const placed = placePoints([CAIRO, ANKARA], projection);
    const cairo = placed.find((p) => p.point === CAIRO)!;
    const ankara = placed.find((p) => p.point === ANKARA)!;
    expect(cairo.outside).toBe('east');
    expect(ankara.outside).toBe('north-east');
    for (const p of placed) {
      expect(p.x + p.r).toBeLessThanOrEqual(projection.width);
      expect(p.y - p.r).toBeGreaterThanOrEqual(0);
    }
    expect(cairo.x).toBe(projection.width - cairo.r - 1);
    // Cairo keeps its latitude: it is pinned east, not moved north or south.
    expect(cairo.y).toBeCloseTo(projection.project([CAIRO.lon, CAIRO.lat])[1]);
    expect(ankara.y).toBe(ankara.r + 1);
  });

  it('skips places without usable coordinates', () => {
    const broken = { ...DERNA, key: 'name:Nowhere', lat: Number.NaN };
    expect(placePoints([broken, DERNA], projection).map((p) => p.point.key)).toEqual(['place:derna']);
  });

  it('orders the biggest circles first so small ones paint on top', () => {
    const order = placePoints([DERNA, CAIRO, TRIPOLI, ANKARA], projection).map((p) => p.point.name);
    expect(order).toEqual(['Tripoli', 'Cairo', 'Ankara', 'Derna']);
  });
});

describe('pointLabel', () => {
  it('names the place, the count with its plural, and where a pinned place really is', () => {
    const placed = placePoints([TRIPOLI, CAIRO, DERNA], projection);
    expect(placed.map(pointLabel)).toEqual(['Tripoli: 12 events', 'Cairo, outside the map to the east: 3 events', 'Derna: 1 event']);
  });
});
