// `npm run demo`: builds the Chrome extension, serves the fixtures on 127.0.0.1 and opens the demo article in
// Chromium with the extension loaded. With a display the browser window stays open until you close it; without
// one ($DISPLAY and $WAYLAND_DISPLAY unset) it runs headless, saves tests/.artifacts/demo.png, prints the
// highlighted names and exits. Works offline.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildDir, ensureBuilds, ROOT } from './browser/build.mjs';
import { readStoredClips } from './browser/clips.mjs';
import { findChromium, launchChromium } from './browser/launch.mjs';
import { paintedTexts, waitForSettled } from './browser/page.mjs';
import { startServer } from './browser/server.mjs';

/** Clips one paragraph the way a reader does (hover, "Clip to timeline") and prints what was stored. */
async function demoClip(page, shot) {
  const paragraph = page.locator('article p', { hasText: 'Grad rockets fell near Maitiga airport' }).first();
  await paragraph.scrollIntoViewIfNeeded();
  await paragraph.hover({ position: { x: 30, y: 6 } });
  const button = page.getByRole('button', { name: 'Clip to timeline' });
  await button.waitFor({ state: 'visible', timeout: 5000 });
  await button.click();
  const toast = page.getByTestId('libya-lens-toast');
  await page.waitForFunction(() => {
    const el = document.querySelector('libya-lens-ui')?.shadowRoot?.querySelector('[data-testid="libya-lens-toast"]');
    return el && !el.hidden && el.dataset.status;
  });
  console.log(`\nClipped a paragraph: "${(await toast.innerText()).replace(/\s*×\s*$/, '')}"`);
  const [worker] = chrome.context.serviceWorkers();
  const records = await readStoredClips(worker);
  const r = records.sort((a, b) => a.clippedAt.localeCompare(b.clippedAt)).at(-1);
  if (r) {
    const statements = r.attribution.statements.map((s) => `${s.stance} by ${s.by.name}`).join('; ') || 'none';
    console.log(`  stored in IndexedDB as ${r.id}:`);
    console.log(`  event date ${r.eventDate.day} (precision ${r.eventDate.precision}, from "${r.eventDate.expression ?? r.eventDate.method}")`);
    console.log(`  ${r.event.eventType} / ${r.event.subEventType}; actor1 ${r.actor1?.name ?? '—'}; actor2 ${r.actor2?.name ?? '—'}`);
    console.log(`  location ${r.location?.name ?? '—'} (${r.location?.lat}, ${r.location?.lon}); fatalities ${r.fatalities.count}; attribution ${r.attribution.status} (${statements})`);
    console.log(`  source ${r.article.outlet}, ${r.article.publishedDay}: ${r.article.url}`);
  }
  await page.mouse.move(5, 5); // the button steps aside; the marker and the report stay
  await page.waitForTimeout(600); // the report's entrance animation
  await paragraph.hover({ position: { x: 4, y: 12 } }); // on "In", not on a name: no hover card over the marker
  await page.waitForTimeout(200);
  await page.screenshot({ path: shot });
  console.log(`Screenshot: ${shot}`);
}

/** The timeline's full view after the clip: what the toolbar popup shows, with room for the map. */
async function demoTimeline(context, extensionId, shot) {
  const tab = await context.newPage();
  await tab.setViewportSize({ width: 1300, height: 850 });
  await tab.goto(`chrome-extension://${extensionId}/timeline.html`);
  const status = tab.getByTestId('timeline-status');
  await tab.waitForFunction(() => /\d+ events? from \d+ clips?/.test(document.querySelector('[data-testid=timeline-status]')?.textContent ?? ''));
  console.log(`\nTimeline (the toolbar popup, here as a tab): ${await status.innerText()}`);
  // Each entry's first line is what a screen reader hears for it: the whole event in one sentence.
  for (const row of await tab.getByTestId('timeline-event').allInnerTexts()) console.log(`  ${row.split('\n')[0]}`);
  await tab.screenshot({ path: shot });
  console.log(`Screenshot: ${shot}`);
}

if (!findChromium()) {
  console.error('No Chromium found. Install Debian\'s "chromium" package (apt-get install -y chromium), or set CHROMIUM_PATH to chromium, chromium-browser or google-chrome.');
  process.exit(1);
}
ensureBuilds(['chrome']);

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const server = await startServer();
const url = server.url('demo-article.html');
const chrome = await launchChromium({ extensionDir: buildDir('chrome'), headless: !headed });
console.log(`Libya Lens ${chrome.extensionId} loaded in ${chrome.executablePath}${headed ? '' : ' (headless: no display)'}`);
console.log(`Demo article: ${url}`);

const [blank] = chrome.context.pages();
const page = blank ?? (await chrome.context.newPage());
await page.goto(url);

if (headed) {
  console.log(`Your timeline (the toolbar popup, as a tab): chrome-extension://${chrome.extensionId}/timeline.html`);
  console.log('Close the browser window to end the demo.');
  const finish = async () => {
    await chrome.close();
    await server.close();
    process.exit(0);
  };
  chrome.context.on('close', () => void finish());
  process.on('SIGINT', () => void finish());
  process.on('SIGTERM', () => void finish());
} else {
  let code = 0;
  try {
    await page.waitForFunction('window.__lateUpdateInserted === true');
    const count = await waitForSettled(page, { timeoutMs: 30_000, allowEmpty: true });
    const dir = join(ROOT, 'tests/.artifacts');
    mkdirSync(dir, { recursive: true });
    const shot = join(dir, 'demo.png');
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: shot });
    const painted = await paintedTexts(page);
    console.log(`\n${count} highlighted ranges. Names by highlight:`);
    for (const [name, texts] of Object.entries(painted)) console.log(`  ${name}: ${texts.join(', ') || '(none)'}`);
    if (!count) console.log('  (nothing highlighted: is the content script built and matching http pages?)');
    console.log(`\nScreenshot: ${shot}`);
    await demoClip(page, join(dir, 'demo-clip.png'));
    await demoTimeline(chrome.context, chrome.extensionId, join(dir, 'demo-timeline.png'));
  } catch (error) {
    console.error(error);
    code = 1;
  } finally {
    await chrome.close();
    await server.close();
  }
  process.exit(code);
}
