/**
 * The primitives of checking a record that arrived from outside the worker (clip-check.ts): allowed values,
 * and readers of one text, day, timestamp, URL, number or list that return the value or throw `Invalid`
 * with a sentence naming the field. Only own properties are read, so nothing inherited (and no
 * `__proto__` key) is ever taken for a field.
 */
import { MAX_PARAGRAPH } from '../extraction/clip';
import { toNumber } from '../extraction/calendar';
import type {
  ArticleMeta,
  Attribution,
  ClipEntity,
  ClipMethod,
  DisorderType,
  EditableField,
  EventDateMethod,
  GeoPrecision,
  InterCode,
  Stance,
  TimePrecision,
} from '../extraction/types';

/** A field that failed its check; `message` is the sentence for the reader, without the clip it belongs to. */
export class Invalid extends Error {
  override readonly name = 'Invalid';
}

// The allowed values, one list each. `every<T>()` fails to compile when a list misses a member of its union.
type Missing<T, A extends readonly unknown[]> = Exclude<T, A[number]>;
const every =
  <T>() =>
  <const A extends readonly T[]>(values: A & ([Missing<T, A>] extends [never] ? unknown : { missing: Missing<T, A> })) =>
    values;

export const CLIP_METHODS = every<ClipMethod>()(['button', 'selection', 'context-menu', 'keyboard']);
export const EVENT_DATE_METHODS = every<EventDateMethod>()(['expression', 'publication', 'clip-day']);
export const TIME_PRECISIONS = every<TimePrecision>()([1, 2, 3]);
export const GEO_PRECISIONS = every<GeoPrecision>()([1, 2, 3]);
export const INTER_CODES = every<InterCode>()([0, 1, 2, 3, 4, 5, 6, 7, 8]);
export const DISORDER_TYPES = every<DisorderType>()([
  'Political violence',
  'Demonstrations',
  'Political violence; Demonstrations',
  'Strategic developments',
]);
export const STANCES = every<Stance>()(['claimed', 'alleged', 'denied']);
export const PERPETRATORS = every<Attribution['perpetrator']>()(['named', 'unidentified', 'unknown']);
export const ATTRIBUTION_STATUSES = every<Attribution['status']>()(['claimed', 'alleged', 'denied', 'contested', 'unknown']);
export const ENTITY_KINDS = every<ClipEntity['kind']>()(['actor', 'location']);
export const ENTITY_SOURCES = every<ClipEntity['source']>()(['kb', 'ner']);
export const PUBLISHED_FROM = every<NonNullable<ArticleMeta['publishedFrom']>>()(['meta', 'json-ld', 'time', 'dateline']);
export const EDITABLE_FIELDS = every<EditableField>()(['eventDate', 'event', 'actor1', 'actor2', 'location']);


export const MAX_TEXT = MAX_PARAGRAPH;
export const MAX_STRING = 2_000;
export const MAX_FATALITIES = 100_000;
export const MAX_LIST = 1_000;
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
/** Clips are timestamped by this extension, so nothing before it existed; a day of slack for clock skew. */
const FIRST_CLIP_YEAR = 2000;
const CLOCK_SLACK_MS = 86_400_000;

/**
 * What Libya Lens never writes into any string: markup that runs script, and script URLs. Record text is
 * only ever shown through textContent, so this is not what keeps the reader safe; it tells a tampered file
 * from ours. `data:` only counts with a media type ("data:text/html,"), not in prose ("the data: 300 dead").
 */
const HOSTILE = [
  /<\s*\/?\s*(?:script|iframe|object|embed|frame|frameset|applet|base|meta|link|style|svg|math)\b/i,
  /\b(?:javascript|vbscript|livescript)\s*:/i,
  /\bdata\s*:\s*[a-z]+\/[a-z0-9.+-]+\s*[;,]/i,
  // Event handler attributes by name: a bare `on\w+=` would also catch prose ("online = 40%").
  /\bon(?:load|error|click|dblclick|auxclick|contextmenu|mouse\w+|pointer\w+|key\w+|focus\w*|blur|change|input|submit|reset|select|toggle|animation\w+|transition\w+|begin|end|repeat|wheel|scroll\w*|drag\w*|drop|copy|cut|paste|touch\w+|before\w+|after\w+|unload|resize|message|hashchange|popstate|pageshow|show|play\w*|pause|ended|canplay\w*|abort|invalid|search|progress|timeupdate)\s*=/i,
  /<[a-z][^>]*\s(?:href|src|action|formaction|style)\s*=/i,
];

export type Obj = Record<string, unknown>;

/** A value in a message: text quoted, anything else as JSON; cut short, never the whole of a huge or hostile string. */
export function shown(value: unknown): string {
  let text: string;
  if (typeof value === 'string') text = JSON.stringify(value);
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > 42 ? `${text.slice(0, 40)}…` : text;
}

export const count = (n: number) => n.toLocaleString('en-US');

export function own(o: Obj, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

export function isPlainObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function object(value: unknown, label: string): Obj {
  if (value === undefined || value === null) throw new Invalid(`${label} is missing.`);
  if (!isPlainObject(value)) throw new Invalid(`${label} should be a group of fields, not ${shown(value)}.`);
  return value;
}

/** Every pattern above needs one of these; most strings have none, and one scan is cheaper than five. */
const TRIGGER = /[<:=]/;

export function containsMarkup(value: string): boolean {
  return TRIGGER.test(value) && HOSTILE.some((pattern) => pattern.test(value));
}

export function text(value: unknown, label: string, options: { max?: number; empty?: boolean } = {}): string {
  if (value === undefined || value === null) throw new Invalid(`${label} is missing.`);
  if (typeof value !== 'string') throw new Invalid(`${label} should be text, not ${shown(value)}.`);
  const max = options.max ?? MAX_STRING;
  if (value.length > max)
    throw new Invalid(`${label} is too long (${count(value.length)} characters; at most ${count(max)}).`);
  if (!options.empty && value.trim() === '') throw new Invalid(`${label} is empty.`);
  if (containsMarkup(value))
    throw new Invalid(`${label} contains markup that Libya Lens never writes; the file may have been tampered with.`);
  return value;
}

export function oneOf<T extends string | number>(value: unknown, allowed: readonly T[], label: string): T {
  if (value === undefined || value === null) throw new Invalid(`${label} is missing.`);
  if (!(allowed as readonly unknown[]).includes(value))
    throw new Invalid(`${label} ${shown(value)} is not one of ${allowed.map((a) => shown(a)).join(', ')}.`);
  return value as T;
}

export function integer(value: unknown, label: string, min: number, max: number): number {
  if (value === undefined || value === null) throw new Invalid(`${label} is missing.`);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw new Invalid(`${label} ${shown(value)} should be a whole number from ${count(min)} to ${count(max)}.`);
  return value;
}

export function coordinate(value: unknown, label: string, limit: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > limit)
    throw new Invalid(`${label} ${shown(value)} should be a number from −${limit} to ${limit}.`);
  return value;
}

export function list(value: unknown, label: string, max = MAX_LIST): unknown[] {
  if (value === undefined || value === null) throw new Invalid(`${label} is missing.`);
  if (!Array.isArray(value)) throw new Invalid(`${label} should be a list, not ${shown(value)}.`);
  if (value.length > max) throw new Invalid(`${label} has ${count(value.length)} entries; at most ${count(max)}.`);
  return value;
}

/** A `YYYY-MM-DD` day that exists, between 1900 and 2100. */
export function day(value: unknown, label: string): string {
  const raw = text(value, label, { max: 10 });
  const n = toNumber(raw);
  const year = Number(raw.slice(0, 4));
  if (n === undefined || year < MIN_YEAR || year > MAX_YEAR)
    throw new Invalid(`${label} ${shown(raw)} is not a plausible date (years ${MIN_YEAR}–${MAX_YEAR}).`);
  return raw;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * An ISO timestamp written by the extension: not before 2000, and not after `now` (plus a day of clock
 * skew). A future `updatedAt` would win every later merge, so it is refused rather than trusted.
 */
export function timestamp(value: unknown, label: string, now: Date): string {
  const raw = text(value, label, { max: 40 });
  const ms = TIMESTAMP.test(raw) ? Date.parse(raw) : Number.NaN;
  if (!Number.isFinite(ms) || new Date(ms).getUTCFullYear() < FIRST_CLIP_YEAR)
    throw new Invalid(`${label} ${shown(raw)} is not a date and time Libya Lens writes.`);
  if (ms > now.getTime() + CLOCK_SLACK_MS) throw new Invalid(`${label} ${shown(raw)} lies in the future.`);
  return raw;
}

/** Long URLs are real (AMP caches, search-result redirects); the browsers' own practical limit is far above. */
export const MAX_URL = 8_192;

export function webUrl(value: unknown, label: string): string {
  const raw = text(value, label, { max: MAX_URL });
  let protocol: string;
  try {
    protocol = new URL(raw).protocol;
  } catch {
    throw new Invalid(`${label} ${shown(raw)} is not a web address.`);
  }
  if (protocol !== 'http:' && protocol !== 'https:')
    throw new Invalid(`${label} ${shown(raw)} is not a web address (http or https).`);
  return raw;
}

/** Reads `o[key]` with `read` when present; undefined (and null, which JSON may carry) mean absent. */
export function optional<T>(o: Obj, key: string, read: (value: unknown) => T): T | undefined {
  const value = own(o, key);
  return value === undefined || value === null ? undefined : read(value);
}

/** Sets the optional fields that have a value, so the result is JSON-shaped (no undefined fields). */
/**
 * `base` with the fields of `extra` that are set. `base` must be a fresh object (every caller passes a
 * literal): it is filled in place, because a copy per object was the importer's largest cost (profiled
 * at 10,000 clips).
 */
export function withOptional<T extends object>(base: T, extra: Partial<T>): T {
  const out = base as Obj;
  for (const key in extra) {
    const value = (extra as Obj)[key];
    if (value !== undefined) out[key] = value;
  }
  return base;
}

export function latLon(o: Obj, label: string): { lat?: number; lon?: number } {
  const lat = optional(o, 'lat', (v) => coordinate(v, `${label} latitude`, 90));
  const lon = optional(o, 'lon', (v) => coordinate(v, `${label} longitude`, 180));
  if ((lat === undefined) !== (lon === undefined))
    throw new Invalid(`${label} has a ${lat === undefined ? 'longitude' : 'latitude'} without a ${lat === undefined ? 'latitude' : 'longitude'}.`);
  return { lat, lon };
}
