import type { ScanOptions, ScanResult } from './scan-source.js';
import type { TrailSource } from './trail-files.js';

/** What the main thread sends a trail worker: one file to scan. */
export interface ToWorker {
  readonly source: TrailSource;
  readonly options: ScanOptions;
}

/** What a trail worker answers: progress (bytes read from disk since the last one), then its result or its error. */
export type FromWorker =
  | { readonly type: 'progress'; readonly bytes: number; readonly records: number }
  | { readonly type: 'done'; readonly result: ScanResult }
  | { readonly type: 'error'; readonly message: string; readonly exitCode: number };
