import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests: real headless Chromium (playwright-core) and Firefox ESR (puppeteer-core) with the built
// extension loaded. One file at a time: the machines have 2 cores and each file starts its own browsers.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/browser/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    // A failed browser test is worth a clear report, not a retry that hides flakiness.
    retry: 0,
  },
});
