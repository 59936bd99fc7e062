import { outline as bundledOutline } from './outline';
import { placePoints, pointLabel, type PlacedPoint } from './points';
import { fitProjection, pathOf, type Projection } from './projection';
import type { MapPlace, MapPoint, OutlineData } from './types';

/**
 * The popup's map: Libya's outline (bundled, offline), faint neighbours, a few reference labels, and one circle per
 * place with clipped events, sized by the event count. Points are toggle buttons: click, Enter or Space selects
 * (again, or Escape, clears). Places beyond the map (events abroad) are pinned to the edge they lie past, drawn
 * dashed (`llm-point--outside`) and named "…, outside the map to the east" — they stay selectable rather than being
 * summarised away. Styles: libya-map.css.
 */
export interface LibyaMapOptions {
  width?: number;
  height?: number;
  onSelectPlace(place: MapPlace | undefined): void;
  /** Accessible name prefix; the map's name is "<label> with N clipped places". */
  label?: string;
  /** For tests; the bundled outline otherwise. */
  outline?: OutlineData;
}

export interface LibyaMap {
  element: SVGSVGElement;
  update(points: MapPoint[], selectedKey?: string): void;
  destroy(): void;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const DEFAULT_WIDTH = 312; // the popup body's content width, so labels render at their CSS size
const DEFAULT_HEIGHT = 300;
const PADDING = 14;
/** Gap between a selected circle and its ring. */
const RING_GAP = 4;
const LABEL_DOT = 1.8;
let instances = 0;

interface PointElements {
  group: SVGGElement;
  title: SVGTitleElement;
  dot: SVGCircleElement;
  ring: SVGCircleElement;
  place: MapPlace;
  r: number;
}

export function createLibyaMap(doc: Document, options: LibyaMapOptions): LibyaMap {
  const width = options.width ?? DEFAULT_WIDTH;
  const height = options.height ?? DEFAULT_HEIGHT;
  const data = options.outline ?? bundledOutline;
  const projection = fitProjection(data.bbox, { width, height, padding: PADDING });
  const el = <K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number> = {}) => {
    const node = doc.createElementNS(SVG_NS, tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
    return node;
  };

  const svg = el('svg', { class: 'llm-map', viewBox: `0 0 ${width} ${height}`, width, height, role: 'group' });
  const clipId = `llm-frame-${++instances}`;
  const [fx0, fy0] = projection.project([data.frame[0], data.frame[3]]);
  const [fx1, fy1] = projection.project([data.frame[2], data.frame[1]]);
  const clip = el('clipPath', { id: clipId });
  // The neighbours were cut along the frame; inset by a pixel so those cut lines never show as borders.
  clip.append(el('rect', { x: fx0 + 1, y: fy0 + 1, width: Math.max(fx1 - fx0 - 2, 0), height: Math.max(fy1 - fy0 - 2, 0) }));
  const defs = el('defs');
  defs.append(clip);

  const base = el('g', { 'aria-hidden': 'true', 'clip-path': `url(#${clipId})` });
  for (const n of data.neighbours) {
    const path = el('path', { class: 'llm-neighbour', d: pathOf(n.geometry, projection), 'fill-rule': 'evenodd' });
    path.dataset.country = n.name;
    base.append(path);
  }
  base.append(el('path', { class: 'llm-land', d: pathOf(data.libya, projection), 'fill-rule': 'evenodd' }));
  const labels = labelLayer(data, projection, el);
  svg.append(defs, base, labels.layer);

  const layer = el('g', { class: 'llm-points' });
  svg.append(layer);

  const byKey = new Map<string, PointElements>();
  let selected: string | undefined;

  function applySelection(): void {
    for (const [key, els] of byKey) {
      const on = key === selected;
      els.group.classList.toggle('llm-point--selected', on);
      setAttr(els.group, 'aria-pressed', on ? 'true' : 'false');
      // Shape, not colour alone: the selected point gets a ring around it (WCAG 1.4.1).
      setAttr(els.ring, 'visibility', on ? 'visible' : 'hidden');
    }
  }

  function toggle(key: string): void {
    const els = byKey.get(key);
    if (!els) return;
    selected = selected === key ? undefined : key;
    applySelection();
    options.onSelectPlace(selected === undefined ? undefined : { ...els.place });
  }

  const pointKey = (target: EventTarget | null): string | undefined => {
    // Duck-typed, not `instanceof Element`: the document may belong to another realm (a test window, an iframe).
    const closest = (target as Partial<Element> | null)?.closest;
    const group = closest ? closest.call(target as Element, '.llm-point') : null;
    return group && svg.contains(group) ? (group.getAttribute('data-key') ?? undefined) : undefined;
  };
  const onClick = (event: Event) => {
    const key = pointKey(event.target);
    if (key !== undefined) toggle(key);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      if (selected === undefined) return; // let the popup handle an Escape the map has no use for
      event.preventDefault();
      selected = undefined;
      applySelection();
      options.onSelectPlace(undefined);
      return;
    }
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const key = pointKey(event.target);
    if (key === undefined) return;
    event.preventDefault(); // Space would scroll the popup
    toggle(key);
  };
  svg.addEventListener('click', onClick);
  svg.addEventListener('keydown', onKeyDown);

  function render(p: PlacedPoint): PointElements {
    let els = byKey.get(p.point.key);
    if (!els) {
      const group = el('g', { class: 'llm-point', tabindex: 0, role: 'button' });
      group.dataset.key = p.point.key;
      const title = el('title');
      const ring = el('circle', { class: 'llm-point__ring', visibility: 'hidden' });
      const dot = el('circle', { class: 'llm-point__dot' });
      group.append(title, ring, dot);
      els = { group, title, ring, dot, place: { key: p.point.key, name: p.point.name }, r: p.r };
      byKey.set(p.point.key, els);
    }
    els.place = { key: p.point.key, name: p.point.name };
    els.r = p.r;
    const label = pointLabel(p);
    setAttr(els.group, 'aria-label', label);
    if (els.title.textContent !== label) els.title.textContent = label;
    els.group.classList.toggle('llm-point--outside', p.outside !== undefined);
    const [cx, cy] = [p.x.toFixed(1), p.y.toFixed(1)];
    for (const [circle, r] of [[els.dot, p.r], [els.ring, p.r + RING_GAP]] as const) {
      setAttr(circle, 'cx', cx);
      setAttr(circle, 'cy', cy);
      setAttr(circle, 'r', r.toFixed(1));
    }
    return els;
  }

  return {
    element: svg,
    update(points, selectedKey) {
      const placed = placePoints(points, projection);
      const keep = new Set(placed.map((p) => p.point.key));
      for (const [key, els] of byKey) {
        if (keep.has(key)) continue;
        els.group.remove();
        byKey.delete(key);
      }
      keep.clear();
      // Move only what is out of order, and never the focused point: moving an element blurs it.
      const focused = (svg.getRootNode() as Document | ShadowRoot).activeElement;
      let cursor = layer.firstChild;
      for (const p of placed) {
        if (keep.has(p.point.key)) continue; // one circle per place even if a caller sends a key twice
        keep.add(p.point.key);
        const { group } = render(p);
        if (group === cursor) {
          cursor = cursor.nextSibling;
        } else if (group === focused && group.parentNode === layer) {
          // Same order, reached the other way: the points between the cursor and the focused one move after it.
          const after = group.nextSibling;
          while (cursor && cursor !== group) {
            const next: ChildNode | null = cursor.nextSibling;
            layer.insertBefore(cursor, after);
            cursor = next;
          }
          cursor = group.nextSibling;
        } else {
          layer.insertBefore(group, cursor);
        }
      }
      labels.clear((key) => {
        const r = byKey.get(key)?.r;
        return r === undefined ? undefined : r + RING_GAP; // clear of the selection ring too
      });
      selected = selectedKey !== undefined && byKey.has(selectedKey) ? selectedKey : undefined;
      applySelection();
      const n = keep.size;
      svg.setAttribute('aria-label', `${options.label ?? 'Map of Libya'} with ${n} clipped ${n === 1 ? 'place' : 'places'}`);
    },
    destroy() {
      svg.removeEventListener('click', onClick);
      svg.removeEventListener('keydown', onKeyDown);
      byKey.clear();
      svg.remove();
    },
  };
}

/** Reference labels (decorative: hidden from assistive tech, which gets the points' own names). */
function labelLayer(
  data: OutlineData,
  projection: Projection,
  el: <K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Record<string, string | number>) => SVGElementTagNameMap[K],
): { layer: SVGGElement; clear(radiusAt: (key: string) => number | undefined): void } {
  const layer = el('g', { class: 'llm-labels', 'aria-hidden': 'true' });
  const spots = data.labels.map((l) => ({ l, xy: projection.project([l.lon, l.lat]) }));
  const texts: { key: string; text: SVGTextElement; x: number; side: 1 | -1 }[] = [];
  for (const { l, xy } of spots) {
    const [x, y] = xy;
    // Text goes to the right unless another label's dot sits there (Tripoli with Misrata just east of it).
    const crowded = spots.some((o) => o.l !== l && o.xy[0] > x && o.xy[0] - x < 60 && Math.abs(o.xy[1] - y) < 14);
    const g = el('g', { class: 'llm-label' });
    g.dataset.key = l.key;
    g.append(el('circle', { class: 'llm-label__dot', cx: x.toFixed(1), cy: y.toFixed(1), r: LABEL_DOT }));
    const text = el('text', { y: (y + 3.5).toFixed(1), 'text-anchor': crowded ? 'end' : 'start' });
    text.textContent = l.name;
    g.append(text);
    layer.append(g);
    texts.push({ key: l.key, text, x, side: crowded ? -1 : 1 });
  }
  /** Moves each name clear of the circle drawn on its place, if any, so the point does not hide it. */
  const clear = (radiusAt: (key: string) => number | undefined) => {
    for (const t of texts) setAttr(t.text, 'x', (t.x + t.side * ((radiusAt(t.key) ?? LABEL_DOT) + 2.5)).toFixed(1));
  };
  clear(() => undefined);
  return { layer, clear };
}

function setAttr(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}
