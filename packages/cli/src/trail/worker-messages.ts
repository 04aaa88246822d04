import type { TrailGroup, TrailShardEnd } from '@whydenied/core/trail';
import type { ScanOptions, ScanResult, ShardTask } from './scan-source.js';
import type { TrailSource } from './trail-files.js';

/**
 * What the main thread sends a trail worker: one file to scan, one shard of a large plain file, or
 * `finish` when no file is left (the worker then answers with the groups of all the files it scanned).
 */
export type ToWorker =
  | { readonly type: 'scan'; readonly source: TrailSource; readonly options: ScanOptions }
  | {
      readonly type: 'shard';
      readonly source: TrailSource;
      readonly shard: ShardTask;
      readonly options: ScanOptions;
    }
  | { readonly type: 'finish' };

/**
 * What a trail worker answers: progress (bytes read from disk since the last one), a file's counts
 * when it is scanned, its groups on `finish`, or an error. Groups cross threads once per worker: a
 * file's groups (with their example records) would be copied for every file.
 */
export type FromWorker =
  | { readonly type: 'progress'; readonly bytes: number; readonly records: number }
  | { readonly type: 'scanned'; readonly counts: Omit<ScanResult, 'groups'> }
  | {
      /** A shard's own groups, kept apart: they are joined in the log's order once its seams are checked. */
      readonly type: 'shard';
      readonly index: number;
      readonly counts: Omit<ScanResult, 'groups'>;
      readonly groups: readonly TrailGroup[];
      readonly end: TrailShardEnd | null;
    }
  | { readonly type: 'groups'; readonly groups: readonly TrailGroup[] }
  | { readonly type: 'error'; readonly message: string; readonly exitCode: number };
