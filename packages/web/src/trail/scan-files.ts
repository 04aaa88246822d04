import {
  compileTrailFilter,
  createRecordSplitter,
  createTrailGrouping,
  createTrailScan,
  looksLikeTrailLog,
  TRAIL_HEAD_BYTES,
  type TrailFilterOptions,
  type TrailGroup,
  type Utf8Decoder,
} from '@whydenied/core/trail';

/** A log to read: a dropped `File`, or anything with its name, size and byte stream. */
export interface TrailFileSource {
  readonly name: string;
  readonly size: number;
  stream(): ReadableStream<Uint8Array>;
  slice(
    start: number,
    end: number,
  ): { arrayBuffer(): Promise<ArrayBuffer>; stream(): ReadableStream<Uint8Array> };
}

/** What the page's trail analysis found: the groups of every log, and the counts `trail` prints. */
export interface TrailScanResult {
  readonly files: number;
  readonly records: number;
  readonly failed: number;
  readonly denials: number;
  /** Bytes read from the files (before gunzip). */
  readonly bytes: number;
  /** Seconds from the first byte asked for to the groups (where it ran: the worker, or the page). */
  readonly seconds: number;
  /** Most events first, as `trail` orders them. */
  readonly groups: readonly TrailGroup[];
}

/** The analysis, or why a log cannot be read (one line naming the file, and its line and column). */
export type TrailScanOutcome =
  | { readonly ok: true; readonly value: TrailScanResult }
  | { readonly ok: false; readonly message: string };

/** Called as bytes are read: the bytes read so far of all the files, and their total size. */
export type OnTrailProgress = (read: number, total: number) => void;

/** Example events a group keeps, as `trail`'s. */
const EXAMPLES = 5;

/**
 * gzip's magic number, RFC 1952 §2.3.1: a log is gunzipped by its first bytes, whatever its name
 * (CloudTrail delivers `.json.gz`; a log saved or exported elsewhere may be plain or renamed).
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html
 */
const GZIP_MAGIC = [0x1f, 0x8b] as const;

function utf8Decoder(): Utf8Decoder {
  const decoder = new TextDecoder();
  return (bytes, start, end) => decoder.decode(bytes.subarray(start, end));
}

async function isGzip(file: TrailFileSource): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  return head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

/** The log's JSON bytes: gunzipped (DecompressionStream) when it starts with gzip's magic number. */
function jsonStream(stream: ReadableStream<Uint8Array>, gzip: boolean): ReadableStream<Uint8Array> {
  if (!gzip) return stream;
  // its writable side takes any BufferSource: bytes are one of them
  return stream.pipeThrough(new DecompressionStream('gzip') as ReadableWritablePair<Uint8Array, Uint8Array>);
}

/**
 * Whether a file holds CloudTrail records, by its content (core's `looksLikeTrailLog` on its first
 * bytes, gunzipped first when they are gzip's), whatever it is called. A file of one record is one
 * error: the page's error box reads it (as it did before logs were read here).
 * @see https://www.rfc-editor.org/rfc/rfc1952#section-2.3.1
 */
export async function isTrailFile(file: TrailFileSource): Promise<boolean> {
  const gzip = await isGzip(file);
  // a gzip head of this size inflates to more than the head read: CloudTrail's JSON compresses tenfold
  const reader = jsonStream(file.slice(0, TRAIL_HEAD_BYTES).stream(), gzip).getReader();
  const head = new Uint8Array(TRAIL_HEAD_BYTES);
  let length = 0;
  let whole = false;
  try {
    while (length < head.length) {
      const { done, value } = await reader.read();
      if (done) {
        whole = file.size <= TRAIL_HEAD_BYTES;
        break;
      }
      const take = Math.min(value.length, head.length - length);
      head.set(value.subarray(0, take), length);
      length += take;
    }
  } catch {
    // a gzip head cut short ends in an error after the bytes it gave: those are read
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  const bytes = head.subarray(0, length);
  return looksLikeTrailLog(bytes, utf8Decoder()) && !(whole && recordCount(bytes) === 1);
}

/** How many records a whole log's bytes split into. */
function recordCount(bytes: Uint8Array): number {
  const splitter = createRecordSplitter({ onRecord: () => undefined });
  splitter.push(bytes);
  splitter.end();
  return splitter.records;
}

/**
 * Reads CloudTrail logs one after another into one grouping, streamed: each file's bytes (gunzipped
 * when they start with gzip's magic number) go through core's trail scan, which splits the records
 * without holding the file and parses only the failed ones. The same grouping as `whydenied trail`, with
 * the same filters (`--since`, `--until`, `--principal`, `--action`, `--account`, `--event-source`).
 */
export async function scanTrailFiles(
  files: readonly TrailFileSource[],
  filter: TrailFilterOptions = {},
  onProgress: OnTrailProgress = () => undefined,
  signal?: AbortSignal,
): Promise<TrailScanOutcome> {
  const compiled = compileTrailFilter(filter);
  if (!compiled.ok) return { ok: false, message: `${compiled.problem.option}: ${compiled.problem.message}` };
  const grouping = createTrailGrouping({ examples: EXAMPLES });
  const decode = utf8Decoder();
  const total = files.reduce((n, f) => n + f.size, 0);
  const started = performance.now();
  let read = 0;
  let records = 0;
  let failed = 0;
  let denials = 0;
  for (const file of files) {
    const scan = createTrailScan({ filter: compiled.value, grouping, decode, source: file.name });
    const counted = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        read += chunk.length;
        onProgress(read, total);
        controller.enqueue(chunk);
      },
    });
    let gzip = false;
    try {
      gzip = await isGzip(file);
      const reader = jsonStream(file.stream().pipeThrough(counted), gzip).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (signal?.aborted === true) {
          void reader.cancel().catch(() => undefined);
          return { ok: false, message: 'cancelled' };
        }
        const problem = scan.push(value);
        if (problem !== null) {
          void reader.cancel().catch(() => undefined);
          return { ok: false, message: `${file.name}:${problem.line}:${problem.column}: ${problem.message}` };
        }
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        message: gzip ? `${file.name}: not a readable gzip file (${reason})` : `${file.name}: ${reason}`,
      };
    }
    const problem = scan.end();
    if (problem !== null) {
      return { ok: false, message: `${file.name}:${problem.line}:${problem.column}: ${problem.message}` };
    }
    const counts = scan.counts();
    records += counts.records;
    failed += counts.failed;
    denials += counts.denials;
  }
  return {
    ok: true,
    value: {
      files: files.length,
      records,
      failed,
      denials,
      bytes: read,
      seconds: (performance.now() - started) / 1000,
      groups: grouping.groups(),
    },
  };
}
