import { continuesPhrase, followsValueStart, isPhraseWord, precedesValueEnd } from './wrap-phrases.js';

/**
 * Rejoins the lines of a pasted error that a terminal, PowerShell, a log viewer or a word-wrapping tool
 * broke at a fixed width, so that the reader sees each message whole again.
 *
 * Two kinds of break are undone:
 * - **hard wraps**: the text was cut every `width` characters, inside words, ARNs and ids, each
 *   continuation line perhaps indented. A line as long as the longest line is such a cut when at least
 *   two different lines are that long; it is joined to the next without adding anything (the exact
 *   inverse), its hanging indent removed. A single longest line is joined only where the cut shows: a
 *   word of the reader's phrases cut in two (`perf` / `orm:`), an ARN or action cut before its parts
 *   are complete, a bracket or quote left open, a value whose phrase goes on in the next line.
 * - **soft wraps**: the text was broken at a space that the tool then dropped (word wrapping, copied
 *   terminal rows with their trailing spaces trimmed). A break between two words of one of the phrases
 *   the reader looks for (`is not authorized to` / `perform:`, `on` / `resource:`, `User:` / `arn:…`)
 *   gets its space back.
 *
 * A line that opens a record of its own (a time stamp, a log level, `User: `, `An error occurred`, the
 * start of an earlier record again) is never joined to the one before, so the messages of a multi-error
 * paste stay apart. Each line is looked at a bounded number of times: linear in the text length.
 */
export function unwrapLines(text: string): string {
  if (!text.includes('\n')) {
    return text;
  }
  const lines = text.split('\n');
  const width = wrapWidth(lines);
  const full = lines.map((line) => width > 0 && isFullLine(line, width));
  const wrap: Wrap = { confirmed: hasTwoDistinctFullLines(lines, full), indent: hangingIndent(lines, full) };

  const first = lines[0] ?? '';
  const out: string[] = [first];
  const recordStarts = new Set<string>([recordKey(first)]);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const join = decideJoin(lines[i - 1] ?? '', line, full[i - 1] === true, wrap, recordStarts);
    if (join === null) {
      out.push('\n', line);
      recordStarts.add(recordKey(line));
    } else {
      out.push(join.glue, join.rest);
    }
  }
  return out.join('');
}

/** What the whole text says about how it was wrapped. */
interface Wrap {
  /** At least two lines that start differently fill the width: the text was hard-wrapped there. */
  readonly confirmed: boolean;
  /** Spaces that start each continuation line. */
  readonly indent: number;
}

interface Join {
  /** What replaces the line break: nothing (a cut inside a word) or a space (a dropped one). */
  readonly glue: '' | ' ';
  /** The continuation line without its hanging indent. */
  readonly rest: string;
}

/** Narrowest width taken for a wrapping terminal or viewer: shorter lines are left as they are. */
const MIN_WIDTH = 30;
/** Widest hanging indent recognised. */
const MAX_INDENT = 16;
/** How many leading characters of a line name the record it starts, to see the same record again. */
const RECORD_KEY_LENGTH = 24;
/** Fewest characters of a record's start that are compared to see it again. */
const MIN_RECORD_KEY = 12;
/** How many leading characters tell two full lines apart as pieces of different text. */
const DISTINCT_START = 12;

/** The width the text was wrapped at, if it was: the length of its longest line. */
function wrapWidth(lines: readonly string[]): number {
  let width = 0;
  for (const line of lines) {
    width = Math.max(width, line.length);
  }
  return width >= MIN_WIDTH ? width : 0;
}

/**
 * A line cut by a hard wrap fills the width, with at most one trailing space (a cut after a space keeps
 * it); a line padded with many spaces only ends there.
 */
function isFullLine(line: string, width: number): boolean {
  return line.length === width && trailingSpaces(line) <= 1;
}

/**
 * Two full lines that start differently: one may just be the longest line, and a message repeated, or
 * records of one fixed format (`\tstatus code: 403, request id: …`), fill it with lines alike.
 */
function hasTwoDistinctFullLines(lines: readonly string[], full: readonly boolean[]): boolean {
  let first: string | null = null;
  for (const [i, line] of lines.entries()) {
    if (full[i] === true) {
      const start = line.slice(0, DISTINCT_START);
      if (first === null) {
        first = start;
      } else if (start !== first) {
        return true;
      }
    }
  }
  return false;
}

/**
 * The indent of continuation lines: the most frequent count of leading spaces among the lines that follow
 * a full line, leaving out lines that open a record or a tool's frame. A continuation whose text itself
 * starts with a space has one more, so counts are taken down to even ones: indents are 2, 4 or 8 in
 * practice, and when every continuation starts with a space the two cannot be told apart otherwise.
 * Between equally frequent counts, the larger (the other is an unindented line that merely followed).
 */
function hangingIndent(lines: readonly string[], full: readonly boolean[]): number {
  const counts = new Array<number>(MAX_INDENT + 1).fill(0);
  for (let i = 0; i + 1 < lines.length; i++) {
    const next = lines[i + 1] ?? '';
    if (full[i] === true && isContinuationRow(next)) {
      const lead = Math.min(leadingSpaces(next), MAX_INDENT);
      const even = lead - (lead % 2);
      counts[even] = (counts[even] ?? 0) + 1;
    }
  }
  let best = 0;
  for (const [lead, count] of counts.entries()) {
    if (count > 0 && count >= (counts[best] ?? 0)) {
      best = lead;
    }
  }
  return best;
}

/** Whether a line may be a terminal's continuation row: not blank, tab-indented, framed, a log record or a brace. */
function isContinuationRow(line: string): boolean {
  const text = line.trimStart();
  return (
    text !== '' &&
    !line.startsWith('\t') &&
    FRAME.exec(line) === null &&
    !LOG_RECORD.test(text) &&
    !/^[{}]/.test(text)
  );
}

function decideJoin(
  before: string,
  line: string,
  beforeIsFull: boolean,
  wrap: Wrap,
  recordStarts: ReadonlySet<string>,
): Join | null {
  if (before.trim() === '' || line.trim() === '') {
    return null;
  }
  // a line of Terraform's frame (`│ …`) is one the tool printed, not a terminal's continuation row
  const frame = FRAME.exec(line);
  const cut = beforeIsFull && frame === null;
  const rest =
    frame !== null
      ? line.slice(frame[0].length)
      : cut
        ? line.slice(Math.min(wrap.indent, leadingSpaces(line)))
        : line.trimStart();
  if (
    rest.trim() === '' ||
    /^[{}]/.test(rest) ||
    startsRecord(rest, recordStarts, cut && wrap.confirmed, before)
  ) {
    return null;
  }
  const spaceBefore = isSpace(before.charCodeAt(before.length - 1));
  if (cut && (spaceBefore || isSpace(rest.charCodeAt(0)))) {
    // the cut fell next to a space, which is still there
    return { glue: '', rest };
  }
  const last = lastWords(before);
  const next = firstWords(rest);
  if (continuesPhrase(last, next)) {
    return { glue: spaceBefore ? '' : ' ', rest };
  }
  if (cut && (wrap.confirmed || showsCut(last, next) || !looksLikeNewLine(last, next))) {
    return { glue: '', rest };
  }
  return null;
}

/**
 * Whether a line opens a record of its own: a time stamp or log level, the start of an earlier record
 * again (a message repeated, as controllers and retries print them), or, unless the width settles it,
 * the start of a denial, of a client's error line, of a stack frame, or a tab-indented line.
 */
function startsRecord(
  rest: string,
  recordStarts: ReadonlySet<string>,
  widthSettled: boolean,
  before: string,
): boolean {
  if (LOG_RECORD.test(rest)) {
    return true;
  }
  const key = recordKey(rest);
  if (key.length >= MIN_RECORD_KEY && recordStarts.has(key)) {
    return true;
  }
  if (widthSettled) {
    return false;
  }
  // `* ` opens a Terraform 0.11 error, unless a value was cut before it (`user/***` / `* is`, `group:` / `*`),
  // and `Error: ` one, unless a qualified code was cut before it (`Client.Internal` / `Error: `)
  if (rest.startsWith('* ')) {
    return !/[*:/]$/.test(before);
  }
  return NEW_MESSAGE.test(rest) && !(rest.startsWith('Error') && /[.:][A-Z][A-Za-z0-9]*$/.test(before));
}

function recordKey(line: string): string {
  return line.trimStart().slice(0, RECORD_KEY_LENGTH);
}

const LOG_RECORD =
  /^(?:\[?\d{4}[-/]\d\d[-/]\d\d[T ]|\d\d:\d\d:\d\d|\[?(?:ERROR|WARN(?:ING)?|INFO|DEBUG|TRACE|FATAL)\]?[\s:]|(?:level|time|ts)=)/;

const NEW_MESSAGE =
  /^(?:\t|User: |An error occurred |A client error |Traceback |botocore\.|aws: \[|Error: |error: |ERROR |Caused by|at |File "|---|\+ |Unable to )/;

/** The frame Terraform draws at the start of each line of a diagnostic. */
const FRAME = /^[ \t]*[│╷╵][ \t]?/;

/**
 * Whether a break after the single longest line shows a hard wrap's cut, judged from the words around
 * it (`last`: last words of the line, last first; `next`: first words of the next line).
 */
function showsCut(last: readonly string[], next: readonly string[]): boolean {
  const head = last[0] ?? '';
  const tail = next[0] ?? '';
  if (head === '' || tail === '' || !/[\w:/.-]$/.test(head) || !/^[\w:/.'"`)\]>-]/.test(tail)) {
    return false;
  }
  const joined = head + tail;
  return (
    // a word of the reader's phrases cut in two: `perf` / `orm:`, `autho` / `rized`
    (isPhraseWord(joined) && !isPhraseWord(head)) ||
    // a value after its phrase, cut, with its phrase going on in the next line (`… role/x is not`)
    (followsValueStart(last, 1) && (next.length === 1 || precedesValueEnd(next, 1))) ||
    // an ARN cut before all its parts, or in its resource with more of it following
    isCutArn(head, tail) ||
    // an action after `perform:` cut before its colon: `s` / `3:ListBucket`
    (/^perform:?$/.test(last[1] ?? '') && /^[a-z0-9-]+$/i.test(head) && /^[\w-]*:/.test(tail)) ||
    // a bracket, quote or tag opened and closed across the break: `(AccessDen` / `ied)`, `<Code>Unauth`
    closesAcross(head, tail) ||
    // an error code or class name cut in two: `UnauthorizedOp` / `eration:`
    (isCodeName(joined) && !isCodeName(head))
  );
}

/**
 * Whether the single longest line looks finished and the next one starts afresh: it ends with punctuation
 * and the next starts with a whole word or a label (`…',` / `code: 'X'`, `"code": …`), or it ends with a whole value
 * and the next with a whole word (`…:role/x` / `exit status 255`), or the next opens a body (`<?xml`,
 * `{`). A cut anywhere else is taken for a hard wrap.
 */
function looksLikeNewLine(last: readonly string[], next: readonly string[]): boolean {
  const head = last[0] ?? '';
  const tail = next[0] ?? '';
  if (/^[<{]/.test(tail)) {
    return true;
  }
  if (/[.!?;:,)\]}>"'`]$/.test(head)) {
    return /^[A-Za-z][a-z]*$|^["']?[A-Za-z_]+["']?:$/.test(tail);
  }
  return isWholeValue(head) && /^[A-Za-z][a-z]*$/.test(tail);
}

/** A token that is a whole value: an error code, an ARN with all its parts, an action, a request id. */
function isWholeValue(token: string): boolean {
  return (
    isCodeName(token) ||
    /^arn:(?:[^:]*:){4}./.test(token) ||
    /^[a-z0-9-]+:[A-Za-z0-9*]+$/.test(token) ||
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(token)
  );
}

/** `arn:aws:iam::1234` / `56789012:role/x`; `arn:aws:s3:::bkt/ke` / `y/z.csv`. */
function isCutArn(head: string, tail: string): boolean {
  const at = head.indexOf('arn:');
  if (at < 0 || (at > 0 && !`"'(<[`.includes(head.charAt(at - 1)))) {
    return false;
  }
  const colons = head.slice(at).split(':').length - 1;
  return colons < 5 || /^[\w.-]*[/:]/.test(tail);
}

/** More `(` or `<` opened than closed in `head`, or a quote it opens, and `tail` closing one. */
function closesAcross(head: string, tail: string): boolean {
  const open = (o: string, c: string) => head.split(o).length - head.split(c).length;
  return (
    (open('(', ')') > 0 && tail.includes(')')) ||
    (open('<', '>') > 0 && tail.includes('>')) ||
    (head.includes('>') && head.lastIndexOf('<') < head.lastIndexOf('>') && tail.includes('</')) ||
    (head.startsWith('"') && (head.split('"').length - 1) % 2 === 1 && tail.includes('"'))
  );
}

/** A name shaped like an AWS error code or an SDK exception class (its last dotted part). */
function isCodeName(token: string): boolean {
  const name = token.replace(/[:,;.]+$/, '');
  return CODE_NAME.test(name.slice(Math.max(name.lastIndexOf('.'), name.lastIndexOf(':')) + 1));
}

const CODE_NAME =
  /^[A-Z][A-Za-z0-9]*(?:Exception|Error|Denied|Operation|Fault|Failure|Required|Exceeded|Capacity|Token|TokenId|Expired|Match|NotFound|InvalidState|Forbidden)$/;

/** The last three words of a line, last first; scans back from the end only. */
function lastWords(line: string): string[] {
  const words: string[] = [];
  let end = line.length;
  while (words.length < 3 && end > 0) {
    while (end > 0 && isSpace(line.charCodeAt(end - 1))) {
      end--;
    }
    let start = end;
    while (start > 0 && !isSpace(line.charCodeAt(start - 1))) {
      start--;
    }
    if (start < end) {
      words.push(line.slice(start, end));
    }
    end = start;
  }
  return words;
}

/** The first three words of a line that starts with a word. */
function firstWords(line: string): string[] {
  const words: string[] = [];
  let start = 0;
  while (words.length < 3 && start < line.length) {
    let end = start;
    while (end < line.length && !isSpace(line.charCodeAt(end))) {
      end++;
    }
    words.push(line.slice(start, end));
    start = end;
    while (start < line.length && isSpace(line.charCodeAt(start))) {
      start++;
    }
  }
  return words;
}

function leadingSpaces(line: string): number {
  let i = 0;
  while (i < line.length && line.charCodeAt(i) === 32) {
    i++;
  }
  return i;
}

function trailingSpaces(line: string): number {
  let i = line.length;
  while (i > 0 && isSpace(line.charCodeAt(i - 1))) {
    i--;
  }
  return line.length - i;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9;
}
