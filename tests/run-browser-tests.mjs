// `npm run test:browser`: make sure the extension builds are fresh and the browsers are installed, then run the
// browser tests (tests/vitest.browser.config.ts). Extra arguments are passed on to vitest.
import { spawnSync } from 'node:child_process';
import { ensureBuilds, ROOT } from './browser/build.mjs';
import { findChromium, findFirefox } from './browser/launch.mjs';

const missing = [];
if (!findChromium()) missing.push('chromium (Debian package "chromium"; or set CHROMIUM_PATH)');
if (!findFirefox()) missing.push('Firefox ESR 140+ (Debian package "firefox-esr"; or set FIREFOX_PATH)');
if (missing.length) {
  console.error(`Browser tests need real browsers, and these are missing:\n  - ${missing.join('\n  - ')}`);
  console.error('Install them with: apt-get update && apt-get install -y chromium firefox-esr');
  process.exit(1);
}

try {
  ensureBuilds(['chrome', 'firefox']);
} catch (error) {
  console.error(String(error instanceof Error ? error.message : error));
  process.exit(1);
}

const result = spawnSync('npx', ['vitest', 'run', '--config', 'tests/vitest.browser.config.ts', ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: 'inherit',
  env: process.env,
});
process.exit(result.status ?? 1);
