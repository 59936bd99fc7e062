// @vitest-environment happy-dom
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClipEdit, ClipRecord } from '../../extraction/types';
import type { ClipChange } from '../../messaging/protocol';
import { makeClip } from '../../storage/fixtures';
import type { TimelineSources } from '../../timeline/client';
import { compareClips } from '../../storage/clip-store';
import { applyEdit } from '../../timeline/edits';
import { mountTimeline, type TimelineHandle } from './view';

/** An in-memory worker: what the real one answers, without IndexedDB. */
function fakeSources(initial: ClipRecord[]) {
  const stored = new Map(initial.map((clip) => [clip.id, clip]));
  const listeners = new Set<(change: ClipChange) => void>();
  const calls: string[] = [];
  const sources: TimelineSources = {
    async list(afterDay, limit) {
      calls.push(`list ${afterDay ?? 'start'} ${limit}`);
      const all = [...stored.values()].sort(compareClips).filter((clip) => afterDay === undefined || clip.eventDate.day > afterDay);
      // Whole days, as the store pages.
      const page = all.slice(0, limit);
      const last = page.at(-1)?.eventDate.day;
      const clips = all.filter((clip) => last !== undefined && clip.eventDate.day <= last);
      return clips.length < all.length ? { clips, next: last } : { clips };
    },
    async delete(ids) {
      calls.push(`delete ${ids.length}`);
      const deleted = ids.map((id) => stored.get(id)!).filter(Boolean);
      for (const id of ids) stored.delete(id);
      return { deleted };
    },
    async restore(records) {
      calls.push(`restore ${records.length}`);
      for (const record of records) stored.set(record.id, record);
      return { restored: records.length };
    },
    async edit(ids: string[], changes: ClipEdit) {
      calls.push(`edit ${ids.join(' ')} ${Object.keys(changes).join(',')}`);
      const records = ids.map((id) => applyEdit(stored.get(id)!, changes, new Date('2026-11-22T10:00:00Z')));
      for (const record of records) stored.set(record.id, record);
      return { records };
    },
    async regroup(ids, mode) {
      calls.push(`regroup ${mode} ${ids.length}`);
      const records = ids.map((id) => ({ ...stored.get(id)!, eventGroup: mode === 'merge' ? `group-${ids[0]}` : `solo:${id}` }));
      for (const record of records) stored.set(record.id, record);
      return { records };
    },
    async import(records) {
      calls.push(`import ${records.length}`);
      return { added: records.length, updated: 0, skipped: 0 };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { sources, stored, calls, emit: (change: ClipChange) => listeners.forEach((l) => l(change)) };
}

const place = (name: string, entityId: string, lat: number, lon: number) => ({ location: { name, entityId, lat, lon, geoPrecision: 1 as const } });

function clips(): ClipRecord[] {
  const base = makeClip();
  return [
    makeClip({ id: 'clip-a', eventDate: { ...base.eventDate, day: '2019-08-30' } }),
    makeClip({
      id: 'clip-b',
      eventDate: { ...base.eventDate, day: '2019-08-30' },
      article: { ...base.article, outlet: 'Second Outlet', url: 'https://second.example/mitiga' },
    }),
    makeClip({
      id: 'clip-c',
      text: 'Clashes erupted between GNA forces and the LNA west of Sirte on Sunday, killing seven fighters.',
      eventDate: { ...base.eventDate, day: '2020-06-07' },
      event: { disorderType: 'Political violence', eventType: 'Battles', subEventType: 'Armed clash', civilianTargeting: false },
      ...place('Sirte', 'place:sirte', 31.2, 16.59),
    }),
  ];
}

let root: HTMLElement;
let handle: TimelineHandle | undefined;
const status = () => root.querySelector('[data-testid=timeline-status]')!.textContent;
const rows = () => [...root.querySelectorAll<HTMLElement>('[data-testid=timeline-event]')];
const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  await new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));
};

beforeEach(() => {
  document.body.replaceChildren();
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  handle?.destroy();
  handle = undefined;
  vi.restoreAllMocks();
});

async function mount(initial: ClipRecord[], firstPage = 200) {
  const fake = fakeSources(initial);
  handle = mountTimeline(root, { sources: fake.sources, layout: 'popup', generator: 'Libya Lens test', shortcut: 'Alt+Shift+K', firstPage, freshMs: 300, now: () => new Date('2026-11-22T10:00:00Z') });
  await handle.loaded;
  await flush();
  return fake;
}

describe('the timeline view', () => {
  it('shows how to clip when there is nothing yet, and offers no export', async () => {
    await mount([]);
    const empty = root.querySelector<HTMLElement>('[data-testid=timeline-empty]')!;
    expect(empty.hidden).toBe(false);
    expect(empty.textContent).toMatch(/No clips yet.*Clip to timeline.*Alt\+Shift\+K/s);
    expect(root.querySelector<HTMLButtonElement>('[data-format=csv]')!.disabled).toBe(true);
  });

  it('loads a first page to paint, then the rest, and groups two outlets’ reports of one event', async () => {
    const fake = await mount(clips(), 1);
    expect(fake.calls.slice(0, 2)).toEqual(['list start 1', 'list 2019-08-30 2500']);
    expect(status()).toBe('2 events from 3 clips');
    const [mitiga, sirte] = rows();
    // Two outlets, but the fixture's GNA blames the LNA and the LNA denies it: competing claims.
    expect(mitiga!.dataset.grade).toBe('contested');
    expect(mitiga!.textContent).toContain('Contested · 2 sources');
    expect(sirte!.textContent).toContain('Armed clash · Sirte');
    // Screen readers hear the whole event in the row's label.
    expect(mitiga!.getAttribute('aria-labelledby')).toBeTruthy();
    expect(root.querySelector(`#${mitiga!.getAttribute('aria-labelledby')}`)!.textContent).toMatch(/Contested: 2 sources/);
  });

  it('grows when a clip arrives from another tab, announces it, and tints it for a few seconds', async () => {
    const fake = await mount(clips());
    const base = makeClip();
    fake.emit({
      kind: 'stored',
      records: [
        makeClip({
          id: 'clip-new',
          eventDate: { ...base.eventDate, day: '2021-01-02' },
          event: { disorderType: 'Demonstrations', eventType: 'Protests', subEventType: 'Peaceful protest', civilianTargeting: false },
          ...place('Benghazi', 'place:benghazi', 32.1, 20.07),
        }),
      ],
    });
    await flush();
    expect(status()).toBe('3 events from 4 clips');
    expect(rows().at(-1)!.classList.contains('tl-event--new')).toBe(true);
    await vi.waitFor(() => expect(rows().at(-1)!.classList.contains('tl-event--new')).toBe(false), { timeout: 3000 });
    expect(root.querySelector('.sr-only[aria-live]')!.textContent).toContain('New clip: Peaceful protest in Benghazi, 2021-01-02');
    fake.emit({ kind: 'deleted', ids: ['clip-new'] });
    await flush();
    expect(status()).toBe('2 events from 3 clips');
  });

  it('filters by a facet, by search, and by the map, and counts follow', async () => {
    await mount(clips());
    const places = root.querySelector<HTMLSelectElement>('[data-testid=timeline-filter-places]')!;
    const options = [...places.options].map((o) => o.textContent);
    expect(options[0]).toBe('All places');
    expect(options).toEqual(expect.arrayContaining(['Sirte (1)']));
    places.value = 'place:sirte';
    places.dispatchEvent(new Event('change'));
    await flush();
    expect(status()).toBe('1 event of 2 (1 clip)');
    root.querySelector<HTMLButtonElement>('[data-testid=timeline-clear]')!.click();
    await flush();

    const search = root.querySelector<HTMLInputElement>('[data-testid=timeline-search]')!;
    search.value = '"seven fighters"';
    search.dispatchEvent(new Event('input'));
    await flush();
    expect(status()).toBe('1 event of 2 (1 clip)');
    search.value = 'nothing-matches-this';
    search.dispatchEvent(new Event('input'));
    await flush();
    expect(root.querySelector<HTMLElement>('[data-testid=timeline-empty]')!.textContent).toContain('No events match these filters.');
    root.querySelector<HTMLButtonElement>('[data-testid=timeline-clear]')!.click();
    await flush();

    const point = [...root.querySelectorAll<SVGElement>('[data-testid=timeline-map] [role=button]')].find((p) => p.getAttribute('aria-label')?.startsWith('Sirte'));
    expect(point).toBeDefined();
    point!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    await flush();
    expect(status()).toBe('1 event of 2 (1 clip)');
  });

  it('deletes an event with its clips and brings them back on Undo', async () => {
    const fake = await mount(clips());
    rows()[0]!.querySelector<HTMLButtonElement>('[data-action=delete]')!.click();
    await flush();
    expect(fake.calls).toContain('delete 2');
    expect(status()).toBe('1 event from 1 clip');
    root.querySelector<HTMLButtonElement>('[data-testid=timeline-undo]')!.click();
    await flush();
    expect(fake.calls).toContain('restore 2');
    expect(status()).toBe('2 events from 3 clips');
  });

  it('merges selected events into one', async () => {
    const fake = await mount(clips());
    for (const box of root.querySelectorAll<HTMLInputElement>('input.tl-select')) {
      box.checked = true;
      box.dispatchEvent(new Event('change'));
    }
    root.querySelector<HTMLButtonElement>('[data-testid=timeline-merge]')!.click();
    await flush();
    expect(fake.calls).toContain('regroup merge 3');
    expect(status()).toBe('1 event from 3 clips');
  });

  it('saves a correction to every clip of the event and shows it as the reader’s', async () => {
    const fake = await mount(clips());
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.open = true;
    };
    rows()[1]!.querySelector<HTMLButtonElement>('[data-action=open]')!.click();
    const dialog = document.querySelector<HTMLDialogElement>('[data-testid=timeline-dialog]')!;
    expect(dialog.textContent).toContain('Armed clash · Sirte');
    dialog.querySelector<HTMLButtonElement>('[data-action=edit]')!.click();
    const day = dialog.querySelector<HTMLInputElement>('input[name=day]')!;
    day.value = '2020-06-06';
    dialog.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    expect(fake.calls).toContain('edit clip-c eventDate');
    expect(fake.stored.get('clip-c')!.edits?.fields).toEqual(['eventDate']);
    expect(rows()[1]!.textContent).toContain('Edited');
    expect(rows()[1]!.querySelector('.tl-date')!.textContent).toBe('2020-06-06');
  });

  it('exports the ACLED CSV of what is shown or of everything', async () => {
    await mount(clips());
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    root.querySelector<HTMLButtonElement>('[data-format=csv]')!.click();
    const all = Papa.parse<Record<string, string>>((await blobs[0]!.text()).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(all.data.map((row) => row.sub_event_type)).toEqual(['Air/drone strike', 'Armed clash']);

    const places = root.querySelector<HTMLSelectElement>('[data-testid=timeline-filter-places]')!;
    places.value = 'place:sirte';
    places.dispatchEvent(new Event('change'));
    await flush();
    expect(root.querySelector<HTMLSelectElement>('[data-testid=timeline-export-scope]')!.value).toBe('filtered');
    root.querySelector<HTMLButtonElement>('[data-format=csv]')!.click();
    const filtered = Papa.parse<Record<string, string>>((await blobs[1]!.text()).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(filtered.data.map((row) => row.location)).toEqual(['Sirte']);
    expect(root.querySelector('[data-testid=timeline-export-result]')!.textContent).toMatch(/^Saved libya-lens-timeline-filtered-\d{4}-\d{2}-\d{2}\.csv: 1 event\.$/);
  });

  it('sends a restore to the full view where a file picker would close the popup, and focuses it there', async () => {
    const fake = fakeSources(clips());
    const restoreElsewhere = vi.fn();
    handle = mountTimeline(root, { sources: fake.sources, layout: 'popup', generator: 'test', restoreElsewhere });
    await handle.loaded;
    const picker = root.querySelector<HTMLInputElement>('[data-testid=timeline-import-file]')!;
    const opened = vi.spyOn(picker, 'click');
    [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === 'Restore backup…')!.click();
    expect(restoreElsewhere).toHaveBeenCalledOnce();
    expect(opened).not.toHaveBeenCalled();
    handle.destroy();

    root.replaceChildren();
    handle = mountTimeline(root, { sources: fake.sources, layout: 'tab', generator: 'test', restoreRequested: true });
    await handle.loaded;
    await flush();
    expect((document.activeElement as HTMLElement).textContent).toBe('Restore backup…');
    expect(root.querySelector('[data-testid=timeline-export-result]')!.textContent).toContain('pick the JSON backup');
  });
});
