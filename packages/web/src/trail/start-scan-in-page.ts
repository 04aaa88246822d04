import { type OnTrailProgress, scanTrailFiles } from './scan-files.js';
import type { RunningTrailScan } from './start-scan.js';

/**
 * `startTrailScan` of the self-contained offline page: the same streaming read on the page's thread
 * (each chunk is awaited, so the page still paints between them), as a page opened from disk cannot
 * start a worker from a file.
 */
export function startTrailScan(files: readonly File[], onProgress: OnTrailProgress): RunningTrailScan {
  const abort = new AbortController();
  return {
    outcome: scanTrailFiles(files, onProgress, abort.signal),
    cancel: () => abort.abort(),
  };
}
