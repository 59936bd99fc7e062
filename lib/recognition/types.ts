import type { EntityKind } from '../kb/types';

/** One recognised mention in a string: [start, end) are UTF-16 offsets into the text that was searched. */
export interface TextMatch {
  start: number;
  end: number;
  entityId: string;
  kind: EntityKind;
  /** 'kb' for knowledge-base matches, 'ner' for names found by the general NER layer (lower emphasis). */
  source: 'kb' | 'ner';
}

/** What the hover card, entity list and popup show of an entity (knowledge-base or NER-found). */
export interface EntityInfo {
  id: string;
  name: string;
  kind: EntityKind;
  source: 'kb' | 'ner';
  category: string;
  camp?: string;
  description?: string;
  aliases: string[];
  lat?: number;
  lon?: number;
}
