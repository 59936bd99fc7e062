import { aliasText } from '../recognition/aliases';
import { combineMatches } from '../recognition/combine';
import { Matcher } from '../recognition/matcher';
import type { EntityInfo, TextMatch } from '../recognition/types';
import actorsData from './data/actors.json';
import placesData from './data/places.json';
import sharedAliasesData from './data/shared-aliases.json';
import type { ActorEntry, Entity, PlaceEntry, SharedAliasRule } from './types';

/**
 * The knowledge base: the actor list and the gazetteer (lib/kb/data, each entry with its sources), and
 * the matcher built over them. The JSON is typed here once, at the boundary.
 */
export const actors = actorsData as ActorEntry[];
export const places = placesData as PlaceEntry[];
export const sharedAliases = sharedAliasesData as SharedAliasRule[];
export const entities: readonly Entity[] = [...actors, ...places];

let byId: Map<string, Entity> | undefined;
let matcher: Matcher | undefined;

/**
 * The reader's own entities (the watchlist, lib/settings/watchlist.ts), registered by the background worker so
 * that clips name them like the knowledge base's: looked up after it, matched with it.
 */
let readerById = new Map<string, Entity>();
let readerMatcher: Matcher | undefined;

export function setReaderEntities(list: readonly Entity[]): void {
  readerById = new Map(list.map((entity) => [entity.id, entity]));
  readerMatcher = list.length ? new Matcher({ entities: list }) : undefined;
}

export function getEntity(id: string): Entity | undefined {
  byId ??= new Map(entities.map((e) => [e.id, e]));
  return byId.get(id) ?? readerById.get(id);
}

/** Knowledge-base matches of a text, with the reader's entities where they add names (combineMatches). */
export function findEntities(text: string): TextMatch[] {
  const kb = getMatcher().find(text);
  return readerMatcher ? combineMatches(kb, readerMatcher.find(text)) : kb;
}

/** The entity as the reader-facing UI shows it. */
export function toEntityInfo(entity: Entity): EntityInfo {
  const info: EntityInfo = {
    id: entity.id,
    name: entity.name,
    kind: entity.kind,
    source: 'kb',
    category: entity.category,
    description: entity.description,
    aliases: entity.aliases.map(aliasText),
  };
  if (entity.kind === 'actor') info.camp = entity.camp;
  else {
    info.lat = entity.lat;
    info.lon = entity.lon;
  }
  return info;
}

export function getEntityInfo(id: string): EntityInfo | undefined {
  const entity = getEntity(id);
  return entity && toEntityInfo(entity);
}

/**
 * The shared matcher, created deferred: its aliases are compiled by `matcher.build()` slices (the content
 * script does this at idle time) or all at once by the first `find()`.
 */
export function getMatcher(): Matcher {
  matcher ??= new Matcher({ entities, sharedAliases }, { deferred: true });
  return matcher;
}
