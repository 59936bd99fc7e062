import type { EntityInfo } from '../recognition/types';

/** What the hover card, the entity list and the popup say about entities, in one place. */

export const NEW_NAME_NOTE = 'New name — not in the Libya Lens knowledge base';
export const NOTHING_FOUND = 'No Libyan actors or places found on this page';

export function kindLabel(kind: EntityInfo['kind']): 'Actor' | 'Place' {
  return kind === 'actor' ? 'Actor' : 'Place';
}

/**
 * The text with whitespace collapsed, cut at a word boundary near `limit` code points (never inside an
 * emoji or other surrogate pair), with an ellipsis when anything was cut.
 */
export function shorten(text: string, limit: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  if (chars.length <= limit) return flat;
  const head = chars.slice(0, limit).join('');
  const space = head.lastIndexOf(' ');
  const cut = space > limit * 0.6 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:.–—-]+$/, '')}…`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function mentionsOnPage(count: number): string {
  return `${plural(count, 'mention')} on this page`;
}

/** "32.89° N, 13.19° E" */
export function formatCoordinates(lat: number, lon: number): string {
  const part = (value: number, positive: string, negative: string) =>
    `${Math.abs(value).toFixed(2)}° ${value < 0 ? negative : positive}`;
  return `${part(lat, 'N', 'S')}, ${part(lon, 'E', 'W')}`;
}

/**
 * Aliases worth showing: not the name itself, no repeats ignoring case, at most `max`, shortest (in words)
 * first — the spelling variants a reader meets ("Hifter", "Heftar") before the long permutations of
 * first names and titles ("Khalifa Belgasem Hiftar").
 */
export function aliasesToShow(entity: EntityInfo, max = 8): { shown: string[]; more: number } {
  const seen = new Set([entity.name.toLocaleLowerCase()]);
  const distinct: string[] = [];
  for (const alias of entity.aliases) {
    const key = alias.trim().toLocaleLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    distinct.push(alias.trim());
  }
  const words = (alias: string) => alias.split(/\s+/).length;
  distinct.sort((a, b) => words(a) - words(b));
  return { shown: distinct.slice(0, max), more: Math.max(0, distinct.length - max) };
}

/** The short line under a name: "armed group · LNA/east". */
export function entitySubtitle(entity: EntityInfo): string {
  return [entity.category, entity.camp].filter(Boolean).join(' · ');
}

export type GroupKey = 'actors' | 'places' | 'new';

export interface Group<T> {
  key: GroupKey;
  label: string;
  items: T[];
}

/**
 * Actors and places from the knowledge base, then names only the NER layer found, always in this order;
 * within a group the most mentioned first (ties by name).
 */
export function groupEntities<T extends { entity: EntityInfo; count: number }>(list: readonly T[]): Group<T>[] {
  const groups: Group<T>[] = [
    { key: 'actors', label: 'Actors', items: [] },
    { key: 'places', label: 'Places', items: [] },
    { key: 'new', label: 'New names', items: [] },
  ];
  for (const item of list) {
    const index = item.entity.source === 'ner' ? 2 : item.entity.kind === 'actor' ? 0 : 1;
    groups[index]!.items.push(item);
  }
  for (const group of groups) {
    group.items.sort((a, b) => b.count - a.count || a.entity.name.localeCompare(b.entity.name));
  }
  return groups;
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase();
}

/** Filter-box match on the name, aliases and category, ignoring case and accents ("misrata" finds "Miṣrātah"). */
export function matchesFilter(entity: EntityInfo, query: string): boolean {
  const needle = fold(query.trim());
  if (!needle) return true;
  return [entity.name, entity.category, entity.camp ?? '', ...entity.aliases].some((text) =>
    fold(text).includes(needle),
  );
}
