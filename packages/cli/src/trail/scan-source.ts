import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { pipeline, Readable } from 'node:stream';
import { createGunzip, gunzipSync } from 'node:zlib';
import {
  compileTrailFilter,
  createTrailGrouping,
  createTrailScan,
  type RecordsDepth,
  type TrailFilterOptions,
  type TrailGroup,
  type TrailShardResult,
  type Utf8Decoder,
} from '@whydenied/core/trail';
import { CliError, inputError } from '../cli-error.js';
import type { TrailSource } from './trail-files.js';

/** What one scan is asked: the filters and how many example events a group keeps. */
export interface ScanOptions {
  readonly filter: TrailFilterOptions;
  readonly examples: number;
  /**
   * Inflates a gzip file of at most {@link WHOLE_GZIP_MAX} in this thread, at once, instead of on the
   * thread pool beside the scan: a worker then uses one core, so that workers scale with the cores
   * (each on the pool would ask for more than one). A scan alone keeps gunzip on the pool beside it.
   */
  readonly inflateInThread?: boolean;
}

/** What a scan found: its groups and counts. */
export interface ScanResult {
  readonly groups: TrailGroup[];
  /** Records read, failed records (with an `errorCode`), denials kept after the filters. */
  readonly records: number;
  readonly failed: number;
  readonly denials: number;
  /** Bytes read from disk, and JSON bytes after gunzip. */
  readonly bytes: number;
  readonly rawBytes: number;
}

/** Called with the bytes read from disk and the records read since the last call. */
export type OnProgress = (bytes: number, records: number) => void;

const GZIP_MAGIC = [0x1f, 0x8b];
/** Reads from disk. */
const READ_CHUNK = 1 << 20;
/**
 * gunzip's output pieces: 1 MiB costs a quarter of the thread-pool hand-offs and allocations of 256 KiB
 * (gunzip alone over 1 GB of S3-layout logs, 9 runs each on a loaded machine: median 1.68 s of CPU
 * against 1.92 s, best 1.30 s against 1.58 s).
 */
const GUNZIP_CHUNK = 1 << 20;
/**
 * The largest gzip file (compressed, and inflated as its trailer's ISIZE states) inflated at once in a
 * worker; CloudTrail delivers files of a few MB. A larger one, or one that inflates to more (several
 * gzip members), is streamed. Each worker holds at most this much JSON at once: with two workers, peak
 * memory stays under the 300 MB the trail bench holds it to.
 * @see https://www.rfc-editor.org/rfc/rfc1952#section-2.3.1
 */
export const WHOLE_GZIP_MAX = 16 * 1024 * 1024;

/**
 * Reads the sources one after another into one grouping: gzip is recognised by its magic bytes, the
 * records are split from the stream without holding the file, and only records whose top level has an
 * `errorCode` are decoded and parsed. A problem is a one-line error naming the file, line and column.
 */
export async function scanSources(
  sources: readonly TrailSource[],
  options: ScanOptions,
  stdin: NodeJS.ReadableStream,
  onProgress: OnProgress = () => undefined,
): Promise<ScanResult> {
  const filter = compileTrailFilter(options.filter);
  if (!filter.ok) throw inputError(filter.problem.message);
  const grouping = createTrailGrouping({ examples: options.examples });
  let records = 0;
  let failed = 0;
  let denials = 0;
  let bytes = 0;
  let rawBytes = 0;
  for (const source of sources) {
    const name = source.path === '-' ? '<stdin>' : source.path;
    const scan = createTrailScan({ filter: filter.value, grouping, decode: decodeUtf8, source: name });
    const feed = (chunk: Uint8Array): void => {
      rawBytes += chunk.length;
      const problem = scan.push(chunk);
      if (problem !== null) throw inputError(`${name}:${problem.line}:${problem.column}: ${problem.message}`);
    };
    let reported = 0;
    const counted = (chunk: Buffer): void => {
      bytes += chunk.length;
      const read = scan.counts().records;
      onProgress(chunk.length, read - reported);
      reported = read;
    };
    try {
      for await (const chunk of jsonBytes(source, stdin, counted, options.inflateInThread === true))
        feed(chunk);
    } catch (error) {
      throw readProblem(name, error);
    }
    const end = scan.end();
    if (end !== null) throw inputError(`${name}:${end.line}:${end.column}: ${end.message}`);
    const counts = scan.counts();
    records += counts.records;
    failed += counts.failed;
    denials += counts.denials;
  }
  return { groups: grouping.groups(), records, failed, denials, bytes, rawBytes };
}

/** One shard of a plain log: its bytes `[start, end)`; every shard but the first resumes between records. */
export interface ShardTask {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly last: boolean;
  readonly recordsDepth: RecordsDepth;
}

/** What a shard's scan found: its groups and where it ended (`end` null: a problem), and its counts. */
export interface ShardScan extends TrailShardResult {
  readonly counts: Omit<ScanResult, 'groups'>;
}

/**
 * Scans one shard of a plain log (see `planTrailShards`): its bytes read in 1 MiB pieces into one
 * reused buffer. A problem is no error here: the shards are then joined by no one and the log is
 * scanned from its start, which reports it where it is.
 */
export async function scanShard(
  source: TrailSource,
  shard: ShardTask,
  options: ScanOptions,
  onProgress: OnProgress = () => undefined,
): Promise<ShardScan> {
  const filter = compileTrailFilter(options.filter);
  if (!filter.ok) throw inputError(filter.problem.message);
  const grouping = createTrailGrouping({ examples: options.examples });
  const scan = createTrailScan({
    filter: filter.value,
    grouping,
    decode: decodeUtf8,
    source: source.path,
    ...(shard.index === 0 ? {} : { resume: { recordsDepth: shard.recordsDepth, offset: shard.start } }),
  });
  const size = shard.end - shard.start;
  const counts = () => ({ ...scan.counts(), bytes: size, rawBytes: size });
  let reported = 0;
  try {
    const handle = await open(source.path, 'r');
    try {
      const buffer = Buffer.allocUnsafe(READ_CHUNK);
      for (let at = shard.start; at < shard.end; ) {
        const { bytesRead } = await handle.read(buffer, 0, Math.min(READ_CHUNK, shard.end - at), at);
        if (bytesRead === 0) break;
        at += bytesRead;
        const problem = scan.push(buffer.subarray(0, bytesRead));
        const read = scan.counts().records;
        onProgress(bytesRead, read - reported);
        reported = read;
        if (problem !== null) return { groups: [], end: null, counts: counts() };
      }
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw readProblem(source.path, error);
  }
  if (shard.last && scan.end() !== null) return { groups: [], end: null, counts: counts() };
  return { groups: grouping.groups(), end: scan.shardEnd(), counts: counts() };
}

/**
 * The JSON bytes of a source: a plain file read in 1 MiB chunks into one reused buffer (the splitter
 * copies what it keeps, so nothing is allocated per chunk), gunzipped in 1 MiB pieces on the thread
 * pool beside the scan when the first bytes are gzip's magic number, whatever the file is called.
 * `counted` sees each chunk read from disk.
 * @see https://www.rfc-editor.org/rfc/rfc1952#section-2.3.1
 */
async function* jsonBytes(
  source: TrailSource,
  stdin: NodeJS.ReadableStream,
  counted: (chunk: Buffer) => void,
  inflateInThread: boolean,
): AsyncGenerator<Buffer> {
  if (source.path !== '-' && source.open === undefined) {
    if (!(await startsWithGzip(source.path))) {
      yield* plainFile(source.path, counted);
      return;
    }
    const whole = inflateInThread ? await inflateWhole(source.path) : null;
    if (whole !== null) {
      counted(whole.file);
      for (let at = 0; at < whole.json.length; at += GUNZIP_CHUNK)
        yield whole.json.subarray(at, Math.min(whole.json.length, at + GUNZIP_CHUNK));
      return;
    }
    const input = createReadStream(source.path, { highWaterMark: READ_CHUNK });
    input.on('data', (chunk: string | Buffer) => counted(asBuffer(chunk)));
    yield* pipeline(input, createGunzip({ chunkSize: GUNZIP_CHUNK }), () => undefined);
    return;
  }
  // standard input, or a source's own stream (an S3 object's body)
  const chunks = (source.open === undefined ? stdin : await source.open())[Symbol.asyncIterator]();
  const first = await chunks.next();
  if (first.done === true) return;
  const head = asBuffer(first.value);
  async function* read(): AsyncGenerator<Buffer> {
    counted(head);
    yield head;
    for (let next = await chunks.next(); next.done !== true; next = await chunks.next()) {
      const chunk = asBuffer(next.value);
      counted(chunk);
      yield chunk;
    }
  }
  if (head[0] !== GZIP_MAGIC[0] || head[1] !== GZIP_MAGIC[1]) {
    yield* read();
    return;
  }
  yield* pipeline(Readable.from(read()), createGunzip({ chunkSize: GUNZIP_CHUNK }), () => undefined);
}

/**
 * A small gzip file inflated at once in this thread: its bytes and their JSON, or `null` when it is too
 * large for that (its trailer's ISIZE, or what it inflates to, beyond {@link WHOLE_GZIP_MAX}).
 */
export async function inflateWhole(
  path: string,
  max = WHOLE_GZIP_MAX,
): Promise<{ file: Buffer; json: Buffer } | null> {
  const { size } = await stat(path);
  // 18 bytes: gzip's smallest member (header, an empty deflate block, trailer)
  if (size > max || size < 18) return null;
  const file = await readFile(path);
  if (file.readUInt32LE(file.length - 4) > max) return null;
  try {
    return { file, json: gunzipSync(file, { maxOutputLength: max }) };
  } catch (error) {
    // more members than the last one's size tells: stream it
    if (error instanceof RangeError) return null;
    throw error;
  }
}

/** A file's bytes, each chunk in the same buffer: valid until the next one is asked for. */
async function* plainFile(path: string, counted: (chunk: Buffer) => void): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(READ_CHUNK);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, READ_CHUNK, null);
      if (bytesRead === 0) return;
      const chunk = buffer.subarray(0, bytesRead);
      counted(chunk);
      yield chunk;
    }
  } finally {
    await handle.close();
  }
}

/** A failed record's text: Node's decoder over the splitter's bytes, without a copy. */
const decodeUtf8: Utf8Decoder = (bytes, start, end) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8', start, end);

/** Whether a file starts with gzip's magic number. */
async function startsWithGzip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(2);
    await handle.read(head, 0, 2, 0);
    return head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  } finally {
    await handle.close();
  }
}

function asBuffer(value: unknown): Buffer {
  return typeof value === 'string' ? Buffer.from(value) : (value as Buffer);
}

/** An error met reading a source as a one-line input error; a bug stays a bug. */
function readProblem(name: string, error: unknown): unknown {
  if (error instanceof CliError) return error;
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  if (code.startsWith('Z_'))
    return inputError(`${name}: not a readable gzip file (${(error as Error).message})`);
  if (code.startsWith('E')) return inputError(`${name}: ${(error as Error).message}`);
  return error;
}
