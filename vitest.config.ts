import { defineConfig } from 'vitest/config';

const alias = { '@whydenied/core': new URL('./packages/core/src/index.ts', import.meta.url).pathname };

/** Chromium tests drive a real browser and a server: on a busy 2-core machine they need more time. */
const BROWSER_TESTS = ['packages/web/test/**/*.test.ts'];

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
          exclude: [...BROWSER_TESTS, '**/node_modules/**'],
          testTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'browser',
          include: BROWSER_TESTS,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
