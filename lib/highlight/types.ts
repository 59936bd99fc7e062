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
  /** Whether anything is painted: cheap, for callers that wait for the first name. */
  hasMentions(): boolean;
  /** Every entity on the page with its mention count, most mentioned first. */
  entities(): Array<{ entity: EntityInfo; count: number }>;
  /** Entity details by id (KB or NER-found). */
  entity(entityId: string): EntityInfo | undefined;
  /** Called (batched, at most once a frame) whenever mentions were added or removed. */
  onChange(listener: () => void): () => void;
}

/** What the UI drives on the highlighter beside reading the index: keyboard navigation and focus. */
export interface HighlightController extends MentionIndex {
  /** Every live mention on the page, in document order. */
  mentions(): Mention[];
  /** Paints one mention as focused (`libya-lens-focus`) and scrolls it into view; false if it is gone. */
  focus(mention: Mention): boolean;
  clearFocus(): void;
  /** The focused mention, while it is still on the page. */
  focused(): Mention | undefined;
}
