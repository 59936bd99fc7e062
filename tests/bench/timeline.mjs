// The timeline with 10,000 clippings, in headless Chromium with the extension loaded (part of `npm run bench`;
// BENCH_ONLY=timeline runs it alone). Figures only, no thresholds:
//   (a) popup open → first timeline paint, and → every clip loaded; reference: painting all 10,000 rows without
//       virtualisation (one element per event, in the same popup page);
//   (b) filter response: search keystrokes and a facet choice, the view's own render measure; reference: a naive
//       filter (lower-cased JSON of each record, `includes`) over the same records;
//   (c) export time for everything, per format (the view's libya-lens:export:* measures); reference: one
//       JSON.stringify of the same records.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDir, ROOT } from '../browser/build.mjs';
import { launchChromium } from '../browser/launch.mjs';

const ms = (value) => (value === undefined || Number.isNaN(value) ? '—' : `${value.toFixed(1)} ms`);
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : NaN;
};

const OUTLETS = ['Reuters', 'Al Jazeera', 'Libya Observer', 'Libya Herald', 'AFP', 'Associated Press', 'The National', 'Middle East Eye', 'BBC News', 'Asharq Al-Awsat', 'Al-Wasat', 'Anadolu Agency'];
const TYPES = [
  ['Political violence', 'Explosions/Remote violence', 'Air/drone strike', 'Drones struck positions near {place} on {weekday}, killing {n} fighters, according to a military source.'],
  ['Political violence', 'Explosions/Remote violence', 'Shelling/artillery/missile attack', 'Rockets fell on residential areas of {place} overnight, wounding several civilians, witnesses said.'],
  ['Political violence', 'Battles', 'Armed clash', 'Heavy clashes broke out between rival armed groups in {place} on {weekday}, leaving {n} dead.'],
  ['Political violence', 'Violence against civilians', 'Abduction/forced disappearance', 'Gunmen abducted a municipal official in {place} on {weekday}, his family said.'],
  ['Demonstrations', 'Protests', 'Peaceful protest', 'Hundreds protested in {place} on {weekday} against power cuts and fuel shortages.'],
  ['Strategic developments', 'Strategic developments', 'Agreement', 'Delegations met in {place} on {weekday} and agreed to reopen the coastal road.'],
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** 10,000 complete, valid clip records spread over 60 places, 6 types, 12 outlets and ~7 years. */
export function generateRecords(total) {
  const places = JSON.parse(readFileSync(join(ROOT, 'lib/kb/data/places.json'), 'utf8')).slice(0, 60);
  const records = [];
  for (let i = 0; i < total; i++) {
    const place = places[(i * 7) % places.length];
    const [disorderType, eventType, subEventType, sentence] = TYPES[(i * 5) % TYPES.length];
    const outlet = OUTLETS[(i * 11) % OUTLETS.length];
    const day = new Date(Date.UTC(2014, 0, 1) + ((i * 37) % 2600) * 86_400_000).toISOString().slice(0, 10);
    const text = `${sentence.replace('{place}', place.name).replace('{weekday}', WEEKDAYS[i % 7]).replace('{n}', String(2 + (i % 9)))} (report ${i})`;
    const url = `https://news-${(i * 11) % OUTLETS.length}.example/libya/${day}/${i}`;
    const id = `clip-${(0x1000000000000 + i * 7919).toString(16).padStart(16, '0')}`;
    const at = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
    records.push({
      id,
      version: 1,
      text,
      article: { url, pageUrl: url, title: `Libya: ${subEventType} in ${place.name}`, outlet, publishedDay: day, published: `${day}T09:00:00Z`, publishedFrom: 'meta', language: 'en' },
      clippedAt: at,
      updatedAt: at,
      method: 'button',
      eventDate: { day, precision: 1, method: 'publication', reference: day },
      event: { disorderType, eventType, subEventType, civilianTargeting: eventType === 'Violence against civilians' },
      actor1: { name: 'Unidentified Armed Group (Libya)', inter: 3 },
      assocActors1: [],
      assocActors2: [],
      location: { name: place.name, entityId: place.id, admin1: place.admin1, lat: place.lat, lon: place.lon, geoPrecision: 1 },
      fatalities: { count: i % 4 },
      attribution: { perpetrator: 'unidentified', statements: [], status: 'unknown' },
      entities: [{ id: place.id, name: place.name, kind: 'location', category: place.category, source: 'kb', mentions: 1, lat: place.lat, lon: place.lon }],
      selectors: [{ type: 'TextQuoteSelector', exact: text, prefix: '', suffix: '' }],
    });
  }
  return records;
}

async function popupPage(lens) {
  const page = await lens.context.newPage();
  await page.goto(`chrome-extension://${lens.extensionId}/popup.html`);
  return page;
}

/** Navigation start → the view's marks, read in the page. */
async function openTimings(page) {
  await page.waitForFunction(() => performance.getEntriesByName('libya-lens:timeline:loaded').length > 0, undefined, { timeout: 120_000 });
  return page.evaluate(() => ({
    firstPaint: performance.getEntriesByName('libya-lens:timeline:first-paint')[0]?.startTime,
    loaded: performance.getEntriesByName('libya-lens:timeline:loaded')[0]?.startTime,
    rows: document.querySelectorAll('[data-testid=timeline-event]').length,
    status: document.querySelector('[data-testid=timeline-status]')?.textContent,
  }));
}

/** Every clip, paged through the worker as the view reads them; kept in the page for the references. */
async function readAllInPage(page) {
  return page.evaluate(async () => {
    const clips = [];
    let afterDay;
    do {
      const answer = await chrome.runtime.sendMessage({ type: 'clips/list', payload: { afterDay, limit: 2500 } });
      clips.push(...answer.clips);
      afterDay = answer.next;
    } while (afterDay);
    window.__benchClips = clips;
    return clips.length;
  });
}

/** The reference: every event as an element, all at once, laid out (what a list without virtualisation does). */
async function naiveRender(page) {
  return page.evaluate(async () => {
    const answer = { clips: window.__benchClips };
    const t0 = performance.now();
    const box = document.createElement('div');
    for (const clip of answer.clips) {
      const row = document.createElement('article');
      row.className = 'tl-event';
      for (const text of [clip.eventDate.day, clip.event.subEventType, clip.location?.name ?? '', clip.text, clip.article.outlet]) {
        const part = document.createElement('div');
        part.textContent = text;
        row.append(part);
      }
      box.append(row);
    }
    document.body.append(box);
    void box.offsetHeight;
    const elapsed = performance.now() - t0;
    box.remove();
    return { elapsed, rows: answer.clips.length };
  });
}

async function filterTimings(page) {
  const renders = async (action) => {
    const before = await page.evaluate(() => performance.getEntriesByName('libya-lens:timeline:render').length);
    await action();
    await page.waitForFunction((n) => performance.getEntriesByName('libya-lens:timeline:render').length > n, before);
    return page.evaluate((n) => performance.getEntriesByName('libya-lens:timeline:render').slice(n).reduce((s, e) => s + e.duration, 0), before);
  };
  const search = page.getByTestId('timeline-search');
  const out = [];
  for (const query of ['t', 'tr', 'tri', 'trip', 'tripoli', '"armed clash"', 'drones sirte', 'zzzz', '']) {
    out.push({ what: `search ${JSON.stringify(query)}`, ms: await renders(() => search.fill(query)) });
  }
  const places = page.getByTestId('timeline-filter-places');
  const value = await places.locator('option').nth(1).getAttribute('value');
  out.push({ what: 'place facet', ms: await renders(() => places.selectOption(value)) });
  out.push({ what: 'clear', ms: await renders(() => page.getByTestId('timeline-clear').click()) });
  const naive = await page.evaluate(async () => {
    const answer = { clips: window.__benchClips };
    const t0 = performance.now();
    const hits = answer.clips.filter((clip) => JSON.stringify(clip).toLowerCase().includes('tripoli')).length;
    return { elapsed: performance.now() - t0, hits };
  });
  return { out, naive };
}

async function exportTimings(page) {
  const out = {};
  for (const [format, label] of [['csv', 'Export CSV'], ['json', 'Export JSON'], ['md', 'Export Markdown'], ['geojson', 'Export GeoJSON']]) {
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
    out[format] = await page.evaluate((name) => performance.getEntriesByName(name).at(-1)?.duration, `libya-lens:export:${format}`);
  }
  const reference = await page.evaluate(async () => {
    const answer = { clips: window.__benchClips };
    const t0 = performance.now();
    const text = JSON.stringify(answer.clips);
    return { elapsed: performance.now() - t0, bytes: text.length };
  });
  return { out, reference };
}

export async function timelineBench({ total = 10_000, rounds = 3, table }) {
  const profile = mkdtempSync(join(tmpdir(), 'libya-lens-timeline-bench-'));
  const lens = await launchChromium({ extensionDir: buildDir('chrome'), profile });
  try {
    console.log(`\n── timeline (${total.toLocaleString('en')} clippings) ──`);
    const setup = await popupPage(lens);
    const records = generateRecords(total);
    const imported = await setup.evaluate(async (batch) => chrome.runtime.sendMessage({ type: 'clips/import', payload: { records: batch } }), records);
    if (!imported || 'error' in imported) throw new Error(`import failed: ${JSON.stringify(imported)}`);
    console.log(`imported: ${JSON.stringify(imported)}`);
    await setup.close();

    const opens = [];
    let page;
    for (let round = 0; round < rounds; round++) {
      page = await popupPage(lens);
      opens.push(await openTimings(page));
      if (round < rounds - 1) await page.close();
    }
    await readAllInPage(page);
    const naive = await naiveRender(page);
    const filters = await filterTimings(page);
    const exports = await exportTimings(page);
    console.log(`after load: ${opens.at(-1).status}; ${opens.at(-1).rows} event rows in the DOM`);
    console.log(
      '\n' +
        table(
          ['', 'Libya Lens', 'reference, same run'],
          [
            [`popup open → first timeline paint (median of ${rounds})`, ms(median(opens.map((o) => o.firstPaint))), `${ms(naive.elapsed)} to build and lay out all ${naive.rows.toLocaleString('en')} rows`],
            [`popup open → all ${total.toLocaleString('en')} loaded and grouped`, ms(median(opens.map((o) => o.loaded))), '—'],
            ...filters.out.map((f, i) => [`filter: ${f.what}`, ms(f.ms), i === 4 ? `${ms(filters.naive.elapsed)} naive filter ("tripoli", ${filters.naive.hits} hits)` : '']),
            ...Object.entries(exports.out).map(([format, value], i) => [`export everything: ${format}`, ms(value), i === 0 ? `${ms(exports.reference.elapsed)} JSON.stringify (${(exports.reference.bytes / 1e6).toFixed(1)} MB)` : '']),
          ],
        ),
    );
    return { opens, filters, exports, naive };
  } finally {
    await lens.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
