/**
 * When the highlighter works: in small chunks at idle time, each measured, with a back-off for blocks the
 * page rewrites over and over. Time and timers come from a host object so tests can drive a fake clock.
 */

export interface IdleDeadlineLike {
  timeRemaining(): number;
  readonly didTimeout: boolean;
}

type Cancel = () => void;

export interface SchedulerHost {
  now(): number;
  /** requestIdleCallback where it exists (Firefox, Chromium), a timer elsewhere. */
  requestIdle(callback: (deadline?: IdleDeadlineLike) => void, timeoutMs: number): Cancel;
  setTimer(callback: () => void, ms: number): Cancel;
  /** Once before the next frame; a timer in tabs that never paint. */
  requestFrame(callback: () => void): Cancel;
}

export function browserHost(win: Window = window): SchedulerHost {
  return {
    now: () => performance.now(),
    requestIdle(callback, timeoutMs) {
      if (typeof win.requestIdleCallback === 'function') {
        const id = win.requestIdleCallback(callback, { timeout: timeoutMs });
        return () => win.cancelIdleCallback(id);
      }
      const id = win.setTimeout(() => callback(undefined), 1);
      return () => win.clearTimeout(id);
    },
    setTimer(callback, ms) {
      const id = win.setTimeout(callback, ms);
      return () => win.clearTimeout(id);
    },
    requestFrame(callback) {
      // rAF never fires in hidden tabs; the timer makes sure listeners hear about changes anyway.
      let done = false;
      const once = () => {
        if (done) return;
        done = true;
        win.cancelAnimationFrame(frame);
        win.clearTimeout(timer);
        callback();
      };
      const frame = win.requestAnimationFrame(once);
      const timer = win.setTimeout(once, 100);
      return () => {
        done = true;
        win.cancelAnimationFrame(frame);
        win.clearTimeout(timer);
      };
    },
  };
}

/** Work per chunk. Long tasks start at 50 ms; 8 ms leaves a 60 Hz frame most of its time. */
export const CHUNK_BUDGET_MS = 8;
/** How long a pending chunk may wait for idle time before it runs anyway. */
export const IDLE_TIMEOUT_MS = 200;
/** The User Timing measure every chunk records (benchmarks read it from the page). */
export const MEASURE_NAME = 'libya-lens:highlight';
const MARK_NAME = 'libya-lens:highlight:start';
/** User Timing entries are never dropped by the browser; past this many, ours are cleared. */
const MAX_MEASURES = 2000;

/**
 * Runs `work` in chunks of at most CHUNK_BUDGET_MS. `work(deadline)` does units of work until
 * host.now() passes the deadline (always at least one unit) and says whether more remains.
 */
export class ChunkRunner {
  private cancelIdle: Cancel | undefined;
  private cancelWake: Cancel | undefined;
  private wakeAtTime = Infinity;
  private measures = 0;

  constructor(
    private readonly host: SchedulerHost,
    private readonly work: (deadline: number) => boolean,
  ) {}

  /** Asks for a chunk at the next idle time (once, however often it is called). */
  kick(): void {
    if (this.cancelIdle) return;
    this.cancelIdle = this.host.requestIdle((deadline) => {
      this.cancelIdle = undefined;
      const remaining = deadline && !deadline.didTimeout ? deadline.timeRemaining() : CHUNK_BUDGET_MS;
      if (this.runChunk(Math.max(1, Math.min(CHUNK_BUDGET_MS, remaining)))) this.kick();
    }, IDLE_TIMEOUT_MS);
  }

  /** Asks for a chunk no earlier than `time` (for blocks in back-off). */
  wakeAt(time: number): void {
    if (time >= this.wakeAtTime) return;
    this.cancelWake?.();
    this.wakeAtTime = time;
    this.cancelWake = this.host.setTimer(() => {
      this.cancelWake = undefined;
      this.wakeAtTime = Infinity;
      this.kick();
    }, Math.max(0, time - this.host.now()));
  }

  /** One measured chunk; returns whether work remains. */
  runChunk(budgetMs = CHUNK_BUDGET_MS): boolean {
    const start = this.host.now();
    mark();
    const more = this.work(start + budgetMs);
    this.measure();
    return more;
  }

  cancel(): void {
    this.cancelIdle?.();
    this.cancelWake?.();
    this.cancelIdle = this.cancelWake = undefined;
    this.wakeAtTime = Infinity;
  }

  private measure(): void {
    try {
      if (++this.measures > MAX_MEASURES) {
        performance.clearMeasures(MEASURE_NAME);
        this.measures = 1;
      }
      performance.measure(MEASURE_NAME, MARK_NAME);
      performance.clearMarks(MARK_NAME);
    } catch {
      // User Timing is diagnostics only.
    }
  }
}

function mark(): void {
  try {
    performance.mark(MARK_NAME);
  } catch {
    // As above.
  }
}

/**
 * Per-block back-off: a block dirtied more than MAX_PER_WINDOW times within WINDOW_MS is "hot" and is
 * processed at most every HOT_INTERVAL_MS until it has been quiet for COOL_MS. A ticker rewriting its
 * text ten times a second then costs one pass every two seconds instead of ten a second, and its last
 * text is still processed once it stops.
 */
export const BACKOFF = { WINDOW_MS: 1000, MAX_PER_WINDOW: 3, HOT_INTERVAL_MS: 2000, COOL_MS: 5000 } as const;

export interface BackOffState {
  windowStart: number;
  dirtyInWindow: number;
  hotUntil: number;
  lastProcessed: number;
}

export function newBackOffState(): BackOffState {
  return { windowStart: -Infinity, dirtyInWindow: 0, hotUntil: -Infinity, lastProcessed: -Infinity };
}

export function noteDirty(state: BackOffState, now: number): void {
  if (now - state.windowStart > BACKOFF.WINDOW_MS) {
    state.windowStart = now;
    state.dirtyInWindow = 0;
  }
  if (++state.dirtyInWindow > BACKOFF.MAX_PER_WINDOW) state.hotUntil = now + BACKOFF.COOL_MS;
}

export function isHot(state: BackOffState, now: number): boolean {
  return now < state.hotUntil;
}

/** The earliest time the block may be processed again. */
export function notBefore(state: BackOffState, now: number): number {
  return isHot(state, now) ? state.lastProcessed + BACKOFF.HOT_INTERVAL_MS : now;
}

/**
 * Runs `step` in idle slices of CHUNK_BUDGET_MS until it reports done, each slice under a User Timing
 * measure `name`: for one-off work too big for one task, such as compiling the knowledge base.
 */
export function runInSlices(
  step: (more: () => boolean) => boolean,
  name: string,
  host: SchedulerHost = browserHost(),
): Promise<void> {
  return new Promise((resolve) => {
    const slice = () => {
      const start = host.now();
      const done = step(() => host.now() - start < CHUNK_BUDGET_MS);
      try {
        performance.measure(name, { start, end: host.now() });
      } catch {
        // User Timing is diagnostics; a page that replaced `performance` must not stop the work.
      }
      if (done) resolve();
      else host.requestIdle(slice, IDLE_TIMEOUT_MS);
    };
    host.requestIdle(slice, IDLE_TIMEOUT_MS);
  });
}
