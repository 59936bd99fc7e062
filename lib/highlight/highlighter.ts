import type { EntityInfo, TextMatch } from '../recognition/types';
import { BlockQueue } from './block-queue';
import { isClearPath, type BlockRoot } from './dom-rules';
import { MentionStore, type PaintedMention } from './mention-store';
import { readMutations } from './mutations';
import { isNerCandidate, NerQueue, type NerFunction } from './ner';
import {
  adoptHighlightStyles,
  createPainter,
  HIGHLIGHT_NAMES,
  highlightNameFor,
  makeStaticRange,
  type HighlightPainter,
} from './paint';
import { planRun, type PlannedRange } from './plan';
import { collectBlock } from './runs';
import { scrollRangeIntoView } from './scroll';
import {
  browserHost,
  ChunkRunner,
  isHot,
  newBackOffState,
  noteDirty,
  type BackOffState,
  type SchedulerHost,
} from './scheduler';
import type { HighlightController, Mention } from './types';

/** The knowledge base as the highlighter uses it (getMatcher().find and getEntityInfo in the extension). */
export interface Recognizer {
  find(text: string): TextMatch[];
  info(id: string): EntityInfo | undefined;
}

export interface HighlighterOptions {
  recognizer: Recognizer;
  /** The general NER layer for names the knowledge base does not know; painted lower-key. */
  ner?: NerFunction;
  document?: Document;
  /** Defaults to the CSS Custom Highlight API when present, ranges kept as data otherwise. */
  painter?: HighlightPainter;
  /** The `::highlight()` rules, adopted into every open shadow root (document styles stop at its edge). */
  shadowCss?: string;
  /** Clock and timers; tests pass a fake. */
  host?: SchedulerHost;
}

interface BlockState {
  painted: Map<string, PaintedMention>;
  /** Knowledge-base matches of the last pass by run text: unchanged runs are not searched again. */
  matches: Map<string, TextMatch[]>;
  backoff: BackOffState;
  /**
   * The block's runs as last read, kept until a mutation dirties the block: a block queued again only
   * because its NER answer arrived is not walked a second time.
   */
  collected?: ReturnType<typeof collectBlock>;
}

const OBSERVE: MutationObserverInit = { childList: true, characterData: true, subtree: true };

/**
 * Finds Libyan actors and places in a page's text and paints them, leaving the page's DOM exactly as it
 * was: ranges over the page's own text nodes, painted with the CSS Custom Highlight API. Text is read
 * per block (see runs.ts), blocks are processed in measured idle-time chunks (scheduler.ts), and a
 * MutationObserver re-reads only the blocks the page changes.
 */
export class Highlighter implements HighlightController {
  private readonly doc: Document;
  private readonly host: SchedulerHost;
  private readonly runner: ChunkRunner;
  private readonly store: MentionStore;
  private painter: HighlightPainter | undefined;
  private ner: NerQueue<BlockRoot> | undefined;
  private observer: MutationObserver | undefined;
  private observedRoots = new WeakSet<ShadowRoot>();
  private running = false;

  private readonly states = new Map<BlockRoot, BlockState>();
  private readonly queue: BlockQueue;
  private needsSweep = false;
  /** Set by flush(): process blocks in back-off too. */
  private forcing = false;

  private nextMentionId = 1;
  private readonly nodeIds = new WeakMap<Node, number>();
  private nextNodeId = 1;
  private readonly knownIds = new Map<string, boolean>();
  private focusedMention: Mention | undefined;

  constructor(private readonly options: HighlighterOptions) {
    this.doc = options.document ?? document;
    this.host = options.host ?? browserHost(this.doc.defaultView ?? window);
    this.runner = new ChunkRunner(this.host, (deadline) => this.work(deadline));
    this.queue = new BlockQueue((root) => this.states.get(root)?.backoff, (time) => this.runner.wakeAt(time));
    this.store = new MentionStore((callback) => this.host.requestFrame(callback));
  }

  get isRunning(): boolean {
    return this.running;
  }

  /** Paints the page and follows its changes. Calling it again while running does nothing. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.painter = this.options.painter ?? createPainter();
    if (this.options.ner) this.ner = new NerQueue(this.options.ner, (blocks) => this.onNerAnswer(blocks));
    this.observedRoots = new WeakSet();
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(this.doc, OBSERVE);
    this.queue.add(this.doc.documentElement, true, this.host.now());
    // The first chunk runs now, so the top of the page is painted without waiting for idle time.
    if (this.runner.runChunk()) this.runner.kick();
  }

  /** Stops observing and removes every highlight and every mention. */
  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.observer?.disconnect();
    this.observer = undefined;
    this.runner.cancel();
    this.ner?.dispose();
    this.ner = undefined;
    this.painter?.dispose();
    this.painter = undefined;
    this.focusedMention = undefined;
    this.states.clear();
    this.queue.clear();
    this.store.clear();
  }

  // MentionIndex and HighlightController

  mentionAt(node: Node, offset: number): Mention | undefined {
    return this.store.at(node, offset);
  }

  mentionsOf(entityId: string): Mention[] {
    return this.store.of(entityId);
  }

  mentions(): Mention[] {
    return this.store.all();
  }

  hasMentions(): boolean {
    return this.store.size > 0;
  }

  entities(): Array<{ entity: EntityInfo; count: number }> {
    return this.store.entities((id) => this.entity(id));
  }

  entity(entityId: string): EntityInfo | undefined {
    return entityId.startsWith('ner:') ? this.ner?.info(entityId) : this.options.recognizer.info(entityId);
  }

  onChange(listener: () => void): () => void {
    return this.store.onChange(listener);
  }

  focus(mention: Mention): boolean {
    if (!this.painter || !this.store.has(mention)) return false;
    this.painter.clear(HIGHLIGHT_NAMES.focus);
    this.painter.add(HIGHLIGHT_NAMES.focus, mention.range);
    this.focusedMention = mention;
    scrollRangeIntoView(this.doc, mention.range);
    return true;
  }

  clearFocus(): void {
    this.painter?.clear(HIGHLIGHT_NAMES.focus);
    this.focusedMention = undefined;
  }

  focused(): Mention | undefined {
    return this.focusedMention;
  }

  /**
   * Test hook: delivers pending mutation records, processes every queued block (back-off included) and
   * waits for NER answers, until nothing is left.
   */
  async flush(): Promise<void> {
    for (let round = 0; round < 50 && this.running; round++) {
      // Mutation records are delivered in a microtask; let them arrive.
      await Promise.resolve();
      await Promise.resolve();
      this.forcing = true;
      try {
        while (this.running && this.runner.runChunk(Infinity));
      } finally {
        this.forcing = false;
      }
      if (!this.ner) return;
      this.ner.flush();
      if (!this.ner.busy && !this.queue.due) return;
      await this.ner.settled();
    }
  }

  // Mutations

  private onMutations(records: MutationRecord[]): void {
    if (!this.running) return;
    const changes = readMutations(records);
    // Static ranges do not follow the page's edits: stale ones go now, before the next paint; the
    // blocks are read again at idle time.
    for (const text of changes.staleTexts) this.unpaintNode(text);
    for (const node of changes.forbiddenAdds) this.unpaintSubtree(node);
    for (const root of changes.restructured) {
      const state = this.states.get(root);
      if (state) state.collected = undefined;
      if (state) for (const painted of [...state.painted.values()]) if (painted.spans.length > 1) this.takeDown(painted);
    }
    if (changes.removedElements) this.needsSweep = true;
    const now = this.host.now();
    let work = this.needsSweep;
    for (const [root, deep] of changes.dirty) {
      // One batch is one change as far as back-off goes (a move is two records).
      const state = this.states.get(root);
      if (state) {
        noteDirty(state.backoff, now);
        state.collected = undefined;
      }
      work = this.queue.add(root, deep, now) || work;
    }
    if (work) this.runner.kick();
  }

  // Processing

  private work(deadline: number): boolean {
    if (!this.running) return false;
    if (this.needsSweep) this.sweep();
    this.queue.release(this.host.now(), this.forcing);
    let processed = 0;
    const paths = new Map<Node, boolean>();
    while (processed === 0 || this.host.now() < deadline) {
      const now = this.host.now();
      const next = this.queue.next(now, this.forcing);
      if (!next) break;
      this.processBlock(next.root, next.deep, now, paths);
      processed++;
    }
    this.ner?.flush();
    return this.queue.due > 0;
  }

  private processBlock(root: BlockRoot, deep: boolean, now: number, paths: Map<Node, boolean>): void {
    if (!root.isConnected || !isClearPath(root, paths)) {
      this.dropState(root);
      return;
    }
    let state = this.states.get(root);
    if (!state) this.states.set(root, (state = { painted: new Map(), matches: new Map(), backoff: newBackOffState() }));
    const collected = (!deep && state.collected) || collectBlock(root);
    state.collected = collected;
    const { runs, nested } = collected;
    for (let i = nested.length - 1; i >= 0; i--) {
      const child = nested[i]!;
      if (child.nodeType === 11) this.observeShadowRoot(child as ShadowRoot);
      if (deep || !this.states.has(child)) this.queue.add(child, true, now);
    }
    const hot = isHot(state.backoff, now);
    const matches = new Map<string, TextMatch[]>();
    const planned: PlannedRange[] = [];
    for (const run of runs) {
      let found = state.matches.get(run.text) ?? matches.get(run.text);
      found ??= this.options.recognizer.find(run.text).filter((m) => this.isKnown(m.entityId));
      matches.set(run.text, found);
      const kb = planRun(run, found);
      planned.push(...kb);
      if (!this.ner) continue;
      const spans = this.ner.spansFor(run.text);
      if (spans) {
        const overlapsKb = (p: PlannedRange) => kb.some((k) => p.match.start < k.match.end && k.match.start < p.match.end);
        planned.push(...planRun(run, this.ner.toMatches(spans)).filter((p) => !overlapsKb(p)));
      } else if (!hot && isNerCandidate(run.text)) {
        // A ticker's ever-changing text would keep the background parsing: hot blocks get KB matches only.
        this.ner.request(run.text, root);
      }
    }
    state.matches = matches;
    state.backoff.lastProcessed = now;
    this.applyPlan(root, state, planned);
  }

  /** Paints what is new, keeps what is unchanged (same id, same range object), takes down the rest. */
  private applyPlan(root: BlockRoot, state: BlockState, planned: PlannedRange[]): void {
    const next = new Map<string, PaintedMention>();
    for (const p of planned) {
      const key = `${this.nodeId(p.startNode)}:${p.startOffset}:${this.nodeId(p.endNode)}:${p.endOffset}:${p.match.entityId}`;
      if (next.has(key)) continue;
      const existing = state.painted.get(key);
      if (existing) {
        state.painted.delete(key);
        next.set(key, existing);
        continue;
      }
      const { kind, source, entityId } = p.match;
      const range = makeStaticRange({
        startContainer: p.startNode,
        startOffset: p.startOffset,
        endContainer: p.endNode,
        endOffset: p.endOffset,
      });
      const mention: Mention = { id: this.nextMentionId++, entityId, kind, source, range, text: p.text };
      const painted: PaintedMention = { mention, name: highlightNameFor(kind, source), spans: p.spans, key, block: root };
      next.set(key, painted);
      this.painter!.add(painted.name, range);
      this.store.add(painted);
    }
    for (const stale of [...state.painted.values()]) this.takeDown(stale);
    state.painted = next;
  }

  private takeDown(painted: PaintedMention): void {
    this.painter?.delete(painted.name, painted.mention.range);
    this.store.remove(painted);
    const owner = this.states.get(painted.block);
    if (owner?.painted.get(painted.key) === painted) owner.painted.delete(painted.key);
    if (this.focusedMention === painted.mention) this.clearFocus();
  }

  private unpaintNode(node: Text): void {
    for (const painted of this.store.inNode(node)) this.takeDown(painted);
  }

  /** For nodes moved where nothing may be painted: their mentions go, and their blocks are forgotten. */
  private unpaintSubtree(node: Node): void {
    if (node.nodeType === 3) return this.unpaintNode(node as Text);
    if (node.nodeType !== 1 && node.nodeType !== 11) return;
    const walker = this.doc.createTreeWalker(node, 1 | 4 /* NodeFilter.SHOW_ELEMENT | SHOW_TEXT */);
    for (let current: Node | null = node; current; current = walker.nextNode()) {
      if (current.nodeType === 3) {
        this.unpaintNode(current as Text);
        continue;
      }
      if (this.states.has(current as BlockRoot)) this.dropState(current as BlockRoot);
      // Tree walkers stay in one tree: shadow trees are walked on their own.
      const shadow = current.nodeType === 1 ? (current as Element).shadowRoot : null;
      if (shadow) this.unpaintSubtree(shadow);
    }
  }

  private dropState(root: BlockRoot): void {
    const state = this.states.get(root);
    if (state) for (const painted of [...state.painted.values()]) this.takeDown(painted);
    this.states.delete(root);
    this.queue.delete(root);
  }

  /** After removals: blocks that left the document take their mentions with them. */
  private sweep(): void {
    this.needsSweep = false;
    for (const root of [...this.states.keys()]) if (!root.isConnected) this.dropState(root);
  }

  private observeShadowRoot(root: ShadowRoot): void {
    if (this.observedRoots.has(root)) return;
    this.observedRoots.add(root);
    this.observer?.observe(root, OBSERVE);
    if (this.options.shadowCss) adoptHighlightStyles(root, this.options.shadowCss);
  }

  private onNerAnswer(blocks: Set<BlockRoot>): void {
    if (!this.running) return;
    const now = this.host.now();
    for (const root of blocks) if (this.states.has(root)) this.queue.add(root, false, now);
    this.runner.kick();
  }

  private isKnown(entityId: string): boolean {
    let known = this.knownIds.get(entityId);
    if (known === undefined) this.knownIds.set(entityId, (known = this.options.recognizer.info(entityId) !== undefined));
    return known;
  }

  private nodeId(node: Node): number {
    let id = this.nodeIds.get(node);
    if (id === undefined) this.nodeIds.set(node, (id = this.nextNodeId++));
    return id;
  }
}
