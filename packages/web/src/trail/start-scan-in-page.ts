import type { TrailFilterOptions } from '@whydenied/core/trail';
import { type OnTrailProgress, scanTrailFiles, type TrailScanOutcome } from './scan-files.js';
import type { RunningTrailScan } from './start-scan.js';

/**
 * The same streaming read on the page's thread (each chunk is awaited, so the page still paints
 * between them): `startTrailScan` of the self-contained offline page, as a page opened from disk cannot
 * start a worker from a file, and of the served page when its worker does not start.
 */
export function startTrailScan(
  files: readonly File[],
  filter: TrailFilterOptions,
  onProgress: OnTrailProgress,
): RunningTrailScan {
  const abort = new AbortController();
  return {
    outcome: scanTrailFiles(files, filter, onProgress, abort.signal).catch(
      (error: unknown): TrailScanOutcome => ({
        ok: false,
        message: `the logs could not be read: ${String(error)}`,
      }),
    ),
    cancel: () => abort.abort(),
  };
}
