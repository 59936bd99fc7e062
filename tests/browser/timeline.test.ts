// The popup timeline in real headless Chromium (opened as a tab, as the popup cannot be opened headless):
// it grows live while clips are made in other tabs, groups two outlets' reports of one event, keeps date
// order, filters (facets, search, the map), exports CSV/JSON/Markdown/GeoJSON that parse, deletes with undo,
// takes the reader's corrections, and restores a JSON backup (refusing a bad one without changing anything).
// Areas: lib/ui/timeline, lib/timeline, lib/export, lib/map, lib/storage, entrypoints/popup, entrypoints/timeline.
import { readFileSync, writeFileSync } from 'node:fs';
import { check as checkGeoJson } from '@placemarkio/check-geojson';
import Papa from 'papaparse';
import type { Download, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ClipRecord } from '../../lib/extraction/types';
import { buildDir } from './build.mjs';
import { readStoredClips } from './clips.mjs';
import { artifact, waitFor } from './helpers';
import { launchChromium, type LaunchedChromium } from './launch.mjs';
import { startServer, type FixtureServer } from './server.mjs';

let server: FixtureServer;
let chromium: LaunchedChromium;
let popup: Page;

beforeAll(async () => {
  server = await startServer();
  chromium = await launchChromium({ extensionDir: buildDir('chrome') });
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

async function worker(): Promise<Worker> {
  return chromium.context.serviceWorkers()[0] ?? (await chromium.context.waitForEvent('serviceworker'));
}

const readClips = async (): Promise<ClipRecord[]> => readStoredClips(await worker());

async function clipParagraph(file: string, selector: string): Promise<void> {
  const page = await chromium.context.newPage();
  await page.goto(server.url(file));
  await page.waitForFunction("CSS.highlights.has('libya-lens-actor')", undefined, { timeout: 20_000 });
  const before = (await readClips()).length;
  await page.hover(selector, { position: { x: 40, y: 8 } });
  const button = page.getByRole('button', { name: 'Clip to timeline' });
  await button.waitFor({ state: 'visible', timeout: 5000 });
  await button.click();
  await waitFor(async () => (await readClips()).length === before + 1, `clip of ${file} ${selector} stored`);
  await page.close();
}

const status = () => popup.getByTestId('timeline-status').innerText();
const eventRows = () => popup.getByTestId('timeline-event');
const rowDates = () => popup.$$eval('[data-testid=timeline-event] .tl-date', (nodes) => nodes.map((n) => n.textContent!.trim().slice(0, 10)));

async function download(action: () => Promise<void>): Promise<{ download: Download; text: string }> {
  const [file] = await Promise.all([popup.waitForEvent('download'), action()]);
  const path = await file.path();
  return { download: file, text: readFileSync(path, 'utf8') };
}

describe('the timeline (popup opened as a tab)', () => {
  beforeAll(async () => {
    popup = await chromium.context.newPage();
    await popup.goto(`chrome-extension://${chromium.extensionId}/popup.html`);
  });

  test('with nothing clipped it shows how to clip', async () => {
    const empty = popup.getByTestId('timeline-empty');
    await empty.waitFor({ state: 'visible' });
    expect(await empty.innerText()).toMatch(/No clips yet[\s\S]*Clip to timeline[\s\S]*Alt\+Shift\+K/);
    expect(await popup.getByRole('button', { name: 'Export CSV' }).isDisabled()).toBe(true);
  });

  test('grows live as paragraphs are clipped in other tabs, in date order, grouping one event across outlets', async () => {
    await clipParagraph('clip-article.html', '#p-shelling');
    await waitFor(async () => (await status()).includes('1 event from 1 clip'), 'first clip appears without reopening');
    expect(await eventRows().first().innerText()).toMatch(/Shelling\/artillery\/missile attack[\s\S]*Mitiga/);

    // A later event first, then an earlier one: the list stays in event-date order.
    await clipParagraph('sirte-report.html', '#s-clash');
    await clipParagraph('clip-article.html', '#p-talks');
    await waitFor(async () => (await status()).includes('3 events from 3 clips'), 'three events');
    expect(await rowDates()).toEqual(['2020-05-16', '2020-05-22', '2020-06-07']);

    // Another outlet's report of the Mitiga shelling joins that event: two sources, graded fair.
    await clipParagraph('wire-report.html', '#w-shelling');
    await waitFor(async () => (await status()).includes('3 events from 4 clips'), 'second source grouped');
    const mitiga = popup.locator('[data-testid=timeline-event]', { hasText: 'Mitiga' });
    expect(await mitiga.getAttribute('data-grade')).toBe('fair');
    expect(await mitiga.innerText()).toMatch(/Fair · 2 sources[\s\S]*\+1 more/);
    // The link goes back to the article, to the passage (a text fragment).
    const href = await mitiga.locator('a.tl-source').getAttribute('href');
    expect(href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/(clip-article|wire-report)\.html#libya-lens-clip=clip-[0-9a-f]{16}:~:text=/);
  });

  test('filters by place, actor, type, dates and text, with counts that follow', async () => {
    const place = popup.getByTestId('timeline-filter-places');
    const sirteOption = await place.locator('option', { hasText: 'Sirte' }).getAttribute('value');
    await place.selectOption(sirteOption!);
    await waitFor(async () => (await status()).startsWith('1 event of 3'), 'place filter');
    expect(await rowDates()).toEqual(['2020-06-07']);
    // Under the place filter, the type facet counts only Sirte's events.
    expect(await popup.getByTestId('timeline-filter-eventTypes').locator('option').allInnerTexts()).toEqual(['All event types', 'Battles (1)']);
    await popup.getByTestId('timeline-clear').click();

    await popup.getByTestId('timeline-search').fill('"health ministry"');
    await waitFor(async () => (await status()).startsWith('1 event of 3'), 'phrase search');
    expect(await eventRows().first().innerText()).toContain('Mitiga');
    await popup.getByTestId('timeline-search').fill('');

    await popup.getByTestId('timeline-from').fill('2020-05-20');
    await popup.getByTestId('timeline-from').dispatchEvent('change');
    await waitFor(async () => (await status()).startsWith('2 events of 3'), 'date filter');
    await popup.getByTestId('timeline-clear').click();
    await waitFor(async () => (await status()).includes('3 events from 4 clips'), 'cleared');
  });

  test('the map plots the events and a click on a point filters the timeline', async () => {
    const map = popup.getByTestId('timeline-map');
    await map.locator('summary').click();
    const points = map.locator('[role=button]');
    expect(await points.count()).toBeGreaterThanOrEqual(2);
    await map.getByRole('button', { name: /^Sirte/ }).click();
    await waitFor(async () => (await status()).startsWith('1 event of 3'), 'map filter');
    expect(await rowDates()).toEqual(['2020-06-07']);
    await popup.screenshot({ path: artifact('timeline-popup-map.png') });
    await popup.getByTestId('timeline-clear').click();
  });

  test('Export CSV downloads ACLED columns that a CSV parser reads back, one row per event', async () => {
    const { download: file, text } = await download(() => popup.getByRole('button', { name: 'Export CSV' }).click());
    expect(file.suggestedFilename()).toMatch(/^libya-lens-timeline-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields!.slice(0, 6)).toEqual(['event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type']);
    expect(parsed.data.map((row) => row.event_date)).toEqual(['2020-05-16', '2020-05-22', '2020-06-07']);
    const mitiga = parsed.data[0]!;
    expect(mitiga).toMatchObject({ sub_event_type: 'Shelling/artillery/missile attack', country: 'Libya', airwars_grade: 'fair', source_count: '2' });
    expect(mitiga.source!.split('; ').sort()).toEqual(['Desert Wire', 'The Maghreb Ledger']);
    expect(Number(mitiga.latitude)).toBeCloseTo(32.89, 1);
  });

  test('JSON, Markdown and GeoJSON exports open cleanly', async () => {
    const json = await download(() => popup.getByRole('button', { name: 'Export JSON' }).click());
    const backup = JSON.parse(json.text);
    expect(backup).toMatchObject({ format: 'libya-lens/clips', schemaVersion: 1, count: 4 });
    writeFileSync(artifact('timeline-backup.json'), json.text);

    const md = await download(() => popup.getByRole('button', { name: 'Export Markdown' }).click());
    expect(md.download.suggestedFilename()).toMatch(/\.md$/);
    expect(md.text).toMatch(/16 May 2020[\s\S]*22 May 2020[\s\S]*7 June 2020/);
    expect(md.text).toContain('[Desert Wire](http://127.0.0.1');

    const geo = await download(() => popup.getByRole('button', { name: 'Export GeoJSON' }).click());
    const collection = checkGeoJson(geo.text) as { type: string; features: unknown[] };
    expect(collection.type).toBe('FeatureCollection');
    expect(collection.features.length).toBeGreaterThanOrEqual(2);
  });

  test('delete with undo, and the reader’s correction kept and marked', async () => {
    const sirte = popup.locator('[data-testid=timeline-event]', { hasText: 'Sirte' });
    await sirte.getByRole('button', { name: /^Delete event/ }).click();
    await waitFor(async () => (await status()).includes('2 events from 3 clips'), 'deleted');
    expect((await readClips()).length).toBe(3);
    await popup.getByTestId('timeline-undo').click();
    await waitFor(async () => (await status()).includes('3 events from 4 clips'), 'undone');
    expect((await readClips()).length).toBe(4);

    await popup.locator('[data-testid=timeline-event]', { hasText: 'Sirte' }).getByRole('button', { name: 'Details' }).click();
    const dialog = popup.getByTestId('timeline-dialog');
    await dialog.getByRole('button', { name: 'Correct the event' }).click();
    await dialog.getByLabel('Event date').fill('2020-06-06');
    await dialog.getByRole('button', { name: 'Save correction' }).click();
    await waitFor(async () => (await rowDates()).includes('2020-06-06'), 'edited date shown');
    const edited = (await readClips()).find((clip) => clip.article.outlet === 'Coastal Times')!;
    expect(edited.eventDate.day).toBe('2020-06-06');
    expect(edited.edits).toMatchObject({ fields: ['eventDate'], original: { eventDate: { day: '2020-06-07' } } });
    expect(await popup.locator('[data-testid=timeline-event]', { hasText: 'Sirte' }).innerText()).toContain('Edited');
  });

  test('restores a JSON backup after the clips are gone, and refuses a tampered one without changing anything', async () => {
    const ids = (await readClips()).map((clip) => clip.id);
    // Delete everything through the selection bar.
    for (const box of await popup.locator('[data-testid=timeline-event] input.tl-select').all()) await box.check();
    await popup.getByRole('button', { name: /^Delete 3 events/ }).click();
    await waitFor(async () => (await readClips()).length === 0, 'all deleted');
    await popup.getByTestId('timeline-empty').waitFor({ state: 'visible' });

    const bad = JSON.parse(readFileSync(artifact('timeline-backup.json'), 'utf8'));
    bad.clips[0].text = 'Forces advanced <script>alert(1)</script> on the town.';
    writeFileSync(artifact('timeline-backup-bad.json'), JSON.stringify(bad));
    await popup.getByTestId('timeline-import-file').setInputFiles(artifact('timeline-backup-bad.json'));
    await waitFor(async () => (await popup.getByTestId('timeline-export-result').innerText()).includes('nothing changed'), 'bad file refused');
    expect(await popup.getByTestId('timeline-export-result').getAttribute('role')).toBe('alert');
    expect((await readClips()).length).toBe(0);

    await popup.getByTestId('timeline-import-file').setInputFiles(artifact('timeline-backup.json'));
    await waitFor(async () => (await popup.getByTestId('timeline-export-result').innerText()).includes('4 added'), 'backup restored');
    expect((await readClips()).map((clip) => clip.id).sort()).toEqual(ids.sort());
    await waitFor(async () => (await status()).includes('3 events from 4 clips'), 'timeline back');
    // Restoring it again adds nothing.
    await popup.getByTestId('timeline-import-file').setInputFiles(artifact('timeline-backup.json'));
    await waitFor(async () => (await popup.getByTestId('timeline-export-result').innerText()).includes('0 added'), 'second restore');
    expect((await readClips()).length).toBe(4);
  });

  test('the source link opens the article scrolled to the clipped passage, marked', async () => {
    const row = popup.locator('[data-testid=timeline-event]', { hasText: 'Sirte' });
    const [article] = await Promise.all([chromium.context.waitForEvent('page'), row.locator('a.tl-source').click()]);
    await article.waitForLoadState('load');
    await article.waitForFunction("(CSS.highlights.get('libya-lens-clipped')?.size ?? 0) === 1", undefined, { timeout: 20_000 });
    const where = await waitFor(async () => {
      const box = await article.evaluate(() => {
        const rect = document.getElementById('s-clash')!.getBoundingClientRect();
        return { top: rect.top, bottom: rect.bottom, height: innerHeight, scrolled: scrollY };
      });
      return box.scrolled > 0 && box.top >= 0 && box.bottom <= box.height ? box : undefined;
    }, 'the clipped paragraph scrolled into view');
    expect(where.scrolled).toBeGreaterThan(1000);
    await article.close();
    await popup.bringToFront();
  });

  test('keyboard: the feed is reachable and arrows move between events', async () => {
    await popup.locator('[data-testid=timeline-event]').first().focus();
    await popup.keyboard.press('ArrowDown');
    const second = await popup.evaluate(() => document.activeElement?.getAttribute('aria-posinset'));
    expect(second).toBe('2');
    await popup.keyboard.press('End');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-posinset'))).toBe('3');
  });

  test('the full view in a tab shows the same timeline with the map open', async () => {
    const full = await chromium.context.newPage();
    await full.goto(`chrome-extension://${chromium.extensionId}/timeline.html`);
    await waitFor(async () => (await full.getByTestId('timeline-status').innerText()).includes('3 events from 4 clips'), 'full view');
    expect(await full.getByTestId('timeline-map').getAttribute('open')).not.toBeNull();
    await full.setViewportSize({ width: 1300, height: 850 });
    await full.screenshot({ path: artifact('timeline-full.png') });
    await full.close();
  });
});
