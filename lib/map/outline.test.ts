import { check } from '@placemarkio/check-geojson';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getEntity } from '../kb';
import { outline } from './outline';
import type { AreaGeometry, Position } from './types';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DATA = fileURLToPath(new URL('./data/libya-outline.json', import.meta.url));

const polygonsOf = (g: AreaGeometry): Position[][][] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);
const signedArea = (ring: Position[]) => {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j]![0] - ring[i]![0]) * (ring[j]![1] + ring[i]![1]);
  return sum / 2;
};

describe('libya-outline.json', () => {
  it('is what tests/tools/build-outline.mjs builds from world-atlas and the gazetteer (--check)', () => {
    const out = execFileSync(process.execPath, ['tests/tools/build-outline.mjs', '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toMatch(/up to date/);
  });

  it('stays small enough to ship in the popup', () => {
    expect(statSync(DATA).size).toBeLessThan(15_000);
  });

  it('holds valid GeoJSON geometries with RFC 7946 winding', () => {
    const geometries = [outline.libya, ...outline.neighbours.map((n) => n.geometry)];
    for (const g of geometries) {
      expect(() => check(JSON.stringify(g))).not.toThrow();
      for (const polygon of polygonsOf(g)) {
        polygon.forEach((ring, i) => {
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          expect(signedArea(ring) > 0).toBe(i === 0); // exterior counter-clockwise, holes clockwise
        });
      }
    }
  });

  it('has a bbox that is Libya’s extent, at 3 decimals', () => {
    const positions = polygonsOf(outline.libya).flat(2);
    const lons = positions.map(([lon]) => lon);
    const lats = positions.map(([, lat]) => lat);
    expect(outline.bbox).toEqual([Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)]);
    expect(outline.libya.bbox).toEqual(outline.bbox);
    for (const n of positions.flat()) expect(Math.round(n * 1000) / 1000).toBe(n);
    // Libya spans roughly 9°–25° E and 19.5°–33° N.
    expect(outline.bbox[0]).toBeGreaterThan(9);
    expect(outline.bbox[2]).toBeLessThan(25.5);
    expect(outline.bbox[1]).toBeGreaterThan(19);
    expect(outline.bbox[3]).toBeLessThan(33.5);
  });

  it('clips the neighbours to a frame that contains Libya', () => {
    const [x0, y0, x1, y1] = outline.frame;
    expect(x0).toBeLessThan(outline.bbox[0]);
    expect(y0).toBeLessThan(outline.bbox[1]);
    expect(x1).toBeGreaterThan(outline.bbox[2]);
    expect(y1).toBeGreaterThan(outline.bbox[3]);
    for (const n of outline.neighbours) {
      for (const [lon, lat] of polygonsOf(n.geometry).flat(2)) {
        expect(lon).toBeGreaterThanOrEqual(x0);
        expect(lon).toBeLessThanOrEqual(x1);
        expect(lat).toBeGreaterThanOrEqual(y0);
        expect(lat).toBeLessThanOrEqual(y1);
      }
    }
  });

  it('takes its labels from the gazetteer', () => {
    expect(outline.labels.length).toBeGreaterThanOrEqual(5);
    for (const label of outline.labels) {
      const entity = getEntity(label.key);
      expect(entity?.kind).toBe('location');
      if (entity?.kind !== 'location') continue;
      expect(label).toEqual({ key: entity.id, name: entity.name, lat: entity.lat, lon: entity.lon });
    }
  });

  it('names its sources and the command that regenerates it', () => {
    const sources = readFileSync(new URL('./data/outline.sources.md', import.meta.url), 'utf8');
    expect(sources).toMatch(/Natural Earth/);
    expect(sources).toMatch(/public domain/i);
    expect(sources).toMatch(/world-atlas \d+\.\d+\.\d+/);
    expect(sources).toContain('node tests/tools/build-outline.mjs');
  });
});
