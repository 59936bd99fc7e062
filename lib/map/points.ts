import type { Projection } from './projection';
import type { MapPoint } from './types';

/** Radius of a point with one event, and the cap: past ~26 events circles stop growing so they stay legible. */
export const MIN_RADIUS = 4;
export const MAX_RADIUS = 18;
const RADIUS_PER_SQRT_EVENT = 3.5;

/**
 * Circle radius for an event count. Area, not radius, grows with the count (sqrt scale), on a fixed scale rather
 * than relative to the busiest place, so a place's circle does not shrink when another place gains events.
 */
export function radiusFor(count: number): number {
  const r = RADIUS_PER_SQRT_EVENT * Math.sqrt(Math.max(count, 0));
  return Math.min(MAX_RADIUS, Math.max(MIN_RADIUS, r));
}

export type Side = 'north' | 'south' | 'east' | 'west' | 'north-east' | 'north-west' | 'south-east' | 'south-west';

export interface PlacedPoint {
  point: MapPoint;
  x: number;
  y: number;
  r: number;
  /** Set when the place lies beyond the visible map: the circle is pinned to that edge. */
  outside?: Side;
}

/**
 * Projects the points and pins those beyond the map to its edge (events abroad, e.g. Cairo or Ankara, stay
 * visible and selectable instead of vanishing). Every circle is kept wholly inside the map. Points without finite
 * coordinates cannot be drawn and are left out. Ordered biggest first — SVG paints later elements on top, so
 * small circles stay clickable above big ones, and keyboard order then runs from the busiest place down.
 */
export function placePoints(points: readonly MapPoint[], projection: Projection): PlacedPoint[] {
  const { width, height } = projection;
  const placed: PlacedPoint[] = [];
  for (const point of points) {
    if (!Number.isFinite(point.lat) || !Number.isFinite(point.lon)) continue;
    const [px, py] = projection.project([point.lon, point.lat]);
    const r = radiusFor(point.count);
    const ns = py < 0 ? 'north' : py > height ? 'south' : '';
    const ew = px < 0 ? 'west' : px > width ? 'east' : '';
    const side = (ns && ew ? `${ns}-${ew}` : ns || ew) as Side | '';
    const x = clamp(px, r + 1, width - r - 1);
    const y = clamp(py, r + 1, height - r - 1);
    placed.push(side ? { point, x, y, r, outside: side } : { point, x, y, r });
  }
  return placed.sort((a, b) => b.r - a.r || b.point.count - a.point.count || a.point.name.localeCompare(b.point.name) || (a.point.key < b.point.key ? -1 : 1));
}

function clamp(v: number, lo: number, hi: number): number {
  return lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, v));
}

/** The accessible name of a point, e.g. "Tripoli: 12 events" or "Cairo, outside the map to the east: 1 event". */
export function pointLabel(p: Pick<PlacedPoint, 'point' | 'outside'>): string {
  const where = p.outside ? `, outside the map to the ${p.outside}` : '';
  return `${p.point.name}${where}: ${p.point.count} ${p.point.count === 1 ? 'event' : 'events'}`;
}
