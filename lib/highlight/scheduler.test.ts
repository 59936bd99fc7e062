// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { FakeHost, microtasks } from './fixtures/fake-host';
import { fakeRecognizer, type FakeRecognizer } from './fixtures/fake-kb';
import { Highlighter } from './highlighter';
import { MemoryPainter } from './paint';
import { BACKOFF, CHUNK_BUDGET_MS, ChunkRunner, isHot, MEASURE_NAME, newBackOffState, notBefore, noteDirty } from './scheduler';

const measures = () => performance.getEntriesByName(MEASURE_NAME, 'measure').length;

describe('ChunkRunner', () => {
  test('a chunk stops at its budget, always does one unit, and records one measure', () => {
    const host = new FakeHost();
    let units = 0;
    const runner = new ChunkRunner(host, (deadline) => {
      do {
        units++;
        host.time += 3; // each unit "takes" 3 ms
      } while (units < 100 && host.now() < deadline);
      return units < 100;
    });
    const before = measures();
    expect(runner.runChunk()).toBe(true);
    expect(units).toBe(Math.ceil(CHUNK_BUDGET_MS / 3));
    expect(runner.runChunk(0.5)).toBe(true);
    expect(units).toBe(Math.ceil(CHUNK_BUDGET_MS / 3) + 1);
    expect(measures() - before).toBe(2);
  });

  test('kick() asks for one idle callback however often it is called; the chunk continues until done', async () => {
    const host = new FakeHost();
    let chunks = 0;
    const runner = new ChunkRunner(host, () => ++chunks < 3);
    runner.kick();
    runner.kick();
    expect(host.waiting).toBe(1);
    await host.advance(100);
    expect(chunks).toBe(3);
    expect(host.waiting).toBe(0);
  });
});

describe('back-off', () => {
  test('a block dirtied more than MAX_PER_WINDOW times in a window turns hot and cools after COOL_MS of quiet', () => {
    const s = newBackOffState();
    for (let i = 0; i < BACKOFF.MAX_PER_WINDOW; i++) noteDirty(s, i * 10);
    expect(isHot(s, 40)).toBe(false);
    noteDirty(s, 40);
    expect(isHot(s, 41)).toBe(true);
    s.lastProcessed = 41;
    expect(notBefore(s, 100)).toBe(41 + BACKOFF.HOT_INTERVAL_MS);
    expect(isHot(s, 40 + BACKOFF.COOL_MS + 1)).toBe(false);
  });

  test('occasional edits never turn a block hot', () => {
    const s = newBackOffState();
    for (let t = 0; t < 60_000; t += 700) noteDirty(s, t);
    expect(isHot(s, 60_000)).toBe(false);
  });
});

describe('a ticker rewriting its text ten times a second', () => {
  let host: FakeHost;
  let recognizer: FakeRecognizer;
  let highlighter: Highlighter;
  let painter: MemoryPainter;

  beforeEach(async () => {
    document.body.innerHTML =
      '<div class="ticker"><span id="t">Breaking</span></div><main><p id="p">Delegations from Tripoli and Benghazi met again.</p></main>';
    host = new FakeHost();
    recognizer = fakeRecognizer();
    painter = new MemoryPainter();
    highlighter = new Highlighter({ recognizer, painter, host });
    highlighter.start();
    await host.advance(1000);
  });

  afterEach(() => {
    highlighter.stop();
    document.body.innerHTML = '';
  });

  const LINES = ['Clashes near Tripoli airport road', 'Haftar forces report a drone strike near Sirte', 'GNA says Misrata brigades hold'];

  test('is processed at most every couple of seconds while it ticks, and once more after it stops', async () => {
    const text = document.getElementById('t')!.firstChild as Text;
    const tickerCalls = () => recognizer.calls.filter((c) => c.startsWith('#')).length;
    const measuresBefore = measures();
    for (let i = 0; i < 100; i++) {
      text.data = `#${i} ${LINES[i % LINES.length]}`;
      await host.advance(100);
    }
    // 10 s of ticking: a few passes before it turns hot, then one per HOT_INTERVAL_MS.
    const during = tickerCalls();
    expect(during).toBeLessThanOrEqual(BACKOFF.MAX_PER_WINDOW + 1 + 10_000 / BACKOFF.HOT_INTERVAL_MS + 1);
    expect(during).toBeGreaterThanOrEqual(3);
    expect(measures() - measuresBefore).toBeLessThanOrEqual(during + 2);

    // Stopped: the last text is painted once, then nothing more happens.
    await host.advance(BACKOFF.HOT_INTERVAL_MS + 100);
    const last = `#99 ${LINES[99 % LINES.length]}`;
    expect(recognizer.calls).toContain(last);
    expect(highlighter.mentions().filter((m) => m.range.startContainer === text).map((m) => m.text)).toEqual(['Tripoli']);
    const settled = recognizer.calls.length;
    const measuresSettled = measures();
    await host.advance(30_000);
    expect(recognizer.calls.length).toBe(settled);
    expect(measures()).toBe(measuresSettled);
    expect(host.waiting).toBe(0);
  });

  test('other blocks are still processed promptly while the ticker is hot', async () => {
    const text = document.getElementById('t')!.firstChild as Text;
    const p = document.getElementById('p')!.firstChild as Text;
    for (let i = 0; i < 20; i++) {
      text.data = `#${i} ${LINES[i % LINES.length]}`;
      await host.advance(100);
    }
    p.data = 'Talks moved to Sirte.';
    await host.advance(10);
    expect(highlighter.mentions().filter((m) => m.range.startContainer === p).map((m) => m.text)).toEqual(['Sirte']);
  });

  test('stale ticker ranges are taken down at every rewrite, even while processing is deferred', async () => {
    const text = document.getElementById('t')!.firstChild as Text;
    for (let i = 0; i < 30; i++) {
      text.data = `#${i} ${LINES[i % LINES.length]}`;
      await microtasks();
      for (const set of painter.ranges.values()) for (const r of set) if (r.startContainer === text) expect(r.endOffset).toBeLessThanOrEqual(text.data.length);
      const painted = highlighter.mentions().filter((m) => m.range.startContainer === text);
      for (const m of painted) expect(text.data.slice(m.range.startOffset, m.range.endOffset)).toBe(m.text);
      await host.advance(100);
    }
  });
});
