import type { TrailFilterOptions } from '@whydenied/core/trail';
import type { TrailScanOutcome } from './scan-files.js';

/** What the page sends the trail worker: the dropped logs (structured-cloned `File`s, not their bytes). */
export interface ToTrailWorker {
  readonly files: readonly File[];
  readonly filter: TrailFilterOptions;
}

/** What the trail worker answers: progress (bytes read of all the files), then the outcome. */
export type FromTrailWorker =
  | { readonly type: 'progress'; readonly read: number; readonly total: number }
  | { readonly type: 'done'; readonly outcome: TrailScanOutcome };
