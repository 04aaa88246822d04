import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: { '@whydenied/core': new URL('./packages/core/src/index.ts', import.meta.url).pathname },
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
