// Reading the extension's work back from a page: shared by the browser tests, the demo and the benchmark.
// Works with Playwright and Puppeteer pages and frames alike (anything with evaluate(string)).
import { readFileSync } from 'node:fs';

const PROBE_SOURCE = readFileSync(new URL('./probe.js', import.meta.url), 'utf8');

export const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** Evaluates `expression` in the page's main world; `P` is the probe of probe.js. Promises are awaited. */
export async function probe(target, expression) {
  return target.evaluate(`(async () => { ${PROBE_SOURCE}\n const P = globalThis.__lensProbe; return (${expression}); })()`);
}

/**
 * Waits until the painted highlights and the libya-lens:highlight measures stop changing for `quietMs`
 * (and, unless allowEmpty, until at least minRanges ranges are painted). Returns the number of ranges.
 */
export async function waitForSettled(target, { quietMs = 1000, timeoutMs = 20_000, allowEmpty = false, minRanges = 1 } = {}) {
  const started = Date.now();
  let last = '';
  let since = Date.now();
  let count = 0;
  while (Date.now() - started < timeoutMs) {
    const fp = await probe(target, 'P.fingerprint()');
    count = fp.count;
    const key = `${fp.measures}\n${fp.key}`;
    if (key !== last) {
      last = key;
      since = Date.now();
    } else if (Date.now() - since >= quietMs && (allowEmpty || count >= minRanges)) {
      return count;
    }
    await sleep(150);
  }
  throw new Error(`highlights did not settle within ${timeoutMs} ms (last count ${count}, wanted at least ${allowEmpty ? 0 : minRanges})`);
}

/** The distinct texts painted under each libya-lens highlight, e.g. { 'libya-lens-actor': ['Haftar', …] }. */
export async function paintedTexts(target) {
  const highlights = await probe(target, 'P.highlights()');
  return Object.fromEntries(highlights.map((h) => [h.name, [...new Set(h.ranges.map((r) => r.text))].sort((a, b) => a.localeCompare(b))]));
}
