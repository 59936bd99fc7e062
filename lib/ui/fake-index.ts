import type { Mention } from '../highlight/types';
import type { EntityInfo } from '../recognition/types';
import type { FocusableIndex } from './types';

/**
 * Test helper, not shipped: a MentionIndex over a (happy-dom) document, with real Range objects for every
 * occurrence of each entity's name or aliases, like the highlighter's, plus a spy-able focus().
 */
export interface FakeIndex extends FocusableIndex {
  all: Mention[];
  focused: Mention[];
  /** Removes a mention (as if the page dropped its text) and notifies listeners. */
  remove(mentionId: number): void;
  /** Notifies onChange listeners. */
  emit(): void;
}

export function fakeIndex(doc: Document, entities: EntityInfo[]): FakeIndex {
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  const all: Mention[] = [];
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  let id = 1;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    const found: Array<{ start: number; end: number; entity: EntityInfo }> = [];
    for (const entity of entities) {
      for (const name of [entity.name, ...entity.aliases]) {
        for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
          const end = at + name.length;
          if (!found.some((f) => f.start < end && at < f.end)) found.push({ start: at, end, entity });
        }
      }
    }
    found.sort((a, b) => a.start - b.start);
    for (const { start, end, entity } of found) {
      const range = doc.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      all.push({ id: id++, entityId: entity.id, kind: entity.kind, source: entity.source, range, text: text.slice(start, end) });
    }
  }

  const listeners = new Set<() => void>();
  const index: FakeIndex = {
    all,
    focused: [],
    mentionAt: (node, offset) =>
      all.find((m) => m.range.startContainer === node && m.range.startOffset <= offset && offset < m.range.endOffset),
    mentionsOf: (entityId) => all.filter((m) => m.entityId === entityId),
    hasMentions: () => all.length > 0,
    entities: () => {
      const counts = new Map<string, number>();
      for (const m of all) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
      return [...counts]
        .map(([entityId, count]) => ({ entity: byId.get(entityId)!, count }))
        .sort((a, b) => b.count - a.count);
    },
    entity: (entityId) => byId.get(entityId),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    focus(mention) {
      index.focused.push(mention);
    },
    remove(mentionId) {
      const at = all.findIndex((m) => m.id === mentionId);
      if (at >= 0) all.splice(at, 1);
      index.emit();
    },
    emit() {
      for (const listener of listeners) listener();
    },
  };
  return index;
}

export const HAFTAR: EntityInfo = {
  id: 'haftar',
  name: 'Khalifa Haftar',
  kind: 'actor',
  source: 'kb',
  category: 'person',
  camp: 'LNA/east',
  description: 'Commander of the Libyan National Army.',
  aliases: ['Haftar', 'Hifter', 'Field Marshal Haftar'],
};

export const LNA: EntityInfo = {
  id: 'lna',
  name: 'Libyan National Army',
  kind: 'actor',
  source: 'kb',
  category: 'armed group',
  camp: 'LNA/east',
  aliases: ['LNA', 'LAAF'],
};

export const TRIPOLI: EntityInfo = {
  id: 'tripoli',
  name: 'Tripoli',
  kind: 'location',
  source: 'kb',
  category: 'city',
  description: 'Capital of Libya.',
  aliases: ['Tarabulus'],
  lat: 32.8872,
  lon: 13.1913,
};

export const NEW_NAME: EntityInfo = {
  id: 'ner:abu-salim',
  name: 'Abu Salim Brigade',
  kind: 'actor',
  source: 'ner',
  category: 'organization',
  aliases: [],
};

export const ARTICLE = [
  '<h1>Fighting near Tripoli</h1>',
  '<p>Forces loyal to Khalifa Haftar advanced on Tripoli on Thursday, officials said.</p>',
  '<p>The LNA said its units had reached the outskirts. Haftar did not comment.</p>',
  '<p>A spokesman for the Abu Salim Brigade said Tripoli was calm. Later Haftar spoke.</p>',
  '<p><button id="page-button">Share</button></p>',
].join('');
