/**
 * The "clipped" marker: passages already on the timeline get a faint tint, painted with the CSS Custom
 * Highlight API like the mentions (the page's nodes are never wrapped). Live Ranges, not StaticRanges:
 * there are only a handful per page, and a live Range follows the text when the page edits around it.
 */
export const CLIPPED_HIGHLIGHT = 'libya-lens-clipped';

export class ClipMarks {
  private readonly ranges = new Map<string, Range>();
  private highlight: Highlight | undefined;

  constructor(private readonly doc: Document = document) {}

  private registry(): HighlightRegistry | undefined {
    const css = this.doc.defaultView?.CSS as { highlights?: HighlightRegistry } | undefined;
    return css?.highlights;
  }

  add(id: string, range: Range): void {
    const previous = this.ranges.get(id);
    if (previous) this.highlight?.delete(previous);
    this.ranges.set(id, range);
    const registry = this.registry();
    if (!registry || typeof Highlight === 'undefined') return;
    if (!this.highlight) {
      this.highlight = new Highlight();
      // Under the mentions: a clipped paragraph's names keep their own colours.
      this.highlight.priority = -1;
      registry.set(CLIPPED_HIGHLIGHT, this.highlight);
    }
    this.highlight.add(range);
  }

  has(id: string): boolean {
    return this.ranges.has(id);
  }

  get size(): number {
    return this.ranges.size;
  }

  /** The clip whose passage lies in `block` (a paragraph is clipped once; its selections count too). */
  idWithin(block: Node): string | undefined {
    for (const [id, range] of this.ranges) {
      if (range.collapsed) continue;
      if (block.contains(range.commonAncestorContainer) || range.commonAncestorContainer === block) return id;
      if (range.intersectsNode(block) && block.contains(range.startContainer)) return id;
    }
    return undefined;
  }

  clear(): void {
    this.ranges.clear();
    this.highlight?.clear();
    this.registry()?.delete(CLIPPED_HIGHLIGHT);
    this.highlight = undefined;
  }
}
