import type { BlockRoot } from './dom-rules';
import { notBefore, type BackOffState } from './scheduler';

/**
 * The blocks waiting to be read, each with whether its nested blocks must be read too ("deep"). Last in,
 * first out, with nested blocks pushed in reverse, so a page fills in from the top. Blocks in back-off wait
 * aside until their time, without waking anything before it.
 */
export class BlockQueue {
  private readonly queued = new Map<BlockRoot, boolean>();
  private stack: BlockRoot[] = [];
  private readonly deferred = new Map<BlockRoot, boolean>();

  constructor(
    private readonly backoffOf: (root: BlockRoot) => BackOffState | undefined,
    private readonly wakeAt: (time: number) => void,
  ) {}

  /** Queues a block (or merges with its queued entry); returns whether it is new work due now. */
  add(root: BlockRoot, deep: boolean, now: number): boolean {
    const waiting = this.deferred.get(root);
    if (waiting !== undefined) {
      this.deferred.set(root, deep || waiting);
      return false;
    }
    const queued = this.queued.get(root);
    if (queued !== undefined) {
      this.queued.set(root, deep || queued);
      return false;
    }
    const backoff = this.backoffOf(root);
    const at = backoff ? notBefore(backoff, now) : now;
    if (at > now) {
      this.deferred.set(root, deep);
      this.wakeAt(at);
      return false;
    }
    this.queued.set(root, deep);
    this.stack.push(root);
    return true;
  }

  /** The next block due, or undefined. With `force`, back-off is ignored (tests' flush). */
  next(now: number, force = false): { root: BlockRoot; deep: boolean } | undefined {
    while (this.stack.length) {
      const root = this.stack.pop()!;
      const deep = this.queued.get(root);
      if (deep === undefined) continue;
      this.queued.delete(root);
      const backoff = force ? undefined : this.backoffOf(root);
      const at = backoff ? notBefore(backoff, now) : now;
      if (at > now) {
        this.deferred.set(root, deep);
        this.wakeAt(at);
        continue;
      }
      return { root, deep };
    }
    return undefined;
  }

  /** Moves blocks whose back-off has passed (all of them with `force`) back into the queue. */
  release(now: number, force = false): void {
    let next = Infinity;
    for (const [root, deep] of [...this.deferred]) {
      const backoff = force ? undefined : this.backoffOf(root);
      const at = backoff ? notBefore(backoff, now) : now;
      if (at > now) {
        next = Math.min(next, at);
        continue;
      }
      this.deferred.delete(root);
      if (!this.queued.has(root)) this.stack.push(root);
      this.queued.set(root, deep || this.queued.get(root) === true);
    }
    if (next < Infinity) this.wakeAt(next);
  }

  delete(root: BlockRoot): void {
    this.queued.delete(root);
    this.deferred.delete(root);
  }

  clear(): void {
    this.queued.clear();
    this.deferred.clear();
    this.stack = [];
  }

  /** Blocks due now (not counting those in back-off). */
  get due(): number {
    return this.queued.size;
  }
}
