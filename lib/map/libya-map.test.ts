// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getEntity } from '../kb';
import { createLibyaMap, type LibyaMap } from './libya-map';
import type { MapPlace, MapPoint } from './types';

const fromKb = (id: string, count: number): MapPoint => {
  const e = getEntity(id);
  if (!e || e.kind !== 'location') throw new Error(`${id} missing from the gazetteer`);
  return { key: e.id, name: e.name, lat: e.lat, lon: e.lon, count };
};
const TRIPOLI = fromKb('place:tripoli', 12);
const BENGHAZI = fromKb('place:benghazi', 5);
const SABHA = fromKb('place:sabha', 1);
const CAIRO: MapPoint = { key: 'name:Cairo', name: 'Cairo', lat: 30.0444, lon: 31.2357, count: 2 };

let map: LibyaMap;
let onSelectPlace: ReturnType<typeof vi.fn<(place: MapPlace | undefined) => void>>;

const svg = () => map.element;
const point = (key: string) => svg().querySelector<SVGGElement>(`.llm-point[data-key="${key}"]`)!;
const dot = (key: string) => point(key).querySelector('.llm-point__dot')!;
const num = (el: Element, attr: string) => Number(el.getAttribute(attr));
const points = () => [...svg().querySelectorAll<SVGGElement>('.llm-point')];

function press(key: string, target: Element) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  target.dispatchEvent(event);
  return event;
}
const click = (target: Element) => target.dispatchEvent(new MouseEvent('click', { bubbles: true }));

beforeEach(() => {
  onSelectPlace = vi.fn<(place: MapPlace | undefined) => void>();
  map = createLibyaMap(document, { onSelectPlace });
  document.body.append(map.element);
});

afterEach(() => {
  map.destroy();
});

describe('base map', () => {
  it('draws Libya, its neighbours and the reference labels from the bundled outline', () => {
    map.update([]);
    const land = svg().querySelector('path.llm-land')!;
    expect(land.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+)+Z$/);
    const countries = [...svg().querySelectorAll<SVGPathElement>('path.llm-neighbour')].map((p) => p.dataset.country);
    expect(countries).toEqual(expect.arrayContaining(['Egypt', 'Tunisia', 'Algeria', 'Niger', 'Chad', 'Sudan']));
    const labels = [...svg().querySelectorAll('.llm-label text')].map((t) => t.textContent);
    expect(labels).toEqual(expect.arrayContaining(['Tripoli', 'Benghazi', 'Sabha', 'Misrata', 'Sirte']));
    expect(svg().querySelector('.llm-labels')!.getAttribute('aria-hidden')).toBe('true');
  });

  it('moves a reference name clear of the circle drawn on its place', () => {
    const text = () => svg().querySelector(`.llm-label[data-key="${SABHA.key}"] text`)!;
    const dotX = num(svg().querySelector(`.llm-label[data-key="${SABHA.key}"] circle`)!, 'cx');
    map.update([]);
    const bare = Math.abs(num(text(), 'x') - dotX);
    map.update([{ ...SABHA, count: 20 }]);
    expect(Math.abs(num(text(), 'x') - dotX)).toBeGreaterThan(num(dot(SABHA.key), 'r'));
    map.update([]);
    expect(Math.abs(num(text(), 'x') - dotX)).toBe(bare);
  });

  it('is an SVG group named for the number of places, not an image', () => {
    expect(svg().namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(svg().getAttribute('role')).toBe('group');
    map.update([TRIPOLI, BENGHAZI, SABHA]);
    expect(svg().getAttribute('aria-label')).toBe('Map of Libya with 3 clipped places');
    map.update([TRIPOLI]);
    expect(svg().getAttribute('aria-label')).toBe('Map of Libya with 1 clipped place');
  });

  it('uses the caller’s label as the name prefix', () => {
    const other = createLibyaMap(document, { onSelectPlace, label: 'Events this week' });
    other.update([TRIPOLI, SABHA]);
    expect(other.element.getAttribute('aria-label')).toBe('Events this week with 2 clipped places');
    other.destroy();
  });

  it('sizes the viewBox to the requested width and height', () => {
    const other = createLibyaMap(document, { onSelectPlace, width: 500, height: 250 });
    expect(other.element.getAttribute('viewBox')).toBe('0 0 500 250');
    other.destroy();
  });
});

describe('points', () => {
  beforeEach(() => map.update([SABHA, TRIPOLI, BENGHAZI, CAIRO]));

  it('puts each place where it belongs: Benghazi east of Tripoli, Sabha south of both', () => {
    const [t, b, s] = [dot(TRIPOLI.key), dot(BENGHAZI.key), dot(SABHA.key)];
    expect(num(b, 'cx')).toBeGreaterThan(num(t, 'cx') + 50);
    expect(num(s, 'cy')).toBeGreaterThan(num(t, 'cy') + 50);
    expect(num(s, 'cy')).toBeGreaterThan(num(b, 'cy') + 50);
    expect(num(t, 'cx')).toBeLessThan(num(svg(), 'width') / 2);
  });

  it('grows circles with the event count', () => {
    expect(num(dot(TRIPOLI.key), 'r')).toBeGreaterThan(num(dot(BENGHAZI.key), 'r'));
    expect(num(dot(BENGHAZI.key), 'r')).toBeGreaterThan(num(dot(SABHA.key), 'r'));
  });

  it('makes every point a focusable, named button with a tooltip', () => {
    for (const g of points()) {
      expect(g.getAttribute('tabindex')).toBe('0');
      expect(g.getAttribute('role')).toBe('button');
      expect(g.getAttribute('aria-pressed')).toBe('false');
      expect(g.firstElementChild?.tagName.toLowerCase()).toBe('title');
      expect(g.querySelector('title')!.textContent).toBe(g.getAttribute('aria-label'));
    }
    expect(point(TRIPOLI.key).getAttribute('aria-label')).toBe('Tripoli: 12 events');
    expect(point(SABHA.key).getAttribute('aria-label')).toBe('Sabha: 1 event');
  });

  it('pins a place abroad to the edge and says so', () => {
    const cairo = point(CAIRO.key);
    expect(cairo.classList.contains('llm-point--outside')).toBe(true);
    expect(cairo.getAttribute('aria-label')).toBe('Cairo, outside the map to the east: 2 events');
    const r = num(dot(CAIRO.key), 'r');
    expect(num(dot(CAIRO.key), 'cx') + r).toBeLessThanOrEqual(num(svg(), 'width'));
    expect(point(TRIPOLI.key).classList.contains('llm-point--outside')).toBe(false);
  });

  it('orders points biggest first, which paints small ones on top', () => {
    expect(points().map((g) => g.dataset.key)).toEqual([TRIPOLI.key, BENGHAZI.key, CAIRO.key, SABHA.key]);
  });
});

describe('selection', () => {
  beforeEach(() => map.update([TRIPOLI, BENGHAZI, SABHA]));

  it('selects on click and clears on a second click', () => {
    click(dot(BENGHAZI.key));
    expect(onSelectPlace).toHaveBeenLastCalledWith({ key: BENGHAZI.key, name: 'Benghazi' });
    expect(point(BENGHAZI.key).classList.contains('llm-point--selected')).toBe(true);
    click(dot(BENGHAZI.key));
    expect(onSelectPlace).toHaveBeenLastCalledWith(undefined);
    expect(point(BENGHAZI.key).classList.contains('llm-point--selected')).toBe(false);
    expect(onSelectPlace).toHaveBeenCalledTimes(2);
  });

  it('selects with Enter and Space, and Escape clears', () => {
    point(SABHA.key).focus();
    const enter = press('Enter', point(SABHA.key));
    expect(enter.defaultPrevented).toBe(true);
    expect(onSelectPlace).toHaveBeenLastCalledWith({ key: SABHA.key, name: 'Sabha' });
    const space = press(' ', point(TRIPOLI.key));
    expect(space.defaultPrevented).toBe(true);
    expect(onSelectPlace).toHaveBeenLastCalledWith({ key: TRIPOLI.key, name: 'Tripoli' });
    expect(point(SABHA.key).classList.contains('llm-point--selected')).toBe(false);
    press('Escape', point(TRIPOLI.key));
    expect(onSelectPlace).toHaveBeenLastCalledWith(undefined);
    expect(onSelectPlace).toHaveBeenCalledTimes(3);
  });

  it('leaves Escape and other keys alone when there is nothing to clear', () => {
    const escape = press('Escape', point(TRIPOLI.key));
    expect(escape.defaultPrevented).toBe(false);
    press('a', point(TRIPOLI.key));
    press('Enter', svg()); // not on a point
    click(svg().querySelector('.llm-land')!);
    expect(onSelectPlace).not.toHaveBeenCalled();
  });

  it('draws the selected point with a ring and aria-pressed, not colour alone', () => {
    map.update([TRIPOLI, BENGHAZI, SABHA], TRIPOLI.key);
    const selected = point(TRIPOLI.key);
    expect(selected.classList.contains('llm-point--selected')).toBe(true);
    expect(selected.getAttribute('aria-pressed')).toBe('true');
    const ring = selected.querySelector('.llm-point__ring')!;
    expect(ring.getAttribute('visibility')).toBe('visible');
    expect(num(ring, 'r')).toBeGreaterThan(num(dot(TRIPOLI.key), 'r'));
    expect(point(SABHA.key).querySelector('.llm-point__ring')!.getAttribute('visibility')).toBe('hidden');
    expect(svg().querySelectorAll('.llm-point--selected')).toHaveLength(1);
  });

  it('takes the selection from update(): a click on the selected point then clears it', () => {
    map.update([TRIPOLI, BENGHAZI, SABHA], BENGHAZI.key);
    click(dot(BENGHAZI.key));
    expect(onSelectPlace).toHaveBeenLastCalledWith(undefined);
  });

  it('ignores a selected key that has no point', () => {
    map.update([TRIPOLI], 'place:nowhere');
    expect(svg().querySelectorAll('.llm-point--selected')).toHaveLength(0);
  });
});

describe('update', () => {
  it('reuses the elements of places that stay, and keeps focus on them', () => {
    map.update([TRIPOLI, BENGHAZI, SABHA]);
    const tripoli = point(TRIPOLI.key);
    const sabha = point(SABHA.key);
    sabha.focus();
    map.update([{ ...TRIPOLI, count: 30 }, { ...SABHA, count: 2 }]);
    expect(point(TRIPOLI.key)).toBe(tripoli);
    expect(point(SABHA.key)).toBe(sabha);
    expect(document.activeElement).toBe(sabha);
    expect(point(BENGHAZI.key)).toBeNull();
    expect(tripoli.getAttribute('aria-label')).toBe('Tripoli: 30 events');
    expect(tripoli.querySelector('title')!.textContent).toBe('Tripoli: 30 events');
  });

  it('keeps focus on a point that has to move in the paint order', () => {
    map.update([TRIPOLI, BENGHAZI, SABHA]);
    const sabha = point(SABHA.key);
    sabha.focus();
    map.update([TRIPOLI, BENGHAZI, { ...SABHA, count: 40 }]);
    expect(points().map((g) => g.dataset.key)).toEqual([SABHA.key, TRIPOLI.key, BENGHAZI.key]);
    expect(document.activeElement).toBe(sabha);
  });

  it('reorders moved points and handles ~400 places', () => {
    const many: MapPoint[] = Array.from({ length: 400 }, (_, i) => ({
      key: `name:Place ${i}`, name: `Place ${i}`, lat: 20 + (i % 13), lon: 10 + (i % 15), count: 1 + (i % 7),
    }));
    map.update(many);
    expect(points()).toHaveLength(400);
    const before = new Map(points().map((g) => [g.dataset.key, g]));
    const reversed = many.map((p) => ({ ...p, count: 8 - (p.count % 8) }));
    const start = performance.now();
    map.update(reversed);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(points()).toHaveLength(400);
    for (const g of points()) expect(before.get(g.dataset.key)).toBe(g);
    const radii = points().map((g) => num(g.querySelector('.llm-point__dot')!, 'r'));
    expect(radii).toEqual([...radii].sort((a, b) => b - a));
  });

  it('draws one point per key even if a key comes twice', () => {
    map.update([TRIPOLI, { ...TRIPOLI, count: 1 }]);
    expect(points()).toHaveLength(1);
    expect(svg().getAttribute('aria-label')).toBe('Map of Libya with 1 clipped place');
  });
});

describe('destroy', () => {
  it('removes the map and stops reporting clicks', () => {
    map.update([TRIPOLI]);
    const g = point(TRIPOLI.key);
    map.destroy();
    expect(document.querySelector('.llm-map')).toBeNull();
    click(g);
    expect(onSelectPlace).not.toHaveBeenCalled();
  });
});
