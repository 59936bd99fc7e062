import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Unit tests live beside the code in lib/ and entrypoints/; the browser tests in tests/ have their own config.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'entrypoints/**/*.test.ts'],
    environment: 'node',
    globals: true,
  },
});
