import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getEntity } from '../kb';
import { outline } from './outline';
import { fitProjection, pathOf } from './projection';
import type { AreaGeometry, BBox, Position } from './types';

const place = (id: string): Position => {
  const e = getEntity(id);
  if (!e || e.kind !== 'location') throw new Error(`${id} missing from the gazetteer`);
  return [e.lon, e.lat];
};

describe('fitProjection', () => {
  const box: BBox = [10, 20, 20, 30];
  const cos25 = Math.cos((25 * Math.PI) / 180);

  it('fits the binding dimension to the padding and centres the other', () => {
    const p = fitProjection(box, { width: 200, height: 100, padding: 10 });
    const [left, top] = p.project([10, 30]);
    const [right, bottom] = p.project([20, 20]);
    expect(top).toBeCloseTo(10);
    expect(bottom).toBeCloseTo(90);
    expect(left + right).toBeCloseTo(200); // centred horizontally
    expect(left).toBeGreaterThan(10);
    expect(p.scale).toBeCloseTo(8);
  });

  it('lets the width bind when the frame is tall', () => {
    const p = fitProjection(box, { width: 100, height: 400, padding: 5 });
    const [left, top] = p.project([10, 30]);
    const [right, bottom] = p.project([20, 20]);
    expect(left).toBeCloseTo(5);
    expect(right).toBeCloseTo(95);
    expect(top + bottom).toBeCloseTo(400);
  });

  it('keeps the aspect ratio: x shrinks by cos(mid-latitude), never stretched to the frame', () => {
    for (const [width, height] of [[200, 100], [100, 400], [312, 300]] as const) {
      const p = fitProjection(box, { width, height, padding: 8 });
      const [x0, y0] = p.project([10, 30]);
      const [x1, y1] = p.project([20, 20]);
      expect((x1 - x0) / (y1 - y0)).toBeCloseTo(cos25, 6);
    }
  });

  it('puts Tripoli in the north-west of Libya, Benghazi east of it and Sabha south', () => {
    const p = fitProjection(outline.bbox, { width: 312, height: 300, padding: 14 });
    const [tx, ty] = p.project(place('place:tripoli'));
    const [bx] = p.project(place('place:benghazi'));
    const [, sy] = p.project(place('place:sabha'));
    expect(tx).toBeLessThan(156);
    expect(ty).toBeLessThan(150);
    expect(bx).toBeGreaterThan(tx + 100);
    expect(sy).toBeGreaterThan(ty + 100);
  });

  it('keeps the whole outline inside the padded frame', () => {
    const p = fitProjection(outline.bbox, { width: 312, height: 300, padding: 14 });
    const positions = outline.libya.type === 'Polygon' ? outline.libya.coordinates.flat() : outline.libya.coordinates.flat(2);
    const xy = positions.map((pos) => p.project(pos));
    const xs = xy.map(([x]) => x);
    const ys = xy.map(([, y]) => y);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(14 - 1e-9);
    expect(Math.max(...xs)).toBeLessThanOrEqual(298 + 1e-9);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(14 - 1e-9);
    expect(Math.max(...ys)).toBeLessThanOrEqual(286 + 1e-9);
  });

  it('inverts what it projects', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -20, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 45, noNaN: true }),
        fc.integer({ min: 50, max: 1000 }),
        fc.integer({ min: 50, max: 1000 }),
        (lon, lat, width, height) => {
          const p = fitProjection(outline.bbox, { width, height, padding: 10 });
          const [lon2, lat2] = p.invert(p.project([lon, lat]));
          expect(lon2).toBeCloseTo(lon, 6);
          expect(lat2).toBeCloseTo(lat, 6);
        },
      ),
    );
  });
});

describe('pathOf', () => {
  const p = fitProjection([0, 0, 10, 10], { width: 100, height: 100 });
  const subpath = /M-?\d+(\.\d)?,-?\d+(\.\d)?(L-?\d+(\.\d)?,-?\d+(\.\d)?)+Z/g;

  it('draws each ring as one closed subpath, without repeating the first point', () => {
    const square: AreaGeometry = { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]] };
    const d = pathOf(square, p);
    expect(d).toMatch(/^(M[^MZ]+Z)+$/);
    expect(d.replace(subpath, '')).toBe('');
    expect(d.split('L')).toHaveLength(4);
    const [x0, y0] = p.project([0, 0]);
    expect(d.startsWith(`M${Number(x0.toFixed(1))},${Number(y0.toFixed(1))}L`)).toBe(true);
  });

  it('draws holes and every polygon of a multipolygon', () => {
    const multi: AreaGeometry = {
      type: 'MultiPolygon',
      coordinates: [
        [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]]],
        [[[6, 6], [9, 6], [9, 9], [6, 6]]],
      ],
    };
    const d = pathOf(multi, p);
    expect(d.match(subpath)).toHaveLength(3);
    expect(d.replace(subpath, '')).toBe('');
  });

  it('drops rings that collapse below a pixel and positions that repeat after rounding', () => {
    const tiny: AreaGeometry = {
      type: 'MultiPolygon',
      coordinates: [
        [[[5, 5], [5.001, 5], [5.001, 5.001], [5, 5]]],
        [[[0, 0], [0.0001, 0], [10, 0], [10, 10], [0, 0]]],
      ],
    };
    const d = pathOf(tiny, p);
    expect(d.match(subpath)).toHaveLength(1);
    expect(d.split('L')).toHaveLength(3);
  });

  it('renders the bundled outline as a well-formed path', () => {
    const q = fitProjection(outline.bbox, { width: 312, height: 300, padding: 14 });
    const d = pathOf(outline.libya, q);
    expect(d.replace(subpath, '')).toBe('');
    expect(d.split('L').length).toBeGreaterThan(100);
    expect(d).not.toMatch(/NaN|Infinity|-0[,LZ]/);
  });
});
