// Clipping figures for `npm run bench`, each next to a reference measured in the same browser and run:
//
//   (d) click to stored record, over 200 clips of distinct paragraphs: the content script's
//       libya-lens:clip measures (capture, message, annotation, IndexedDB commit, reply), median and p95;
//       reference: a bare message round trip to the worker that reads the clip count (clips/count).
//   (e) inserting 10,000 records through the background (clips/import: one message, one transaction,
//       duplicate check per record); reference: a raw IndexedDB put of the same records into a store with the
//       same indexes, in one transaction from an extension page, no message and no checks.
import { buildDir } from '../browser/build.mjs';
import { launchChromium } from '../browser/launch.mjs';
import { waitForSettled } from '../browser/page.mjs';

const ms = (value) => (value === undefined || Number.isNaN(value) ? '—' : `${value.toFixed(1)} ms`);
const quantile = (xs, q) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

const PLACES = ['Tripoli', 'Misrata', 'Sirte', 'Benghazi', 'Derna', 'Gharyan', 'Tarhuna', 'Zawiya', 'Sabha', 'Ajdabiya', 'Brega', 'Ras Lanuf'];
const ACTORS = ['Forces loyal to Khalifa Haftar', 'The Government of National Accord', 'Turkish drones', 'Wagner Group fighters', 'Misrata brigades', 'Unidentified gunmen'];
const ACTS = ['shelled positions near', 'struck a convoy outside', 'clashed with fighters in', 'launched an air strike on', 'seized a checkpoint south of', 'abducted a local official in'];
const DAYS = ['on Saturday night', 'yesterday', 'on Friday', 'overnight', 'on 12 May', 'last week'];

/** An article of `count` distinct news paragraphs (one event each), published 18 May 2020. */
export function clipPage(count = 220) {
  const paragraphs = [];
  for (let i = 0; i < count; i++) {
    const text = `${ACTORS[i % ACTORS.length]} ${ACTS[(i >> 1) % ACTS.length]} ${PLACES[i % PLACES.length]} ${DAYS[(i >> 2) % DAYS.length]}, ` +
      `killing ${(i % 9) + 1} people, according to a local official quoted in dispatch number ${i + 1}.`;
    paragraphs.push(`<p id="p${i}">${text}</p>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Bench dispatches | The Maghreb Ledger</title>
<meta property="article:published_time" content="2020-05-18T07:45:00+02:00"><meta property="og:site_name" content="The Maghreb Ledger">
<style>body{font:17px/1.5 Georgia,serif;max-width:700px;margin:0 auto;padding:0 120px}</style></head>
<body><article><h1>Dispatches from the front</h1>${paragraphs.join('\n')}</article></body></html>`;
}

async function clipTimings(lens, url, clips) {
  const page = await lens.context.newPage();
  await page.goto(url);
  await page.waitForFunction("CSS.highlights.has('libya-lens-actor')", undefined, { timeout: 60_000 });
  // Clip a settled page: while it loads, the worker is busy with the page's NER batches, and a clip made then
  // waits behind them (measured: a first clip of ~0.7 s right after load).
  await waitForSettled(page, { quietMs: 1000, timeoutMs: 60_000, allowEmpty: true });
  const button = page.getByRole('button', { name: 'Clip to timeline' });
  for (let i = 0; i < clips; i++) {
    const paragraph = page.locator(`#p${i}`);
    await paragraph.scrollIntoViewIfNeeded();
    await paragraph.hover({ position: { x: 20, y: 5 } });
    await button.waitFor({ state: 'visible' });
    await button.click();
    await page.waitForFunction((n) => performance.getEntriesByName('libya-lens:clip').length >= n, i + 1);
  }
  const measures = await page.evaluate(() => {
    const captures = performance.getEntriesByName('libya-lens:clip:capture');
    return performance
      .getEntriesByName('libya-lens:clip')
      .map((m, i) => ({ duration: m.duration, status: m.detail, capture: captures[i]?.duration ?? NaN }));
  });
  await page.close();
  return measures;
}

async function extensionPage(lens) {
  const page = await lens.context.newPage();
  await page.goto(`chrome-extension://${lens.extensionId}/popup.html`);
  return page;
}

async function countRoundTrips(page, times) {
  return page.evaluate(async (n) => {
    const out = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await chrome.runtime.sendMessage({ type: 'clips/count', payload: {} });
      out.push(performance.now() - t0);
    }
    return out;
  }, times);
}

/** 10,000 records made from a real stored one (new ids, texts and days), inserted both ways. */
async function bulkInsert(page, total) {
  return page.evaluate(async (n) => {
    const template = await new Promise((resolve, reject) => {
      const open = indexedDB.open('libya-lens');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const request = open.result.transaction('clips').objectStore('clips').openCursor();
        request.onsuccess = () => {
          const value = request.result?.value;
          open.result.close();
          if (!value) return reject(new Error('no stored clip to copy'));
          delete value.entityIds;
          delete value.placeIds;
          resolve(value);
        };
      };
    });
    const records = [];
    for (let i = 0; i < n; i++) {
      const day = new Date(Date.UTC(2014, 0, 1) + (i % 2500) * 86_400_000).toISOString().slice(0, 10);
      records.push({ ...template, id: `clip-bench${i}`, text: `${template.text} (${i})`, eventDate: { ...template.eventDate, day } });
    }
    let t0 = performance.now();
    const answer = await chrome.runtime.sendMessage({ type: 'clips/import', payload: { records } });
    const ours = performance.now() - t0;
    // The same batch again: every record is a duplicate, so this is the message plus the lookups alone.
    t0 = performance.now();
    const again = await chrome.runtime.sendMessage({ type: 'clips/import', payload: { records } });
    const reimport = performance.now() - t0;
    // Reference: the same records with the same indexes (derived fields added by hand), one transaction.
    const ids = (r) => [...new Set([...(r.entities ?? []).map((e) => e.id), r.actor1?.entityId, r.actor2?.entityId, r.location?.entityId].filter(Boolean))];
    const places = (r) => [...new Set([r.location?.entityId, ...(r.entities ?? []).filter((e) => e.kind === 'location').map((e) => e.id)].filter(Boolean))];
    const stored = records.map((r) => ({ ...r, entityIds: ids(r), placeIds: places(r) }));
    t0 = performance.now();
    await new Promise((resolve, reject) => {
      const open = indexedDB.open('bench-reference', 1);
      open.onupgradeneeded = () => {
        const store = open.result.createObjectStore('clips', { keyPath: 'id' });
        store.createIndex('by-url', 'article.url');
        store.createIndex('by-event-date', 'eventDate.day');
        store.createIndex('by-entity', 'entityIds', { multiEntry: true });
        store.createIndex('by-place', 'placeIds', { multiEntry: true });
        store.createIndex('by-clipped-at', 'clippedAt');
      };
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('clips', 'readwrite');
        const store = tx.objectStore('clips');
        for (const record of stored) store.put(record);
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error);
      };
    });
    const raw = performance.now() - t0;
    return { ours, raw, reimport, answer, again };
  }, total);
}

export async function clipBench({ server, clips = 200, inserts = 10_000 }) {
  const url = server.url('bench-clips.html');
  const lens = await launchChromium({ extensionDir: buildDir('chrome') });
  try {
    const measures = await clipTimings(lens, url, clips);
    const stored = measures.filter((m) => m.status === 'stored').map((m) => m.duration);
    const captures = measures.filter((m) => m.status === 'stored').map((m) => m.capture);
    const ext = await extensionPage(lens);
    await countRoundTrips(ext, 20); // warm-up
    const trips = await countRoundTrips(ext, clips);
    const bulk = await bulkInsert(ext, inserts);
    // A refused import would time nothing: say so instead of printing a figure.
    if (bulk.answer?.error) throw new Error(`the bench's records were refused: ${bulk.answer.error.message}`);
    console.log(`\n── clipping (${clips} clips of distinct paragraphs, then ${inserts.toLocaleString('en')} records) ──`);
    console.log(`stored ${stored.length} of ${measures.length} clips (${measures.length - stored.length} duplicates or errors)`);
    const rows = [
      ['click → stored record, median', ms(quantile(stored, 0.5)), ms(quantile(trips, 0.5))],
      ['click → stored record, p95', ms(quantile(stored, 0.95)), ms(quantile(trips, 0.95))],
      ['  of which capture in the page, median', ms(quantile(captures, 0.5)), '—'],
      ['click → stored record, first clip', ms(stored[0]), ms(trips[0])],
      ['click → stored record, max', ms(Math.max(...stored)), ms(Math.max(...trips))],
      [`insert ${inserts.toLocaleString('en')} records`, ms(bulk.ours), ms(bulk.raw)],
      [`the same ${inserts.toLocaleString('en')} again (all duplicates)`, ms(bulk.reimport), '—'],
    ];
    const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length), 10));
    const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join(' │ ');
    console.log(line(['', 'Libya Lens', 'reference']));
    console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
    for (const row of rows) console.log(line(row));
    console.log('references: clip rows — a bare clips/count message round trip to the worker; insert row — a raw');
    console.log('IndexedDB put of the same records, with the same five indexes, in one transaction from an extension page');
    console.log('(no message, no duplicate check). The re-import row is the message and the lookups alone.');
    console.log(`import answers: ${JSON.stringify(bulk.answer)}, then ${JSON.stringify(bulk.again)}`);
    await ext.close();
  } finally {
    await lens.close();
  }
}
