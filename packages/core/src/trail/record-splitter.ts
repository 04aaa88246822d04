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
  return new Splitter(options);
}

/**
 * The splitter's state and its scan, as a class: its methods are one function each for every splitter,
 * so that the scan compiled for one file serves the next (a closure made per splitter was compiled
 * again for many of the files of a folder: 11–19 optimising compiles of 12–36 ms over 144 files).
 */
class Splitter implements RecordSplitter {
  private readonly maxRecord: number;
  private readonly onRecord: RecordSplitterOptions['onRecord'];
  // the current chunk; a record begun in earlier chunks is kept as pieces (copied once, joined once)
  private buffer: Uint8Array = EMPTY;
  private carry: Uint8Array[] = [];
  private carryBytes = 0;
  private keyCarry: Uint8Array | null = null; // the start of a watched key cut by a chunk's end
  private base: number; // absolute offset of buffer[0]
  private total = 0;
  private recordCount = 0;
  private line = 1;
  private lineStart: number; // absolute offset of the current line's first byte
  // container stack: 1 object, 2 array
  private readonly stack = new Uint8Array(MAX_DEPTH + 1);
  private depth = 0;
  private inString = false;
  private escaped = false;
  private expectKey = false;
  private keyStart = NONE; // buffer index of a watched key's first byte, IN_CARRY when in keyCarry
  private afterRecordsKey = false; // a depth-1 `"Records":` was read; `[` makes it the records array
  private recordsArrayDepth = -1; // depth of the array whose elements are records (1 or 2), -1 when none
  private recordStart = NONE; // buffer index of the current record's `{`, IN_CARRY when it began earlier
  private recordAt: SplitPosition = { line: 1, column: 1, offset: 0 };
  private recordDepth = 0; // depth inside the current record's `{`
  private failed = false;
  private problem: SplitProblem | null = null;
  private bomSeen: number;

  constructor(options: RecordSplitterOptions) {
    this.maxRecord = options.maxRecordBytes ?? 64 * 1024 * 1024;
    this.onRecord = options.onRecord;
    const resume = options.resume;
    this.base = resume?.offset ?? 0;
    this.lineStart = this.base;
    this.bomSeen = resume === undefined ? 0 : BOM.length;
    if (resume !== undefined) {
      // the containers around the records: `{"Records": [` (2), `[` (1) or none (0)
      this.depth = resume.recordsDepth;
      if (this.depth === 2) this.stack[1] = 1;
      if (this.depth > 0) this.stack[this.depth] = 2;
      this.recordsArrayDepth = this.depth > 0 ? this.depth : -1;
    }
  }

  private fail(code: SplitProblem['code'], message: string, atLine: number, column: number): SplitProblem {
    this.problem = { code, message, line: atLine, column };
    return this.problem;
  }

  /** Whether the key string from `start` (of the chunk, or {@link IN_CARRY}) to `end` (exclusive) is `key`. */
  private keyIs(start: number, end: number, key: Uint8Array): boolean {
    const head = start === IN_CARRY ? (this.keyCarry ?? EMPTY) : EMPTY;
    const from = start === IN_CARRY ? 0 : start;
    if (head.length + end - from !== key.length) return false;
    for (let k = 0; k < head.length; k += 1) if (head[k] !== key[k]) return false;
    for (let k = head.length; k < key.length; k += 1)
      if (this.buffer[from + k - head.length] !== key[k]) return false;
    return true;
  }

  /** Hands the record from `start` (of the chunk, or {@link IN_CARRY}) to `end` (exclusive) over. */
  private emit(start: number, end: number, isFailed: boolean): void {
    if (start === IN_CARRY) {
      const joined = new Uint8Array(this.carryBytes + end);
      let at = 0;
      for (const piece of this.carry) {
        joined.set(piece, at);
        at += piece.length;
      }
      joined.set(this.buffer.subarray(0, end), at);
      this.carry = [];
      this.carryBytes = 0;
      this.onRecord(joined, 0, joined.length, isFailed, this.recordAt);
    } else {
      this.onRecord(this.buffer, start, end, isFailed, this.recordAt);
    }
    this.recordCount += 1;
  }

  /**
   * Scans the current chunk. The state lives in locals while the bytes are read (fields cost a memory
   * access each) and is written back when the chunk is done; inside a string a native
   * search runs to the closing quote.
   */
  private scan(): SplitProblem | null {
    const b = this.buffer;
    const n = b.length;
    const kinds = this.stack;
    const base = this.base;
    let i = 0;
    let nextBackslash = -1;
    let inStr = this.inString;
    let esc = this.escaped;
    let d = this.depth;
    let wantKey = this.expectKey;
    let keyAt = this.keyStart;
    let afterRecords = this.afterRecordsKey;
    let recordsAt = this.recordsArrayDepth;
    let start = this.recordStart;
    let startDepth = this.recordDepth;
    let isFailed = this.failed;
    let lines = this.line;
    let lineAt = this.lineStart;
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
          if (d === 1 && recordsAt < 0 && this.keyIs(keyAt, i, RECORDS_KEY)) afterRecords = true;
          if (start !== NONE && d === startDepth && this.keyIs(keyAt, i, ERROR_CODE_KEY)) isFailed = true;
          keyAt = NONE;
          this.keyCarry = null;
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
            return this.fail(
              'too-deep',
              `nesting deeper than ${MAX_DEPTH} levels`,
              lines,
              base + i - lineAt + 1,
            );
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
            this.carry = [];
            this.carryBytes = 0;
            isFailed = false;
          } else if (!isArray && d === recordsAt && start === NONE) {
            startsRecord = true;
          } else if (d === recordsAt) {
            return this.fail(
              'bad-json',
              'expected a CloudTrail record (a JSON object) in the records array',
              lines,
              base + i - lineAt + 1,
            );
          }
          if (startsRecord) {
            start = i;
            this.carry = [];
            this.carryBytes = 0;
            startDepth = d + 1;
            isFailed = false;
            this.recordAt = { line: lines, column: base + i - lineAt + 1, offset: base + i };
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
            return this.fail(
              'bad-json',
              `unexpected \`${String.fromCharCode(c)}\``,
              lines,
              base + i - lineAt + 1,
            );
          }
          d -= 1;
          wantKey = false;
          if (start !== NONE && d === startDepth - 1) {
            this.emit(start, i + 1, isFailed);
            start = NONE;
            isFailed = false;
          }
          if (d === 1 && recordsAt === 2 && c === CLOSE_ARRAY) recordsAt = -1;
          if (d === 0) recordsAt = -1;
          break;
        }
        case COMMA:
          if (d === 0)
            return this.fail('bad-json', 'unexpected `,` between records', lines, base + i - lineAt + 1);
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
          if (d === 0 && base + i === this.bomSeen && c === BOM[this.bomSeen]) {
            // a byte order mark before the first record
            this.bomSeen += 1;
            lineAt = base + i + 1;
            break;
          }
          if (d === 0) {
            return this.fail(
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
    this.inString = inStr;
    this.escaped = esc;
    this.depth = d;
    this.expectKey = wantKey;
    this.keyStart = keyAt;
    this.afterRecordsKey = afterRecords;
    this.recordsArrayDepth = recordsAt;
    this.recordStart = start;
    this.recordDepth = startDepth;
    this.failed = isFailed;
    this.line = lines;
    this.lineStart = lineAt;
    return null;
  }

  push(chunk: Uint8Array): SplitProblem | null {
    if (this.problem !== null) return this.problem;
    this.total += chunk.length;
    this.buffer = chunk;
    const found = this.scan();
    if (found !== null) return found;
    // keep the record being read (and a watched key cut at the chunk's end), copied once
    if (this.recordStart !== NONE) {
      // a copy: the caller may reuse the chunk's memory (and Node's Buffer#slice is a view)
      const piece = copyOf(this.recordStart === IN_CARRY ? chunk : chunk.subarray(this.recordStart));
      this.carry.push(piece);
      this.carryBytes += piece.length;
      this.recordStart = IN_CARRY;
      if (this.carryBytes > this.maxRecord) {
        return this.fail(
          'record-too-large',
          `a record larger than ${this.maxRecord} bytes`,
          this.line,
          this.base + chunk.length - this.lineStart + 1,
        );
      }
    }
    if (this.keyStart !== NONE) {
      const head = this.keyStart === IN_CARRY ? (this.keyCarry ?? EMPTY) : EMPTY;
      const rest = this.keyStart === IN_CARRY ? chunk : chunk.subarray(this.keyStart);
      if (head.length + rest.length > MAX_WATCHED_KEY) {
        this.keyStart = NONE; // too long to be a watched key
        this.keyCarry = null;
      } else {
        const joined = new Uint8Array(head.length + rest.length);
        joined.set(head, 0);
        joined.set(rest, head.length);
        this.keyCarry = joined;
        this.keyStart = IN_CARRY;
      }
    }
    this.base += chunk.length;
    this.buffer = EMPTY;
    return null;
  }

  end(): SplitProblem | null {
    if (this.problem !== null) return this.problem;
    if (this.inString || this.depth > 0) {
      return this.fail(
        'bad-json',
        'unexpected end of the input inside a record',
        this.line,
        this.base - this.lineStart + 1,
      );
    }
    return null;
  }

  get bytes(): number {
    return this.total;
  }

  get records(): number {
    return this.recordCount;
  }

  between(): RecordsDepth | null {
    if (this.problem !== null || this.inString || this.recordStart !== NONE) return null;
    const stack = this.stack;
    if (this.depth === 0) return 0;
    if (this.depth === 1 && this.recordsArrayDepth === 1 && stack[1] === 2) return 1;
    if (this.depth === 2 && this.recordsArrayDepth === 2 && stack[1] === 1 && stack[2] === 2) return 2;
    return null;
  }

  cursor(): { readonly line: number; readonly lineStart: number } {
    return { line: this.line, lineStart: this.lineStart };
  }
}
