import { contextOf, isInertNode, roleOf, type BlockRoot, type Context } from './dom-rules';

/** What one batch of mutation records means for the highlighter. */
export interface MutationSummary {
  /** Text nodes edited in place or removed: their static ranges no longer match the text. */
  staleTexts: Set<Text>;
  /** Nodes added where nothing may be painted (an editor, a form control): their mentions must go. */
  forbiddenAdds: Node[];
  /** Blocks whose children changed: a range across several of their nodes may now span inserted text. */
  restructured: Set<BlockRoot>;
  /** Blocks to read again, and whether their nested blocks need reading too (added blocks). */
  dirty: Map<BlockRoot, boolean>;
  /** Elements were removed: blocks inside them may have left the document. */
  removedElements: boolean;
}

function allInert(nodes: NodeList): boolean {
  for (const node of nodes) if (!isInertNode(node)) return false;
  return true;
}

/**
 * Reads a batch of mutation records: which ranges are stale now and which blocks to read again. Each
 * target's context is computed once per batch (a page that rewrites one node a thousand times in a task
 * costs one ancestor walk). Changes inside the extension's own UI hosts come out empty.
 */
export function readMutations(records: readonly MutationRecord[]): MutationSummary {
  const summary: MutationSummary = {
    staleTexts: new Set(),
    forbiddenAdds: [],
    restructured: new Set(),
    dirty: new Map(),
    removedElements: false,
  };
  const contexts = new Map<Node, Context>();
  const contextFor = (node: Node) => {
    let context = contexts.get(node);
    if (!context) contexts.set(node, (context = contextOf(node)));
    return context;
  };
  const markDirty = (root: BlockRoot, deep: boolean) => summary.dirty.set(root, deep || summary.dirty.get(root) === true);

  for (const record of records) {
    if (record.type === 'characterData') {
      if (record.target.nodeType !== 3) continue;
      summary.staleTexts.add(record.target as Text);
      const context = contextFor(record.target);
      if (context.kind === 'ok') markDirty(context.block, false);
      continue;
    }
    if (record.type !== 'childList' || (allInert(record.addedNodes) && allInert(record.removedNodes))) continue;
    for (const node of record.removedNodes) {
      if (node.nodeType === 3) summary.staleTexts.add(node as Text);
      else if (node.nodeType === 1) summary.removedElements = true;
    }
    const context = contextFor(record.target);
    if (context.kind === 'ignore') continue;
    if (context.kind === 'forbidden') {
      summary.forbiddenAdds.push(...record.addedNodes);
      continue;
    }
    summary.restructured.add(context.block);
    markDirty(context.block, false);
    for (const node of record.addedNodes) {
      if (node.nodeType === 1 && roleOf(node as Element) === 'block') markDirty(node as Element, true);
    }
  }
  return summary;
}
