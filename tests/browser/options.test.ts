// The options page in real headless Chromium with the built extension: a name added to the watchlist is
// painted on a page already open in another tab, and hiding a category group takes its names off that
// page, both without a reload. Failures name the owner: entrypoints/options + lib/ui/options-*.ts (the
// page), lib/settings (storage and the reader's recognizer), entrypoints/content (the live repaint).
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildDir } from './build.mjs';
import { readStoredClips } from './clips.mjs';
import { artifact, kbAliasSet, norm, readHighlights, rangesWith, waitFor, waitForSettled, type HighlightInfo } from './helpers';
import { launchChromium, type LaunchedChromium } from './launch.mjs';
import { startServer, type FixtureServer } from './server.mjs';

// The service worker's chrome.* API, as far as this file uses it.
declare const chrome: {
  runtime: { getManifest(): { options_ui?: { page: string; open_in_tab?: boolean } } };
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
};

/** A watched actor the knowledge base does not know (checked below), and a foreign state it does. */
const WATCHED = { name: 'Abu Bakr al-Zawi', alias: 'Zawi' };
const FOREIGN = 'Turkey';
const PLACE = 'Tripoli';
const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Clashes south of Tripoli</title></head>
<body><article>
<h1>Clashes south of Tripoli</h1>
<p data-testid="lead">${WATCHED.name}, a commander whose men hold the airport road, met envoys from ${FOREIGN} in ${PLACE} on Monday.</p>
<p data-testid="follow-up">Later that day ${WATCHED.alias} told reporters that ${FOREIGN} had offered no guarantees.</p>
</article></body></html>`;

let server: FixtureServer;
let chromium: LaunchedChromium;
let article: Page;
let options: Page;

beforeAll(async () => {
  server = await startServer({ pages: { '/watchlist-article.html': ARTICLE } });
  chromium = await launchChromium({ extensionDir: buildDir('chrome') });
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
});

const kbTexts = (highlights: HighlightInfo[], kind: 'actor' | 'location', text: string) =>
  rangesWith(highlights, kind, text).filter((r) => r.where === 'document' && !r.forbidden).map((r) => r.text);

describe('options page (entrypoints/options, lib/ui/options-view.ts)', () => {
  test('is declared as options_ui, opened in a tab', async () => {
    const manifest = await chromium.worker!.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.options_ui).toMatchObject({ page: 'options.html', open_in_tab: true });
  });

  test('the watched name is not in the knowledge base (else this test proves nothing)', () => {
    const aliases = kbAliasSet();
    expect(aliases.has(norm(WATCHED.name))).toBe(false);
    expect(aliases.has(norm(WATCHED.alias))).toBe(false);
    expect(aliases.has(norm(FOREIGN))).toBe(true);
  });

  test('opens as a tab with its three sections', async () => {
    article = await chromium.context.newPage();
    await article.goto(server.url('watchlist-article.html'));
    await waitForSettled(article, { timeoutMs: 30_000 });
    // Set once: still there at the end means the page was never reloaded.
    await article.evaluate('window.__notReloaded = true');

    options = await chromium.context.newPage();
    await options.goto(`chrome-extension://${chromium.extensionId}/options.html`);
    await options.getByRole('heading', { name: 'Your watchlist', exact: true }).waitFor({ timeout: 10_000 });
    expect(await options.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual([
      'Your watchlist',
      'Highlight categories',
      'Sites where highlighting is off',
    ]);
  });

  test('before: the foreign state is painted, the watched name is not painted as a known actor', async () => {
    const highlights = await readHighlights(article);
    expect(kbTexts(highlights, 'actor', FOREIGN).length, `"${FOREIGN}" under libya-lens-actor`).toBe(2);
    expect(kbTexts(highlights, 'actor', WATCHED.name)).toEqual([]);
  });

  test('adding a name to the watchlist paints it on the open tab without a reload', async () => {
    // An empty save first: the form says what is missing, next to the field.
    await options.getByRole('button', { name: 'Add to watchlist' }).click();
    const name = options.getByLabel('Name', { exact: true });
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    expect(await options.locator('#watch-name-msg').innerText()).toBe('Enter the name to highlight.');

    await name.fill(WATCHED.name);
    await options.getByLabel('Other spellings').fill(WATCHED.alias);
    await options.getByLabel(/^Note/).fill('Commander on the airport road');
    await options.keyboard.press('Tab');
    await options.getByRole('button', { name: 'Add to watchlist' }).click();
    await options.locator(`.watch-entry .watch-name`, { hasText: WATCHED.name }).waitFor({ timeout: 5000 });
    const stored = await chromium.worker!.evaluate(() => chrome.storage.local.get('watchlist'));
    expect(stored.watchlist).toEqual([expect.objectContaining({ name: WATCHED.name, kind: 'actor', aliases: [WATCHED.alias] })]);
    await options.screenshot({ path: artifact('options-light.png'), fullPage: true });

    const painted = await waitFor(
      async () => {
        const highlights = await readHighlights(article);
        const full = kbTexts(highlights, 'actor', WATCHED.name);
        const alias = kbTexts(highlights, 'actor', WATCHED.alias).filter((text) => norm(text) === norm(WATCHED.alias));
        return full.length && alias.length ? { full, alias } : undefined;
      },
      `"${WATCHED.name}" and "${WATCHED.alias}" painted under libya-lens-actor on the open tab`,
      15_000,
    );
    expect(painted.full).toEqual([WATCHED.name]);
    expect(await article.evaluate('window.__notReloaded')).toBe(true);
  });

  test('hiding "Foreign states & forces" takes the foreign state off the open tab, and showing it brings it back', async () => {
    const foreign = options.getByRole('checkbox', { name: 'Foreign states & forces' });
    expect(await foreign.isChecked()).toBe(true);
    await foreign.click();
    await waitFor(
      async () => kbTexts(await readHighlights(article), 'actor', FOREIGN).length === 0,
      `"${FOREIGN}" no longer painted after hiding its group`,
      15_000,
    );
    const stored = await chromium.worker!.evaluate(() => chrome.storage.local.get('hiddenCategories'));
    expect(stored.hiddenCategories).toEqual(['foreign']);
    const highlights = await readHighlights(article);
    expect(kbTexts(highlights, 'location', PLACE).length, `"${PLACE}" stays painted`).toBeGreaterThan(0);
    expect(kbTexts(highlights, 'actor', WATCHED.name)).toEqual([WATCHED.name]);

    await options.emulateMedia({ colorScheme: 'dark' });
    await options.screenshot({ path: artifact('options-dark.png'), fullPage: true });
    await options.emulateMedia({ colorScheme: 'light' });

    await foreign.click();
    await waitFor(
      async () => kbTexts(await readHighlights(article), 'actor', FOREIGN).length === 2,
      `"${FOREIGN}" painted again after showing its group`,
      15_000,
    );
    expect(await article.evaluate('window.__notReloaded')).toBe(true);
  });

  test('a paragraph clipped on that tab names the watched actor in the stored record', async () => {
    await article.bringToFront();
    await article.hover('[data-testid=lead]', { position: { x: 40, y: 8 } });
    const button = article.getByRole('button', { name: 'Clip to timeline' });
    await button.waitFor({ state: 'visible', timeout: 5000 });
    await button.click();
    const [clip] = await waitFor(async () => {
      const clips = await readStoredClips(chromium.worker!);
      return clips.length === 1 ? clips : undefined;
    }, 'the clip stored');
    const watched = clip!.entities.find((entity) => entity.name === WATCHED.name);
    expect(watched).toMatchObject({ kind: 'actor', id: expect.stringMatching(/^watch-/) });
    expect(watched!.mentions).toBe(1);
    await options.bringToFront();
  });

  test('removing the name takes it off the open tab', async () => {
    await options.getByRole('button', { name: `Remove ${WATCHED.name}` }).click();
    await waitFor(
      async () => kbTexts(await readHighlights(article), 'actor', WATCHED.name).length === 0,
      `"${WATCHED.name}" no longer painted as a known actor after removing it`,
      15_000,
    );
    expect(await options.getByText('Nothing on your watchlist yet.').isVisible()).toBe(true);
  });
});
