// What a reader sees in real headless Chromium with the extension loaded: highlights on a messy news page,
// the page left intact, a framework page that keeps working, the hover card, the entity list, the popup's
// site switch. Failures name the area that owns the behaviour (lib/highlight, lib/ui, lib/kb, entrypoints).
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDir } from './build.mjs';
import {
  EXPECTED_MAIN,
  FRAMEWORK_NAMES,
  IFRAME_NAME,
  LATE_NAME,
  MINIMUM_MAIN,
  SHADOW_NAME,
  artifact,
  kbAliasSet,
  kbEntryFor,
  measureStats,
  norm,
  probe,
  rangeCount,
  rangesWith,
  readHighlights,
  sleep,
  waitFor,
  waitForSettled,
  type HighlightInfo,
} from './helpers';
import { launchChromium, type LaunchedChromium } from './launch.mjs';
import { startServer, type FixtureServer } from './server.mjs';

// The service worker's chrome.* API, as far as these tests use it (worker.evaluate bodies run there).
declare const chrome: {
  tabs: {
    query(query: { active?: boolean; lastFocusedWindow?: boolean }): Promise<Array<{ id?: number }>>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
};

let server: FixtureServer;
let chromium: LaunchedChromium;

beforeAll(async () => {
  server = await startServer();
  chromium = await launchChromium({ extensionDir: buildDir('chrome') });
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

async function openDemo(): Promise<Page> {
  const page = await chromium.context.newPage();
  await page.goto(server.url('demo-article.html'));
  await page.waitForFunction('window.__lateUpdateInserted === true');
  return page;
}

const relatedFrame = (page: Page): Frame => {
  const frame = page.frames().find((f) => f.url().endsWith('/related-box.html'));
  if (!frame) throw new Error('related-box.html iframe not found in demo-article.html');
  return frame;
};

/** Whether a painted text is, by itself, a KB name: lib/kb's matcher if it loads, else the alias list. */
async function kbNameOracle(): Promise<(text: string) => boolean> {
  try {
    const { getMatcher } = await import('../../lib/kb');
    const matcher = getMatcher();
    return (text) => matcher.find(text).some((m) => m.start === 0 && m.end === text.length);
  } catch (error) {
    console.warn('[chromium] lib/kb matcher not loadable, comparing with the alias list:', error);
    const aliases = kbAliasSet();
    return (text) => aliases.has(norm(text));
  }
}

/** The deepest focused element, through the extension's shadow root. */
const DEEP_ACTIVE = `(() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  return el ? {
    tag: el.localName,
    role: el.getAttribute('role') || '',
    text: (el.textContent || '').trim().slice(0, 120),
    inList: !!el.closest('[data-testid=libya-lens-entity-list]'),
  } : null;
})()`;

describe('demo article (lib/highlight: painting; lib/kb: names)', () => {
  let page: Page;
  let highlights: HighlightInfo[];

  beforeAll(async () => {
    page = await openDemo();
    await waitForSettled(page, { timeoutMs: 30_000 });
    highlights = await readHighlights(page);
    console.log(
      '[chromium] demo-article highlights:',
      highlights.map((h) => `${h.name} (${h.ranges.length}): ${[...new Set(h.ranges.map((r) => r.text))].join(', ')}`).join('\n  '),
    );
  });

  test('registers its highlights under the libya-lens names', () => {
    const names = highlights.map((h) => h.name);
    expect(names).toContain('libya-lens-actor');
    expect(names).toContain('libya-lens-location');
    for (const name of names) {
      expect(['libya-lens-actor', 'libya-lens-location', 'libya-lens-ner-actor', 'libya-lens-ner-location', 'libya-lens-focus']).toContain(name);
    }
  });

  test('paints the minimum names with the right kind: Haftar an actor, Tripoli and Sirte places', () => {
    for (const name of MINIMUM_MAIN) {
      const found = rangesWith(highlights, name.kind, name.text).filter((r) => r.where === 'document' && !r.forbidden);
      expect(found.length, `"${name.text}" under libya-lens-${name.kind}`).toBeGreaterThan(0);
    }
  });

  test('paints every fixture name the knowledge base knows, under the KB highlight of its kind', () => {
    const missing: string[] = [];
    const wrongKind: string[] = [];
    for (const name of EXPECTED_MAIN) {
      if (!kbEntryFor(name.kb, name.kind)) continue; // reported by fixture-names.test.ts (lib/kb)
      const found = rangesWith(highlights, name.kind, name.text).filter((r) => r.where === 'document' && !r.forbidden);
      if (found.length) continue;
      const other = rangesWith(highlights, name.kind === 'actor' ? 'location' : 'actor', name.text, { ner: true });
      if (other.length) wrongKind.push(`${name.text} (painted as the other kind)`);
      else missing.push(name.text);
    }
    expect({ missing, wrongKind }).toEqual({ missing: [], wrongKind: [] });
  });

  test('never paints inside textarea, contenteditable, script, style, svg, title or head', () => {
    const bad = highlights.flatMap((h) => h.ranges.filter((r) => r.forbidden).map((r) => `${h.name}: "${r.text}" in ${r.forbidden}`));
    expect(bad).toEqual([]);
    // Every range covers live text (no collapsed or detached leftovers).
    const stale = highlights.flatMap((h) =>
      h.ranges.filter((r) => !r.connected || !r.valid || !r.text.trim()).map((r) => `${h.name}: "${r.text}" connected=${r.connected} valid=${r.valid}`),
    );
    expect(stale).toEqual([]);
  });

  test('paints the live-update paragraph that arrives 1.5 s after load', () => {
    const found = rangesWith(highlights, LATE_NAME.kind, LATE_NAME.text, { ner: true });
    expect(found.map((r) => r.testid)).toContain('late-update');
  });

  test("paints a name inside a web component's open shadow root", () => {
    const found = rangesWith(highlights, SHADOW_NAME.kind, SHADOW_NAME.text, { ner: true });
    expect(found.map((r) => r.where)).toContain('shadow:lens-factbox');
  });

  test('paints a name inside a same-origin iframe', async () => {
    const frame = relatedFrame(page);
    await waitForSettled(frame, { timeoutMs: 15_000 });
    const inFrame = await readHighlights(frame);
    const found = rangesWith(inFrame, IFRAME_NAME.kind, IFRAME_NAME.text, { ner: true });
    expect(found.map((r) => r.testid)).toContain('related-item');
  });

  test('leaves the DOM exactly as the page built it (compared with a run without the extension)', async () => {
    const plain = await launchChromium();
    try {
      const reference = await plain.context.newPage();
      await reference.goto(server.url('demo-article.html'));
      await reference.waitForFunction('window.__lateUpdateInserted === true');
      await sleep(300);
      type Snapshot = { html: string; textNodes: number };
      const [withExtension, without] = await Promise.all([
        probe<Snapshot>(page, 'P.serialise()'),
        probe<Snapshot>(reference, 'P.serialise()'),
      ]);
      expect(withExtension.textNodes, 'text nodes in the page (an extension that splits them changes this)').toBe(without.textNodes);
      if (withExtension.html !== without.html) {
        // Show where they part, not two 40 kB strings.
        let i = 0;
        while (withExtension.html[i] === without.html[i]) i++;
        expect(withExtension.html.slice(Math.max(0, i - 80), i + 160)).toBe(without.html.slice(Math.max(0, i - 80), i + 160));
      }
      const frameHtml = await probe<Snapshot>(relatedFrame(page), 'P.serialise()');
      const frameReference = await probe<Snapshot>(relatedFrame(reference), 'P.serialise()');
      expect(frameHtml).toEqual(frameReference);
      // What the reader can read, too.
      const [text, referenceText] = await Promise.all([
        page.evaluate(() => document.querySelector('article')!.innerText),
        reference.evaluate(() => document.querySelector('article')!.innerText),
      ]);
      expect(text).toBe(referenceText);
    } finally {
      await plain.close();
    }
  });

  test('goes quiet once the page is still (no highlight work while nothing changes)', async () => {
    const before = await measureStats(page);
    const count = await rangeCount(page);
    await sleep(3000);
    const after = await measureStats(page);
    expect(after.count, 'libya-lens:highlight measures while the page was still').toBe(before.count);
    expect(await rangeCount(page)).toBe(count);
  });

  test('screenshot of the highlighted article (tests/.artifacts/chromium-demo-article.png)', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: artifact('chromium-demo-article.png') });
    await page.screenshot({ path: artifact('chromium-demo-article-full.png'), fullPage: true });
  });

  describe('hover card (lib/ui)', () => {
    const haftar = EXPECTED_MAIN[0]!;
    let entityName = 'Haftar';

    beforeAll(() => {
      entityName = kbEntryFor(haftar.kb, 'actor')?.name ?? 'Haftar';
    });

    test('hovering a painted name shows the card with the entity name', async () => {
      const point = await probe<{ x: number; y: number; text: string } | null>(page, `P.pickRange('libya-lens-actor', 'Haftar', 0)`);
      expect(point, 'a painted "Haftar" in the article').not.toBeNull();
      await page.mouse.move(point!.x - 40, point!.y - 40);
      await page.mouse.move(point!.x, point!.y, { steps: 4 });
      const card = page.locator('[data-libya-lens-ui] [data-testid=libya-lens-card], [data-testid=libya-lens-card]').first();
      await card.waitFor({ state: 'visible', timeout: 5000 });
      const inShadow = await page.evaluate(() =>
        [...document.querySelectorAll('[data-libya-lens-ui]')].some((host) => !!host.shadowRoot?.querySelector('[data-testid=libya-lens-card]')),
      );
      expect(inShadow, 'card lives in the open shadow root of a [data-libya-lens-ui] host').toBe(true);
      expect((await card.innerText()).toLowerCase()).toContain(entityName.toLowerCase());
      await page.screenshot({ path: artifact('chromium-hover-card.png') });
    });

    test('"Next mention" moves the focus highlight to the following mention; "Previous mention" back', async () => {
      const card = page.locator('[data-testid=libya-lens-card]').first();
      await card.getByRole('button', { name: 'Next mention' }).click({ timeout: 5000 });
      type Focus = { text: string; samePlaceAsPicked: boolean; order: number };
      const first = await waitFor(
        async () => (await probe<Focus[]>(page, 'P.focus()')).find((f) => f.text && !f.samePlaceAsPicked),
        'libya-lens-focus highlight on another mention after "Next mention"',
      );
      expect(first.text.length).toBeGreaterThan(0);
      await probe(page, 'P.pickFocus()');
      await card.getByRole('button', { name: 'Next mention' }).click({ timeout: 5000 });
      const second = await waitFor(
        async () => (await probe<Focus[]>(page, 'P.focus()')).find((f) => f.text && !f.samePlaceAsPicked),
        'focus moves again on a second "Next mention"',
      );
      expect(second.text.length).toBeGreaterThan(0);
      await probe(page, 'P.pickFocus()');
      await card.getByRole('button', { name: 'Previous mention' }).click({ timeout: 5000 });
      const back = await waitFor(
        async () => (await probe<Focus[]>(page, 'P.focus()')).find((f) => f.text && !f.samePlaceAsPicked),
        'focus moves on "Previous mention"',
      );
      expect(back.order, 'previous mention lies before the one focused').toBe(-1);
      await waitFor(
        async () => (await probe<Array<{ inView: boolean }>>(page, 'P.focus()')).some((f) => f.inView),
        'the focused mention is scrolled into the viewport',
        3000,
      );
      // The focus highlight only ever holds one range.
      expect((await probe<Focus[]>(page, 'P.focus()')).length).toBe(1);
      await page.mouse.move(5, 5);
    });
  });

  describe('entity list (entrypoints/background → content, lib/ui)', () => {
    test('opens from the open-entity-list message and a mention can be focused with the keyboard', async () => {
      await page.bringToFront();
      // Whatever the hover card left focused is the baseline: Enter in the list must move the focus elsewhere.
      await probe(page, 'P.pickFocus()');
      const response = await chromium.worker!.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return chrome.tabs.sendMessage(tab!.id!, { type: 'ui/open-entity-list', payload: {} });
      });
      expect(response).toMatchObject({ opened: true });
      const list = page.locator('[data-testid=libya-lens-entity-list]').first();
      await list.waitFor({ state: 'visible', timeout: 5000 });
      expect((await list.innerText()).toLowerCase()).toContain('tripoli');

      type Active = { tag: string; role: string; text: string; inList: boolean } | null;
      // Keyboard only from here: Tab into the list if it did not take focus, then to an entity or mention.
      const names = EXPECTED_MAIN.map((n) => n.text.toLowerCase());
      const log: string[] = [];
      let focused = false;
      for (let step = 0; step < 30 && !focused; step++) {
        const active = await page.evaluate<Active>(DEEP_ACTIVE);
        log.push(`${active?.tag}[${active?.role}] "${active?.text.slice(0, 30)}" inList=${active?.inList}`);
        const onName = !!active?.inList && names.some((n) => active.text.toLowerCase().includes(n));
        if (onName) {
          await page.keyboard.press('Enter');
          const moved = async () =>
            (await probe<Array<{ text: string; samePlaceAsPicked: boolean }>>(page, 'P.focus()')).some((f) => f.text && !f.samePlaceAsPicked);
          focused = await waitFor(moved, 'focus', 1500).catch(() => false);
          log.push(focused ? 'Enter → focus moved' : 'Enter → no new focus');
          if (!focused) await page.keyboard.press('ArrowDown');
        } else {
          await page.keyboard.press('Tab');
        }
      }
      console.log(`[chromium] entity list keyboard path: ${log.join(' → ')}`);
      expect(focused, `Enter on a list entry put a mention in libya-lens-focus. Focus path: ${log.join(' → ')}`).toBe(true);
      await waitFor(
        async () => (await probe<Array<{ inView: boolean }>>(page, 'P.focus()')).some((f) => f.inView),
        'the focused mention is scrolled into the viewport',
        3000,
      );
      await page.screenshot({ path: artifact('chromium-entity-list.png') });
      await page.keyboard.press('Escape');
    });
  });

  describe('popup site switch (entrypoints/popup)', () => {
    test('turning the site off removes the highlights from the tab; turning it on paints them again', async () => {
      await page.bringToFront();
      const tabId = await chromium.worker!.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return tab!.id!;
      });
      const before = await rangeCount(page);
      expect(before).toBeGreaterThan(0);

      const popup = await chromium.context.newPage();
      await popup.goto(`chrome-extension://${chromium.extensionId}/popup.html?tab=${tabId}`);
      // The popup opens on the timeline; what is on the page is the second tab.
      await popup.getByRole('tab', { name: 'This page' }).click();
      expect(await popup.getByRole('tab', { name: 'This page' }).getAttribute('aria-selected')).toBe('true');
      const entities = popup.locator('[data-testid=popup-entity]');
      await entities.first().waitFor({ state: 'visible', timeout: 10_000 });
      expect(await entities.count()).toBeGreaterThan(3);
      expect((await entities.allInnerTexts()).join('\n').toLowerCase()).toContain('tripoli');

      const toggle = popup.locator('#site-switch');
      await toggle.click();
      await waitFor(async () => (await rangeCount(page)) === 0, 'no libya-lens ranges left on the tab after switching the site off');
      const stored = await chromium.worker!.evaluate(() => chrome.storage.local.get('disabledSites'));
      expect(stored.disabledSites).toContain('127.0.0.1');

      await toggle.click();
      await waitFor(async () => (await rangeCount(page)) > 0, 'highlights back on the tab after switching the site on', 15_000);
      const storedAgain = await chromium.worker!.evaluate(() => chrome.storage.local.get('disabledSites'));
      expect(storedAgain.disabledSites ?? []).not.toContain('127.0.0.1');
      await popup.close();
      await page.bringToFront();
      expect(await waitForSettled(page)).toBe(before);
    });
  });
});

describe('framework page (lib/highlight: must not touch the page DOM)', () => {
  let page: Page;

  beforeAll(async () => {
    page = await chromium.context.newPage();
    await page.goto(server.url('framework-page.html'));
  });

  test('keeps working while its text nodes are updated in place, moved, removed and re-inserted', async () => {
    await sleep(4000);
    const state = await page.evaluate<{ renders: number }>('window.__frameworkState');
    expect(state.renders, 'renders in 4 s').toBeGreaterThan(10);
    expect(await page.evaluate<string[]>('window.__frameworkErrors')).toEqual([]);
  });

  test('re-paints the names in the text it rendered last, with no stale ranges', async () => {
    await page.evaluate('window.__frameworkPause()');
    await waitForSettled(page, { timeoutMs: 10_000 });
    const report = await probe<{ nodes: Array<{ text: string; painted: string[] }>; ranges: string[]; kbTexts: string[] }>(
      page,
      `(() => {
        const out = { nodes: [], ranges: [], kbTexts: [] };
        const nodes = [document.getElementById('headline'), document.getElementById('summary'), ...document.querySelectorAll('#feed li')]
          .map((el) => el.firstChild).filter(Boolean);
        const all = [...CSS.highlights.keys()].filter((k) => k.startsWith('libya-lens') && k !== 'libya-lens-focus')
          .flatMap((k) => [...CSS.highlights.get(k)].map((r) => ({ k, r, live: P.toRange(r), text: P.textOf(r) })));
        for (const node of nodes) {
          out.nodes.push({ text: node.data, painted: all.filter(({ r }) => r.startContainer === node).map(({ k, text }) => k + ':' + text) });
        }
        out.ranges = all.filter(({ r, live }) => !r.startContainer.isConnected || !live || live.collapsed).map(({ k, text }) => k + ':' + text);
        out.kbTexts = all.filter(({ k }) => k === 'libya-lens-actor' || k === 'libya-lens-location').map(({ text }) => text);
        return out;
      })()`,
    );
    expect(report.ranges, 'ranges left on removed or rewritten text').toEqual([]);
    // A range kept across an in-place text update would now cover other text: every KB range must still read
    // as a KB name, judged by the extension's own matcher (it folds "al-", "airbase", case…).
    const readsAsName = await kbNameOracle();
    expect(report.kbTexts.filter((t) => !readsAsName(t))).toEqual([]);
    const missing: string[] = [];
    for (const name of FRAMEWORK_NAMES) {
      if (!kbEntryFor(name.kb, name.kind)) continue;
      for (const node of report.nodes) {
        if (!new RegExp(`\\b${name.text}\\b`).test(node.text)) continue;
        // Any kind: "Misrata brigades" is an armed group that contains a place name.
        if (!node.painted.some((p) => p.split(':').slice(1).join(':').includes(name.text))) missing.push(`"${name.text}" in "${node.text}"`);
      }
    }
    expect(missing).toEqual([]);
    expect(await page.evaluate<string[]>('window.__frameworkCheck()')).toEqual([]);
  });

  test('still works after it resumes', async () => {
    await page.evaluate('window.__frameworkResume()');
    await sleep(2500);
    expect(await page.evaluate<string[]>('window.__frameworkErrors')).toEqual([]);
    await page.close();
  });
});

describe('ticker page (lib/highlight: no feedback loops)', () => {
  test('work stays bounded while text changes 10×/s and stops once the ticker stops', async () => {
    const page = await chromium.context.newPage();
    await page.goto(server.url('ticker-page.html'));
    await sleep(500);
    const start = await measureStats(page);
    const t0 = Date.now();
    await sleep(4000);
    const during = await measureStats(page);
    const wall = Date.now() - t0;
    const share = (during.total - start.total) / wall;
    console.log(`[chromium] ticker: ${during.count - start.count} measures, ${(during.total - start.total).toFixed(1)} ms in ${wall} ms (${(share * 100).toFixed(1)}%), max ${during.max.toFixed(1)} ms`);
    expect(share, 'share of wall time spent in libya-lens:highlight while ticking').toBeLessThan(0.5);
    await page.evaluate('window.__stopTicker()');
    // It may finish pending work (a debounce, a late NER answer), but must then stop for good.
    const stoppedAt = Date.now();
    let last = await measureStats(page);
    let quietSince = Date.now();
    while (Date.now() - quietSince < 3000) {
      expect(Date.now() - stoppedAt, `still measuring 12 s after the ticker stopped (${last.count} measures)`).toBeLessThan(12_000);
      await sleep(250);
      const now = await measureStats(page);
      if (now.count !== last.count) quietSince = Date.now();
      last = now;
    }
    console.log(`[chromium] ticker: quiet ${((quietSince - stoppedAt) / 1000).toFixed(1)} s after it stopped`);
    await page.close();
  });
});
