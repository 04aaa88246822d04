/**
 * The worker thread of `trail`: scans the files the main thread sends, one at a time, answering each
 * with its counts, and keeps their groups in one grouping it sends when told to finish. Bundled as its
 * own file (dist/trail-worker.js) beside the CLI's.
 */
import { Readable } from 'node:stream';
import { parentPort } from 'node:worker_threads';
import { createTrailGrouping, type TrailGrouping } from '@whydenied/core/trail';
import { CliError } from '../cli-error.js';
import { type ScanOptions, scanSources } from './scan-source.js';
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
    void scan(message.source, message.options).then((reply) => port.postMessage(reply));
  });
}

async function scan(source: TrailSource, options: ScanOptions): Promise<FromWorker> {
  let pending = 0;
  let pendingRecords = 0;
  let last = Date.now();
  try {
    const result = await scanSources([source], options, NO_STDIN, (bytes, records) => {
      pending += bytes;
      pendingRecords += records;
      const now = Date.now();
      if (now - last >= 100) {
        port?.postMessage({ type: 'progress', bytes: pending, records: pendingRecords } satisfies FromWorker);
        pending = 0;
        pendingRecords = 0;
        last = now;
      }
    });
    if (pending > 0) {
      port?.postMessage({ type: 'progress', bytes: pending, records: pendingRecords } satisfies FromWorker);
    }
    const { groups, ...counts } = result;
    grouping ??= createTrailGrouping({ examples: options.examples });
    grouping.merge(groups);
    return { type: 'scanned', counts };
  } catch (error) {
    if (error instanceof CliError) return { type: 'error', message: error.message, exitCode: error.exitCode };
    return {
      type: 'error',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
      exitCode: -1,
    };
  }
}
