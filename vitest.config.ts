import { defineConfig } from 'vitest/config';

/** The workspace core from source: its main entry and its subpath entries (`@whydenied/core/engine`). */
const coreSource = new URL('./packages/core/src/', import.meta.url).pathname;
const awsSource = new URL('./packages/aws/src/', import.meta.url).pathname;
const alias = [
  { find: /^@whydenied\/aws$/, replacement: `${awsSource}index.ts` },
  { find: /^@whydenied\/core$/, replacement: `${coreSource}index.ts` },
  { find: /^@whydenied\/core\/(.+)$/, replacement: `${coreSource}$1.ts` },
];

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
