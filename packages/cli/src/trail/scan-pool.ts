import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import {
  createTrailGrouping,
  evenCuts,
  joinTrailShards,
  planTrailShards,
  SHARD_WINDOW_BYTES,
  type TrailGrouping,
  type TrailShardPlan,
  type TrailShardResult,
} from '@whydenied/core/trail';
import { CliError } from '../cli-error.js';
import {
  type OnProgress,
  type ScanOptions,
  type ScanResult,
  type ShardTask,
  scanSources,
} from './scan-source.js';
import type { TrailSource } from './trail-files.js';
import type { FromWorker, ToWorker } from './worker-messages.js';

/** The worker's bundle, beside the CLI's (absent when the CLI runs from source, as in unit tests). */
const WORKER_FILE = fileURLToPath(new URL('./trail-worker.js', import.meta.url));
const GZIP_MAGIC = [0x1f, 0x8b];

/** Plain (not gzip) files at least this large are cut into one shard per worker. */
export const SHARD_MIN_BYTES = 64 << 20;

/** Whether a source is a file the pool may cut into shards (when it is plain JSON: see `planShards`). */
function shardable(source: TrailSource, shardMin: number): boolean {
  return source.path !== '-' && source.open === undefined && source.size >= shardMin;
}

/** How many pieces of work the sources can make at most (a file to be cut counts as `jobs`). */
function pieces(sources: readonly TrailSource[], jobs: number, shardMin: number): number {
  return sources.reduce((n, s) => n + (shardable(s, shardMin) ? jobs : 1), 0);
}

/** How many workers to use: at most one per core, and per file (a file to be cut counts as many). */
export function defaultJobs(sources: readonly TrailSource[], shardMin = SHARD_MIN_BYTES): number {
  const cores = availableParallelism();
  return Math.max(1, Math.min(cores, pieces(sources, cores, shardMin)));
}

/** One piece of work for a worker: a whole file, or one shard of a large plain file. */
type Task =
  | { readonly kind: 'file'; readonly source: TrailSource; readonly size: number }
  | { readonly kind: 'shard'; readonly file: number; readonly shard: ShardTask; readonly size: number };

/** A large plain file cut into shards, and what each shard's scan gave. */
interface ShardedFile {
  readonly source: TrailSource;
  readonly plan: TrailShardPlan;
  readonly results: (TrailShardResult & { counts: Omit<ScanResult, 'groups'> })[];
}

/**
 * Scans the sources with `jobs` worker threads (largest pieces first, each to the next free worker)
 * and merges their groups, each worker's once when no piece is left; in this thread when `jobs` is 1 and
 * the input is under `shardMin`, when a source is standard input or opens its own stream
 * (S3), or when the worker's bundle is absent.
 * A plain file of at least `shardMin` bytes is cut into `jobs` shards scanned side by side and joined
 * in order (scanned again from its start when a seam disagrees). The groups do not depend on how the
 * work was shared out.
 */
export async function scanInPool(
  sources: readonly TrailSource[],
  options: ScanOptions,
  jobs: number,
  stdin: NodeJS.ReadableStream,
  onProgress: OnProgress,
  shardMin = SHARD_MIN_BYTES,
): Promise<ScanResult> {
  // one job of as many bytes as a file worth cutting is scanned by a worker all the same: this thread's heap
  // holds the whole CLI (reader, engine), and V8 runs many more full collections over the same scan there
  // (1 GB of S3-layout logs: 67–92 against 14 in a worker's heap, which holds the scan alone; 4.4–4.9 s
  // against 4.3 s); below it, a worker's start costs more than it saves
  const total = sources.reduce((n, s) => n + s.size, 0);
  if (
    (jobs <= 1 && total < shardMin) ||
    sources.some((s) => s.path === '-' || s.open !== undefined) ||
    !existsSync(WORKER_FILE)
  ) {
    return scanSources(sources, options, stdin, onProgress);
  }
  const count = Math.min(jobs, pieces(sources, jobs, shardMin));
  // Workers that fill every core compile their hot code in their own thread: V8 reads this flag when it creates
  // an isolate (this thread's keeps compiling in the background). Background compiles of two isolates take
  // the core the other worker scans on; in their own thread they cost less CPU (1 GB of S3-layout logs,
  // two workers, 5 runs each, medians: CPU 5.97 s against 6.65 s, wall 3.38 s against 4.11 s).
  // https://nodejs.org/api/v8.html#v8setflagsfromstringflags
  if (count > 1) setFlagsFromString('--no-concurrent-recompilation');
  // the workers start (a thread, an isolate, their bundle) while large files are planned
  const workers = Array.from({ length: count }, () => new Worker(WORKER_FILE));
  // several workers each inflate in their own thread, so that each uses one core; one alone keeps gunzip on
  // the thread pool beside its scan
  const perWorker: ScanOptions = { ...options, inflateInThread: workers.length > 1 };
  const grouping = createTrailGrouping({ examples: options.examples });
  const totals = { records: 0, failed: 0, denials: 0, bytes: 0, rawBytes: 0 };
  const add = (counts: Omit<ScanResult, 'groups'>): void => {
    totals.records += counts.records;
    totals.failed += counts.failed;
    totals.denials += counts.denials;
    totals.bytes += counts.bytes;
    totals.rawBytes += counts.rawBytes;
  };
  const sharded: ShardedFile[] = [];
  try {
    const tasks: Task[] = [];
    for (const source of sources) {
      const plan = jobs > 1 && shardable(source, shardMin) ? await planShards(source, jobs) : null;
      if (plan === null) {
        tasks.push({ kind: 'file', source, size: source.size });
        continue;
      }
      const file = sharded.push({ source, plan, results: [] }) - 1;
      plan.starts.forEach((start, index) => {
        const end = plan.starts[index + 1] ?? plan.size;
        const last = index === plan.starts.length - 1;
        const shard = { index, start, end, last, recordsDepth: plan.recordsDepth };
        tasks.push({ kind: 'shard', file, shard, size: end - start });
      });
    }
    const queue = tasks.sort((a, b) => b.size - a.size);
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let inFlight: Task | undefined;
            const next = (): void => {
              const task = queue.shift();
              inFlight = task;
              let message: ToWorker;
              if (task === undefined)
                message = { type: 'finish' }; // the worker's groups, once
              else if (task.kind === 'file')
                message = { type: 'scan', source: task.source, options: perWorker };
              else {
                const { source } = sharded[task.file] as ShardedFile;
                message = { type: 'shard', source, shard: task.shard, options: perWorker };
              }
              worker.postMessage(message);
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
                add(message.counts);
                next();
              } else if (message.type === 'shard') {
                if (inFlight?.kind === 'shard') {
                  const { groups, end, counts } = message;
                  (sharded[inFlight.file] as ShardedFile).results[message.index] = { groups, end, counts };
                }
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
  for (const file of sharded) await joinFile(file, grouping, add, options, stdin);
  return { groups: grouping.groups(), ...totals };
}

/**
 * Cuts a large file into `count` shards when it is plain JSON whose head tells where its records
 * lie (`null` for gzip, or a file that cannot be cut: it is then scanned whole).
 */
async function planShards(source: TrailSource, count: number): Promise<TrailShardPlan | null> {
  const handle = await open(source.path, 'r').catch(() => null);
  if (handle === null) return null; // the scan reports it
  try {
    const read = async (offset: number): Promise<Uint8Array> => {
      const buffer = Buffer.alloc(SHARD_WINDOW_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, SHARD_WINDOW_BYTES, offset);
      return buffer.subarray(0, bytesRead);
    };
    const head = await read(0);
    if (head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1]) return null;
    const cuts = evenCuts(source.size, count);
    const windows = new Map<number, Uint8Array>();
    for (const cut of cuts) windows.set(cut, await read(cut));
    return planTrailShards(head, source.size, cuts, (offset) => windows.get(offset) ?? new Uint8Array(0));
  } finally {
    await handle.close();
  }
}

/**
 * Joins a sharded file's groups into `grouping` when its seams hold; else (or when a shard met a
 * problem) scans it again from its start in this thread, which reports a problem where it is.
 */
async function joinFile(
  file: ShardedFile,
  grouping: TrailGrouping,
  add: (counts: Omit<ScanResult, 'groups'>) => void,
  options: ScanOptions,
  stdin: NodeJS.ReadableStream,
): Promise<void> {
  if (joinTrailShards(file.plan, file.results, grouping)) {
    for (const result of file.results) add(result.counts);
    return;
  }
  const { groups, ...counts } = await scanSources([file.source], options, stdin);
  grouping.merge(groups);
  add(counts);
}
