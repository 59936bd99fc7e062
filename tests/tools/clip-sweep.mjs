// `node tests/tools/clip-sweep.mjs [dir]`: an optional sweep over real saved news pages (by default
// ../shared/corpus/libya-articles/html, which is not part of this repository). Each page is served from
// 127.0.0.1 and opened in headless Chromium with the extension; the first paragraphs that name Libyan actors
// or places are clipped through the real button, and the stored records are printed for a reader to judge:
// publication day, event date, event type, actors, place, attribution. Nothing is asserted: this is for eyes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildDir, ensureBuilds, ROOT } from '../browser/build.mjs';
import { readStoredClips } from '../browser/clips.mjs';
import { launchChromium } from '../browser/launch.mjs';
import { startServer } from '../browser/server.mjs';

const dir = resolve(process.argv[2] ?? join(ROOT, '../shared/corpus/libya-articles/html'));
const perPage = Number(process.env.CLIPS_PER_PAGE ?? 3);
if (!existsSync(dir)) {
  console.error(`No corpus at ${dir}`);
  process.exit(1);
}
ensureBuilds(['chrome']);

const files = readdirSync(dir).filter((f) => f.endsWith('.html'));
const pages = Object.fromEntries(files.map((f) => [`/${f}`, readFileSync(join(dir, f), 'utf8')]));
const server = await startServer({ pages });
const lens = await launchChromium({ extensionDir: buildDir('chrome') });

const readAll = () => readStoredClips(lens.worker);

try {
  for (const file of files) {
    const page = await lens.context.newPage();
    try {
      await page.goto(server.url(file), { waitUntil: 'load', timeout: 30_000 });
      await page.waitForFunction("CSS.highlights.has('libya-lens-actor') || CSS.highlights.has('libya-lens-location')", undefined, { timeout: 15_000 });
    } catch {
      console.log(`\n${file}: no Libyan names painted, skipped`);
      await page.close();
      continue;
    }
    // Paragraphs holding a painted name, in page order.
    const ids = await page.evaluate((max) => {
      const names = ['libya-lens-actor', 'libya-lens-location'].flatMap((n) => [...(CSS.highlights.get(n) ?? [])]);
      const seen = new Set();
      const out = [];
      for (const p of document.querySelectorAll('p')) {
        if ((p.textContent ?? '').trim().length < 80) continue;
        if (!names.some((r) => p.contains(r.startContainer))) continue;
        if (seen.has(p)) continue;
        seen.add(p);
        out.push([...document.querySelectorAll('p')].indexOf(p));
        if (out.length >= max) break;
      }
      return out;
    }, perPage);
    const before = new Set((await readAll()).map((r) => r.id));
    for (const index of ids) {
      const paragraph = page.locator('p').nth(index);
      try {
        await paragraph.scrollIntoViewIfNeeded({ timeout: 3000 });
        await paragraph.hover({ position: { x: 10, y: 5 }, timeout: 3000, force: true });
        const button = page.getByRole('button', { name: 'Clip to timeline' });
        await button.waitFor({ state: 'visible', timeout: 3000 });
        await button.click({ timeout: 3000 });
        await page.waitForTimeout(400);
      } catch (error) {
        console.log(`  (paragraph ${index}: ${String(error.message).split('\n')[0]})`);
      }
    }
    const records = (await readAll()).filter((r) => !before.has(r.id)).sort((a, b) => a.clippedAt.localeCompare(b.clippedAt));
    console.log(`\n${file}: ${records.length} clipped`);
    for (const r of records) {
      const who = [r.actor1?.name, r.actor2?.name].map((n) => n ?? '—').join(' → ');
      const said = r.attribution.statements.map((s) => `${s.stance}:${s.by.name}`).join(', ');
      console.log(`  · ${r.article.outlet} | published ${r.article.publishedDay ?? '?'} (${r.article.publishedFrom ?? 'none'})`);
      console.log(`    event ${r.eventDate.day} p${r.eventDate.precision} ${r.eventDate.method}${r.eventDate.expression ? ` "${r.eventDate.expression}"` : ''}`);
      console.log(`    ${r.event.subEventType} | ${who} | ${r.location?.name ?? '—'} | dead ${r.fatalities.count} | ${r.attribution.status}${said ? ` (${said})` : ''}`);
      console.log(`    "${r.text.slice(0, 150)}${r.text.length > 150 ? '…' : ''}"`);
    }
    await page.close();
  }
} finally {
  await lens.close();
  await server.close();
}
