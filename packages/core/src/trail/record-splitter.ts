/**
 * Splits a stream of CloudTrail log bytes into records without holding the input whole: a
 * `{"Records": [...]}` file of any size (its array's elements), a JSON array of records, JSON Lines
 * or any sequence of top-level records. The bytes are scanned once, aware of strings and escapes;
 * only the record being read is buffered. Each record says whether its own top level has an
 * `errorCode` key, so that only failed events need to be decoded and parsed.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-examples.html
 */

/** Where a record starts: 1-based line and 1-based column (in bytes) of its `{`, 0-based byte offset. */
export interface SplitPosition {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** Why the bytes cannot be split; `line` and `column` are 1-based (column in bytes). */
export interface SplitProblem {
  readonly code: 'bad-json' | 'record-too-large' | 'too-deep';
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/** Options of {@link createRecordSplitter}. */
export interface RecordSplitterOptions {
  /**
   * Called with each record: `bytes.subarray(start, end)` is its JSON text, valid during the call only.
   * `failed` is whether the record's own top level has an `errorCode` key.
   */
  readonly onRecord: (
    bytes: Uint8Array,
    start: number,
    end: number,
    failed: boolean,
    at: SplitPosition,
  ) => void;
  /** A record larger than this is a problem (default 64 MiB; CloudTrail events are far smaller). */
  readonly maxRecordBytes?: number;
  /**
   * Starts between two records instead of at the start of the input: the first byte pushed is at
   * `offset` of the input, inside the records at `recordsDepth` (see {@link RecordsDepth}). Lines are
   * then counted from that byte (line 1, columns from `offset`).
   */
  readonly resume?: { readonly recordsDepth: RecordsDepth; readonly offset: number };
}

/**
 * How deep the records lie: 0 at the top level (JSON Lines, records one after another), 1 in a
 * top-level array, 2 in the array of a `{"Records": [...]}` object.
 */
export type RecordsDepth = 0 | 1 | 2;

/** A running splitter: push chunks in order, then end. A problem stops it. */
export interface RecordSplitter {
  /** Scans the next chunk; what it keeps of it is copied, so the caller may reuse the chunk's memory. */
  push(chunk: Uint8Array): SplitProblem | null;
  end(): SplitProblem | null;
  /** Bytes pushed so far. */
  readonly bytes: number;
  /** Records emitted so far. */
  readonly records: number;
  /**
   * The depth of the records when the bytes pushed so far end between two records (outside any
   * record or string, where a resumed splitter at that depth would start), `null` otherwise.
   */
  between(): RecordsDepth | null;
  /** The line being read (1-based, counted from the first byte pushed) and the offset of its first byte. */
  cursor(): { readonly line: number; readonly lineStart: number };
}

const MAX_DEPTH = 512;
/** JSON's structural bytes, also read by the shard planner (`trail-shards.ts`). */
export const QUOTE = 0x22;
const BACKSLASH = 0x5c;
export const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
export const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
export const COMMA = 0x2c;
const COLON = 0x3a;
export const NEWLINE = 0x0a;

const BOM = [0xef, 0xbb, 0xbf];
const NONE = -1;
const IN_CARRY = -2;
const EMPTY = new Uint8Array(0);
/** Longer than any key the splitter watches (`Records`, `errorCode`). */
const MAX_WATCHED_KEY = 16;
const RECORDS_KEY = bytesOf('Records');
const ERROR_CODE_KEY = bytesOf('errorCode');

/** The bytes in memory of their own. */
function copyOf(bytes: Uint8Array): Uint8Array {
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy;
}

function bytesOf(ascii: string): Uint8Array {
  return Uint8Array.from(ascii, (c) => c.charCodeAt(0));
}

/** Creates a splitter. */
export function createRecordSplitter(options: RecordSplitterOptions): RecordSplitter {
  const maxRecord = options.maxRecordBytes ?? 64 * 1024 * 1024;
  const onRecord = options.onRecord;
  // the current chunk; a record begun in earlier chunks is kept as pieces (copied once, joined once)
  let buffer: Uint8Array = new Uint8Array(0);
  let carry: Uint8Array[] = [];
  let carryBytes = 0;
  let keyCarry: Uint8Array | null = null; // the start of a watched key cut by a chunk's end
  const resume = options.resume;
  let base = resume?.offset ?? 0; // absolute offset of buffer[0]
  let total = 0;
  let records = 0;
  let line = 1;
  let lineStart = base; // absolute offset of the current line's first byte
  // container stack: 1 object, 2 array
  const stack = new Uint8Array(MAX_DEPTH + 1);
  let depth = 0;
  let inString = false;
  let escaped = false;
  let expectKey = false;
  let keyStart = NONE; // buffer index of a watched key's first byte, IN_CARRY when in keyCarry
  let afterRecordsKey = false; // a depth-1 `"Records":` was read; `[` makes it the records array
  let recordsArrayDepth = -1; // depth of the array whose elements are records (1 or 2), -1 when none
  let recordStart = NONE; // buffer index of the current record's `{`, IN_CARRY when it began earlier
  let recordAt: SplitPosition = { line: 1, column: 1, offset: 0 };
  let recordDepth = 0; // depth inside the current record's `{`
  let failed = false;
  let problem: SplitProblem | null = null;
  let bomSeen = resume === undefined ? 0 : BOM.length;
  if (resume !== undefined) {
    // the containers around the records: `{"Records": [` (2), `[` (1) or none (0)
    depth = resume.recordsDepth;
    if (depth === 2) stack[1] = 1;
    if (depth > 0) stack[depth] = 2;
    recordsArrayDepth = depth > 0 ? depth : -1;
  }

  const fail = (
    code: SplitProblem['code'],
    message: string,
    atLine: number,
    column: number,
  ): SplitProblem => {
    problem = { code, message, line: atLine, column };
    return problem;
  };

  /** Whether the key string from `start` (of the chunk, or {@link IN_CARRY}) to `end` (exclusive) is `key`. */
  const keyIs = (start: number, end: number, key: Uint8Array): boolean => {
    const head = start === IN_CARRY ? (keyCarry ?? EMPTY) : EMPTY;
    const from = start === IN_CARRY ? 0 : start;
    if (head.length + end - from !== key.length) return false;
    for (let k = 0; k < head.length; k += 1) if (head[k] !== key[k]) return false;
    for (let k = head.length; k < key.length; k += 1)
      if (buffer[from + k - head.length] !== key[k]) return false;
    return true;
  };

  /** Hands the record from `start` (of the chunk, or {@link IN_CARRY}) to `end` (exclusive) over. */
  const emit = (start: number, end: number, isFailed: boolean): void => {
    if (start === IN_CARRY) {
      const joined = new Uint8Array(carryBytes + end);
      let at = 0;
      for (const piece of carry) {
        joined.set(piece, at);
        at += piece.length;
      }
      joined.set(buffer.subarray(0, end), at);
      carry = [];
      carryBytes = 0;
      onRecord(joined, 0, joined.length, isFailed, recordAt);
    } else {
      onRecord(buffer, start, end, isFailed, recordAt);
    }
    records += 1;
  };

  /**
   * Scans the current chunk. The state lives in locals while the bytes are read (closure variables
   * cost a memory access each) and is written back when the chunk is done; inside a string a native
   * search runs to the closing quote.
   */
  const scan = (): SplitProblem | null => {
    const b = buffer;
    const n = b.length;
    const kinds = stack;
    let i = 0;
    let nextBackslash = -1;
    let inStr = inString;
    let esc = escaped;
    let d = depth;
    let wantKey = expectKey;
    let keyAt = keyStart;
    let afterRecords = afterRecordsKey;
    let recordsAt = recordsArrayDepth;
    let start = recordStart;
    let startDepth = recordDepth;
    let isFailed = failed;
    let lines = line;
    let lineAt = lineStart;
    if (inStr && esc && n > 0) {
      esc = false;
      i = 1;
    }
    while (i < n) {
      if (inStr) {
        // run to the next quote natively; a backslash before it escapes the next byte
        let quote = b.indexOf(QUOTE, i);
        if (quote < 0) quote = n;
        if (nextBackslash < i) {
          nextBackslash = b.indexOf(BACKSLASH, i);
          if (nextBackslash < 0) nextBackslash = n;
        }
        if (nextBackslash < quote) {
          i = nextBackslash + 2;
          if (i > n) esc = true;
          continue;
        }
        if (quote === n) {
          i = n;
          break;
        }
        i = quote;
        inStr = false;
        if (keyAt !== NONE) {
          if (d === 1 && recordsAt < 0 && keyIs(keyAt, i, RECORDS_KEY)) afterRecords = true;
          if (start !== NONE && d === startDepth && keyIs(keyAt, i, ERROR_CODE_KEY)) isFailed = true;
          keyAt = NONE;
          keyCarry = null;
        }
        i += 1;
        continue;
      }
      const c = b[i] as number;
      switch (c) {
        case QUOTE:
          inStr = true;
          afterRecords = false;
          if (wantKey && (d === 1 || (start !== NONE && d === startDepth))) keyAt = i + 1;
          wantKey = false;
          break;
        case OPEN_OBJECT:
        case OPEN_ARRAY: {
          if (d === MAX_DEPTH) {
            return fail('too-deep', `nesting deeper than ${MAX_DEPTH} levels`, lines, base + i - lineAt + 1);
          }
          const isArray = c === OPEN_ARRAY;
          let startsRecord = false;
          if (d === 0) {
            if (isArray) recordsAt = 1;
            else startsRecord = true;
          } else if (isArray && afterRecords && d === 1) {
            // `{"Records": [`: the wrapper is no record; its array's elements are
            recordsAt = 2;
            start = NONE;
            carry = [];
            carryBytes = 0;
            isFailed = false;
          } else if (!isArray && d === recordsAt && start === NONE) {
            startsRecord = true;
          } else if (d === recordsAt) {
            return fail(
              'bad-json',
              'expected a CloudTrail record (a JSON object) in the records array',
              lines,
              base + i - lineAt + 1,
            );
          }
          if (startsRecord) {
            start = i;
            carry = [];
            carryBytes = 0;
            startDepth = d + 1;
            isFailed = false;
            recordAt = { line: lines, column: base + i - lineAt + 1, offset: base + i };
          }
          afterRecords = false;
          d += 1;
          kinds[d] = isArray ? 2 : 1;
          wantKey = !isArray;
          break;
        }
        case CLOSE_OBJECT:
        case CLOSE_ARRAY: {
          const want = c === CLOSE_ARRAY ? 2 : 1;
          if (d === 0 || kinds[d] !== want) {
            return fail('bad-json', `unexpected \`${String.fromCharCode(c)}\``, lines, base + i - lineAt + 1);
          }
          d -= 1;
          wantKey = false;
          if (start !== NONE && d === startDepth - 1) {
            emit(start, i + 1, isFailed);
            start = NONE;
            isFailed = false;
          }
          if (d === 1 && recordsAt === 2 && c === CLOSE_ARRAY) recordsAt = -1;
          if (d === 0) recordsAt = -1;
          break;
        }
        case COMMA:
          if (d === 0)
            return fail('bad-json', 'unexpected `,` between records', lines, base + i - lineAt + 1);
          wantKey = kinds[d] === 1;
          break;
        case NEWLINE:
          lines += 1;
          lineAt = base + i + 1;
          break;
        case 0x20:
        case 0x09:
        case 0x0d:
        case COLON:
          break;
        default:
          if (d === 0 && base + i === bomSeen && c === BOM[bomSeen]) {
            // a byte order mark before the first record
            bomSeen += 1;
            lineAt = base + i + 1;
            break;
          }
          if (d === 0) {
            return fail(
              'bad-json',
              'expected a CloudTrail record, a `{"Records": [...]}` file or JSON Lines',
              lines,
              base + i - lineAt + 1,
            );
          }
          afterRecords = false; // `"Records": 1`, a value that is no array
      }
      i += 1;
    }
    inString = inStr;
    escaped = esc;
    depth = d;
    expectKey = wantKey;
    keyStart = keyAt;
    afterRecordsKey = afterRecords;
    recordsArrayDepth = recordsAt;
    recordStart = start;
    recordDepth = startDepth;
    failed = isFailed;
    line = lines;
    lineStart = lineAt;
    return null;
  };

  return {
    push(chunk) {
      if (problem !== null) return problem;
      total += chunk.length;
      buffer = chunk;
      const found = scan();
      if (found !== null) return found;
      // keep the record being read (and a watched key cut at the chunk's end), copied once
      if (recordStart !== NONE) {
        // a copy: the caller may reuse the chunk's memory (and Node's Buffer#slice is a view)
        const piece = copyOf(recordStart === IN_CARRY ? chunk : chunk.subarray(recordStart));
        carry.push(piece);
        carryBytes += piece.length;
        recordStart = IN_CARRY;
        if (carryBytes > maxRecord) {
          return fail(
            'record-too-large',
            `a record larger than ${maxRecord} bytes`,
            line,
            base + chunk.length - lineStart + 1,
          );
        }
      }
      if (keyStart !== NONE) {
        const head = keyStart === IN_CARRY ? (keyCarry ?? EMPTY) : EMPTY;
        const rest = keyStart === IN_CARRY ? chunk : chunk.subarray(keyStart);
        if (head.length + rest.length > MAX_WATCHED_KEY) {
          keyStart = NONE; // too long to be a watched key
          keyCarry = null;
        } else {
          const joined = new Uint8Array(head.length + rest.length);
          joined.set(head, 0);
          joined.set(rest, head.length);
          keyCarry = joined;
          keyStart = IN_CARRY;
        }
      }
      base += chunk.length;
      buffer = EMPTY;
      return null;
    },
    end() {
      if (problem !== null) return problem;
      if (inString || depth > 0) {
        return fail('bad-json', 'unexpected end of the input inside a record', line, base - lineStart + 1);
      }
      return null;
    },
    get bytes() {
      return total;
    },
    get records() {
      return records;
    },
    between() {
      if (problem !== null || inString || recordStart !== NONE) return null;
      if (depth === 0) return 0;
      if (depth === 1 && recordsArrayDepth === 1 && stack[1] === 2) return 1;
      if (depth === 2 && recordsArrayDepth === 2 && stack[1] === 1 && stack[2] === 2) return 2;
      return null;
    },
    cursor() {
      return { line, lineStart };
    },
  };
}
