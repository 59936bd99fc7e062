// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { describeRange } from '../extraction/anchors';
import type { ClipCapture, ClipResult } from '../messaging/protocol';
import { makeClip } from '../storage/fixtures';
import { ClipMarks } from '../ui/clip-marks';
import { Clipper } from './clipper';
import { PageText } from './page-text';

const PAGE = `
  <header><nav><a href="/">Home</a> · <a href="/libya">Libya</a></nav></header>
  <article>
    <h1>GNA says Haftar's forces shelled Mitiga airport</h1>
    <p class="byline">By Amira Salem · Published: Mon, May 18, 2020</p>
    <p id="one">Forces loyal to <a href="/tag/haftar">Khalifa Haftar</a> shelled <b>Mitiga</b> airport on Saturday night.</p>
    <p id="two">Unidentified fighter jets struck the al-Watiya air base overnight, according to an intelligence source.</p>
    <div id="slot"></div>
  </article>`;

function setUp(save: (capture: ClipCapture) => Promise<ClipResult>, anchors: () => Promise<{ id: string; selectors: ReturnType<typeof describeRange> }[]> = async () => []) {
  const marks = new ClipMarks(document);
  const clipper = new Clipper({
    readText: () => new PageText(document.body),
    save,
    anchors,
    marks,
    now: () => new Date('2020-05-19T22:30:00Z'),
  });
  return { marks, clipper };
}

beforeEach(() => {
  document.head.innerHTML = `<title>Haftar | The Maghreb Ledger</title>
    <link rel="canonical" href="https://ledger.example/libya/mitiga?utm_source=x">
    <meta property="article:published_time" content="2020-05-18T07:45:00+02:00">`;
  document.body.innerHTML = PAGE;
});

describe('Clipper.capture', () => {
  it('captures the paragraph as the page text reads it, anchored, with the page metadata and the clip day', () => {
    const { clipper } = setUp(vi.fn());
    const block = document.getElementById('one')!;
    const { capture, range } = clipper.capture({ block }, 'button')!;
    expect(capture.paragraph).toBe(block.textContent);
    expect(capture.selection).toBeUndefined();
    const quote = capture.selectors.find((s) => s.type === 'TextQuoteSelector');
    expect(quote).toMatchObject({ exact: block.textContent });
    expect(quote && 'prefix' in quote ? quote.prefix.trimEnd() : '').toMatch(/May 18, 2020$/);
    expect(capture.facts.links.some((l) => l.rel === 'canonical')).toBe(true);
    expect(capture.clippedAt).toBe('2020-05-19T22:30:00.000Z');
    expect(capture.clipDay).toMatch(/^2020-05-(19|20)$/); // the reader's own day
    expect(range.toString()).toBe(block.textContent);
  });

  it('captures a selection as the passage, keeping the paragraph as context', () => {
    const { clipper } = setUp(vi.fn());
    const block = document.getElementById('two')!;
    const range = document.createRange();
    range.setStart(block.firstChild!, 0);
    range.setEnd(block.firstChild!, 25);
    const { capture } = clipper.capture({ block, selection: range }, 'selection')!;
    expect(capture.selection).toBe('Unidentified fighter jets');
    expect(capture.paragraph).toBe(block.textContent);
    expect(capture.selectors.find((s) => s.type === 'TextQuoteSelector')).toMatchObject({ exact: 'Unidentified fighter jets' });
  });
});

describe('Clipper.clip', () => {
  it('marks the passage once the background has stored it', async () => {
    const record = makeClip({ id: 'clip-one' });
    const save = vi.fn(async () => ({ status: 'stored', record }) as ClipResult);
    const { clipper, marks } = setUp(save);
    const result = await clipper.clip({ block: document.getElementById('one')! }, 'button');
    expect(result.status).toBe('stored');
    expect(save).toHaveBeenCalledTimes(1);
    expect(marks.has('clip-one')).toBe(true);
    expect(marks.idWithin(document.getElementById('one')!)).toBe('clip-one');
    expect(marks.idWithin(document.getElementById('two')!)).toBeUndefined();
  });

  it('turns an unreachable background into an error the reader can retry, and marks nothing', async () => {
    const { clipper, marks } = setUp(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    const result = await clipper.clip({ block: document.getElementById('one')! }, 'button');
    expect(result).toMatchObject({ status: 'error', error: { retryable: true } });
    expect(marks.size).toBe(0);
  });
});

describe('Clipper.restoreMarks', () => {
  it('marks earlier clips found on the page and keeps trying for those that arrive late', async () => {
    const text = () => new PageText(document.body).text;
    const one = document.getElementById('one')!.textContent!;
    const late = 'Turkish drones struck a Pantsir air defence system near Sirte on Sunday, the LNA said.';
    const oneAt = text().indexOf(one);
    const anchors = [
      { id: 'clip-one', selectors: describeRange(text(), oneAt, oneAt + one.length) },
      // Recorded on a visit where the late paragraph had arrived.
      { id: 'clip-late', selectors: [{ type: 'TextQuoteSelector' as const, exact: late, prefix: 'air base overnight.\n', suffix: '' }] },
    ];
    const urls = vi.fn(async () => anchors);
    const { clipper, marks } = setUp(vi.fn(), urls);
    expect(await clipper.restoreMarks()).toBe(1);
    expect(urls).toHaveBeenCalledWith(['https://ledger.example/libya/mitiga', document.location.href.replace(/#.*$/, '')].filter((u, i, all) => all.indexOf(u) === i));
    expect(marks.has('clip-one')).toBe(true);
    expect(clipper.unanchored).toBe(1);

    const stop = clipper.retryOnChanges({ everyMs: 10 });
    const p = document.createElement('p');
    p.textContent = late;
    document.getElementById('slot')!.append(p);
    await vi.waitFor(() => expect(clipper.unanchored).toBe(0));
    expect(marks.idWithin(p)).toBe('clip-late');
    stop();
  });

  it('brings the clip the timeline link names into view once it is found, late or not, and only that one', async () => {
    const text = () => new PageText(document.body).text;
    const late = 'Turkish drones struck a Pantsir air defence system near Sirte on Sunday, the LNA said.';
    const one = document.getElementById('one')!.textContent!;
    const oneAt = text().indexOf(one);
    const anchors = [
      { id: 'clip-one', selectors: describeRange(text(), oneAt, oneAt + one.length) },
      { id: 'clip-late', selectors: [{ type: 'TextQuoteSelector' as const, exact: late, prefix: '', suffix: '' }] },
    ];
    history.replaceState(null, '', '#libya-lens-clip=clip-late');
    const revealed: string[] = [];
    const clipper = new Clipper({
      readText: () => new PageText(document.body),
      save: vi.fn(),
      anchors: async () => anchors,
      marks: new ClipMarks(document),
      reveal: (range) => revealed.push(range.toString()),
    });
    history.replaceState(null, '', '#');
    await clipper.restoreMarks();
    expect(revealed).toEqual([]);
    const p = document.createElement('p');
    p.textContent = late;
    document.getElementById('slot')!.append(p);
    expect(clipper.retryPending()).toBe(1);
    expect(revealed).toEqual([late]);
  });

  it('asks the worker only once the page has Libyan names, at idle time', async () => {
    const anchors = vi.fn(async () => []);
    const { clipper } = setUp(vi.fn(), anchors);
    let named = false;
    let listener = () => {};
    const stop = clipper.restoreWhenNamed({ hasMentions: () => named, onChange: (l) => ((listener = l), () => {}) });
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(anchors).not.toHaveBeenCalled();
    named = true;
    listener();
    await vi.waitFor(() => expect(anchors).toHaveBeenCalledTimes(1));
    listener();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(anchors).toHaveBeenCalledTimes(1);
    stop();
  });
});
