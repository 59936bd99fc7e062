import { describe, expect, it, vi } from 'vitest';
import { describeRange } from '../extraction/anchors';
import type { PageFacts } from '../extraction/metadata';
import type { ClipEdit, ClipRecord } from '../extraction/types';
import type { ClipCapture, ClipChange, ClipResult } from '../messaging/protocol';
import { ClipStore } from '../storage/clip-store';
import { StorageError } from '../storage/errors';
import { Outbox } from '../storage/outbox';
import { freshFactory } from '../storage/fake-idb';
import { makeClip } from '../storage/fixtures';
import { timelineHandlers } from './service';

const ARTICLE_URL = 'https://ledger.example/libya/mitiga-shelling';

function facts(overrides: Partial<PageFacts> = {}): PageFacts {
  return {
    pageUrl: `${ARTICLE_URL}?utm_source=newsletter#comments`,
    title: "GNA says Haftar's forces shelled Mitiga airport | The Maghreb Ledger",
    lang: 'en',
    links: [{ rel: 'canonical', href: `${ARTICLE_URL}?utm_medium=social` }],
    metas: [
      { property: 'og:site_name', content: 'The Maghreb Ledger' },
      { property: 'article:published_time', content: '2020-05-18T07:45:00+02:00' },
      { name: 'author', content: 'Amira Salem' },
    ],
    jsonLd: [],
    times: [],
    datelines: [],
    ...overrides,
  };
}

const SHELLING =
  'Forces loyal to Khalifa Haftar shelled Mitiga airport in Tripoli on Saturday night, killing three civilians ' +
  'and wounding seven, the Government of National Accord said in a statement.';

function capture(paragraph = SHELLING, overrides: Partial<ClipCapture> = {}): ClipCapture {
  const page = `Home · Libya\n${paragraph}\nMore stories`;
  const start = page.indexOf(paragraph);
  return {
    paragraph,
    selectors: describeRange(page, start, start + paragraph.length),
    facts: facts(),
    method: 'button',
    clippedAt: '2020-05-19T09:00:00.000Z',
    clipDay: '2020-05-19',
    ...overrides,
  };
}

function memoryArea() {
  const data = new Map<string, unknown>();
  return {
    get: async (key: string) => (data.has(key) ? { [key]: structuredClone(data.get(key)) } : {}),
    set: async (items: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
    },
  };
}

const NOW = new Date('2025-06-01T12:00:00.000Z');

function setUp() {
  const store = new ClipStore({ factory: freshFactory(), now: () => NOW });
  const onChange = vi.fn<(change: ClipChange) => void>();
  const outbox = new Outbox(memoryArea());
  const handlers = timelineHandlers(store, {
    fromExtensionPage: (sender) => sender.url?.startsWith('chrome-extension://abc/') ?? false,
    onChange,
    outbox,
    now: () => NOW,
  });
  const page = { url: ARTICLE_URL, tab: { id: 3 } } as never;
  const extension = { url: 'chrome-extension://abc/popup.html' } as never;
  type Sender = 'page' | 'extension';
  const from = (sender: Sender) => (sender === 'page' ? page : extension);
  return {
    store,
    outbox,
    onChange,
    save: (c: unknown) => handlers['clip/save']!(c as ClipCapture, page) as Promise<ClipResult>,
    anchors: (urls: string[]) => handlers['clip/anchors']!({ urls }, page),
    count: () => handlers['clips/count']!({}, page),
    list: (request: { afterDay?: string; limit?: number }, sender: Sender = 'extension') =>
      handlers['clips/list']!(request, from(sender)),
    remove: (ids: unknown, sender: Sender = 'extension') => handlers['clips/delete']!({ ids } as { ids: string[] }, from(sender)),
    restore: (records: unknown[], sender: Sender = 'extension') =>
      handlers['clips/restore']!({ records } as never, from(sender)),
    edit: (ids: string[], changes: unknown, sender: Sender = 'extension') =>
      handlers['clips/edit']!({ ids, changes: changes as ClipEdit }, from(sender)),
    regroup: (ids: string[], mode: 'merge' | 'split', sender: Sender = 'extension') =>
      handlers['clips/regroup']!({ ids, mode }, from(sender)),
    importAs: (sender: Sender, records: unknown[] = [makeClip()]) => handlers['clips/import']!({ records }, from(sender)),
  };
}

describe('timeline service (background)', () => {
  it('annotates and stores a captured paragraph, filed under the normalised canonical URL', async () => {
    const { save, store, onChange } = setUp();
    const result = await save(capture());
    expect(result.status).toBe('stored');
    if (result.status !== 'stored') return;
    const record = result.record;
    expect(record.article).toMatchObject({ url: ARTICLE_URL, outlet: 'The Maghreb Ledger', author: 'Amira Salem', publishedDay: '2020-05-18' });
    expect(record.eventDate).toMatchObject({ day: '2020-05-16', precision: 1, method: 'expression', expression: 'on Saturday night' });
    expect(record.event.subEventType).toBe('Shelling/artillery/missile attack');
    expect(record.actor1?.entityId).toBe('actor:libyan-national-army');
    expect(record.location?.entityId).toBe('place:mitiga-airport');
    expect(record.fatalities.count).toBe(3);
    expect(record.entities.find((e) => e.id === 'place:tripoli')).toMatchObject({ kind: 'location', source: 'kb', mentions: 1 });
    expect(record.id).toMatch(/^clip-[0-9a-f]+$/);
    expect(await store.get(record.id)).toEqual(record);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('refuses a duplicate: the same paragraph again, with other whitespace and tracking parameters', async () => {
    const { save, count } = setUp();
    const first = await save(capture());
    const again = await save(
      capture(SHELLING.replace(/ /g, '  '), { facts: facts({ pageUrl: `${ARTICLE_URL}?fbclid=xyz`, links: [] }) }),
    );
    expect(again.status).toBe('duplicate');
    if (first.status === 'stored' && again.status === 'duplicate') expect(again.record.id).toBe(first.record.id);
    expect((await count()).count).toBe(1);
  });

  it('lands every clip sent from several tabs at once', async () => {
    const { save, count } = setUp();
    const paragraphs = Array.from({ length: 30 }, (_, i) => `${SHELLING} Dispatch ${i + 1}.`);
    const results = await Promise.all(paragraphs.map((p) => save(capture(p))));
    expect(results.every((r) => r.status === 'stored')).toBe(true);
    expect((await count()).count).toBe(30);
  });

  it('answers the anchors of an article under its canonical or its opened URL', async () => {
    const { save, anchors } = setUp();
    const stored = await save(capture());
    const answer = await anchors([ARTICLE_URL, 'https://elsewhere.example/']);
    expect(answer.clips).toHaveLength(1);
    expect(answer.clips[0]!.id).toBe(stored.status === 'stored' ? stored.record.id : '');
    expect(answer.clips[0]!.selectors[0]).toMatchObject({ type: 'TextQuoteSelector', exact: SHELLING });
  });

  it('refuses malformed captures with a reason, and stores nothing', async () => {
    const { save, count } = setUp();
    const bad: unknown[] = [
      null,
      { ...capture(), paragraph: '   ' },
      { ...capture(), paragraph: 'x'.repeat(25_000) },
      { ...capture(), selectors: [{ type: 'CssSelector', value: 'p' }] },
      { ...capture(), facts: { ...facts(), pageUrl: 'javascript:alert(1)' } },
      { ...capture(), clipDay: 'yesterday' },
      { ...capture(), method: 'telepathy' },
    ];
    for (const value of bad) {
      const result = await save(value);
      expect(result.status, JSON.stringify(value)?.slice(0, 80)).toBe('error');
      if (result.status === 'error') {
        expect(result.error.code).toBe('invalid');
        expect(result.error.message.length).toBeGreaterThan(10);
      }
    }
    expect((await count()).count).toBe(0);
  });

  it('reports a full disk to the reader, keeps the clip aside, and moves it in after the next good write', async () => {
    const { save, store, outbox, count } = setUp();
    const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    vi.spyOn(store, 'save').mockRejectedValueOnce(new StorageError('quota', { action: 'save', cause: quota }));
    const result = await save(capture());
    expect(result).toMatchObject({ status: 'error', error: { code: 'quota', keptAside: true, retryable: true } });
    if (result.status === 'error') expect(result.error.message).toMatch(/full.*not saved.*kept aside/);
    expect((await outbox.list()).map((r) => r.text)).toEqual([SHELLING]);
    expect((await count()).count).toBe(0);
    // Space is back: the next clip goes through and takes the kept one with it.
    expect((await save(capture(`${SHELLING} Update.`))).status).toBe('stored');
    await vi.waitFor(async () => expect((await count()).count).toBe(2));
    expect(await outbox.list()).toEqual([]);
  });

  it('moves clips kept aside by an earlier worker in when the database is first used', async () => {
    const { outbox, anchors, count } = setUp();
    await outbox.put(makeClip({ id: 'clip-kept' }));
    await anchors([ARTICLE_URL]);
    await vi.waitFor(async () => expect((await count()).count).toBe(1));
    expect(await outbox.list()).toEqual([]);
  });

  it('says plainly when even the outbox cannot keep a refused clip', async () => {
    const { save, store, outbox } = setUp();
    vi.spyOn(store, 'save').mockRejectedValueOnce(new StorageError('unknown', { action: 'save' }));
    vi.spyOn(outbox, 'put').mockRejectedValueOnce(new Error('QUOTA_BYTES quota exceeded'));
    const result = await save(capture());
    expect(result).toMatchObject({ status: 'error', error: { code: 'unknown' } });
    if (result.status === 'error') expect(result.error.keptAside).toBeUndefined();
  });

  it('tells open views about each stored clip, and about clips moved in from the outbox', async () => {
    const { save, outbox, onChange } = setUp();
    const kept = makeClip({ id: 'clip-kept' });
    await outbox.put(kept);
    const result = await save(capture());
    expect(result.status).toBe('stored');
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(2));
    if (result.status === 'stored') expect(onChange).toHaveBeenNthCalledWith(1, { kind: 'stored', records: [result.record] });
    expect(onChange).toHaveBeenNthCalledWith(2, { kind: 'stored', records: [kept] });
    // A duplicate changes nothing, and says nothing.
    await save(capture());
    expect(onChange).toHaveBeenCalledTimes(2);
  });
});

describe("timeline service: the reader's changes", () => {
  async function filled(n = 5) {
    const setup = setUp();
    const clips = Array.from({ length: n }, (_, i) =>
      makeClip({ eventDate: { ...makeClip().eventDate, day: `2019-0${9 - i}-01` } }),
    );
    await setup.store.saveNew(clips);
    return { ...setup, clips };
  }

  it('lists the timeline in pages, for extension pages only', async () => {
    const { list, clips } = await filled();
    const inOrder = [...clips].reverse().map((c) => c.id);
    const first = await list({ limit: 2 });
    expect(first).toEqual({ clips: [clips[4], clips[3]], next: clips[3]!.eventDate.day });
    const rest = await list({ afterDay: clips[3]!.eventDate.day, limit: 10 });
    expect(rest).toEqual({ clips: [clips[2], clips[1], clips[0]] });
    expect('clips' in rest && rest.clips.map((c) => c.id)).toEqual(inOrder.slice(2));
    // Without a usable day or limit: the first page, of the default size.
    const whole = await list({ afterDay: 'yesterday', limit: Number.NaN });
    expect('clips' in whole && whole.clips.map((c) => c.id)).toEqual(inOrder);
    expect(await list({}, 'page')).toMatchObject({ error: { code: 'invalid' } });
  });

  it('deletes, answers the deleted records, and puts them back on undo', async () => {
    const { remove, restore, store, onChange, clips } = await filled(3);
    const [a, b, c] = clips as [ClipRecord, ClipRecord, ClipRecord];
    expect(await remove([a.id, 'clip-gone', c.id])).toEqual({ deleted: [a, c] });
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'deleted', ids: [a.id, c.id] });
    expect(await store.all()).toEqual([b]);
    expect(await restore([a, c])).toEqual({ restored: 2 });
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'stored', records: [a, c] });
    expect(await store.get(a.id)).toStrictEqual(a);
    expect(await store.count()).toBe(3);
    onChange.mockClear();
    expect(await remove(['clip-gone'])).toEqual({ deleted: [] });
    expect(onChange).not.toHaveBeenCalled();
  });

  it('refuses deletes and restores from web pages, and malformed ones', async () => {
    const { remove, restore, store, onChange, clips } = await filled(2);
    expect(await remove([clips[0]!.id], 'page')).toMatchObject({ error: { code: 'invalid' } });
    expect(await remove('all')).toMatchObject({ error: { code: 'invalid' } });
    expect(await restore([makeClip()], 'page')).toMatchObject({ error: { code: 'invalid' } });
    const tampered = { ...makeClip({ id: 'clip-000fff' }), text: '<script>alert(1)</script>' };
    expect(await restore([makeClip({ id: 'clip-000eee' }), tampered])).toEqual({
      error: {
        code: 'invalid',
        message: 'Clip 2 (clip-000fff): text contains markup that Libya Lens never writes; the file may have been tampered with.',
        retryable: false,
      },
    });
    expect(await store.count()).toBe(2);
    expect(onChange).not.toHaveBeenCalled();
  });

  it("keeps the reader's correction, marked as theirs", async () => {
    const { edit, store, onChange, clips } = await filled(1);
    const original = clips[0]!;
    const changes = { location: { name: 'Tarhuna', entityId: 'place:tarhuna', geoPrecision: 1 }, actor2: null };
    const answer = await edit([original.id], changes);
    expect(answer).toMatchObject({ records: [{ location: changes.location, edits: { fields: ['actor2', 'location'] } }] });
    const stored = await store.get(original.id);
    expect(stored).toEqual('records' in answer ? answer.records[0] : undefined);
    expect(stored?.actor2).toBeUndefined();
    expect(stored?.edits?.original).toEqual({ actor2: original.actor2, location: original.location });
    expect(stored?.updatedAt).toBe(NOW.toISOString());
    expect(onChange).toHaveBeenCalledWith({ kind: 'stored', records: [stored] });
  });

  it('refuses a bad correction, a missing clip and a web page, and writes nothing', async () => {
    const { edit, store, onChange, clips } = await filled(1);
    const id = clips[0]!.id;
    expect(await edit([id], { actor1: { name: 'LNA', inter: 12 } })).toEqual({
      error: {
        code: 'invalid',
        message: 'Actor 1 ACLED actor type 12 is not one of 0, 1, 2, 3, 4, 5, 6, 7, 8.',
        retryable: false,
      },
    });
    expect(await edit(['clip-gone'], { actor1: null })).toMatchObject({ error: { message: 'That clip is no longer on the timeline.' } });
    expect(await edit([id], { actor1: null }, 'page')).toMatchObject({ error: { code: 'invalid' } });
    // One clip of an event gone: none of them takes the correction.
    expect(await edit([id, 'clip-gone'], { actor1: null })).toMatchObject({
      error: { message: 'Some of these clips are no longer on the timeline, so nothing was corrected.' },
    });
    expect(await edit([], { actor1: null })).toMatchObject({ error: { code: 'invalid' } });
    expect(await store.get(id)).toStrictEqual(clips[0]);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('corrects every clip of an event in one go', async () => {
    const { edit, store, onChange, clips } = await filled(2);
    const day = { ...clips[0]!.eventDate, day: '2019-05-01' };
    const answer = await edit(
      clips.map((c) => c.id),
      { eventDate: day },
    );
    expect('records' in answer && answer.records.map((r) => r.eventDate.day)).toEqual(['2019-05-01', '2019-05-01']);
    for (const clip of clips) expect((await store.get(clip.id))?.edits?.fields).toEqual(['eventDate']);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('merges and splits events', async () => {
    const { regroup, store, onChange, clips } = await filled(3);
    const [a, b, c] = clips as [ClipRecord, ClipRecord, ClipRecord];
    const merged = await regroup([b.id, a.id], 'merge');
    expect('records' in merged && merged.records.map((r) => [r.id, r.eventGroup])).toEqual([
      [b.id, `group-${b.id}`],
      [a.id, `group-${b.id}`],
    ]);
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'stored', records: 'records' in merged ? merged.records : [] });
    // Merging a third clip into that event keeps its group.
    await regroup([c.id, a.id], 'merge');
    expect((await store.get(c.id))?.eventGroup).toBe(`group-${b.id}`);
    await regroup([a.id], 'split');
    expect((await store.get(a.id))?.eventGroup).toBe(`solo:${a.id}`);
    expect((await store.get(a.id))?.updatedAt).toBe(NOW.toISOString());
  });

  it('refuses a regroup it cannot do whole, and web pages', async () => {
    const { regroup, store, onChange, clips } = await filled(2);
    const [a, b] = clips as [ClipRecord, ClipRecord];
    expect(await regroup([a.id], 'merge')).toMatchObject({ error: { message: 'Choose at least two clips to merge into one event.' } });
    expect(await regroup([a.id, 'clip-gone'], 'merge')).toMatchObject({
      error: { message: 'Some of these clips are no longer on the timeline, so nothing was regrouped.' },
    });
    expect(await regroup([a.id, b.id], 'merge', 'page')).toMatchObject({ error: { code: 'invalid' } });
    expect(await regroup([a.id, b.id], 'join' as never)).toMatchObject({ error: { code: 'invalid' } });
    expect(await store.all()).toEqual(expect.arrayContaining([a, b]));
    expect(onChange).not.toHaveBeenCalled();
  });

  it('imports by merging, and reports what it did', async () => {
    const { importAs, store, onChange } = setUp();
    const stale = makeClip({ updatedAt: '2025-01-01T00:00:00.000Z' });
    const current = makeClip({ updatedAt: '2025-03-01T00:00:00.000Z' });
    await store.saveNew([stale, current]);
    const edited = { ...stale, eventGroup: 'solo:x', updatedAt: '2025-02-01T00:00:00.000Z' };
    const fresh = makeClip();
    expect(await importAs('extension', [edited, { ...current, updatedAt: '2025-02-01T00:00:00.000Z' }, fresh])).toEqual({
      added: 1,
      updated: 1,
      skipped: 1,
    });
    expect(onChange).toHaveBeenCalledWith({ kind: 'stored', records: [fresh, edited] });
    expect(await store.get(stale.id)).toStrictEqual(edited);
    onChange.mockClear();
    expect(await importAs('extension', [fresh])).toEqual({ added: 0, updated: 0, skipped: 1 });
    expect(onChange).not.toHaveBeenCalled();
  });

  it('imports nothing from a web page, or when any record is bad', async () => {
    const { importAs, count, onChange } = setUp();
    expect(await importAs('page')).toMatchObject({ error: { code: 'invalid', message: 'Only Libya Lens itself may import clips.' } });
    const bad = makeClip({ id: 'clip-00bad', fatalities: { count: -1 } });
    expect(await importAs('extension', [makeClip(), makeClip(), bad])).toEqual({
      error: {
        code: 'invalid',
        message: 'Clip 3 (clip-00bad): fatality count -1 should be a whole number from 0 to 99,999.',
        retryable: false,
      },
    });
    expect(await importAs('extension', { length: 1, 0: makeClip() } as never)).toMatchObject({
      error: { message: 'The import holds no list of clips.' },
    });
    expect((await count()).count).toBe(0);
    expect(onChange).not.toHaveBeenCalled();
  });
});
