import { describe, expect, it, vi } from 'vitest';
import { describeRange } from '../extraction/anchors';
import type { PageFacts } from '../extraction/metadata';
import type { ClipCapture, ClipResult } from '../messaging/protocol';
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

function setUp() {
  const store = new ClipStore({ factory: freshFactory() });
  const onChange = vi.fn();
  const outbox = new Outbox(memoryArea());
  const handlers = timelineHandlers(store, {
    fromExtensionPage: (sender) => sender.url?.startsWith('chrome-extension://abc/') ?? false,
    onChange,
    outbox,
  });
  const page = { url: ARTICLE_URL, tab: { id: 3 } } as never;
  const extension = { url: 'chrome-extension://abc/popup.html' } as never;
  return {
    store,
    outbox,
    onChange,
    save: (c: unknown) => handlers['clip/save']!(c as ClipCapture, page) as Promise<ClipResult>,
    anchors: (urls: string[]) => handlers['clip/anchors']!({ urls }, page),
    count: () => handlers['clips/count']!({}, page),
    importAs: (sender: 'page' | 'extension', records = [makeClip()]) =>
      handlers['clips/import']!({ records }, sender === 'page' ? page : extension),
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

  it('lets only extension pages import whole records', async () => {
    const { importAs, count } = setUp();
    expect(await importAs('page')).toMatchObject({ error: { code: 'invalid' } });
    expect((await count()).count).toBe(0);
    expect(await importAs('extension', [makeClip(), makeClip()])).toEqual({ added: 2, duplicates: 0 });
  });
});
