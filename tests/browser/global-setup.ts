import { ensureBuilds } from './build.mjs';

// Runs once before the browser tests, also when vitest is started directly rather than through
// tests/run-browser-tests.mjs: a build older than its sources is rebuilt, so a stale build never passes.
export default function setup() {
  ensureBuilds(['chrome', 'firefox']);
}
