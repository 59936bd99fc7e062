// `npm run bench`: how much main-thread time Libya Lens spends painting a very long page, next to the classic
// approach (mark.js wrapping every match in <mark>, with ONE combined regular expression over all KB terms).
// Prints figures only: there are no pass/fail thresholds here.
//
//   (a) the generated ~60,000-word live blog, loaded in headless Chromium with the extension: the extension's own
//       libya-lens:highlight User Timing measures, ranges painted, long tasks during load;
//   (b) the same page without the extension, mark.js injected, one markRegExp call timed;
//   (c) a side-by-side table, and the content-script bundle size.
//
// Later measurements (e.g. clip-to-store timings) are added to EXTENSION_SCENARIOS below: each scenario gets the
// loaded page and returns rows for the table.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildDir, ensureBuilds, ROOT } from '../browser/build.mjs';
import { findChromium, launchChromium } from '../browser/launch.mjs';
import { probe, sleep, waitForSettled } from '../browser/page.mjs';
import { startServer } from '../browser/server.mjs';
import { clipBench, clipPage } from './clip.mjs';
import { timelineBench } from './timeline.mjs';
import { generateLiveBlog, kbTerms } from './generate.mjs';

const MARK_JS = join(ROOT, 'node_modules/mark.js/dist/mark.min.js');

// Records every long task (> 50 ms) on the page's main thread from the first moment, content scripts included.
const LONGTASK_OBSERVER = `
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) { window.__longTasks = null; }
`;

const ms = (value) => (value === undefined || value === null || Number.isNaN(value) ? '—' : `${value.toFixed(1)} ms`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

async function longTasks(page, since = 0) {
  const tasks = (await page.evaluate('window.__longTasks')) ?? [];
  const after = tasks.filter((t) => t.start >= since);
  return { count: after.length, longest: after.reduce((m, t) => Math.max(m, t.duration), 0), total: after.reduce((s, t) => s + t.duration, 0) };
}

/** (a) The page with the extension: wait until the measures stop growing, then read them back. */
async function highlightOnLoad({ page }) {
  const started = Date.now();
  const ranges = await waitForSettled(page, { quietMs: 1000, timeoutMs: 180_000, allowEmpty: true });
  const stats = await probe(page, 'P.measureStats()');
  const tasks = await longTasks(page);
  const counts = await page.evaluate(`(() => {
    const out = {};
    for (const name of CSS.highlights.keys()) if (name.startsWith('libya-lens')) out[name] = CSS.highlights.get(name).size;
    return out;
  })()`);
  return {
    settledAfter: Date.now() - started,
    total: stats.total,
    rows: [
      ['main-thread work (measures / markRegExp)', ms(stats.total)],
      ['calls', String(stats.count)],
      ['longest call', ms(stats.max)],
      ['done at (ms after navigation start)', ms(stats.lastEnd)],
      ['highlighted ranges / <mark>s', `${ranges} (${Object.entries(counts).map(([k, v]) => `${k.replace('libya-lens-', '')} ${v}`).join(', ')})`],
      ['longest main-thread task', ms(tasks.longest)],
      ['long tasks > 50 ms', `${tasks.count} (${ms(tasks.total)} in all)`],
      ['elements added to the page', String(await page.evaluate('document.querySelectorAll("mark").length'))],
    ],
  };
}

/**
 * Extension point: measurements made on the page after the extension has painted it, run in order.
 * Each receives { page, context, worker, extensionId, url } and returns { rows: [label, value][] }.
 * Clipping has its own page and browser (tests/bench/clip.mjs), run after the highlighting rounds.
 */
export const EXTENSION_SCENARIOS = [highlightOnLoad];

/** (b) The same page without the extension; mark.js with one combined regular expression. */
async function markJsBaseline({ page, terms }) {
  const escaped = [...terms].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const source = `(?<![\\p{L}\\p{N}_])(?:${escaped.join('|')})(?![\\p{L}\\p{N}_])`;
  await page.addScriptTag({ path: MARK_JS });
  const before = await page.evaluate('performance.now()');
  const result = await page.evaluate(`(() => new Promise((done) => {
    const re = new RegExp(${JSON.stringify(source)}, 'giu');
    const t0 = performance.now();
    new Mark(document.body).markRegExp(re, {
      done: (count) => done({ duration: performance.now() - t0, count, t0 }),
    });
  }))()`);
  await sleep(500); // let the long-task observer deliver
  const tasks = await longTasks(page, before);
  return {
    total: result.duration,
    rows: [
      ['main-thread work (measures / markRegExp)', ms(result.duration)],
      ['calls', '1 (markRegExp)'],
      ['longest call', ms(result.duration)],
      ['done at (ms after navigation start)', '—'],
      ['highlighted ranges / <mark>s', String(result.count)],
      ['longest main-thread task', `${ms(tasks.longest)} (from markRegExp)`],
      ['long tasks > 50 ms', `${tasks.count} (${ms(tasks.total)} in all)`],
      ['elements added to the page', String(await page.evaluate('document.querySelectorAll("mark").length'))],
    ],
    pattern: source.length,
  };
}

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  const line = (cells) => cells.map((c, i) => String(c ?? '').padEnd(widths[i])).join(' │ ');
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...rows.map(line)].join('\n');
}

/** One round: the page with the extension, then the page with mark.js; prints the table, returns the totals. */
async function benchRound(url, terms) {
  const columns = [];
  const roundTotals = { lens: NaN, mark: NaN };
  const labels = [];
  {
    // (a) with the extension
    const lens = await launchChromium({ extensionDir: buildDir('chrome') });
    try {
      await lens.context.addInitScript({ content: LONGTASK_OBSERVER });
      const tab = await lens.context.newPage();
      await tab.goto(url, { waitUntil: 'load', timeout: 120_000 });
      const rows = [];
      for (const scenario of EXTENSION_SCENARIOS) {
        const result = await scenario({ page: tab, context: lens.context, worker: lens.worker, extensionId: lens.extensionId, url });
        rows.push(...result.rows);
        if (scenario === highlightOnLoad) roundTotals.lens = result.total;
        if (result.settledAfter !== undefined) console.log(`Extension settled ${(result.settledAfter / 1000).toFixed(1)} s after load (1 s without new measures)`);
      }
      labels.push(...rows.map((r) => r[0]));
      columns.push(rows.map((r) => r[1]));
    } finally {
      await lens.close();
    }

    // (b) without the extension: page load alone, then mark.js
    const plain = await launchChromium();
    try {
      await plain.context.addInitScript({ content: LONGTASK_OBSERVER });
      const tab = await plain.context.newPage();
      await tab.goto(url, { waitUntil: 'load', timeout: 120_000 });
      await sleep(1000);
      const pageAlone = await longTasks(tab);
      console.log(`Page alone (no extension): longest task ${ms(pageAlone.longest)}, ${pageAlone.count} long tasks > 50 ms`);
      const mark = await markJsBaseline({ page: tab, terms: terms.length ? terms : ['Tripoli', 'Haftar'] });
      console.log(`mark.js pattern: ${mark.pattern.toLocaleString('en')} characters, flags giu, Unicode word boundaries`);
      roundTotals.mark = mark.total;
      const byLabel = new Map(mark.rows);
      columns.push(labels.map((label) => byLabel.get(label) ?? '—'));
    } finally {
      await plain.close();
    }
  }

  // (c) side by side
  console.log('\n' + table(['', 'Libya Lens (CSS highlights)', 'mark.js (one RegExp)'], labels.map((label, i) => [label, columns[0]?.[i], columns[1]?.[i]])));

  return roundTotals;
}

async function main() {
  if (!findChromium()) {
    console.error('No Chromium found: apt-get install -y chromium (or set CHROMIUM_PATH).');
    process.exit(1);
  }
  ensureBuilds(['chrome']);
  const page = generateLiveBlog({ root: ROOT });
  const terms = kbTerms(ROOT);
  console.log(`Generated live blog: ${page.words.toLocaleString('en')} words in ${page.posts} posts, ${page.names.toLocaleString('en')} KB names written, ${(page.html.length / 1024).toFixed(0)} KB of HTML`);
  if (!page.kbEntries) console.log('  (lib/kb/data is empty: the page uses a small fallback list of names)');
  console.log(`KB alias terms for the mark.js pattern: ${terms.length}`);

  const server = await startServer({ pages: { '/bench-liveblog.html': page.html, '/bench-clips.html': clipPage() } });
  const url = server.url('bench-liveblog.html');
  // BENCH_ONLY=highlight, BENCH_ONLY=clip or BENCH_ONLY=timeline runs one part.
  const only = process.env.BENCH_ONLY;
  // One machine, one run: timings wander by ±40 % between loads here, so both sides are measured
  // ROUNDS times, alternating, and the medians are compared.
  const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
  const totals = { lens: [], mark: [] };
  try {
    for (let round = 1; round <= rounds && (!only || only === 'highlight'); round++) {
      console.log(`\n── round ${round} of ${rounds} ──`);
      const { lens, mark } = await benchRound(url, terms);
      totals.lens.push(lens);
      totals.mark.push(mark);
    }
    if (!only || only === 'clip') await clipBench({ server });
    if (!only || only === 'timeline') await timelineBench({ table, rounds });
  } finally {
    await server.close();
  }
  const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  if (totals.lens.length) console.log(`\nMain-thread work, median of ${rounds} rounds: Libya Lens ${ms(median(totals.lens))} ` +
    `(rounds: ${totals.lens.map(ms).join(', ')}) vs mark.js ${ms(median(totals.mark))} (rounds: ${totals.mark.map(ms).join(', ')})`);

  const bundle = join(buildDir('chrome'), 'content-scripts/content.js');
  if (existsSync(bundle)) {
    const raw = readFileSync(bundle);
    console.log(`\nContent script ${bundle.slice(ROOT.length)}: ${kb(statSync(bundle).size)} raw, ${kb(gzipSync(raw, { level: 9 }).length)} gzip`);
  } else {
    console.log(`\nContent script bundle not found at ${bundle}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
