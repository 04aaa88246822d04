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
}

/** A running splitter: push chunks in order, then end. A problem stops it. */
export interface RecordSplitter {
  push(chunk: Uint8Array): SplitProblem | null;
  end(): SplitProblem | null;
  /** Bytes pushed so far. */
  readonly bytes: number;
  /** Records emitted so far. */
  readonly records: number;
}

const MAX_DEPTH = 512;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
const NEWLINE = 0x0a;

const BOM = [0xef, 0xbb, 0xbf];
const NONE = -1;
const IN_CARRY = -2;
const EMPTY = new Uint8Array(0);
/** Longer than any key the splitter watches (`Records`, `errorCode`). */
const MAX_WATCHED_KEY = 16;
const RECORDS_KEY = bytesOf('Records');
const ERROR_CODE_KEY = bytesOf('errorCode');

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
  let base = 0; // absolute offset of buffer[0]
  let total = 0;
  let records = 0;
  let line = 1;
  let lineStart = 0; // absolute offset of the current line's first byte
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
  let bomSeen = 0;

  const fail = (code: SplitProblem['code'], message: string, index: number): SplitProblem => {
    const offset = base + index;
    problem = { code, message, line, column: offset - lineStart + 1 };
    return problem;
  };

  /** Whether the key string ending at `end` (exclusive) of the chunk is `key`. */
  const keyIs = (end: number, key: Uint8Array): boolean => {
    const head = keyStart === IN_CARRY ? (keyCarry ?? EMPTY) : EMPTY;
    const start = keyStart === IN_CARRY ? 0 : keyStart;
    if (head.length + end - start !== key.length) return false;
    for (let k = 0; k < head.length; k += 1) if (head[k] !== key[k]) return false;
    for (let k = head.length; k < key.length; k += 1)
      if (buffer[start + k - head.length] !== key[k]) return false;
    return true;
  };

  const emit = (end: number): void => {
    if (recordStart === IN_CARRY) {
      const joined = new Uint8Array(carryBytes + end);
      let at = 0;
      for (const piece of carry) {
        joined.set(piece, at);
        at += piece.length;
      }
      joined.set(buffer.subarray(0, end), at);
      carry = [];
      carryBytes = 0;
      onRecord(joined, 0, joined.length, failed, recordAt);
    } else {
      onRecord(buffer, recordStart, end, failed, recordAt);
    }
    records += 1;
    recordStart = NONE;
    failed = false;
  };

  const scan = (): SplitProblem | null => {
    const b = buffer;
    const n = b.length;
    let i = 0;
    let nextBackslash = -1;
    while (i < n) {
      if (inString) {
        if (escaped) {
          escaped = false;
          i += 1;
          continue;
        }
        // run to the next quote natively; a backslash before it escapes the next byte
        let quote = b.indexOf(QUOTE, i);
        if (quote < 0) quote = n;
        if (nextBackslash < i) {
          nextBackslash = b.indexOf(BACKSLASH, i);
          if (nextBackslash < 0) nextBackslash = n;
        }
        if (nextBackslash < quote) {
          escaped = true;
          i = nextBackslash + 1;
          continue;
        }
        if (quote === n) {
          i = n;
          break;
        }
        inString = false;
        if (keyStart !== NONE) {
          if (depth === 1 && recordsArrayDepth < 0 && keyIs(quote, RECORDS_KEY)) afterRecordsKey = true;
          if (recordStart !== NONE && depth === recordDepth && keyIs(quote, ERROR_CODE_KEY)) failed = true;
          keyStart = NONE;
          keyCarry = null;
        }
        i = quote + 1;
        continue;
      }
      const c = b[i] as number;
      switch (c) {
        case QUOTE:
          inString = true;
          afterRecordsKey = false;
          if (expectKey && (depth === 1 || (recordStart !== NONE && depth === recordDepth))) keyStart = i + 1;
          expectKey = false;
          break;
        case OPEN_OBJECT:
        case OPEN_ARRAY: {
          if (depth === MAX_DEPTH) return fail('too-deep', `nesting deeper than ${MAX_DEPTH} levels`, i);
          const isArray = c === OPEN_ARRAY;
          if (depth === 0) {
            if (isArray) recordsArrayDepth = 1;
            else startRecord(i);
          } else if (isArray && afterRecordsKey && depth === 1) {
            // `{"Records": [`: the wrapper is no record; its array's elements are
            recordsArrayDepth = 2;
            recordStart = NONE;
            carry = [];
            carryBytes = 0;
            failed = false;
          } else if (!isArray && depth === recordsArrayDepth && recordStart === NONE) {
            startRecord(i);
          } else if (depth === recordsArrayDepth) {
            return fail('bad-json', 'expected a CloudTrail record (a JSON object) in the records array', i);
          }
          afterRecordsKey = false;
          depth += 1;
          stack[depth] = isArray ? 2 : 1;
          expectKey = !isArray;
          break;
        }
        case CLOSE_OBJECT:
        case CLOSE_ARRAY: {
          const want = c === CLOSE_ARRAY ? 2 : 1;
          if (depth === 0 || stack[depth] !== want) {
            return fail('bad-json', `unexpected \`${String.fromCharCode(c)}\``, i);
          }
          depth -= 1;
          expectKey = false;
          if (recordStart !== NONE && depth === recordDepth - 1) emit(i + 1);
          if (depth === 1 && recordsArrayDepth === 2 && c === CLOSE_ARRAY) recordsArrayDepth = -1;
          if (depth === 0) recordsArrayDepth = -1;
          break;
        }
        case COMMA:
          if (depth === 0) return fail('bad-json', 'unexpected `,` between records', i);
          expectKey = stack[depth] === 1;
          break;
        case NEWLINE:
          line += 1;
          lineStart = base + i + 1;
          break;
        case 0x20:
        case 0x09:
        case 0x0d:
        case COLON:
          break;
        default:
          if (depth === 0 && base + i === bomSeen && c === BOM[bomSeen]) {
            // a byte order mark before the first record
            bomSeen += 1;
            lineStart = base + i + 1;
            break;
          }
          if (depth === 0) {
            return fail(
              'bad-json',
              'expected a CloudTrail record, a `{"Records": [...]}` file or JSON Lines',
              i,
            );
          }
          afterRecordsKey = false; // `"Records": 1`, a value that is no array
      }
      i += 1;
    }
    return null;
  };

  function startRecord(i: number): void {
    recordStart = i;
    carry = [];
    carryBytes = 0;
    recordDepth = depth + 1;
    failed = false;
    recordAt = { line, column: base + i - lineStart + 1, offset: base + i };
  }

  return {
    push(chunk) {
      if (problem !== null) return problem;
      total += chunk.length;
      buffer = chunk;
      const found = scan();
      if (found !== null) return found;
      // keep the record being read (and a watched key cut at the chunk's end), copied once
      if (recordStart !== NONE) {
        const piece = recordStart === IN_CARRY ? chunk.slice() : chunk.slice(recordStart);
        carry.push(piece);
        carryBytes += piece.length;
        recordStart = IN_CARRY;
        if (carryBytes > maxRecord) {
          return fail('record-too-large', `a record larger than ${maxRecord} bytes`, chunk.length);
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
        return fail('bad-json', 'unexpected end of the input inside a record', 0);
      }
      return null;
    },
    get bytes() {
      return total;
    },
    get records() {
      return records;
    },
  };
}
