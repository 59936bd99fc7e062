/**
 * Field-by-field checks of a clip record that arrived from outside the worker: a backup file, or a popup
 * message. Each reader takes an unknown value and returns a fresh plain object holding only the known
 * fields (unknown ones, `__proto__` included, are dropped), or throws `Invalid` with one sentence naming
 * the field. The importer (backup.ts) and the reader's edits (lib/timeline/edits.ts) share these, so an
 * edit is held to the same rules as an imported record.
 */
import { EVENT_TAXONOMY, isKnownPair } from '../extraction/taxonomy';
import {
  CLIP_RECORD_VERSION,
  type ArticleMeta,
  type Attribution,
  type AttributionStatement,
  type ClipEntity,
  type ClipRecord,
  type EditableField,
  type EventActor,
  type EventClass,
  type EventDate,
  type EventLocation,
  type Party,
  type ReaderEdits,
  type Selector,
} from '../extraction/types';
import { CLIP_ID } from '../extraction/clip-id';
import {
  ATTRIBUTION_STATUSES,
  CLIP_METHODS,
  DISORDER_TYPES,
  EDITABLE_FIELDS,
  ENTITY_KINDS,
  ENTITY_SOURCES,
  EVENT_DATE_METHODS,
  GEO_PRECISIONS,
  INTER_CODES,
  Invalid,
  MAX_FATALITIES,
  MAX_TEXT,
  PERPETRATORS,
  PUBLISHED_FROM,
  STANCES,
  TIME_PRECISIONS,
  count,
  day,
  integer,
  isPlainObject,
  latLon,
  list,
  object,
  oneOf,
  optional,
  own,
  shown,
  text,
  timestamp,
  webUrl,
  withOptional,
  type Obj,
} from './field-check';

export { EDITABLE_FIELDS, Invalid, isPlainObject } from './field-check';

/** `group-<clip id>`, `solo:<clip id>` (lib/timeline/edits.ts regroup) or another short token. */
const GROUP_ID = /^[\w:.-]{1,200}$/;

export function readEventDate(value: unknown, label = 'event date'): EventDate {
  const o = object(value, label);
  const start = optional(o, 'start', (v) => integer(v, `${label} start`, 0, MAX_TEXT));
  const end = optional(o, 'end', (v) => integer(v, `${label} end`, 0, MAX_TEXT));
  if (start !== undefined && end !== undefined && start > end) throw new Invalid(`${label} ends before it starts.`);
  return withOptional<EventDate>(
    {
      day: day(own(o, 'day'), label),
      precision: oneOf(own(o, 'precision'), TIME_PRECISIONS, `${label} precision`),
      method: oneOf(own(o, 'method'), EVENT_DATE_METHODS, `${label} method`),
    },
    {
      expression: optional(o, 'expression', (v) => text(v, `${label} expression`)),
      start,
      end,
      reference: optional(o, 'reference', (v) => day(v, `${label} reference day`)),
    },
  );
}

export const EVENT_TYPES = EVENT_TAXONOMY.map((t) => t.eventType);

export function readEventClass(value: unknown, label = 'event type'): EventClass {
  const o = object(value, label);
  const eventType = oneOf(own(o, 'eventType'), EVENT_TYPES, label);
  const subEventType = text(own(o, 'subEventType'), `${label}'s sub-type`, { max: 100 });
  if (!isKnownPair(eventType, subEventType))
    throw new Invalid(`${shown(subEventType)} is not an ACLED sub-event type of ${shown(eventType)}.`);
  const civilianTargeting = own(o, 'civilianTargeting');
  if (typeof civilianTargeting !== 'boolean') throw new Invalid(`${label} civilian targeting should be true or false.`);
  return withOptional<EventClass>(
    {
      disorderType: oneOf(own(o, 'disorderType'), DISORDER_TYPES, `${label} disorder type`),
      eventType,
      subEventType: subEventType as EventClass['subEventType'],
      civilianTargeting,
    },
    { cue: optional(o, 'cue', (v) => text(v, `${label} cue`)) },
  );
}

function entityId(o: Obj, label: string): string | undefined {
  return optional(o, 'entityId', (v) => text(v, `${label} entity id`, { max: 200 }));
}

export function readActor(value: unknown, label: string): EventActor {
  const o = object(value, label);
  return withOptional<EventActor>(
    { name: text(own(o, 'name'), `${label} name`), inter: oneOf(own(o, 'inter'), INTER_CODES, `${label} ACLED actor type`) },
    { entityId: entityId(o, label) },
  );
}

export function readLocation(value: unknown, label = 'event location'): EventLocation {
  const o = object(value, label);
  return withOptional<EventLocation>(
    { name: text(own(o, 'name'), `${label} name`), geoPrecision: oneOf(own(o, 'geoPrecision'), GEO_PRECISIONS, `${label} precision`) },
    {
      entityId: entityId(o, label),
      admin1: optional(o, 'admin1', (v) => text(v, `${label} region`)),
      ...latLon(o, label),
    },
  );
}

function readParty(value: unknown, label: string): Party {
  const o = object(value, label);
  return withOptional<Party>({ name: text(own(o, 'name'), `${label} name`) }, { entityId: entityId(o, label) });
}

function readAttribution(value: unknown): Attribution {
  const o = object(value, 'attribution');
  const statements = list(own(o, 'statements'), 'attribution statements').map((v, i): AttributionStatement => {
    const label = `attribution statement ${i + 1}`;
    const s = object(v, label);
    return withOptional<AttributionStatement>(
      {
        stance: oneOf(own(s, 'stance'), STANCES, `${label} stance`),
        by: readParty(own(s, 'by'), `${label} speaker`),
        cue: text(own(s, 'cue'), `${label} cue`),
      },
      { about: optional(s, 'about', (p) => readParty(p, `${label} subject`)) },
    );
  });
  return {
    perpetrator: oneOf(own(o, 'perpetrator'), PERPETRATORS, 'attribution perpetrator'),
    statements,
    status: oneOf(own(o, 'status'), ATTRIBUTION_STATUSES, 'attribution status'),
  };
}

function readEntity(value: unknown, i: number): ClipEntity {
  const label = `entity ${i + 1}`;
  const o = object(value, label);
  return withOptional<ClipEntity>(
    {
      id: text(own(o, 'id'), `${label} id`, { max: 200 }),
      name: text(own(o, 'name'), `${label} name`),
      kind: oneOf(own(o, 'kind'), ENTITY_KINDS, `${label} kind`),
      category: text(own(o, 'category'), `${label} category`, { empty: true }),
      source: oneOf(own(o, 'source'), ENTITY_SOURCES, `${label} source`),
      mentions: integer(own(o, 'mentions'), `${label} mention count`, 0, MAX_TEXT),
    },
    {
      camp: optional(o, 'camp', (v) => text(v, `${label} camp`)),
      admin1: optional(o, 'admin1', (v) => text(v, `${label} region`)),
      ...latLon(o, label),
    },
  );
}

function readSelector(value: unknown, i: number): Selector {
  const label = `anchor ${i + 1}`;
  const o = object(value, label);
  const type = oneOf(own(o, 'type'), ['TextQuoteSelector', 'TextPositionSelector'] as const, `${label} type`);
  if (type === 'TextQuoteSelector') {
    return {
      type,
      exact: text(own(o, 'exact'), `${label} quote`, { max: MAX_TEXT }),
      prefix: text(own(o, 'prefix'), `${label} prefix`, { empty: true }),
      suffix: text(own(o, 'suffix'), `${label} suffix`, { empty: true }),
    };
  }
  // Offsets into the page's text, which is longer than any paragraph.
  const start = integer(own(o, 'start'), `${label} start`, 0, Number.MAX_SAFE_INTEGER);
  const end = integer(own(o, 'end'), `${label} end`, 0, Number.MAX_SAFE_INTEGER);
  if (start > end) throw new Invalid(`${label} ends before it starts.`);
  return { type, start, end };
}

function readArticle(value: unknown): ArticleMeta {
  const o = object(value, 'article');
  return withOptional<ArticleMeta>(
    {
      url: webUrl(own(o, 'url'), 'article URL'),
      pageUrl: webUrl(own(o, 'pageUrl'), 'page URL'),
      title: text(own(o, 'title'), 'article title', { empty: true }),
      outlet: text(own(o, 'outlet'), 'outlet'),
    },
    {
      author: optional(o, 'author', (v) => text(v, 'author', { empty: true })),
      published: optional(o, 'published', (v) => text(v, 'publication time')),
      publishedDay: optional(o, 'publishedDay', (v) => day(v, 'publication day')),
      publishedFrom: optional(o, 'publishedFrom', (v) => oneOf(v, PUBLISHED_FROM, 'publication date source')),
      language: optional(o, 'language', (v) => text(v, 'language', { max: 100 })),
    },
  );
}

function readActors(value: unknown, label: string): EventActor[] {
  return list(value, label).map((v, i) => readActor(v, `${label} ${i + 1}`));
}

const FIELD_LABEL: Record<EditableField, string> = {
  eventDate: 'event date',
  event: 'event type',
  actor1: 'actor 1',
  actor2: 'actor 2',
  location: 'event location',
};

/** Reads a value of one editable field; `null` is allowed where the field may be cleared (actors, place). */
export function readEditable(field: EditableField, value: unknown, label = FIELD_LABEL[field]): unknown {
  switch (field) {
    case 'eventDate':
      return readEventDate(value, label);
    case 'event':
      return readEventClass(value, label);
    case 'actor1':
    case 'actor2':
      return value === null ? null : readActor(value, label);
    case 'location':
      return value === null ? null : readLocation(value, label);
  }
}

function readEdits(value: unknown, now: Date): ReaderEdits {
  const o = object(value, 'reader edits');
  const fields = list(own(o, 'fields'), 'edited fields', EDITABLE_FIELDS.length).map((v) =>
    oneOf(v, EDITABLE_FIELDS, 'edited field'),
  );
  if (fields.length === 0) throw new Invalid('reader edits name no field.');
  if (new Set(fields).size !== fields.length) throw new Invalid('edited fields name a field twice.');
  const original = object(own(o, 'original'), 'values before the edits');
  const kept: Obj = {};
  for (const field of fields) {
    if (!Object.prototype.hasOwnProperty.call(original, field))
      throw new Invalid(`the value before the edit of ${FIELD_LABEL[field]} is missing.`);
    kept[field] = readEditable(field, original[field], `${FIELD_LABEL[field]} before the edit`);
  }
  return { fields, editedAt: timestamp(own(o, 'editedAt'), 'edit time', now), original: kept as ReaderEdits['original'] };
}

/** A whole record: every field checked, a fresh object returned. */
export function readClip(value: unknown, now: Date): ClipRecord {
  const o = object(value, 'the clip');
  const id = text(own(o, 'id'), 'id', { max: 69 });
  if (!CLIP_ID.test(id)) throw new Invalid(`id ${shown(id)} is not a Libya Lens clip id.`);
  const version = integer(own(o, 'version'), 'record version', 1, Number.MAX_SAFE_INTEGER);
  if (version > CLIP_RECORD_VERSION)
    throw new Invalid(`it was made by a newer version of Libya Lens (record version ${version}); update Libya Lens, then import again.`);
  const clippedAt = timestamp(own(o, 'clippedAt'), 'clip time', now);
  const record = withOptional<ClipRecord>(
    {
      id,
      version,
      text: text(own(o, 'text'), 'text', { max: MAX_TEXT }),
      article: readArticle(own(o, 'article')),
      clippedAt,
      updatedAt: timestamp(own(o, 'updatedAt'), 'last change time', now),
      method: oneOf(own(o, 'method'), CLIP_METHODS, 'clip method'),
      eventDate: readEventDate(own(o, 'eventDate')),
      event: readEventClass(own(o, 'event')),
      assocActors1: readActors(own(o, 'assocActors1'), 'associated actor of actor 1'),
      assocActors2: readActors(own(o, 'assocActors2'), 'associated actor of actor 2'),
      fatalities: readFatalities(own(o, 'fatalities')),
      attribution: readAttribution(own(o, 'attribution')),
      entities: list(own(o, 'entities'), 'entities').map(readEntity),
      selectors: list(own(o, 'selectors'), 'anchors', 10).map(readSelector),
    },
    {
      selection: optional(o, 'selection', (v) => text(v, 'selection', { max: MAX_TEXT })),
      actor1: optional(o, 'actor1', (v) => readActor(v, 'actor 1')),
      actor2: optional(o, 'actor2', (v) => readActor(v, 'actor 2')),
      location: optional(o, 'location', (v) => readLocation(v)),
      edits: optional(o, 'edits', (v) => readEdits(v, now)),
      eventGroup: optional(o, 'eventGroup', (v) => readGroup(v)),
    },
  );
  return record;
}

function readGroup(value: unknown): string {
  const group = text(value, 'event group', { max: 200 });
  if (!GROUP_ID.test(group)) throw new Invalid(`event group ${shown(group)} is not a group Libya Lens writes.`);
  return group;
}

function readFatalities(value: unknown): ClipRecord['fatalities'] {
  const o = object(value, 'fatalities');
  return withOptional<ClipRecord['fatalities']>(
    { count: integer(own(o, 'count'), 'fatality count', 0, MAX_FATALITIES - 1) },
    { text: optional(o, 'text', (v) => text(v, 'fatality words')) },
  );
}

/** `Clip 12 (clip-3fa4b2c…)`: where a record sits in what was sent, and its id when it has a readable one. */
export function clipPlace(index: number, value: unknown): string {
  const id = isPlainObject(value) ? own(value, 'id') : undefined;
  const where = `Clip ${count(index + 1)}`;
  if (typeof id !== 'string' || !CLIP_ID.test(id)) return where;
  return `${where} (${id.length > 12 ? `${id.slice(0, 12)}…` : id})`;
}
