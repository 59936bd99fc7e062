import type { AreaGeometry, BBox, Position } from './types';

/**
 * Equirectangular projection with longitudes shrunk by cos(mid-latitude): at Libya's size (~14° of latitude)
 * shapes stay true to within a few percent, and the maths is two multiplications — no projection library.
 */
export interface Projection {
  readonly width: number;
  readonly height: number;
  /** Pixels per degree of latitude. */
  readonly scale: number;
  /** [lon, lat] → [x, y] in SVG user units, y growing southwards. */
  project(position: Position): [number, number];
  /** [x, y] → [lon, lat]. */
  invert(point: readonly [number, number]): [number, number];
}

export interface FitOptions {
  width: number;
  height: number;
  /** Minimum margin on every side, in pixels. */
  padding?: number;
}

/** The projection that shows `bbox` as large as fits in width × height, centred, aspect ratio kept. */
export function fitProjection(bbox: BBox, { width, height, padding = 0 }: FitOptions): Projection {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const midLat = (minLat + maxLat) / 2;
  const xFactor = Math.cos((midLat * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * xFactor, 1e-9);
  const spanY = Math.max(maxLat - minLat, 1e-9);
  const innerW = Math.max(width - 2 * padding, 1);
  const innerH = Math.max(height - 2 * padding, 1);
  const scale = Math.min(innerW / spanX, innerH / spanY);
  // Centre the box: the dimension that does not bind gets the slack split on both sides.
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  return {
    width,
    height,
    scale,
    project: ([lon, lat]) => [offsetX + (lon - minLon) * xFactor * scale, offsetY + (maxLat - lat) * scale],
    invert: ([x, y]) => [minLon + (x - offsetX) / (xFactor * scale), maxLat - (y - offsetY) / scale],
  };
}

const fmt = (n: number, digits: number): string => {
  const s = n.toFixed(digits);
  // "-0.0" and trailing zeros only cost bytes in a path that can hold thousands of numbers.
  return digits > 0 ? s.replace(/\.?0+$/, '').replace(/^-0$/, '0') : s.replace(/^-0$/, '0');
};

/** SVG path data for a polygon or multipolygon: one `M…L…Z` subpath per ring. Use fill-rule evenodd for holes. */
export function pathOf(geometry: AreaGeometry, projection: Projection, digits = 1): string {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const parts: string[] = [];
  for (const polygon of polygons) {
    for (const ring of polygon) {
      const points: string[] = [];
      for (const position of ring) {
        const [x, y] = projection.project(position);
        const pt = `${fmt(x, digits)},${fmt(y, digits)}`;
        // Neighbours within one rounding step collapse; Z closes the ring, so a repeated first point goes too.
        if (pt !== points[points.length - 1]) points.push(pt);
      }
      if (points.length > 1 && points[0] === points[points.length - 1]) points.pop();
      // A ring that collapsed to a point or a segment draws nothing useful.
      if (points.length >= 3) parts.push(`M${points.join('L')}Z`);
    }
  }
  return parts.join('');
}
