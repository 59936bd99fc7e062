// The same reader's view in real headless Firefox ESR (puppeteer-core over WebDriver BiDi) with the Firefox
// build installed: the demo article gets the same names painted as in Chromium, and the framework page keeps
// working.
import type { Page } from 'puppeteer-core';
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
