/**
 * The worker thread of `trail`: scans the files the main thread sends, one at a time, answering each
 * with its counts, and keeps their groups in one grouping it sends when told to finish. Bundled as its
 * own file (dist/trail-worker.js) beside the CLI's.
 */
import { Readable } from 'node:stream';
import { parentPort } from 'node:worker_threads';
import { createTrailGrouping, type TrailGrouping } from '@whydenied/core/trail';
import { CliError } from '../cli-error.js';
import { type OnProgress, type ScanOptions, type ShardTask, scanShard, scanSources } from './scan-source.js';
import type { TrailSource } from './trail-files.js';
import type { FromWorker, ToWorker } from './worker-messages.js';

const port = parentPort;
/** Workers read files only; standard input stays with the main thread. */
const NO_STDIN = Readable.from([]);
/** The groups of every file this worker scanned (merging is order-independent). */
let grouping: TrailGrouping | null = null;
if (port !== null) {
  port.on('message', (message: ToWorker) => {
    if (message.type === 'finish') {
      port.postMessage({ type: 'groups', groups: grouping?.groups() ?? [] } satisfies FromWorker);
      return;
    }
    const reply =
      message.type === 'scan'
        ? scan(message.source, message.options)
        : shard(message.source, message.shard, message.options);
    void reply.then((answer) => port.postMessage(answer));
  });
}

/** Progress sent to the main thread at most ten times a second, and what is left when a task ends. */
function progressReports(): { onProgress: OnProgress; flush(): void } {
  let pending = 0;
  let pendingRecords = 0;
  let last = Date.now();
  const send = (): void => {
    port?.postMessage({ type: 'progress', bytes: pending, records: pendingRecords } satisfies FromWorker);
    pending = 0;
    pendingRecords = 0;
  };
  return {
    onProgress(bytes, records) {
      pending += bytes;
      pendingRecords += records;
      const now = Date.now();
      if (now - last >= 100) {
        send();
        last = now;
      }
    },
    flush() {
      if (pending > 0) send();
    },
  };
}

async function scan(source: TrailSource, options: ScanOptions): Promise<FromWorker> {
  const progress = progressReports();
  try {
    const result = await scanSources([source], options, NO_STDIN, progress.onProgress);
    progress.flush();
    const { groups, ...counts } = result;
    grouping ??= createTrailGrouping({ examples: options.examples });
    grouping.merge(groups);
    return { type: 'scanned', counts };
  } catch (error) {
    return failure(error);
  }
}

/** One shard of a large plain log: its groups go back on their own, to be joined in order. */
async function shard(source: TrailSource, task: ShardTask, options: ScanOptions): Promise<FromWorker> {
  const progress = progressReports();
  try {
    const result = await scanShard(source, task, options, progress.onProgress);
    progress.flush();
    return { type: 'shard', index: task.index, ...result };
  } catch (error) {
    return failure(error);
  }
}

/** An error as the main thread reports it: a one-line input error, or a bug with its stack. */
function failure(error: unknown): FromWorker {
  if (error instanceof CliError) return { type: 'error', message: error.message, exitCode: error.exitCode };
  return {
    type: 'error',
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    exitCode: -1,
  };
}
