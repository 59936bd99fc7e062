/**
 * Filtering and searching the timeline: faceted filters (actors, places, event types; any of the values
 * chosen within a facet, all facets together), a date range and full-text search. What each event can be
 * matched on is worked out once per event and cached (events are treated as immutable: groupEvents makes
 * new ones when clips change), so a keystroke over 10,000 events only compares strings.
 */
import type { ClipRecord, EventActor, EventLocation, IsoDay } from '../extraction/types';
import { isIsoDay, toNumber } from '../extraction/calendar';
import { formatDayRange } from './day-labels';
import { dateInterval } from './group';
import type { TimelineEvent } from './types';

export interface TimelineFilter {
  /** Entity ids, or `name:<lower-cased name>` for actors without one; an event matches any of them. */
  actors?: string[];
  /** Entity ids, or `name:<lower-cased name>` for places without one; an event matches any of them. */
  places?: string[];
  /** ACLED event types ("Battles"); an event matches any of them. */
  eventTypes?: string[];
  /** The event's dates (its day at its precision) overlap [from, to], both inclusive. */
  from?: IsoDay;
  to?: IsoDay;
  /** Words that must all appear (any order), and "quoted phrases" that must appear as written. */
  text?: string;
}

export interface FacetCount {
  key: string;
  label: string;
  count: number;
}

export interface Facets {
  actors: FacetCount[];
  places: FacetCount[];
  eventTypes: FacetCount[];
  /** Events and clips matching the whole filter. */
  total: number;
  clipCount: number;
}

/** What an event can be matched on. */
export interface EventKeys {
  /** Facet key → label. */
  actors: ReadonlyMap<string, string>;
  places: ReadonlyMap<string, string>;
  eventTypes: ReadonlyMap<string, string>;
  first: number;
  last: number;
  /** Folded words of everything searchable, separated and surrounded by single spaces. */
  haystack: string;
}

/** The facet key of a named thing: its entity id, else its lower-cased name. */
export function facetKey(thing: { name: string; entityId?: string }): string {
  return thing.entityId ?? `name:${thing.name.trim().toLowerCase()}`;
}

/** The facet key of an event's place, as the map and the filter share it. */
export const locationKey = (location: EventLocation): string => facetKey(location);

const APOSTROPHES = /['’ʼʿʾ‘`´ʹ]/g;
const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}/gu;

/** Text as search compares it: no case, accents or apostrophes ("Misrātah" → "misratah", "Haftar's" → "haftars"). */
export function searchFold(text: string): string {
  // NFKD splits accents off letters (and ligatures apart) in one pass; plain ASCII needs none of it.
  const decomposed = NON_ASCII.test(text) ? text.normalize('NFKD').replace(MARKS, '') : text;
  return decomposed
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Labels of every key seen, so that describeFilter can name a chosen actor without being told. */
const knownLabels = new Map<string, string>();

function addActor(out: Map<string, string>, actor: { name: string; entityId?: string } | undefined): void {
  if (!actor?.name) return;
  const key = facetKey(actor);
  if (!out.has(key)) out.set(key, actor.name);
}

/** Actors as the clip's entities name them (short KB names) before the ACLED-style event actors. */
function clipActors(clip: ClipRecord, out: Map<string, string>): void {
  for (const e of clip.entities) if (e.kind === 'actor') addActor(out, e.source === 'kb' ? { name: e.name, entityId: e.id } : { name: e.name });
  const actors: (EventActor | undefined)[] = [clip.actor1, clip.actor2, ...clip.assocActors1, ...clip.assocActors2];
  for (const a of actors) addActor(out, a);
}

function clipPlaces(clip: ClipRecord, out: Map<string, string>): void {
  addActor(out, clip.location);
  for (const e of clip.entities) if (e.kind === 'location') addActor(out, e.source === 'kb' ? { name: e.name, entityId: e.id } : { name: e.name });
}

interface ClipKeys {
  actors: Map<string, string>;
  places: Map<string, string>;
  haystack: string;
}

/**
 * Per clip, because the clip records outlive the events: the view regroups every time a clip arrives,
 * and only the new clip's text then needs folding.
 */
const clipCache = new WeakMap<ClipRecord, ClipKeys>();

function clipKeys(clip: ClipRecord): ClipKeys {
  let keys = clipCache.get(clip);
  if (keys) return keys;
  const actors = new Map<string, string>();
  const places = new Map<string, string>();
  clipActors(clip, actors);
  clipPlaces(clip, places);
  for (const [key, label] of actors) if (!knownLabels.has(key)) knownLabels.set(key, label);
  for (const [key, label] of places) if (!knownLabels.has(key)) knownLabels.set(key, label);
  const a = clip.article;
  const text = [clip.text, clip.selection ?? '', a.title, a.outlet, clip.event.eventType, clip.event.subEventType];
  if (clip.location) text.push(clip.location.admin1 ?? '');
  text.push(...actors.values(), ...places.values());
  keys = { actors, places, haystack: ` ${searchFold(text.join(' '))} ` };
  clipCache.set(clip, keys);
  return keys;
}

function computeKeys(event: TimelineEvent): EventKeys {
  const { first, last } = dateInterval(event);
  const eventTypes = new Map<string, string>();
  for (const clip of event.clips) eventTypes.set(clip.event.eventType, clip.event.eventType);
  if (event.clips.length === 1) {
    const only = clipKeys(event.clips[0]!);
    return { actors: only.actors, places: only.places, eventTypes, first, last, haystack: only.haystack };
  }
  const actors = new Map<string, string>();
  const places = new Map<string, string>();
  const haystacks: string[] = [];
  for (const clip of event.clips) {
    const keys = clipKeys(clip);
    for (const [k, v] of keys.actors) if (!actors.has(k)) actors.set(k, v);
    for (const [k, v] of keys.places) if (!places.has(k)) places.set(k, v);
    haystacks.push(keys.haystack);
  }
  // Clip haystacks start and end with a space; joined, they still separate every word by exactly one.
  return { actors, places, eventTypes, first, last, haystack: haystacks.join('').replace(/ {2}/g, ' ') };
}

/** Per-event keys, computed once and reused across keystrokes. */
export interface SearchIndex {
  keys(event: TimelineEvent): EventKeys;
}

function lazyIndex(): SearchIndex {
  const cache = new WeakMap<TimelineEvent, EventKeys>();
  return {
    keys(event) {
      let keys = cache.get(event);
      if (!keys) {
        keys = computeKeys(event);
        cache.set(event, keys);
      }
      return keys;
    },
  };
}

/** Shared by calls that pass no index: events live as long as the view holds them, and the cache no longer. */
const sharedIndex = lazyIndex();

/** Works out every event's keys now (e.g. while the list first renders) instead of at the first keystroke. */
export function buildSearchIndex(events: readonly TimelineEvent[]): SearchIndex {
  for (const event of events) sharedIndex.keys(event);
  return sharedIndex;
}

interface Query {
  /** Folded words, each with the space that anchors it to a word start. */
  words: string[];
  /** Folded phrases, with the spaces that make them whole words. */
  phrases: string[];
}

/** Words and "quoted phrases" (straight or curly quotes; an unclosed quote runs to the end). */
export function parseQuery(text: string): Query {
  const words: string[] = [];
  const phrases: string[] = [];
  const parts = text.replace(/[“”„‟«»]/g, '"').split('"');
  parts.forEach((part, i) => {
    const folded = searchFold(part);
    if (!folded) return;
    if (i % 2 === 1) phrases.push(` ${folded} `);
    else words.push(...folded.split(' ').map((w) => ` ${w}`));
  });
  return { words, phrases };
}

interface Compiled {
  actors?: Set<string>;
  places?: Set<string>;
  eventTypes?: Set<string>;
  from: number;
  to: number;
  query?: Query;
}

const nonEmpty = (list?: string[]) => (list && list.length ? new Set(list) : undefined);

function compile(filter: TimelineFilter): Compiled {
  const query = filter.text ? parseQuery(filter.text) : undefined;
  return {
    actors: nonEmpty(filter.actors),
    places: nonEmpty(filter.places),
    eventTypes: nonEmpty(filter.eventTypes),
    from: (filter.from ? toNumber(filter.from) : undefined) ?? -Infinity,
    to: (filter.to ? toNumber(filter.to) : undefined) ?? Infinity,
    query: query && (query.words.length || query.phrases.length) ? query : undefined,
  };
}

function anyOf(chosen: Set<string> | undefined, have: ReadonlyMap<string, string>): boolean {
  if (!chosen) return true;
  for (const key of chosen) if (have.has(key)) return true;
  return false;
}

function textMatches(query: Query | undefined, haystack: string): boolean {
  if (!query) return true;
  // A word matches the start of a word ("drone" finds "drones", "misrata" finds "misratah").
  for (const w of query.words) if (!haystack.includes(w)) return false;
  for (const p of query.phrases) if (!haystack.includes(p)) return false;
  return true;
}

// Which constraints an event passes, as bits: facets() needs each facet's answer apart.
const ACTORS = 1;
const PLACES = 2;
const TYPES = 4;
const ALL = ACTORS | PLACES | TYPES;

/** The facet bits the event passes, or -1 when it fails the date range or the text (which every count shares). */
function passes(c: Compiled, k: EventKeys): number {
  if (k.last < c.from || k.first > c.to || !textMatches(c.query, k.haystack)) return -1;
  return (anyOf(c.actors, k.actors) ? ACTORS : 0) | (anyOf(c.places, k.places) ? PLACES : 0) | (anyOf(c.eventTypes, k.eventTypes) ? TYPES : 0);
}

export function matchesFilter(event: TimelineEvent, filter: TimelineFilter, index: SearchIndex = sharedIndex): boolean {
  return passes(compile(filter), index.keys(event)) === ALL;
}

export function filterEvents(events: readonly TimelineEvent[], filter: TimelineFilter, index: SearchIndex = sharedIndex): TimelineEvent[] {
  const c = compile(filter);
  return events.filter((event) => passes(c, index.keys(event)) === ALL);
}

function count(counts: Map<string, FacetCount>, keys: ReadonlyMap<string, string>): void {
  for (const [key, label] of keys) {
    const found = counts.get(key);
    if (found) found.count++;
    else counts.set(key, { key, label, count: 1 });
  }
}

function sorted(counts: Map<string, FacetCount>, chosen: string[] | undefined): FacetCount[] {
  // A chosen value stays listed at 0, so that the reader can see and undo it.
  for (const key of chosen ?? []) if (!counts.has(key)) counts.set(key, { key, label: labelOf(key), count: 0 });
  return [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

/**
 * Counts per facet value, each facet counted under the other facets' filters (choosing an actor changes
 * the place counts, not the other actors'), sorted by count, then label.
 */
export function facets(events: readonly TimelineEvent[], filter: TimelineFilter, index: SearchIndex = sharedIndex): Facets {
  const c = compile(filter);
  const actors = new Map<string, FacetCount>();
  const places = new Map<string, FacetCount>();
  const eventTypes = new Map<string, FacetCount>();
  let total = 0;
  let clipCount = 0;
  for (const event of events) {
    const k = index.keys(event);
    const p = passes(c, k);
    if (p < 0) continue;
    if ((p | ACTORS) === ALL) count(actors, k.actors);
    if ((p | PLACES) === ALL) count(places, k.places);
    if ((p | TYPES) === ALL) count(eventTypes, k.eventTypes);
    if (p === ALL) {
      total++;
      clipCount += event.clips.length;
    }
  }
  return {
    actors: sorted(actors, filter.actors),
    places: sorted(places, filter.places),
    eventTypes: sorted(eventTypes, filter.eventTypes),
    total,
    clipCount,
  };
}

/** A key's label: as given, as seen in an indexed event, else the name in a `name:` key or the id's slug. */
function labelOf(key: string, labels?: ReadonlyMap<string, string> | ((key: string) => string | undefined)): string {
  const given = typeof labels === 'function' ? labels(key) : labels?.get(key);
  if (given) return given;
  const known = knownLabels.get(key);
  if (known) return known;
  if (key.startsWith('name:')) return key.slice(5);
  return key.replace(/^[a-z]+:/, '').replace(/-/g, ' ');
}

/**
 * The filter in words, for the results count and exported files' metadata:
 * "actor: Libyan National Army; place: Tripoli or Sirte; 1–31 May 2020; “drone”". Empty when nothing is set.
 */
/** Whether the filter constrains anything (an empty list or text is no constraint). */
export function isFiltered(filter: TimelineFilter): boolean {
  return Object.values(filter).some((value) => (Array.isArray(value) ? value.length > 0 : value !== undefined && value !== ''));
}

export function describeFilter(
  filter: TimelineFilter,
  labels?: ReadonlyMap<string, string> | ((key: string) => string | undefined),
): string {
  const parts: string[] = [];
  const facet = (name: string, keys?: string[], label = (k: string) => labelOf(k, labels)) => {
    if (keys?.length) parts.push(`${name}: ${keys.map(label).join(' or ')}`);
  };
  facet('actor', filter.actors);
  facet('place', filter.places);
  facet('type', filter.eventTypes, (k) => k);
  const valid = (day?: IsoDay) => (day && isIsoDay(day) ? day : undefined);
  const range = formatDayRange(valid(filter.from), valid(filter.to));
  if (range) parts.push(range);
  const text = filter.text?.trim().replace(/\s+/g, ' ');
  // Typed phrases keep their quotes; a plain query is quoted as a whole.
  if (text) parts.push(/["“”]/.test(text) ? `search: ${text}` : `“${text}”`);
  return parts.join('; ');
}
