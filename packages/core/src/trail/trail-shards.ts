/**
 * One large plain log scanned in shards, side by side: the log is cut at byte offsets, each shard
 * after the first starts where a record seems to start and is scanned as if between two records;
 * the seams are then checked (the shard before must end exactly between two records, at the same
 * depth) and the shards' groups merged in order. A seam that disagrees (the cut fell inside a
 * string that reads like a record's start) means the log is scanned from its start instead: the
 * result is always that of one scan from the start.
 */
import {
  COMMA,
  createRecordSplitter,
  NEWLINE,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
  type RecordsDepth,
} from './record-splitter.js';
import type { TrailGroup, TrailGrouping } from './trail-groups.js';
import type { TrailShardEnd } from './trail-scan.js';

/** Where each shard of a log starts (the first at 0, in order) and how deep its records lie. */
export interface TrailShardPlan {
  readonly recordsDepth: RecordsDepth;
  readonly starts: readonly number[];
  readonly size: number;
}

/** How much is read after a cut to find where the next record starts. */
export const SHARD_WINDOW_BYTES = 1 << 20;

const RETURN = 0x0d;
/**
 * The key CloudTrail writes first in every record (Optional: False in the record contents).
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 */
const FIRST_KEY = Uint8Array.from('"eventVersion"', (c) => c.charCodeAt(0));

/**
 * The depth of a log's records, told by its head: where the first record ends, the splitter is
 * between records at that depth. `null` when the head holds no whole record or does not split.
 */
export function recordsDepthOf(head: Uint8Array): RecordsDepth | null {
  let firstEnd = -1;
  const first = createRecordSplitter({
    onRecord(_bytes, start, end, _failed, at) {
      if (firstEnd < 0) firstEnd = at.offset + (end - start);
    },
  });
  if (first.push(head) !== null || firstEnd < 0) return null;
  const upTo = createRecordSplitter({ onRecord: () => undefined });
  if (upTo.push(head.subarray(0, firstEnd)) !== null) return null;
  return upTo.between();
}

function isSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** The index before `from` (counting down) of the first byte that is no whitespace, -1 when none. */
function backOverSpace(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i >= 0 && isSpace(bytes[i])) i -= 1;
  return i;
}

/**
 * Where in `window` (bytes of the log after a cut, not the log's first) a record seems to start:
 * for JSON Lines the `{` opening a line (not indented); inside an array the `{` of a `{"eventVersion"` that follows
 * `,` or `[`. A guess (a string may hold such text): the seam check decides. -1 when none is seen.
 */
export function shardStartIn(window: Uint8Array, recordsDepth: RecordsDepth): number {
  if (recordsDepth === 0) {
    for (let nl = window.indexOf(NEWLINE); nl >= 0; nl = window.indexOf(NEWLINE, nl + 1)) {
      // a line's first byte (blank lines and CRLF skipped); an indented `{` is a nested object's
      let i = nl + 1;
      while (window[i] === NEWLINE || window[i] === RETURN) i += 1;
      if (window[i] === OPEN_OBJECT) return i;
    }
    return -1;
  }
  for (let key = window.indexOf(FIRST_KEY[0] as number); key >= 0; key = window.indexOf(QUOTE, key + 1)) {
    if (!startsWith(window, key, FIRST_KEY)) continue;
    const open = backOverSpace(window, key - 1);
    if (open < 0 || window[open] !== OPEN_OBJECT) continue;
    const before = window[backOverSpace(window, open - 1)];
    if (before === COMMA || before === OPEN_ARRAY) return open;
  }
  return -1;
}

function startsWith(bytes: Uint8Array, at: number, prefix: Uint8Array): boolean {
  if (at + prefix.length > bytes.length) return false;
  for (let k = 0; k < prefix.length; k += 1) if (bytes[at + k] !== prefix[k]) return false;
  return true;
}

/**
 * Cuts a plain log of `size` bytes into shards near the byte offsets `cuts`: each shard after the
 * first starts at the first record start seen after its cut. `head` is the log's first bytes,
 * `windowAt(offset)` reads up to {@link SHARD_WINDOW_BYTES} from an offset. `null` when the log
 * cannot be cut (its head tells no records' depth, or no record start was seen after any cut).
 */
export function planTrailShards(
  head: Uint8Array,
  size: number,
  cuts: readonly number[],
  windowAt: (offset: number) => Uint8Array,
): TrailShardPlan | null {
  const recordsDepth = recordsDepthOf(head);
  if (recordsDepth === null) return null;
  const starts = [0];
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    if (cut <= (starts[starts.length - 1] as number) || cut >= size) continue;
    const found = shardStartIn(windowAt(cut), recordsDepth);
    if (found >= 0 && cut + found < size) starts.push(cut + found);
  }
  return starts.length < 2 ? null : { recordsDepth, starts, size };
}

/** `count - 1` cuts making `count` shards of about equal size. */
export function evenCuts(size: number, count: number): number[] {
  return Array.from({ length: Math.max(0, count - 1) }, (_, k) => Math.floor(((k + 1) * size) / count));
}

/** What scanning one shard gave: its groups and where it ended; `end` is `null` when it met a problem. */
export interface TrailShardResult {
  readonly groups: readonly TrailGroup[];
  readonly end: TrailShardEnd | null;
}

/**
 * Merges the shards' groups (in the plan's order) into `grouping` when every seam holds: each shard
 * but the last ended between records at the plan's depth, where the next began. Places of examples
 * are put back in the log (lines counted across shards). `false` when a seam disagrees or a shard
 * met a problem, `grouping` untouched: scan the log from its start instead.
 */
export function joinTrailShards(
  plan: TrailShardPlan,
  results: readonly TrailShardResult[],
  grouping: TrailGrouping,
): boolean {
  if (results.length !== plan.starts.length) return false;
  for (let k = 0; k < results.length; k += 1) {
    const end = results[k]?.end;
    if (end === null || end === undefined) return false;
    if (k < results.length - 1 && end.between !== plan.recordsDepth) return false;
  }
  let line = 1; // of the shard's first byte in the log
  let lineStart = 0;
  results.forEach((result, k) => {
    const start = plan.starts[k] as number;
    const shift = start - lineStart;
    grouping.merge(
      result.groups.map((group) =>
        group.exampleAt === null || k === 0
          ? group
          : {
              ...group,
              exampleAt: {
                ...group.exampleAt,
                line: line + group.exampleAt.line - 1,
                column: group.exampleAt.line === 1 ? group.exampleAt.column + shift : group.exampleAt.column,
              },
            },
      ),
    );
    const end = result.end as TrailShardEnd;
    // the first shard's lines are the log's; a later one's first line began before it
    if (k === 0 || end.line > 1) lineStart = end.lineStart;
    line += end.line - 1;
  });
  return true;
}
