import { describe, expect, it, vi } from 'vitest';
import { makeClip } from './fixtures';
import { Outbox, type KeyValueArea } from './outbox';

/** storage.local as the browser behaves: values are copied in and out (structured clone). */
function memoryArea(): KeyValueArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (key) => (data.has(key) ? { [key]: structuredClone(data.get(key)) } : {}),
    set: async (items) => {
      for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
    },
  };
}

describe('Outbox', () => {
  it('keeps refused clips once per id, in the order they came', async () => {
    const outbox = new Outbox(memoryArea());
    const a = makeClip();
    const b = makeClip();
    await outbox.put(a);
    await outbox.put(b);
    await outbox.put({ ...a, text: 'edited' });
    expect((await outbox.list()).map((r) => [r.id, r.text.slice(0, 6)])).toEqual([
      [b.id, b.text.slice(0, 6)],
      [a.id, 'edited'],
    ]);
  });

  it('loses none of many clips kept aside at the same moment', async () => {
    const outbox = new Outbox(memoryArea());
    const clips = Array.from({ length: 25 }, () => makeClip());
    await Promise.all(clips.map((clip) => outbox.put(clip)));
    expect((await outbox.list()).map((r) => r.id).sort()).toEqual(clips.map((c) => c.id).sort());
  });

  it('forgets records only once the database has taken them', async () => {
    const outbox = new Outbox(memoryArea());
    const clip = makeClip();
    await outbox.put(clip);
    await expect(outbox.flush(() => Promise.reject(new Error('still full')))).rejects.toThrow('still full');
    expect(await outbox.list()).toHaveLength(1);
    const save = vi.fn(async () => ({ added: 1, duplicates: 0 }));
    expect(await outbox.flush(save)).toBe(1);
    expect(save).toHaveBeenCalledWith([clip]);
    expect(await outbox.list()).toEqual([]);
  });

  it('keeps a clip that arrives while a flush is running', async () => {
    const outbox = new Outbox(memoryArea());
    await outbox.put(makeClip());
    const late = makeClip();
    let release = () => {};
    let started = () => {};
    const saving = new Promise<void>((resolve) => (started = resolve));
    const flushing = outbox.flush(
      () =>
        new Promise<void>((resolve) => {
          release = resolve;
          started();
        }),
    );
    await saving; // the database is taking the first clip…
    const putting = outbox.put(late); // …when another one is refused
    release();
    await Promise.all([flushing, putting]);
    expect((await outbox.list()).map((r) => r.id)).toEqual([late.id]);
  });

  it('ignores what is not a record in the stored list', async () => {
    const area = memoryArea();
    area.data.set('clipOutbox', [null, 'x', { id: 7 }, makeClip({ id: 'clip-ok' })]);
    expect((await new Outbox(area).list()).map((r) => r.id)).toEqual(['clip-ok']);
  });
});
