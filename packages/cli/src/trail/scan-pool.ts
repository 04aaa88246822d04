import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createTrailGrouping } from '@whydenied/core/trail';
import { CliError } from '../cli-error.js';
import { type OnProgress, type ScanOptions, type ScanResult, scanSources } from './scan-source.js';
import type { TrailSource } from './trail-files.js';
import type { FromWorker, ToWorker } from './worker-messages.js';

/** The worker's bundle, beside the CLI's (absent when the CLI runs from source, as in unit tests). */
const WORKER_FILE = fileURLToPath(new URL('./trail-worker.js', import.meta.url));

/** How many workers to use: at most one per file and per core. */
export function defaultJobs(sources: readonly TrailSource[]): number {
  return Math.max(1, Math.min(availableParallelism(), sources.length));
}

/**
 * Scans the sources with `jobs` worker threads (largest files first, each to the next free worker) and
 * merges their groups, each worker's once when no file is left; in this thread when `jobs` is 1, when a
 * source is standard input or opens its own stream (S3), or when the worker's bundle is absent. The
 * groups do not depend on how files were shared out.
 */
export async function scanInPool(
  sources: readonly TrailSource[],
  options: ScanOptions,
  jobs: number,
  stdin: NodeJS.ReadableStream,
  onProgress: OnProgress,
): Promise<ScanResult> {
  if (jobs <= 1 || sources.some((s) => s.path === '-' || s.open !== undefined) || !existsSync(WORKER_FILE)) {
    return scanSources(sources, options, stdin, onProgress);
  }
  const queue = [...sources].sort((a, b) => b.size - a.size);
  const grouping = createTrailGrouping({ examples: options.examples });
  const totals = { records: 0, failed: 0, denials: 0, bytes: 0, rawBytes: 0 };
  const workers = Array.from({ length: Math.min(jobs, queue.length) }, () => new Worker(WORKER_FILE));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const next = (): void => {
              const source = queue.shift();
              // no file left: the worker's groups, once
              worker.postMessage(
                (source === undefined
                  ? { type: 'finish' }
                  : { type: 'scan', source, options }) satisfies ToWorker,
              );
            };
            worker.on('message', (message: FromWorker) => {
              if (message.type === 'progress') {
                onProgress(message.bytes, message.records);
              } else if (message.type === 'error') {
                reject(
                  message.exitCode < 0
                    ? new Error(message.message)
                    : new CliError(message.message, message.exitCode),
                );
              } else if (message.type === 'scanned') {
                totals.records += message.counts.records;
                totals.failed += message.counts.failed;
                totals.denials += message.counts.denials;
                totals.bytes += message.counts.bytes;
                totals.rawBytes += message.counts.rawBytes;
                next();
              } else {
                grouping.merge(message.groups);
                resolve();
              }
            });
            worker.once('error', reject);
            next();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return { groups: grouping.groups(), ...totals };
}
