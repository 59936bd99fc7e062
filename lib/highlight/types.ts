import type { EntityInfo } from '../recognition/types';

/** One painted mention on the page. The range covers the page's own text nodes; nothing is inserted. */
export interface Mention {
  /** Unique per page load, increasing in the order mentions were found. */
  id: number;
  entityId: string;
  kind: EntityInfo['kind'];
  source: EntityInfo['source'];
  range: AbstractRange;
  /** The matched text as it appeared when painted. */
  text: string;
}

/**
 * What the UI (hover card, entity list, popup) reads from the highlighter. Mentions are kept in the
 * highlighter's own index, keyed by the page's text nodes.
 */
export interface MentionIndex {
  /** The mention covering `offset` in `node` (a Text node), e.g. from caretPositionFromPoint. */
  mentionAt(node: Node, offset: number): Mention | undefined;
  /** Every live mention of an entity, in document order. */
  mentionsOf(entityId: string): Mention[];
  /** Every entity on the page with its mention count, most mentioned first. */
  entities(): Array<{ entity: EntityInfo; count: number }>;
  /** Entity details by id (KB or NER-found). */
  entity(entityId: string): EntityInfo | undefined;
  /** Called (batched, at most once a frame) whenever mentions were added or removed. */
  onChange(listener: () => void): () => void;
}
