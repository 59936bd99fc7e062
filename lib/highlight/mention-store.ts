import type { EntityInfo } from '../recognition/types';
import type { BlockRoot } from './dom-rules';
import type { NodeSpan } from './plan';
import type { HighlightName } from './paint';
import type { Mention } from './types';

/** A mention with what the highlighter needs to take it down again. */
export interface PaintedMention {
  mention: Mention;
  name: HighlightName;
  spans: NodeSpan[];
  /** Identifies the same range and entity across re-processing, so unchanged mentions keep their id. */
  key: string;
  /** The block whose pass painted it. */
  block: BlockRoot;
}

/**
 * The index behind MentionIndex: mentions by text node (a WeakMap, so a node the page drops takes its
 * entry with it) and by entity. Lookups by node are O(mentions in that node).
 */
export class MentionStore {
  private byNode = new WeakMap<Text, PaintedMention[]>();
  private readonly byEntity = new Map<string, Set<PaintedMention>>();
  private readonly listeners = new Set<() => void>();
  private cancelNotify: (() => void) | undefined;

  constructor(private readonly requestFrame: (callback: () => void) => () => void) {}

  add(painted: PaintedMention): void {
    for (const { node } of painted.spans) {
      const list = this.byNode.get(node);
      if (list) list.push(painted);
      else this.byNode.set(node, [painted]);
    }
    let set = this.byEntity.get(painted.mention.entityId);
    if (!set) this.byEntity.set(painted.mention.entityId, (set = new Set()));
    set.add(painted);
    this.changed();
  }

  remove(painted: PaintedMention): void {
    for (const { node } of painted.spans) {
      const list = this.byNode.get(node);
      if (!list) continue;
      const i = list.indexOf(painted);
      if (i >= 0) list.splice(i, 1);
      if (!list.length) this.byNode.delete(node);
    }
    const set = this.byEntity.get(painted.mention.entityId);
    if (set?.delete(painted) && !set.size) this.byEntity.delete(painted.mention.entityId);
    this.changed();
  }

  /** Mentions touching a text node (a copy: callers may remove while iterating). */
  inNode(node: Text): PaintedMention[] {
    return [...(this.byNode.get(node) ?? [])];
  }

  /**
   * The mention at a caret position. A caret at the very end of a name (caretPositionFromPoint on the
   * right half of its last letter) still counts, unless another mention starts right there.
   */
  at(node: Node, offset: number): Mention | undefined {
    if (node.nodeType !== 3) return undefined;
    const list = this.byNode.get(node as Text);
    if (!list) return undefined;
    let atEnd: Mention | undefined;
    for (const painted of list) {
      for (const span of painted.spans) {
        if (span.node !== node) continue;
        if (span.from <= offset && offset < span.to) return painted.mention;
        if (offset === span.to && painted.spans[painted.spans.length - 1] === span) atEnd ??= painted.mention;
      }
    }
    return atEnd;
  }

  of(entityId: string): Mention[] {
    return inDocumentOrder([...(this.byEntity.get(entityId) ?? [])].map((p) => p.mention));
  }

  all(): Mention[] {
    const out: Mention[] = [];
    for (const set of this.byEntity.values()) for (const p of set) out.push(p.mention);
    return inDocumentOrder(out);
  }

  has(mention: Mention): boolean {
    for (const p of this.byEntity.get(mention.entityId) ?? []) if (p.mention === mention) return true;
    return false;
  }

  entities(info: (id: string) => EntityInfo | undefined): Array<{ entity: EntityInfo; count: number }> {
    const out: Array<{ entity: EntityInfo; count: number }> = [];
    for (const [id, set] of this.byEntity) {
      const entity = info(id);
      if (entity) out.push({ entity, count: set.size });
    }
    // Plain code-unit order for ties: the first localeCompare in a page builds an ICU collator (~25 ms
    // measured in the bench), too much for a list the UI re-sorts for display anyway (lib/ui/format.ts).
    return out.sort((a, b) => b.count - a.count || (a.entity.name < b.entity.name ? -1 : a.entity.name > b.entity.name ? 1 : 0));
  }

  get size(): number {
    let n = 0;
    for (const set of this.byEntity.values()) n += set.size;
    return n;
  }

  clear(): void {
    const had = this.byEntity.size > 0;
    this.byNode = new WeakMap();
    this.byEntity.clear();
    if (had) this.changed();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.cancelNotify?.();
    this.cancelNotify = undefined;
    this.listeners.clear();
  }

  /** Batched: listeners hear once a frame however many mentions changed. */
  private changed(): void {
    if (this.cancelNotify || !this.listeners.size) return;
    this.cancelNotify = this.requestFrame(() => {
      this.cancelNotify = undefined;
      for (const listener of [...this.listeners]) listener();
    });
  }
}

/** The node, preceded by the shadow hosts it sits in, outermost first. */
function composedPath(node: Node): Node[] {
  const path = [node];
  for (let root = node.getRootNode(); root.nodeType === 11 && 'host' in root; root = (root as ShadowRoot).host.getRootNode()) {
    path.push((root as ShadowRoot).host);
  }
  return path.reverse();
}

/**
 * Document order, with a shadow tree's content placed where its host is (compareDocumentPosition alone
 * calls nodes of two trees "disconnected" and orders them arbitrarily).
 */
function compareNodes(x: Node, y: Node): number {
  const px = composedPath(x);
  const py = composedPath(y);
  for (let i = 0; i < px.length && i < py.length; i++) {
    if (px[i] === py[i]) continue;
    const pos = px[i]!.compareDocumentPosition(py[i]!);
    if (pos & 4) return -1; // FOLLOWING: y comes after x
    if (pos & 2) return 1;
    return 0;
  }
  return px.length - py.length;
}

function inDocumentOrder(mentions: Mention[]): Mention[] {
  return mentions.sort((a, b) => {
    const x = a.range.startContainer;
    const y = b.range.startContainer;
    if (x === y) return a.range.startOffset - b.range.startOffset;
    return compareNodes(x, y) || a.id - b.id;
  });
}
