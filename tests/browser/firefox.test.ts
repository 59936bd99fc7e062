// The same reader's view in real headless Firefox ESR (puppeteer-core over WebDriver BiDi) with the Firefox
// build installed: the demo article gets the same names painted as in Chromium, and the framework page keeps
// working.
import { writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'puppeteer-core';
import { toJsonBackup } from '../../lib/export/json';
import { makeClip } from '../../lib/storage/fixtures';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDir } from './build.mjs';
import {
  FRAMEWORK_NAMES,
  MINIMUM_MAIN,
  artifact,
  kbEntryFor,
  rangesWith,
  readHighlights,
  sleep,
  waitForSettled,
  type HighlightInfo,
} from './helpers';
import { launchChromium, launchFirefox, type LaunchedFirefox } from './launch.mjs';
import { startServer, type FixtureServer } from './server.mjs';

let server: FixtureServer;
let firefox: LaunchedFirefox;

beforeAll(async () => {
  server = await startServer();
  firefox = await launchFirefox({ extensionDir: buildDir('firefox') });
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

/** The distinct texts painted per KB highlight, in the main document. */
const paintedNames = (highlights: HighlightInfo[]) =>
  Object.fromEntries(
    highlights
      .filter((h) => h.name === 'libya-lens-actor' || h.name === 'libya-lens-location')
      .map((h) => [h.name, [...new Set(h.ranges.map((r) => r.text))].sort()]),
  );

describe('Firefox: demo article (lib/highlight)', () => {
  let page: Page;
  let highlights: HighlightInfo[];

  beforeAll(async () => {
    page = await firefox.browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(server.url('demo-article.html'));
    await page.waitForFunction('window.__lateUpdateInserted === true');
    await waitForSettled(page, { timeoutMs: 30_000 });
    highlights = await readHighlights(page);
    console.log('[firefox] demo-article highlights:', JSON.stringify(paintedNames(highlights)));
  });

  test('paints Haftar as an actor and Tripoli and Sirte as places', () => {
    for (const name of MINIMUM_MAIN) {
      expect(rangesWith(highlights, name.kind, name.text).length, `"${name.text}" under libya-lens-${name.kind}`).toBeGreaterThan(0);
    }
  });

  test('paints nothing inside form fields, editors, code or graphics', () => {
    const bad = highlights.flatMap((h) => h.ranges.filter((r) => r.forbidden).map((r) => `${h.name}: "${r.text}" in ${r.forbidden}`));
    expect(bad).toEqual([]);
  });

  test('paints the same names as Chromium', async () => {
    const chrome = await launchChromium({ extensionDir: buildDir('chrome') });
    try {
      const reference = await chrome.context.newPage();
      await reference.goto(server.url('demo-article.html'));
      await reference.waitForFunction('window.__lateUpdateInserted === true');
      await waitForSettled(reference, { timeoutMs: 30_000 });
      expect(paintedNames(highlights)).toEqual(paintedNames(await readHighlights(reference)));
    } finally {
      await chrome.close();
    }
  });

  test('screenshot (tests/.artifacts/firefox-demo-article.png)', async () => {
    await page.screenshot({ path: artifact('firefox-demo-article.png') as `${string}.png` });
  });
});

describe('Firefox: framework page', () => {
  test('keeps working and its current names are painted', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(server.url('framework-page.html'));
    await sleep(4000);
    const state = (await page.evaluate('window.__frameworkState')) as { renders: number };
    expect(state.renders).toBeGreaterThan(10);
    expect(await page.evaluate('window.__frameworkErrors')).toEqual([]);
    await page.evaluate('window.__frameworkPause()');
    await waitForSettled(page, { timeoutMs: 10_000 });
    const highlights = await readHighlights(page);
    const headline = (await page.evaluate(`document.getElementById('headline').textContent`)) as string;
    const expected = FRAMEWORK_NAMES.filter((n) => kbEntryFor(n.kb, n.kind) && new RegExp(`\\b${n.text}\\b`).test(headline));
    for (const name of expected) {
      // Any kind: "Misrata brigades" is an armed group that contains a place name.
      const painted = [...rangesWith(highlights, 'actor', name.text), ...rangesWith(highlights, 'location', name.text)].filter(
        (r) => r.element === 'h1#headline',
      ).length;
      expect(painted, `"${name.text}" of the current headline "${headline}" painted`).toBeGreaterThan(0);
    }
    const stale = highlights.flatMap((h) => h.ranges.filter((r) => !r.connected || !r.text.trim()));
    expect(stale).toEqual([]);
    await page.evaluate('window.__frameworkResume()');
    await sleep(2000);
    expect(await page.evaluate('window.__frameworkCheck()')).toEqual([]);
    await page.close();
  });
});

describe('Firefox: clipping (lib/ui, lib/capture, lib/extraction, lib/storage)', () => {
  // The extension's UI host is in the page's DOM with an open shadow root: readable from the page itself.
  const ui = (selector: string, read: string) =>
    `(() => { const el = document.querySelector('libya-lens-ui')?.shadowRoot?.querySelector('${selector}'); return el ? ${read} : null; })()`;
  const toast = (page: Page) => page.evaluate(ui('[data-testid="libya-lens-toast"]', 'el.hidden ? "" : el.textContent')) as Promise<string | null>;
  const clipped = (page: Page) =>
    page.evaluate(`[...(CSS.highlights.get('libya-lens-clipped') ?? [])].map((r) => r.toString().replace(/\\s+/g, ' ').trim())`) as Promise<string[]>;

  async function openArticle(): Promise<Page> {
    const page = await firefox.browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(server.url('clip-article.html'));
    await page.waitForFunction(`CSS.highlights.has('libya-lens-actor')`, { timeout: 30_000 });
    return page;
  }

  async function clickClip(page: Page, paragraph: string) {
    const box = await (await page.$(paragraph))!.boundingBox();
    await page.mouse.move(box!.x + 40, box!.y + 8);
    await page.waitForFunction(ui('[data-testid="libya-lens-clip"]', '!el.hidden'), { timeout: 5000 });
    const button = await page.evaluateHandle(
      `document.querySelector('libya-lens-ui').shadowRoot.querySelector('[data-testid="libya-lens-clip"]')`,
    );
    await (button as unknown as { click(): Promise<void> }).click();
  }

  test('the button clips a paragraph, the record is annotated, a second clip is refused, the marker returns', async () => {
    const page = await openArticle();
    expect(await page.evaluate(ui('[data-testid="libya-lens-clip"]', 'el.getAttribute("aria-label")'))).toBe(null);
    await clickClip(page, '#p-shelling');
    await page.waitForFunction(ui('[data-testid="libya-lens-toast"]', '!el.hidden'), { timeout: 10_000 });
    // The report names what the background extracted: the sub-event type, the place and the resolved day.
    expect(await toast(page)).toContain('Clipped to your timeline: Shelling/artillery/missile attack · Mitiga International Airport · 2020-05-16');
    expect(await page.evaluate(ui('[data-testid="libya-lens-clip"]', 'el.getAttribute("aria-label")'))).toBe('Clip to timeline');
    expect(await clipped(page)).toHaveLength(1);

    await page.mouse.move(5, 5);
    await sleep(600);
    await clickClip(page, '#p-shelling');
    await page.waitForFunction(`${ui('[data-testid="libya-lens-toast"]', 'el.textContent')}?.includes('Already on your timeline')`, { timeout: 10_000 });
    await page.close();

    // A later visit: the stored selectors find the passage again.
    const again = await openArticle();
    await again.waitForFunction(`(CSS.highlights.get('libya-lens-clipped')?.size ?? 0) === 1`, { timeout: 15_000 });
    expect((await clipped(again))[0]).toMatch(/^Forces loyal to Khalifa Haftar shelled Mitiga airport/);
    await again.close();
  });

  test('a selection is clipped from its own button, and Tab from a paragraph\'s last link reaches the button', async () => {
    const page = await openArticle();
    await page.evaluate(`(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('p-jets'));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    })()`);
    await page.waitForFunction(ui('[data-testid="libya-lens-clip"]', '!el.hidden && el.dataset.state === "ready"'), { timeout: 5000 });
    const button = await page.evaluateHandle(
      `document.querySelector('libya-lens-ui').shadowRoot.querySelector('[data-testid="libya-lens-clip"]')`,
    );
    await (button as unknown as { click(): Promise<void> }).click();
    await page.waitForFunction(`${ui('[data-testid="libya-lens-toast"]', 'el.textContent')}?.includes('Air/drone strike')`, { timeout: 10_000 });

    await page.evaluate(`getSelection().removeAllRanges()`);
    await page.focus('#p-shelling a');
    await page.keyboard.press('Tab');
    const deepActive = `(() => { let el = document.activeElement; while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement; return el && el.getAttribute('aria-label'); })()`;
    expect(await page.evaluate(deepActive)).toBe('Clip to timeline');
    await page.keyboard.press('Enter');
    // Stored, or already stored by the test before: either way the key reached the clip.
    await page.waitForFunction(`/Clipped to your timeline: Shelling|Already on your timeline/.test(${ui('[data-testid="libya-lens-toast"]', 'el.textContent')} ?? '')`, { timeout: 10_000 });
    await page.close();
  });
});

describe('Firefox: the timeline (entrypoints/popup, lib/ui/timeline)', () => {
  test('the popup page shows the clips as events and grows when another tab clips', async () => {
    const popup = await firefox.browser.newPage();
    // Firefox does not report the end of a navigation to an extension page over BiDi
    // (https://github.com/mozilla/firefox-devtools-mcp/pull/87): start it, then wait for the page itself.
    void popup.goto(`${firefox.extensionOrigin}popup.html`, { timeout: 60_000 }).catch(() => undefined);
    const status = () => popup.evaluate(`document.querySelector('[data-testid=timeline-status]')?.textContent ?? ''`) as Promise<string>;
    // Whatever is stored already (the clipping tests above store two paragraphs when they run first).
    await popup.waitForFunction(`/\\d+ events? from \\d+ clips?/.test(document.querySelector('[data-testid=timeline-status]')?.textContent ?? '')`, { timeout: 15_000 });
    const before = Number((await status()).match(/from (\d+) clip/)![1]);

    const article = await firefox.browser.newPage();
    await article.setViewport({ width: 1280, height: 900 });
    await article.goto(server.url('sirte-report.html'));
    await article.waitForFunction(`CSS.highlights.has('libya-lens-actor')`, { timeout: 30_000 });
    await article.evaluate(`document.getElementById('s-clash').scrollIntoView({ block: 'center' })`);
    const box = await (await article.$('#s-clash'))!.boundingBox();
    await article.mouse.move(box!.x + 40, box!.y + 8);
    await article.waitForFunction(
      `!document.querySelector('libya-lens-ui').shadowRoot.querySelector('[data-testid="libya-lens-clip"]').hidden`,
      { timeout: 5000 },
    );
    const button = await article.evaluateHandle(`document.querySelector('libya-lens-ui').shadowRoot.querySelector('[data-testid="libya-lens-clip"]')`);
    await (button as unknown as { click(): Promise<void> }).click();

    await popup.waitForFunction(`(document.querySelector('[data-testid=timeline-status]')?.textContent ?? '').includes('from ${before + 1} clip')`, { timeout: 15_000 });
    const rows = (await popup.evaluate(`[...document.querySelectorAll('[data-testid=timeline-event]')].map((r) => r.textContent)`)) as string[];
    expect(rows.some((text) => /Armed clash · Sirte/.test(text))).toBe(true);
    // Dates in order in the feed, as in Chromium.
    const dates = (await popup.evaluate(`[...document.querySelectorAll('[data-testid=timeline-event] .tl-date')].map((d) => d.textContent.slice(0, 10))`)) as string[];
    expect(dates).toEqual([...dates].sort());
    await popup.screenshot({ path: artifact('firefox-timeline.png') });
    await article.close();
    await popup.close();
  });

  test('the full view restores a JSON backup (a tampered one refused, the real one merged by id) and exports CSV', async () => {
    const base = makeClip();
    const clips = [
      makeClip({ id: 'clip-ffa1', eventDate: { ...base.eventDate, day: '2019-04-05' } }),
      makeClip({ id: 'clip-ffa2', eventDate: { ...base.eventDate, day: '2019-04-06' }, article: { ...base.article, outlet: 'Second Desk', url: 'https://second.example/a' } }),
    ];
    const backup = toJsonBackup(clips, { now: new Date(), generator: 'Libya Lens test' });
    const good = artifact('firefox-backup.json');
    const bad = artifact('firefox-backup-bad.json');
    writeFileSync(good, backup);
    writeFileSync(bad, backup.replace('Drones struck', 'Drones <iframe src=x> struck'));

    const full = await firefox.browser.newPage();
    void full.goto(`${firefox.extensionOrigin}timeline.html`, { timeout: 60_000 }).catch(() => undefined);
    const status = `document.querySelector('[data-testid=timeline-status]')?.textContent ?? ''`;
    const result = `document.querySelector('[data-testid=timeline-export-result]')?.textContent ?? ''`;
    await full.waitForFunction(`/\\d+ events? from \\d+ clips?/.test(${status})`, { timeout: 15_000 });
    const before = Number(((await full.evaluate(status)) as string).match(/from (\d+) clip/)![1]);

    const input = (await full.$('[data-testid=timeline-import-file]'))!;
    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(bad);
    await full.waitForFunction(`(${result}).includes('nothing changed')`, { timeout: 15_000 });
    expect(await full.evaluate(result)).toMatch(/may have been tampered with/);

    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(good);
    await full.waitForFunction(`(${result}).includes('2 added')`, { timeout: 15_000 });
    await full.waitForFunction(`(${status}).includes('from ${before + 2} clip')`, { timeout: 15_000 });

    // Export CSV in Firefox: the file the page hands to the browser, read back as the download's bytes.
    await full.evaluate(`(() => {
      window.__exports = [];
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob) => { window.__exports.push(blob); return create(blob); };
    })()`);
    const exportCsv = await full.evaluateHandle(`[...document.querySelectorAll('button')].find((b) => b.textContent === 'Export CSV')`);
    await (exportCsv as unknown as { click(): Promise<void> }).click();
    await full.waitForFunction(`window.__exports.length === 1`, { timeout: 10_000 });
    // Blob.text() decodes as UTF-8 and drops a BOM, so the bytes are read: the BOM must be in the file.
    const { head, csv } = (await full.evaluate(`window.__exports[0].arrayBuffer().then((buffer) => ({
      head: [...new Uint8Array(buffer.slice(0, 3))],
      csv: new TextDecoder('utf-8', { ignoreBOM: true }).decode(buffer),
    }))`)) as { head: number[]; csv: string };
    expect(head).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((row) => row.event_date)).toEqual(expect.arrayContaining(['2019-04-05', '2019-04-06']));
    expect(await full.evaluate(result)).toMatch(/^Saved libya-lens-timeline-\d{4}-\d{2}-\d{2}\.csv/);
    await full.close();
  });
});
