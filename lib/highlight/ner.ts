import type { NerSpan } from '../messaging/protocol';
import type { EntityInfo, TextMatch } from '../recognition/types';

/** The general NER layer (compromise in the background worker): one array of spans per text. */
export type NerFunction = (texts: string[]) => Promise<NerSpan[][]>;

/** Names start with a capital in the scripts compromise reads; a run without one has nothing for it. */
const HAS_CAPITAL = /\p{Lu}/u;
const MIN_TEXT = 4;
/** One message stays small enough to answer quickly (compromise reads ~24,000 words/s). */
const MAX_BATCH_TEXTS = 40;
const MAX_BATCH_CHARS = 20_000;
/** Answers are kept per text, so a re-rendered paragraph with the same text costs no second call. */
const MAX_CACHED = 2000;
/** A background that keeps failing (no handler yet, worker gone) is not asked again this page. */
const MAX_FAILURES = 3;

const CATEGORIES = new Set<NerSpan['category']>(['person', 'organization', 'place']);

export function isNerCandidate(text: string): boolean {
  return text.length >= MIN_TEXT && HAS_CAPITAL.test(text);
}

function cleanName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** `ner:<category>:<lower-cased name>`: one entity per name and reading, whatever the capitalisation. */
export function nerEntityId(span: Pick<NerSpan, 'category' | 'name'>): string {
  return `ner:${span.category}:${cleanName(span.name).toLowerCase()}`;
}

function validSpan(span: unknown, textLength: number): span is NerSpan {
  if (typeof span !== 'object' || span === null) return false;
  const s = span as Partial<NerSpan>;
  return (
    Number.isInteger(s.start) &&
    Number.isInteger(s.end) &&
    s.start! >= 0 &&
    s.end! > s.start! &&
    s.end! <= textLength &&
    (s.kind === 'actor' || s.kind === 'location') &&
    CATEGORIES.has(s.category!) &&
    typeof s.name === 'string' &&
    cleanName(s.name) !== ''
  );
}

/**
 * Batches texts for the NER layer, one request in flight at a time, caches answers by text, and keeps
 * the EntityInfo of every NER-found entity. `onAnswer` hears which waiters' texts have come back.
 */
export class NerQueue<W> {
  private readonly cache = new Map<string, NerSpan[]>();
  private readonly waiting = new Map<string, Set<W>>();
  private readonly queued: string[] = [];
  private readonly infos = new Map<string, EntityInfo>();
  private inFlight: Promise<void> | undefined;
  private failures = 0;
  private disposed = false;

  constructor(
    private readonly ner: NerFunction,
    private readonly onAnswer: (waiters: Set<W>) => void,
  ) {}

  /** Cached spans for a text, if it was asked before. */
  spansFor(text: string): NerSpan[] | undefined {
    const spans = this.cache.get(text);
    if (spans) {
      // Recently used last, so the oldest entry is the one dropped.
      this.cache.delete(text);
      this.cache.set(text, spans);
    }
    return spans;
  }

  /** Asks for a text's spans; `waiter` hears when they arrive. */
  request(text: string, waiter: W): void {
    if (this.failures >= MAX_FAILURES || this.disposed) return;
    let set = this.waiting.get(text);
    if (!set) {
      this.waiting.set(text, (set = new Set()));
      this.queued.push(text);
    }
    set.add(waiter);
  }

  /** Sends what is queued (called after each chunk, so one chunk's texts travel together). */
  flush(): void {
    if (this.inFlight || !this.queued.length || this.disposed) return;
    const batch: string[] = [];
    let chars = 0;
    while (this.queued.length && batch.length < MAX_BATCH_TEXTS && (chars === 0 || chars + this.queued[0]!.length <= MAX_BATCH_CHARS)) {
      const text = this.queued.shift()!;
      batch.push(text);
      chars += text.length;
    }
    this.inFlight = this.send(batch).finally(() => {
      this.inFlight = undefined;
      this.flush();
    });
  }

  get busy(): boolean {
    return this.inFlight !== undefined || this.queued.length > 0;
  }

  /** Resolves once nothing is in flight or queued (tests and benchmarks). */
  async settled(): Promise<void> {
    while (this.inFlight) await this.inFlight;
  }

  /** Converts a run's spans to matches, registering each entity's info on first sight. */
  toMatches(spans: readonly NerSpan[]): TextMatch[] {
    return spans.map((span) => {
      const entityId = nerEntityId(span);
      const name = cleanName(span.name);
      const known = this.infos.get(entityId);
      if (!known) {
        this.infos.set(entityId, { id: entityId, name, kind: span.kind, source: 'ner', category: span.category, aliases: [name] });
      } else if (!known.aliases.includes(name)) {
        known.aliases.push(name);
      }
      return { start: span.start, end: span.end, entityId, kind: span.kind, source: 'ner' };
    });
  }

  info(id: string): EntityInfo | undefined {
    return this.infos.get(id);
  }

  dispose(): void {
    this.disposed = true;
    this.queued.length = 0;
    this.waiting.clear();
    this.cache.clear();
    this.infos.clear();
  }

  private async send(batch: string[]): Promise<void> {
    let answer: unknown;
    try {
      answer = await this.ner(batch);
      this.failures = 0;
    } catch {
      this.failures++;
    }
    if (this.disposed) return;
    const lists = Array.isArray(answer) && answer.length === batch.length ? (answer as unknown[]) : [];
    const waiters = new Set<W>();
    batch.forEach((text, i) => {
      const list = lists[i];
      const spans = Array.isArray(list) ? list.filter((s): s is NerSpan => validSpan(s, text.length)) : [];
      this.cache.set(text, spans);
      if (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
      // Only texts with names need their blocks painted again; an empty answer changes nothing.
      if (spans.length) for (const w of this.waiting.get(text) ?? []) waiters.add(w);
      this.waiting.delete(text);
    });
    if (waiters.size) this.onAnswer(waiters);
  }
}
