// Clipping in real headless Chromium: the "Clip to timeline" button on a paragraph, a selection, the context
// menu's and the keyboard command's path, the record the background stores in IndexedDB, duplicates refused,
// markers restored on a later visit and after a browser restart. Areas: lib/ui (button, toast, markers),
// lib/capture (what is captured), lib/extraction (the record), lib/storage (IndexedDB), entrypoints.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ClipRecord } from '../../lib/extraction/types';
import { buildDir } from './build.mjs';
import { readStoredClips } from './clips.mjs';
import { sleep, waitFor } from './helpers';
import { launchChromium, type LaunchedChromium } from './launch.mjs';
import { startServer, type FixtureServer } from './server.mjs';

// The service worker's chrome.* API, as far as these tests use it (worker.evaluate bodies run there).
declare const chrome: {
  tabs: {
    query(query: { active?: boolean; lastFocusedWindow?: boolean }): Promise<Array<{ id?: number }>>;
    sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
  };
  contextMenus: { update(id: string, properties: Record<string, unknown>): Promise<void> };
  commands: { getAll(): Promise<Array<{ name?: string; shortcut?: string }>> };
};

let server: FixtureServer;
let chromium: LaunchedChromium;
let profile: string;

beforeAll(async () => {
  server = await startServer();
  profile = mkdtempSync(join(tmpdir(), 'libya-lens-clip-profile-'));
  chromium = await launchChromium({ extensionDir: buildDir('chrome'), profile });
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

/** Every stored clip, read in the service worker straight from IndexedDB (not through our own code). */
const readClips = (sw: Worker): Promise<ClipRecord[]> => readStoredClips(sw);

async function worker(): Promise<Worker> {
  return chromium.context.serviceWorkers()[0] ?? (await chromium.context.waitForEvent('serviceworker'));
}

async function openArticle(): Promise<Page> {
  const page = await chromium.context.newPage();
  await page.goto(server.url('clip-article.html'));
  await page.waitForFunction('window.__lateParagraphInserted === true');
  // The button is offered on pages with Libyan names: wait until the highlighter has found them.
  await page.waitForFunction("CSS.highlights.has('libya-lens-actor')", undefined, { timeout: 20_000 });
  return page;
}

const toastText = (page: Page) => page.getByTestId('libya-lens-toast').innerText();
const clippedRanges = (page: Page) =>
  page.evaluate(() => {
    const highlight = CSS.highlights.get('libya-lens-clipped');
    return highlight ? [...highlight].map((range) => (range as Range).toString().replace(/\s+/g, ' ').trim()) : [];
  });

/**
 * What the background sends when the context-menu item is clicked or the command key pressed: the browser's
 * own menu and shortcut cannot be driven in headless Chromium, so the test sends the same message itself.
 */
async function sendToPage(page: Page, method: 'context-menu' | 'keyboard') {
  await page.bringToFront();
  return (await worker()).evaluate(async (how) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.tabs.sendMessage(tab!.id!, { type: 'ui/clip', payload: { method: how } }, { frameId: 0 });
  }, method);
}

async function clipByButton(page: Page, selector: string) {
  await page.hover(selector, { position: { x: 40, y: 8 } });
  const button = page.getByRole('button', { name: 'Clip to timeline' });
  await button.waitFor({ state: 'visible', timeout: 5000 });
  await button.click();
}

describe('clipping (lib/ui, lib/capture, lib/extraction, lib/storage)', () => {
  let page: Page;
  let stored: ClipRecord;

  beforeAll(async () => {
    page = await openArticle();
  });

  test('hovering a paragraph shows "Clip to timeline"; clicking it stores the annotated record', async () => {
    await clipByButton(page, '#p-shelling');
    await waitFor(async () => (await toastText(page)).includes('Clipped to your timeline'), 'toast after the clip');
    const clips = await waitFor(async () => {
      const all = await readClips(await worker());
      return all.length === 1 ? all : undefined;
    }, 'one record in IndexedDB');
    stored = clips[0]!;
    expect(stored.text).toMatch(/^Forces loyal to Khalifa Haftar shelled Mitiga airport in Tripoli on Saturday night/);
    expect(stored.method).toBe('button');
    expect(stored.article).toMatchObject({
      url: server.url('clip-article.html'),
      title: "GNA says Haftar's forces shelled Mitiga airport",
      outlet: 'The Maghreb Ledger',
      author: 'Amira Salem',
      publishedDay: '2020-05-18',
    });
    // Published Monday 18 May 2020: "on Saturday night" is the 16th, known to the day.
    expect(stored.eventDate).toMatchObject({ day: '2020-05-16', precision: 1, method: 'expression' });
    expect(stored.event).toMatchObject({ eventType: 'Explosions/Remote violence', subEventType: 'Shelling/artillery/missile attack' });
    expect(stored.actor1?.entityId).toBe('actor:libyan-national-army');
    expect(stored.location?.entityId).toBe('place:mitiga-airport');
    expect(stored.fatalities.count).toBe(3);
    expect(stored.entities.map((e) => e.id)).toEqual(expect.arrayContaining(['actor:khalifa-haftar', 'place:tripoli']));
    const quote = stored.selectors.find((s) => s.type === 'TextQuoteSelector');
    expect(quote && 'exact' in quote ? quote.exact.replace(/\s+/g, ' ') : '').toBe(stored.text);
    expect(stored.selectors.some((s) => s.type === 'TextPositionSelector')).toBe(true);
    expect(await clippedRanges(page)).toEqual([stored.text]);
  });

  test('clipping the same paragraph again says it is already on the timeline and stores nothing', async () => {
    await page.mouse.move(5, 5);
    await sleep(600);
    await clipByButton(page, '#p-shelling');
    await waitFor(async () => (await toastText(page)).includes('Already on your timeline'), 'duplicate toast');
    expect((await readClips(await worker())).length).toBe(1);
    const button = page.getByRole('button', { name: 'Clip to timeline' });
    expect(await button.getAttribute('data-state')).toBe('clipped');
  });

  test('the keyboard reaches the button: Tab from the paragraph\'s last link, Enter clips, Tab goes on', async () => {
    await page.mouse.move(5, 5);
    await page.focus('#p-shelling a');
    await page.keyboard.press('Tab');
    const deepActive = () =>
      page.evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el ? el.getAttribute('aria-label') ?? el.id : null;
      });
    expect(await deepActive()).toBe('Clip to timeline');
    await page.keyboard.press('Enter');
    await waitFor(async () => (await toastText(page)).includes('Already on your timeline'), 'the clip by Enter');
    await page.keyboard.press('Tab');
    // The next stop after the paragraph in the page's own order (the pull quote has none; the comments have).
    expect(await deepActive()).not.toBe('Clip to timeline');
    expect(await page.evaluate(() => document.activeElement?.closest('libya-lens-ui'))).toBeNull();
  });

  test('a selection is clipped with its paragraph as context, and the attribution is read', async () => {
    await page.evaluate(() => {
      const p = document.getElementById('p-jets')!;
      const range = document.createRange();
      range.selectNodeContents(p);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const button = page.getByRole('button', { name: 'Clip to timeline' });
    await waitFor(async () => (await button.isVisible()) && (await button.getAttribute('data-state')) === 'ready', 'button at the selection');
    await button.click();
    const record = await waitFor(
      async () => (await readClips(await worker())).find((r) => r.text.startsWith('Unidentified fighter jets')),
      'the selection record',
    );
    expect(record.method).toBe('selection');
    expect(record.event.subEventType).toBe('Air/drone strike');
    expect(record.location?.entityId).toBe('place:watiya-air-base');
    expect(record.attribution.perpetrator).toBe('unidentified');
    expect(record.attribution.statements.map((s) => s.stance).sort()).toEqual(['alleged', 'claimed']);
    expect(record.attribution.statements.find((s) => s.stance === 'claimed')?.by.entityId).toBe('actor:libyan-national-army');
  });

  test('the context menu item exists, and its message clips the selection in the page', async () => {
    const sw = await worker();
    // update() rejects for an id that was never created.
    await sw.evaluate(() => chrome.contextMenus.update('libya-lens-clip-selection', {}));
    await page.evaluate(() => {
      const text = document.getElementById('p-talks')!.firstChild!;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, 80);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const answer = await sendToPage(page, 'context-menu');
    expect(answer).toEqual({ status: 'stored' });
    const record = (await readClips(sw)).find((r) => r.method === 'context-menu');
    expect(record?.selection).toMatch(/^Delegates of the 5\+5 Joint Military Commission will meet/);
    // "will meet … on Friday": a future sentence, so the next Friday after Monday 18 May.
    expect(record?.eventDate.day).toBe('2020-05-22');
  });

  test('the keyboard command is declared, and its message clips the paragraph that has focus', async () => {
    const sw = await worker();
    const commands = await sw.evaluate(() => chrome.commands.getAll());
    expect(commands.find((c) => c.name === 'clip-selection')?.shortcut).toBe('Alt+Shift+K');
    await page.evaluate(() => getSelection()!.removeAllRanges());
    await page.mouse.move(5, 5);
    // A paragraph without links is not focusable: the test gives it a tabindex, as caret-browsing would.
    await page.evaluate(() => {
      const p = document.getElementById('p-background')!;
      p.tabIndex = -1;
      p.focus();
    });
    const answer = await sendToPage(page, 'keyboard');
    expect(answer).toEqual({ status: 'stored' });
    const record = (await readClips(sw)).find((r) => r.method === 'keyboard');
    expect(record?.text).toMatch(/^Libya has been split/);
    // Only background dates ("since 2014", "toppled in 2011"): the event date is the publication day.
    expect(record?.eventDate).toMatchObject({ day: '2020-05-18', method: 'publication' });
  });

  test('nothing is offered inside the comment textarea or the editable reply, by pointer or by focus', async () => {
    const button = page.getByRole('button', { name: 'Clip to timeline' });
    await page.click('#cookie-accept'); // the banner covers the comment box, as on real sites
    for (const field of ['#comment-box', '#comment-editor']) {
      await page.focus(field);
      await page.hover(field);
      await sleep(700);
      expect(await button.isVisible(), field).toBe(false);
    }
    // The paragraph above them still gets it: the button is refused by place, not switched off.
    await page.hover('#p-comment', { position: { x: 40, y: 8 } });
    await button.waitFor({ state: 'visible', timeout: 5000 });
  });

  test('a late paragraph can be clipped, and a later visit marks every clipped passage again', async () => {
    await clipByButton(page, '#p-late');
    await waitFor(async () => (await readClips(await worker())).some((r) => r.text.startsWith('Turkish drones')), 'late record');
    const again = await openArticle();
    const expected = (await readClips(await worker())).length;
    const marked = await waitFor(async () => {
      const ranges = await clippedRanges(again);
      return ranges.length === expected ? ranges : undefined;
    }, `${expected} clipped markers after reload`, 15_000);
    expect(marked.some((text) => text.startsWith('Turkish drones'))).toBe(true);
    await again.close();
  });

  test('clips made in two tabs at the same moment both land', async () => {
    const [a, b] = await Promise.all([openArticle(), openArticle()]);
    const before = (await readClips(await worker())).length;
    await Promise.all([clipByButton(a, '#p-talks'), clipByButton(b, '#p-comment')]);
    const clips = await waitFor(async () => {
      const all = await readClips(await worker());
      return all.length === before + 2 ? all : undefined;
    }, 'two more records');
    expect(clips.some((r) => r.text.startsWith('Delegates of the 5+5') && r.method === 'button')).toBe(true);
    expect(clips.some((r) => r.text.startsWith('Reader from Misrata'))).toBe(true);
    await Promise.all([a.close(), b.close()]);
  });

  test('records survive a browser restart with the same profile, and the markers come back', async () => {
    const before = (await readClips(await worker())).map((r) => r.id).sort();
    await chromium.close();
    chromium = await launchChromium({ extensionDir: buildDir('chrome'), profile });
    const after = (await readClips(await worker())).map((r) => r.id).sort();
    expect(after).toEqual(before);
    const reopened = await openArticle();
    await waitFor(async () => (await clippedRanges(reopened)).length === before.length, 'markers after restart', 15_000);
  });
});

// Its own browser: Chromium applies a quota override only to a storage key whose usage it has not cached yet
// (measured: in a browser that had already stored clips, writes still went through).
describe('a full disk (lib/storage outbox, lib/ui toast)', () => {
  let page: Page;

  beforeAll(async () => {
    await chromium.close();
    chromium = await launchChromium({ extensionDir: buildDir('chrome') });
    page = await openArticle();
  });

  test('a full disk is reported, the clip is kept aside, and it lands once space is back', async () => {
    const cdp = await chromium.context.newCDPSession(page);
    const origin = `chrome-extension://${chromium.extensionId}`;
    const before = (await readClips(await worker())).length;
    expect(before).toBe(0);
    try {
      // The extension's storage quota squeezed to 1 byte: IndexedDB writes fail with QuotaExceededError.
      await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
      await clipByButton(page, '#p-quote');
      let shown = '';
      await waitFor(async () => /full.*kept aside/s.test((shown = await toastText(page))), 'the quota error in the toast').catch((error) => {
        throw new Error(`${error.message}; the toast said: ${shown}`);
      });
      expect(await page.getByTestId('libya-lens-toast').getAttribute('role')).toBe('alert');
      expect((await readClips(await worker())).length).toBe(before);
    } finally {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    }
    await page.getByTestId('libya-lens-retry').click();
    await waitFor(async () => (await toastText(page)).includes('Clipped to your timeline'), 'the retried clip stored');
    const after = await readClips(await worker());
    expect(after.length).toBe(before + 1);
    expect(after.some((r) => r.text.includes('war crime'))).toBe(true);
    await page.getByRole('button', { name: 'Dismiss' }).click();
  });

});
