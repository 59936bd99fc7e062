import browser from 'webextension-polyfill';
import type { ActorCategory, ActorEntry, AliasSpec, Entity, EntityKind, PlaceCategory, PlaceEntry } from '../kb/types';
import type { EntityInfo } from '../recognition/types';

/**
 * The reader's watchlist: names the knowledge base lacks (a new commander, a village in the news), kept
 * in `browser.storage.local[watchlist]` and highlighted on every page like knowledge-base names.
 */
export const WATCHLIST_KEY = 'watchlist';
export const WATCH_ID_PREFIX = 'watch-';

export const MAX_NAME_LENGTH = 120;
export const MAX_ALIASES = 50;
export const MAX_NOTE_LENGTH = 1000;
/** Letters or digits an alias needs: one-letter names would light up half of every page. */
const MIN_ALIAS_LETTERS = 2;

export interface WatchEntry {
  id: string;
  name: string;
  kind: EntityKind;
  category: ActorCategory | PlaceCategory;
  /** Other spellings; the name is matched too and is not repeated here. */
  aliases: string[];
  lat?: number;
  lon?: number;
  note?: string;
  /** ISO 8601. */
  addedAt: string;
}

/** What the form hands over. Coordinates may be NaN (typed but not a number): validation says so. */
export interface WatchDraft {
  name: string;
  kind: EntityKind;
  category: string;
  aliases: readonly string[];
  lat?: number;
  lon?: number;
  note?: string;
}

// Objects, so the compiler says when kb/types.ts gains a category these lists lack.
const ACTOR: Record<ActorCategory, true> = {
  person: true,
  'armed group': true,
  'political body': true,
  government: true,
  'foreign state': true,
  'foreign force': true,
  'mercenary group': true,
  'international body': true,
  'jihadist group': true,
  tribe: true,
  institution: true,
};
const PLACE: Record<PlaceCategory, true> = {
  city: true,
  town: true,
  district: true,
  region: true,
  neighbourhood: true,
  airbase: true,
  airport: true,
  'oil terminal': true,
  'oil field': true,
  port: true,
  'border crossing': true,
  'military base': true,
  landmark: true,
  'water body': true,
};
export const ACTOR_CATEGORIES = Object.keys(ACTOR) as ActorCategory[];
export const PLACE_CATEGORIES = Object.keys(PLACE) as PlaceCategory[];

export function categoriesFor(kind: EntityKind): ReadonlyArray<ActorCategory | PlaceCategory> {
  return kind === 'actor' ? ACTOR_CATEGORIES : PLACE_CATEGORIES;
}

export function isWatchId(id: string): boolean {
  return id.startsWith(WATCH_ID_PREFIX);
}

function isCategoryOf(kind: EntityKind, category: unknown): category is ActorCategory | PlaceCategory {
  return typeof category === 'string' && (categoriesFor(kind) as readonly string[]).includes(category);
}

const clean = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();
const fold = (text: string) => clean(text).toLocaleLowerCase();
const letterCount = (text: string) => text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;

/** "Abu Bakr al-Zawi" → "watch-abu-bakr-al-zawi"; letters of any script are kept ("watch-أبو-بكر"). */
export function watchIdFor(name: string): string {
  const slug = fold(name)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return `${WATCH_ID_PREFIX}${slug || 'name'}`;
}

/** The aliases box: one alias per line or comma ("Zawi, al-Zawi"); blanks and repeats dropped. */
export function splitAliases(text: string): string[] {
  return dedupe(text.split(/[,\n\r،]+/));
}

function dedupe(aliases: readonly string[], except?: string): string[] {
  const seen = new Set(except === undefined ? [] : [fold(except)]);
  const out: string[] = [];
  for (const alias of aliases.map(clean)) {
    if (!alias || seen.has(fold(alias))) continue;
    seen.add(fold(alias));
    out.push(alias);
  }
  return out;
}

const inRange = (value: unknown, limit: number): value is number =>
  typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit;

/** Whatever storage holds, as a clean list: malformed entries dropped, the first of two with one id kept. */
export function normaliseWatchlist(value: unknown): WatchEntry[] {
  if (!Array.isArray(value)) return [];
  const out: WatchEntry[] = [];
  const ids = new Set<string>();
  for (const item of value as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const raw = item as Partial<Record<keyof WatchEntry, unknown>>;
    if (typeof raw.id !== 'string' || !isWatchId(raw.id) || ids.has(raw.id)) continue;
    if (typeof raw.name !== 'string' || typeof raw.addedAt !== 'string') continue;
    const name = clean(raw.name);
    if (letterCount(name) < MIN_ALIAS_LETTERS || name.length > MAX_NAME_LENGTH) continue;
    if (raw.kind !== 'actor' && raw.kind !== 'location') continue;
    if (!isCategoryOf(raw.kind, raw.category)) continue;
    const aliases = Array.isArray(raw.aliases) ? raw.aliases.filter((a): a is string => typeof a === 'string') : [];
    const entry: WatchEntry = {
      id: raw.id,
      name,
      kind: raw.kind,
      category: raw.category,
      aliases: dedupe(aliases, name).filter((a) => letterCount(a) >= MIN_ALIAS_LETTERS).slice(0, MAX_ALIASES),
      addedAt: raw.addedAt,
    };
    if (raw.kind === 'location' && inRange(raw.lat, 90) && inRange(raw.lon, 180)) {
      entry.lat = raw.lat;
      entry.lon = raw.lon;
    }
    if (typeof raw.note === 'string' && clean(raw.note)) entry.note = raw.note.trim().slice(0, MAX_NOTE_LENGTH);
    ids.add(entry.id);
    out.push(entry);
  }
  return out;
}

export type WatchField = 'name' | 'kind' | 'category' | 'aliases' | 'lat' | 'lon' | 'note';

export interface WatchProblem {
  field: WatchField;
  message: string;
  /** False for a warning: the entry can be saved as it is. */
  blocking: boolean;
}

export interface CheckContext {
  /** The current list, to refuse a second entry with the same name. */
  existing?: readonly WatchEntry[];
  /** The entry being edited, which may keep its own name. */
  editingId?: string;
  /** The knowledge-base name an alias already stands for, if any (the options page asks lib/kb). */
  knownAs?: (alias: string) => string | undefined;
}

const quote = (text: string) => `“${text}”`;

/** Everything wrong with a draft, field by field, errors before warnings. */
export function validateWatchEntry(draft: WatchDraft, context: CheckContext = {}): WatchProblem[] {
  const problems: WatchProblem[] = [];
  const error = (field: WatchField, message: string) => problems.push({ field, message, blocking: true });
  const warn = (field: WatchField, message: string) => problems.push({ field, message, blocking: false });

  const name = clean(draft.name);
  if (!name) error('name', 'Enter the name to highlight.');
  else if (name.length > MAX_NAME_LENGTH) error('name', `The name is ${name.length} characters long; keep it to ${MAX_NAME_LENGTH}.`);
  else if (letterCount(name) < MIN_ALIAS_LETTERS) error('name', 'The name needs at least two letters or digits.');
  else {
    const same = context.existing?.find((e) => e.id !== context.editingId && (fold(e.name) === fold(name) || e.id === watchIdFor(name)));
    if (same) error('name', `${quote(same.name)} is already on your watchlist.`);
  }

  if (draft.kind !== 'actor' && draft.kind !== 'location') error('kind', 'Choose actor or place.');
  else if (!isCategoryOf(draft.kind, draft.category)) error('category', `Choose a category for this ${draft.kind === 'actor' ? 'actor' : 'place'}.`);

  const aliases = dedupe(draft.aliases, name);
  const short = aliases.filter((a) => letterCount(a) < MIN_ALIAS_LETTERS);
  if (short.length) error('aliases', `Too short to highlight: ${short.map(quote).join(', ')}. Each spelling needs at least two letters.`);
  else if (aliases.length > MAX_ALIASES) error('aliases', `${aliases.length} spellings; keep it to ${MAX_ALIASES}.`);
  else if (aliases.some((a) => a.length > MAX_NAME_LENGTH)) error('aliases', `Keep each spelling to ${MAX_NAME_LENGTH} characters.`);

  if (draft.kind === 'location') {
    const hasLat = draft.lat !== undefined;
    const hasLon = draft.lon !== undefined;
    if (hasLat && !inRange(draft.lat, 90)) error('lat', 'Latitude is a number from -90 to 90 (Tripoli is 32.89).');
    if (hasLon && !inRange(draft.lon, 180)) error('lon', 'Longitude is a number from -180 to 180 (Tripoli is 13.19).');
    if (hasLat !== hasLon) error(hasLat ? 'lon' : 'lat', 'Give both latitude and longitude, or neither.');
    if (!hasLat && !hasLon) warn('lat', 'Without coordinates this place is highlighted but will not appear on the map.');
  }

  if (draft.note !== undefined && draft.note.trim().length > MAX_NOTE_LENGTH) {
    error('note', `The note is ${draft.note.trim().length} characters long; keep it to ${MAX_NOTE_LENGTH}.`);
  }

  if (context.knownAs && name && !problems.some((p) => p.blocking && (p.field === 'name' || p.field === 'aliases'))) {
    const taken = [name, ...aliases].flatMap((alias) => {
      const owner = context.knownAs!(alias);
      return owner ? [`${quote(alias)} is already highlighted as ${owner}`] : [];
    });
    if (taken.length) {
      warn('aliases', `${taken.join('; ')}. Where both could apply, the knowledge base's reading is kept.`);
    }
  }
  return problems.sort((a, b) => Number(b.blocking) - Number(a.blocking));
}

/** The first reason the draft cannot be saved, or undefined when it can (warnings do not count). */
export function checkWatchEntry(draft: WatchDraft, context: CheckContext = {}): string | undefined {
  return validateWatchEntry(draft, context).find((p) => p.blocking)?.message;
}

/** A saved entry from a valid draft; `id` and `addedAt` are kept when editing. */
export function toWatchEntry(draft: WatchDraft, keep?: Pick<WatchEntry, 'id' | 'addedAt'>, now = new Date()): WatchEntry {
  const name = clean(draft.name);
  const entry: WatchEntry = {
    id: keep?.id ?? watchIdFor(name),
    name,
    kind: draft.kind,
    category: draft.category as WatchEntry['category'],
    aliases: dedupe(draft.aliases, name),
    addedAt: keep?.addedAt ?? now.toISOString(),
  };
  if (draft.kind === 'location' && inRange(draft.lat, 90) && inRange(draft.lon, 180)) {
    entry.lat = draft.lat;
    entry.lon = draft.lon;
  }
  const note = draft.note?.trim();
  if (note) entry.note = note;
  return entry;
}

/** The list with `entry` added last; its id gets a suffix if another entry has it ("watch-x-2"). */
export function addEntry(list: readonly WatchEntry[], entry: WatchEntry): WatchEntry[] {
  const ids = new Set(list.map((e) => e.id));
  let id = entry.id;
  for (let n = 2; ids.has(id); n++) id = `${entry.id}-${n}`;
  return [...list, { ...entry, id }];
}

export function removeEntry(list: readonly WatchEntry[], id: string): WatchEntry[] {
  return list.filter((e) => e.id !== id);
}

/** The list with the entry of `id` replaced (it keeps its id and place in the list). */
export function updateEntry(list: readonly WatchEntry[], id: string, entry: WatchEntry): WatchEntry[] {
  return list.map((e) => (e.id === id ? { ...entry, id } : e));
}

/** Short capitals ("SSA", "JNA") are acronyms: only matched as written, as the knowledge base does. */
const ACRONYM = /^[\p{Lu}\p{N}]{2,5}$/u;

/**
 * The entries as knowledge-base entities for the matcher: the name and every alias are matched. A place
 * without coordinates gets NaN for them: the matcher never reads them, and nothing else should take
 * these entities for real gazetteer entries (watchEntityInfo is what the UI shows).
 */
export function toKbEntities(entries: readonly WatchEntry[]): Entity[] {
  return entries.map((entry): Entity => {
    const aliases: AliasSpec[] = [entry.name, ...entry.aliases].map((alias) =>
      ACRONYM.test(alias) ? { text: alias, case: 'exact' } : alias,
    );
    const base = { id: entry.id, name: entry.name, aliases, description: describe(entry), sources: ['watchlist'] };
    if (entry.kind === 'actor') return { ...base, kind: 'actor', category: entry.category as ActorEntry['category'] };
    return {
      ...base,
      kind: 'location',
      category: entry.category as PlaceEntry['category'],
      lat: entry.lat ?? Number.NaN,
      lon: entry.lon ?? Number.NaN,
    };
  });
}

function describe(entry: WatchEntry): string {
  return entry.note ? `On your watchlist: ${entry.note}` : 'On your watchlist.';
}

/** What the hover card and the entity list show for a watched name. */
export function watchEntityInfo(entry: WatchEntry): EntityInfo {
  const info: EntityInfo = {
    id: entry.id,
    name: entry.name,
    kind: entry.kind,
    source: 'kb',
    category: entry.category,
    description: describe(entry),
    aliases: [...entry.aliases],
  };
  if (entry.lat !== undefined && entry.lon !== undefined) {
    info.lat = entry.lat;
    info.lon = entry.lon;
  }
  return info;
}

export async function getWatchlist(): Promise<WatchEntry[]> {
  const stored = await browser.storage.local.get(WATCHLIST_KEY);
  return normaliseWatchlist(stored[WATCHLIST_KEY]);
}

// Read-modify-write, serialised as in sites.ts: an add in one tab and a remove in another both land.
let writes: Promise<unknown> = Promise.resolve();

/** Applies `change` to the stored list and stores the result; resolves with it. */
export function changeWatchlist(change: (list: WatchEntry[]) => readonly WatchEntry[]): Promise<WatchEntry[]> {
  const write = writes.then(async () => {
    const list = normaliseWatchlist(change(await getWatchlist()));
    await browser.storage.local.set({ [WATCHLIST_KEY]: list });
    return list;
  });
  writes = write.catch(() => undefined);
  return write;
}

export function setWatchlist(list: readonly WatchEntry[]): Promise<WatchEntry[]> {
  return changeWatchlist(() => list);
}

/** Calls `callback(list)` whenever the stored watchlist changes. Returns the unsubscribe function. */
export function watchWatchlist(callback: (list: WatchEntry[]) => void): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string) => {
    const change = changes[WATCHLIST_KEY];
    if (area !== 'local' || !change) return;
    const after = normaliseWatchlist(change.newValue);
    if (JSON.stringify(normaliseWatchlist(change.oldValue)) !== JSON.stringify(after)) callback(after);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
