import { parseJson } from '../json/parse-json.js';
import { createRecordSplitter, type RecordsDepth } from './record-splitter.js';
import { readTrailDenial } from './trail-denial.js';
import type { TrailFilter } from './trail-filter.js';
import type { TrailGrouping } from './trail-groups.js';

/** Decodes the UTF-8 text `bytes.subarray(start, end)` (the platform's decoder, injected). */
export type Utf8Decoder = (bytes: Uint8Array, start: number, end: number) => string;

/** Why a log cannot be read; `line` and `column` are 1-based (column in bytes) within the log. */
export interface TrailScanProblem {
  readonly code: 'bad-json' | 'record-too-large' | 'too-deep';
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/** Options of {@link createTrailScan}. */
export interface TrailScanOptions {
  readonly filter: TrailFilter;
  /** The grouping the logs' denials go into (one per analysis, shared by its logs). */
  readonly grouping: TrailGrouping;
  readonly decode: Utf8Decoder;
  /** The log as the reader names it (a path, a dropped file's name): where a group's example is. */
  readonly source: string;
  /**
   * Scans a shard of the log that starts between two records at `offset` (see `planTrailShards`);
   * places are then counted from there (`joinTrailShards` puts them back in the log).
   */
  readonly resume?: { readonly recordsDepth: RecordsDepth; readonly offset: number };
}

/** Where a shard's scan stopped: between records (their depth) or not, and the line it was on. */
export interface TrailShardEnd {
  readonly between: RecordsDepth | null;
  /** The line being read, 1-based from the shard's first byte, and the log offset of its first byte. */
  readonly line: number;
  readonly lineStart: number;
}

/** Counts of one log's scan. */
export interface TrailScanCounts {
  /** Records read, failed records (with a top-level `errorCode`), denials kept after the filter. */
  readonly records: number;
  readonly failed: number;
  readonly denials: number;
}

/** The scan of one log's JSON bytes: push them in order, then end; a problem stops it. */
export interface TrailScan {
  push(chunk: Uint8Array): TrailScanProblem | null;
  end(): TrailScanProblem | null;
  counts(): TrailScanCounts;
  /** Where the bytes pushed so far end (for a shard: checked against where the next one starts). */
  shardEnd(): TrailShardEnd;
}

/**
 * Scans one CloudTrail log's bytes into a grouping: the records are split from the stream (see
 * `createRecordSplitter`), only records with a top-level `errorCode` are decoded and parsed, each read
 * by `readTrailDenial` and kept when the filter keeps it. What `trail` and the web page both run.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 */
export function createTrailScan(options: TrailScanOptions): TrailScan {
  const { filter, grouping, decode, source } = options;
  let failed = 0;
  let denials = 0;
  let problem: TrailScanProblem | null = null;
  const splitter = createRecordSplitter({
    ...(options.resume === undefined ? {} : { resume: options.resume }),
    onRecord(bytes, start, end, isFailed, at) {
      if (!isFailed || problem !== null) return;
      failed += 1;
      const text = decode(bytes, start, end);
      let record: unknown;
      try {
        record = JSON.parse(text);
      } catch {
        const parsed = parseJson(text);
        if (parsed.ok) return;
        const first = parsed.diagnostics[0];
        const from = first?.span?.start;
        // the record's own position shifted to where it starts in the log
        problem = {
          code: 'bad-json',
          message: first?.message ?? 'the record is no JSON',
          line: (from?.line ?? 1) - 1 + at.line,
          column: from === undefined || from.line > 1 ? (from?.column ?? 1) : from.column + at.column - 1,
        };
        return;
      }
      const reading = readTrailDenial(record);
      if (!reading.ok || !filter.keeps(reading.denial)) return;
      denials += 1;
      grouping.add(reading.denial, text, { source, line: at.line, column: at.column });
    },
  });
  return {
    push(chunk) {
      return splitter.push(chunk) ?? problem;
    },
    end() {
      return problem ?? splitter.end();
    },
    counts() {
      return { records: splitter.records, failed, denials };
    },
    shardEnd() {
      const { line, lineStart } = splitter.cursor();
      return { between: problem === null ? splitter.between() : null, line, lineStart };
    },
  };
}

/** How much of a log's head {@link looksLikeTrailLog} reads (CloudTrail records are a few KiB). */
export const TRAIL_HEAD_BYTES = 64 * 1024;

/**
 * Whether the head of a log (its first bytes, after gunzip) is CloudTrail records: the first record
 * split from it (a `{"Records": [...]}` element, an array element or a JSON line) parses as an object
 * with `eventVersion`, `eventSource` and `eventName`, fields AWS documents as present in every record
 * (Optional: False). Any other JSON (a policy, evidence) is not, nor is a head that ends before its
 * first record does.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 */
export function looksLikeTrailLog(head: Uint8Array, decode: Utf8Decoder): boolean {
  let first: string | null = null;
  const splitter = createRecordSplitter({
    onRecord(bytes, start, end) {
      first ??= decode(bytes, start, end);
    },
  });
  if (splitter.push(head) !== null || first === null) return false;
  let record: unknown;
  try {
    record = JSON.parse(first);
  } catch {
    return false;
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return false;
  const fields = record as Record<string, unknown>;
  return (
    typeof fields.eventVersion === 'string' &&
    typeof fields.eventSource === 'string' &&
    typeof fields.eventName === 'string'
  );
}
