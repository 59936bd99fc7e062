#!/usr/bin/env node
/**
 * Builds lib/map/data/libya-outline.json, the offline base map the popup draws (no tile server, no network), and
 * lib/map/data/outline.sources.md, which names its sources. Inputs:
 *   - world-atlas countries-50m.json: Natural Earth 1:50m admin-0 boundaries (public domain) as TopoJSON (ISC);
 *   - lib/kb/data/places.json: the coordinates of the reference labels (taken from the gazetteer, never typed here).
 *
 * Output: Libya's outline (ISO 3166 numeric 434) unsimplified at 3 decimals (~110 m, well under a pixel at popup
 * size), its bbox; the six land neighbours clipped to a frame around Libya at 2 decimals (they are drawn faint,
 * so ~1 km is plenty) and the reference labels. Rings are wound as RFC 7946 §3.1.6 asks (exterior
 * counter-clockwise), consecutive duplicate positions dropped, so a re-run gives the same file.
 *
 * Usage: node tests/tools/build-outline.mjs [--check]   (--check: compare with the committed files, write nothing)
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = resolve(ROOT, 'lib/map/data/libya-outline.json');
const SOURCES_OUT = resolve(ROOT, 'lib/map/data/outline.sources.md');
const PLACES = resolve(ROOT, 'lib/kb/data/places.json');
const ATLAS_FILE = 'world-atlas/countries-50m.json';

const LIBYA = '434';
/** ISO 3166-1 numeric ids of Libya's land neighbours, as world-atlas keys them. */
const NEIGHBOURS = ['012', '148', '562', '729', '788', '818'];
/** Gazetteer entries labelled on the map for orientation. */
const LABELS = ['place:tripoli', 'place:misrata', 'place:sirte', 'place:benghazi', 'place:sabha'];
/** Degrees added around Libya's bbox before clipping the neighbours: covers popup aspect ratios up to ~2:1. */
const FRAME_MARGIN = { lon: 4, lat: 2 };
/** Guard so nobody commits a much heavier base map by accident (the popup loads it on open). */
const MAX_BYTES = 15_000;

// ---------------------------------------------------------------------------------------------- geometry helpers
const roundTo = (digits) => (x) => Math.round(x * 10 ** digits) / 10 ** digits;
const rings = (g) => (g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : []);

/** Shoelace area in the lon/lat plane: positive when the ring runs counter-clockwise. */
function signedArea(ring) {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return sum / 2;
}

/** Rounds, drops repeated positions, closes the ring; null when fewer than 3 distinct positions remain. */
function cleanRing(ring, round) {
  const out = [];
  for (const [lon, lat] of ring) {
    const p = [round(lon), round(lat)];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  if (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
  if (out.length < 3 || signedArea([...out, out[0]]) === 0) return null;
  out.push([...out[0]]);
  return out;
}

/** RFC 7946 §3.1.6: exterior rings counter-clockwise, holes clockwise. */
function wind(polygon) {
  return polygon.map((ring, i) => ((signedArea(ring) > 0) === (i === 0) ? ring : [...ring].reverse()));
}

/** Sutherland–Hodgman against an axis-aligned box: exact for a convex clip window, which a frame is. */
function clipRing(ring, [minLon, minLat, maxLon, maxLat]) {
  const edges = [
    [(p) => p[0] >= minLon, (a, b) => cut(a, b, 0, minLon)],
    [(p) => p[0] <= maxLon, (a, b) => cut(a, b, 0, maxLon)],
    [(p) => p[1] >= minLat, (a, b) => cut(a, b, 1, minLat)],
    [(p) => p[1] <= maxLat, (a, b) => cut(a, b, 1, maxLat)],
  ];
  let pts = ring.slice(0, -1);
  for (const [inside, intersect] of edges) {
    if (!pts.length) break;
    const next = [];
    for (let i = 0; i < pts.length; i++) {
      const cur = pts[i], prev = pts[(i + pts.length - 1) % pts.length];
      if (inside(cur)) {
        if (!inside(prev)) next.push(intersect(prev, cur));
        next.push(cur);
      } else if (inside(prev)) next.push(intersect(prev, cur));
    }
    pts = next;
  }
  return pts.length ? [...pts, pts[0]] : [];
}
function cut(a, b, axis, value) {
  const t = (value - a[axis]) / (b[axis] - a[axis]);
  const p = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
  p[axis] = value;
  return p;
}

/** Polygon or MultiPolygon from cleaned polygons (null when nothing is left). */
function toGeometry(polygons) {
  if (!polygons.length) return null;
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
}

function cleanPolygons(geometry, round, frame) {
  const polygons = [];
  for (const polygon of rings(geometry)) {
    const kept = [];
    for (const [i, ring] of polygon.entries()) {
      const clean = cleanRing(frame ? clipRing(ring, frame) : ring, round);
      if (clean) kept.push(clean);
      else if (i === 0) break; // exterior gone: its holes go with it
    }
    if (kept.length) polygons.push(wind(kept));
  }
  return polygons;
}

function bboxOf(polygons) {
  let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
  for (const polygon of polygons) for (const [lon, lat] of polygon[0]) {
    minLon = Math.min(minLon, lon); maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat); maxLat = Math.max(maxLat, lat);
  }
  return [minLon, minLat, maxLon, maxLat];
}

/** 2-space JSON, but each ring on one line: readable diffs without one number per line. */
function stringify(value, indent = '') {
  const isRing = (v) => Array.isArray(v) && v.every((p) => Array.isArray(p) && p.every((n) => typeof n === 'number'));
  if (Array.isArray(value)) {
    if (!value.length || value.every((n) => typeof n === 'number') || isRing(value)) return JSON.stringify(value);
    const inner = indent + '  ';
    return `[\n${value.map((v) => inner + stringify(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value && typeof value === 'object') {
    const inner = indent + '  ';
    const members = Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${stringify(v, inner)}`);
    return `{\n${members.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

// ---------------------------------------------------------------------------------------------- build
const errors = [];
const fail = (m) => errors.push(m);
const atlasVersion = require('world-atlas/package.json').version;
const clientVersion = require('topojson-client/package.json').version;
const topology = require(ATLAS_FILE);
const countries = new Map(topology.objects.countries.geometries.map((g) => [g.id, g]));

const libyaTopo = countries.get(LIBYA);
if (!libyaTopo) fail(`no country ${LIBYA} in ${ATLAS_FILE}`);
const libyaPolygons = libyaTopo ? cleanPolygons(feature(topology, libyaTopo).geometry, roundTo(3)) : [];
const bbox = bboxOf(libyaPolygons);
const frame = [
  Math.floor(bbox[0] - FRAME_MARGIN.lon), Math.floor(bbox[1] - FRAME_MARGIN.lat),
  Math.ceil(bbox[2] + FRAME_MARGIN.lon), Math.ceil(bbox[3] + FRAME_MARGIN.lat),
];
const libya = toGeometry(libyaPolygons);
if (libya) libya.bbox = bbox;
else fail('Libya has no polygon left');

const neighbours = [];
for (const id of NEIGHBOURS) {
  const g = countries.get(id);
  if (!g) { fail(`no country ${id} in ${ATLAS_FILE}`); continue; }
  const geometry = toGeometry(cleanPolygons(feature(topology, g).geometry, roundTo(2), frame));
  if (!geometry) { fail(`${g.properties.name} (${id}) lies wholly outside the frame`); continue; }
  neighbours.push({ id, name: g.properties.name, geometry });
}

const places = JSON.parse(readFileSync(PLACES, 'utf8'));
const labels = [];
for (const key of LABELS) {
  const p = places.find((e) => e.id === key);
  if (!p) { fail(`label ${key} is not in lib/kb/data/places.json`); continue; }
  if (!(p.lon >= bbox[0] && p.lon <= bbox[2] && p.lat >= bbox[1] && p.lat <= bbox[3])) fail(`label ${key} lies outside Libya's bbox`);
  labels.push({ key, name: p.name, lat: p.lat, lon: p.lon });
}

const data = {
  source: `Natural Earth 1:50m admin-0 (public domain) via world-atlas ${atlasVersion}; see outline.sources.md`,
  bbox,
  frame,
  libya,
  neighbours,
  labels,
};
const json = stringify(data) + '\n';
if (Buffer.byteLength(json) > MAX_BYTES) fail(`outline is ${Buffer.byteLength(json)} bytes, over the ${MAX_BYTES}-byte budget`);

const positions = (g) => rings(g).flat().reduce((n, r) => n + r.length, 0);
const sources = `# Sources of libya-outline.json

Generated by \`node tests/tools/build-outline.mjs\` (\`npm run outline\`); \`--check\` verifies the committed file.
Do not edit the JSON by hand.

| Part | Source | Version | Licence |
|---|---|---|---|
| Libya outline (\`libya\`, \`bbox\`) and neighbours (\`neighbours\`) | [Natural Earth](https://www.naturalearthdata.com/) 1:50m Admin 0 – Countries, via \`${ATLAS_FILE}\` from [world-atlas](https://github.com/topojson/world-atlas) | Natural Earth 4.1.0, world-atlas ${atlasVersion} | Natural Earth: public domain ([terms](https://www.naturalearthdata.com/about/terms-of-use/)); world-atlas packaging: ISC, Copyright 2013-2019 Michael Bostock |
| Decoding TopoJSON | [topojson-client](https://github.com/topojson/topojson-client) \`feature()\` (build time only) | ${clientVersion} | ISC |
| Reference labels (\`labels\`) | \`lib/kb/data/places.json\` entries ${LABELS.map((k) => `\`${k}\``).join(', ')} | this repository | see \`lib/kb/data\` sources |

Processing: Libya (ISO 3166-1 numeric ${LIBYA}) unsimplified, coordinates rounded to 3 decimals
(${positions(libya ?? { type: 'Polygon', coordinates: [] })} positions); neighbours (${neighbours.map((n) => n.name).join(', ')}) clipped to the frame
${JSON.stringify(frame)} (Libya's bbox plus ${FRAME_MARGIN.lon}° of longitude and ${FRAME_MARGIN.lat}° of latitude, widened to whole degrees) and
rounded to 2 decimals. Rings wound per RFC 7946 (exterior counter-clockwise). Natural Earth draws
boundaries de facto; this map is for orientation, not for boundary claims.
`;

if (errors.length) {
  for (const m of errors) console.error(`error: ${m}`);
  console.error(`${errors.length} error(s); ${OUT} not written`);
  process.exit(1);
}
const summary = `${Buffer.byteLength(json)} bytes, Libya ${positions(libya)} positions, ${neighbours.length} neighbours, ${labels.length} labels`;
if (process.argv.includes('--check')) {
  const read = (f) => { try { return readFileSync(f, 'utf8'); } catch { return ''; } };
  const stale = [[OUT, json], [SOURCES_OUT, sources]].filter(([f, text]) => read(f) !== text).map(([f]) => f.slice(ROOT.length + 1));
  if (stale.length) { console.error(`${stale.join(' and ')} stale: run node tests/tools/build-outline.mjs`); process.exit(1); }
  console.log(`libya-outline.json up to date: ${summary}`);
} else {
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, json);
  writeFileSync(SOURCES_OUT, sources);
  console.log(`wrote lib/map/data/libya-outline.json (${summary}) and outline.sources.md`);
}
