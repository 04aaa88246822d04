import { looksLikeNewLine, showsCut } from './wrap-cuts.js';
import { continuesPhrase, isPhraseWord } from './wrap-phrases.js';

/**
 * Rejoins the lines of a pasted error that a terminal, PowerShell, a log viewer or a word-wrapping tool
 * broke at a fixed width, so that the reader sees each message whole again.
 *
 * Two kinds of break are undone:
 * - **hard wraps**: the text was cut every `width` characters, inside words, ARNs and ids, each
 *   continuation line perhaps indented. A line as long as the longest line is such a cut when at least
 *   two lines that start differently are that long; it is joined to the next without adding anything
 *   (the exact inverse), its hanging indent removed. A single longest line is joined only where the cut
 *   shows: a word of the reader's phrases cut in two (`perf` / `orm:`), an ARN or action cut before its
 *   parts are complete, a bracket or quote left open, a value whose phrase goes on in the next line.
 * - **soft wraps**: the text was broken at a space that the tool then dropped (word wrapping, copied
 *   terminal rows with their trailing spaces trimmed). A break between two words of one of the phrases
 *   the reader looks for (`is not authorized to` / `perform:`, `on` / `resource:`, `User:` / `arn:…`)
 *   gets its space back.
 *
 * A line that opens a record of its own (a time stamp, a log level, `User: `, `An error occurred`, the
 * start of an earlier record again) is never joined to the one before, so the messages of a multi-error
 * paste stay apart. Two passes over the text, each line looked at a bounded number of times, no regular
 * expression that can backtrack: linear in the text length.
 */
export function unwrapLines(text: string): string {
  const pieces = unwrapPieces(text);
  return pieces.length === 1 ? (pieces[0] ?? '') : pieces.join('');
}

/**
 * {@link unwrapLines}' answer as the pieces it is made of, in order (slices of `text` and the spaces put
 * back), not yet joined: the caller's next pass makes the one copy of a large text.
 */
export function unwrapPieces(
  text: string,
  { spacesOnly = false }: { readonly spacesOnly?: boolean } = {},
): string[] {
  if (!text.includes('\n')) {
    return [text];
  }
  const lines = lineBounds(text);
  const count = lines.length / 2;
  const width = wrapWidth(lines);
  const full = new Uint8Array(count);
  for (let i = 0; width > 0 && i < count; i++) {
    full[i] = isFullLine(text, start(lines, i), end(lines, i), width) ? 1 : 0;
  }
  const wrap: Wrap = {
    confirmed: hasTwoDistinctFullLines(text, lines, full),
    indent: hangingIndent(text, lines, full),
  };

  const budget = { judged: 0 };
  const pieces: string[] = [];
  let from = 0;
  const recordStarts = new Set<string>([recordKey(text, 0, end(lines, 0))]);
  for (let i = 1; i < count; i++) {
    if (
      (budget.judged >= MAX_JUDGED_BREAKS || i > MAX_LOOKED_AT_BREAKS) &&
      !(full[i - 1] === 1 && wrap.confirmed)
    ) {
      continue;
    }
    const decided = decideJoin(text, lines, i, full[i - 1] === 1, wrap, recordStarts, budget);
    // (where asked, only a break that was a space: no cut word is joined without the rows' width to show the cut)
    const join = spacesOnly && decided % 2 !== 1 ? NO_JOIN : decided;
    if (join === NO_JOIN) {
      // (a key shorter than the shortest compared is never looked up: a megabyte of short lines makes none)
      const key = recordKey(text, start(lines, i), end(lines, i));
      if (key !== '') recordStarts.add(key);
      continue;
    }
    pieces.push(text.slice(from, end(lines, i - 1)));
    if (join % 2 === 1) {
      pieces.push(' ');
    }
    from = Math.floor(join / 2);
  }
  pieces.push(from === 0 ? text : text.slice(from));
  return pieces;
}

/**
 * The width a terminal hard-wrapped the text at, as far as the lines show it before the wrap repair: the length
 * of the longest line when at least two lines are that long and it is {@link MIN_WIDTH} or more; otherwise -1. The
 * steps of the text's cleaning that join lines before the repair leave a line of that length alone, as the repair
 * measures the rows by it.
 */
export function cutWidth(text: string): number {
  let longest = 0;
  let count = 0;
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    if (end - start > longest) {
      longest = end - start;
      count = 1;
    } else if (end - start === longest) {
      count++;
    }
    start = end + 1;
  }
  return count >= 2 && longest >= MIN_WIDTH ? longest : -1;
}

/** What the whole text says about how it was wrapped. */
interface Wrap {
  /** At least two lines that start differently fill the width: the text was hard-wrapped there. */
  readonly confirmed: boolean;
  /** Spaces that start each continuation line. */
  readonly indent: number;
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
/** How far back a line's end is read to judge the break after it. */
const TAIL = 256;
/**
 * At most this many breaks are judged by the words around them: a pasted error has tens or hundreds of
 * lines, not hundreds of thousands. Past it, only the width decides (hard wraps), so the pass stays cheap
 * on a megabyte of short lines.
 */
const MAX_JUDGED_BREAKS = 1_000;
/**
 * … and at most this many breaks are looked at, most of which no word judges (a blank line, a block's brace): a
 * megabyte of 4-character lines (`{a}`) made 16 ms of such looks. A pasted log reaches the judged breaks' budget long
 * before.
 */
const MAX_LOOKED_AT_BREAKS = 20_000;

/**
 * `[start0, end0, start1, end1, …]`: where each line starts and ends (before its `\n`). One pass, the buffer doubled as
 * it fills: a pass to count the lines first cost a megabyte of 5-character lines 4 ms more.
 */
function lineBounds(text: string): Int32Array {
  let bounds = new Int32Array(1024);
  let from = 0;
  let i = 0;
  for (let nl = text.indexOf('\n'); ; nl = text.indexOf('\n', from)) {
    if (i + 2 > bounds.length) {
      const grown = new Int32Array(2 * bounds.length);
      grown.set(bounds);
      bounds = grown;
    }
    bounds[i++] = from;
    bounds[i++] = nl < 0 ? text.length : nl;
    if (nl < 0) return bounds.subarray(0, i);
    from = nl + 1;
  }
}

function start(lines: Int32Array, i: number): number {
  return lines[2 * i] ?? 0;
}

function end(lines: Int32Array, i: number): number {
  return lines[2 * i + 1] ?? 0;
}

/** The width the text was wrapped at, if it was: the length of its longest line. */
function wrapWidth(lines: Int32Array): number {
  let width = 0;
  for (let i = 0; 2 * i < lines.length; i++) {
    width = Math.max(width, end(lines, i) - start(lines, i));
  }
  return width >= MIN_WIDTH ? width : 0;
}

/**
 * A line cut by a hard wrap fills the width, with at most one trailing space (a cut after a space keeps
 * it); a line padded with many spaces only ends there.
 */
function isFullLine(text: string, from: number, to: number, width: number): boolean {
  return to - from === width && !(isSpace(text.charCodeAt(to - 1)) && isSpace(text.charCodeAt(to - 2)));
}

/**
 * Two full lines that start differently: one may just be the longest line, and a message repeated, or
 * records of one fixed format (`\tstatus code: 403, request id: …`), fill it with lines alike. Not two only, each
 * ending a word before a line that starts afresh: two lines of one length by chance.
 */
function hasTwoDistinctFullLines(text: string, lines: Int32Array, full: Uint8Array): boolean {
  let first: string | null = null;
  let distinct = false;
  let fullCount = 0;
  let freshBreaks = 0;
  for (let i = 0; i < full.length; i++) {
    if (full[i] === 1) {
      fullCount++;
      if (i + 1 < full.length && startsAfresh(text, end(lines, i), start(lines, i + 1))) freshBreaks++;
      const from = start(lines, i);
      if (first === null) {
        first = text.slice(from, from + DISTINCT_START);
      } else if (!text.startsWith(first, from)) {
        distinct = true;
      }
    }
  }
  // (two lines of one length by chance, each ending a word before a line that starts a sentence or a bracketed tag:
  // `… (nothing deleted)` / `[executor] AccessDeniedException … operation` / `Job aborted …`, awslabs/amazon-dynamodb-tools#325)
  return distinct && !(fullCount === 2 && freshBreaks === fullCount);
}

/**
 * Whether the line that ends at `lineEnd` ends a word (a small letter, `)` or `.`) and the next, at `next`, starts one
 * afresh: a capitalised word and a space, or a `[` tag.
 */
function startsAfresh(text: string, lineEnd: number, next: number): boolean {
  const last = text.charCodeAt(lineEnd - 1);
  if (!(isLowerLetter(last) || last === 0x29 || last === 0x2e)) return false;
  if (text.charCodeAt(next) === 0x5b) return true;
  return /^[A-Z][a-z]{1,20} /.test(text.slice(next, next + 24));
}

/**
 * The indent of continuation lines: the most frequent count of leading spaces among the lines that follow
 * a full line, leaving out lines that open a log record, a tool's frame or a brace, or start with a tab.
 * A continuation whose text itself starts with a space has one more, so counts are taken down to even
 * ones: indents are 2, 4 or 8 in practice, and when every continuation starts with a space the two
 * cannot be told apart otherwise. Between equally frequent counts, the larger (the other is an
 * unindented line that merely followed).
 */
function hangingIndent(text: string, lines: Int32Array, full: Uint8Array): number {
  const counts = new Array<number>(MAX_INDENT + 1).fill(0);
  for (let i = 0; i + 1 < full.length; i++) {
    if (full[i] !== 1) {
      continue;
    }
    const from = start(lines, i + 1);
    const to = end(lines, i + 1);
    const first = skipSpace(text, from, to);
    if (first < to && text.charCodeAt(from) !== 9 && !opensRecordOrFrame(text, first, to)) {
      const lead = Math.min(leadingSpaces(text, from, to), MAX_INDENT);
      const even = lead - (lead % 2);
      counts[even] = (counts[even] ?? 0) + 1;
    }
  }
  let best = 0;
  for (const [lead, n] of counts.entries()) {
    if (n > 0 && n >= (counts[best] ?? 0)) {
      best = lead;
    }
  }
  return best;
}

/** A quoted or bracketed start, or a lower-case `key:` label: a field of a JSON, YAML or object dump. */
function opensField(text: string, at: number, to: number): boolean {
  FIELD_START.lastIndex = at;
  const m = FIELD_START.exec(text);
  return m !== null && m.index + m[0].length <= to;
}

const FIELD_START = /["'[{<]|[a-z][\w-]{0,59}:(?:\s|$)/y;

function opensRecordOrFrame(text: string, at: number, lineEnd: number): boolean {
  return (
    FRAME_CHARS.has(text.charCodeAt(at)) ||
    opensOrClosesBlock(text, at, lineEnd) ||
    matchesAt(LOG_RECORD, text, at)
  );
}

/** No join; otherwise `decideJoin` answers `2 × where the continuation starts + (1 for a space, 0)`. */
const NO_JOIN = -1;

/** Whether line `i` continues line `i - 1`, and how (see {@link NO_JOIN}). */
function decideJoin(
  text: string,
  lines: Int32Array,
  i: number,
  beforeIsFull: boolean,
  wrap: Wrap,
  recordStarts: ReadonlySet<string>,
  budget: { judged: number },
): number {
  const beforeStart = start(lines, i - 1);
  const beforeEnd = end(lines, i - 1);
  const lineStart = start(lines, i);
  const lineEnd = end(lines, i);
  const firstChar = skipSpace(text, lineStart, lineEnd);
  if (firstChar === lineEnd || skipSpace(text, beforeStart, beforeEnd) === beforeEnd) {
    return NO_JOIN;
  }
  // a line of Terraform's frame (`│ …`) is one the tool printed, not a terminal's continuation row
  const framed = FRAME_CHARS.has(text.charCodeAt(firstChar));
  const cut = beforeIsFull && !framed;
  let rest = firstChar;
  if (framed) {
    rest = isSpace(text.charCodeAt(firstChar + 1)) ? firstChar + 2 : firstChar + 1;
  } else if (cut) {
    rest = lineStart + Math.min(wrap.indent, leadingSpaces(text, lineStart, lineEnd));
  }
  const restWord = skipSpace(text, rest, lineEnd);
  if (
    restWord === lineEnd ||
    opensOrClosesBlock(text, restWord, lineEnd) ||
    (cut && repeatsRowEnd(text, beforeStart, beforeEnd, restWord, lineEnd))
  ) {
    return NO_JOIN;
  }
  const join = proposeJoin(text, beforeStart, beforeEnd, rest, restWord, lineEnd, cut, wrap, budget);
  // the veto last: most lines are no candidate, and a pasted megabyte should not pay it for each
  return join !== NO_JOIN &&
    startsRecord(text, restWord, lineEnd, beforeEnd, recordStarts, cut, wrap.confirmed)
    ? NO_JOIN
    : join;
}

/**
 * A row that ends with the word the next line starts with, a colon after it there: a log's two renderings of one
 * exception, `message: class` over `class: message`, of one length by construction and no wrap (`…(Service: Ssm, Status
 * Code: 400, Request ID: …): software.amazon.awssdk.services.ssm.model.SsmException` over
 * `software.amazon.awssdk.services.ssm.model.SsmException: User: …`: govuk-one-login/authentication-api#4870).
 */
function repeatsRowEnd(
  text: string,
  beforeStart: number,
  beforeEnd: number,
  restWord: number,
  lineEnd: number,
): boolean {
  // (the word looked at in its line only, and no further than a class name goes: a scan to the text's end at each row
  // of a megabyte of rows would be quadratic)
  let colon = restWord;
  const last = Math.min(lineEnd, restWord + 300);
  while (colon < last && text.charCodeAt(colon) !== 0x3a && !isSpace(text.charCodeAt(colon))) colon++;
  if (colon >= last || text.charCodeAt(colon) !== 0x3a || colon - restWord < 8) return false;
  const word = text.slice(restWord, colon);
  const at = beforeEnd - word.length;
  return at > beforeStart && text.startsWith(word, at) && isSpace(text.charCodeAt(at - 1));
}

/**
 * A line that starts with a brace opens or closes a block of a structure (`{`, `},`), which is never a row a wrap
 * cut; but a placeholder in braces (`{}:role/x`, `{xxxxx} is not authorized`) or a brace that closes one (`}-dev`)
 * is the rest of a value.
 */
function opensOrClosesBlock(text: string, at: number, lineEnd: number): boolean {
  const c = text.charCodeAt(at);
  if (c === 125) {
    return !isValueChar(text.charCodeAt(at + 1));
  }
  if (c !== 123) {
    return false;
  }
  PLACEHOLDER.lastIndex = at;
  const m = PLACEHOLDER.exec(text);
  return m === null || m.index + m[0].length > lineEnd;
}

/** A placeholder in braces and more on its line after it: `{}:`, `{xxxxx} is`, `{account-id}/` (not a JSON `{}` alone). */
const PLACEHOLDER = /\{[\w.-]{0,40}\}(?=[:/"'`-]|[ \t]\S)/y;

/** A character that goes on a name or value: a letter, digit, `-` or `_`. */
function isValueChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 95;
}

/** How line `rest…lineEnd` would continue the line before, vetoes aside (see {@link NO_JOIN}). */
function proposeJoin(
  text: string,
  beforeStart: number,
  beforeEnd: number,
  rest: number,
  restWord: number,
  lineEnd: number,
  cut: boolean,
  wrap: Wrap,
  budget: { judged: number },
): number {
  const spaceBefore = isSpace(text.charCodeAt(beforeEnd - 1));
  // the cut fell next to a space, which is still there; unless, with the width unsettled, the next line is
  // indented further and opens a field of a structure (`  "code": …`, `  key: …`): then only a phrase joins
  const field = cut && !wrap.confirmed && restWord > rest && opensField(text, restWord, lineEnd);
  if (cut && (spaceBefore || restWord > rest) && !field) {
    return 2 * rest;
  }
  if (budget.judged >= MAX_JUDGED_BREAKS) {
    return cut && wrap.confirmed ? 2 * rest : NO_JOIN;
  }
  budget.judged++;
  // most breaks are between words of no phrase: look at more words only when one of these is
  const tail = text.slice(Math.max(beforeStart, beforeEnd - TAIL), beforeEnd);
  const head = text.slice(restWord, Math.min(lineEnd, restWord + TAIL));
  const phraseNear = isPhraseWord(lastWords(tail, 1)[0] ?? '') || isPhraseWord(firstWords(head, 1)[0] ?? '');
  if (phraseNear && continuesPhrase(lastWords(tail, 3), firstWords(head, 3))) {
    return spaceBefore || restWord > rest ? 2 * rest : 2 * rest + 1;
  }
  // a word of the phrases cut in two at a line no longer full, its width changed by a hand redaction (`is not
  // authorized to perf` / `orm: s3:ListBucket`, the account ids masked: aws/aws-tools-for-powershell#397)
  if (
    !spaceBefore &&
    restWord === rest &&
    isLowerLetter(text.charCodeAt(beforeEnd - 1)) &&
    isLowerLetter(text.charCodeAt(restWord)) &&
    splitsPhraseWord(lastWords(tail, 1)[0] ?? '', firstWords(head, 1)[0] ?? '')
  ) {
    return 2 * rest;
  }
  // an ARN cut before its region, whatever the line's length, the rest of its service on the next (`arn:aws:a` /
  // `mplify:us-east-1:…`: a hand-broken paste wrapped again)
  if (!spaceBefore && restWord === rest) {
    const lastWord = lastWords(tail, 1)[0] ?? '';
    if (
      lastWord.includes('arn:') &&
      !ARN_HEAD.test(lastWord) &&
      ARN_HEAD.test(lastWord + (firstWords(head, 1)[0] ?? ''))
    )
      return 2 * rest;
    // (or past its head, where a viewer wraps words after a hyphen or slash: `…:assumed-role/addf-eks-viz-core-` /
    // `eks-us-west-2-masterrole/aws-auth-ops is not authorized …`: awslabs/idf-modules#311); an ARN ends in neither, but
    // for an S3 folder's (`arn:aws:s3:::b/reports/`)
    const end = text.charCodeAt(beforeEnd - 1);
    const arn = lastWord.slice(lastWord.indexOf('arn:'));
    if (
      (end === 45 || end === 47) &&
      isValueChar(text.charCodeAt(restWord)) &&
      ARN_HEAD.test(arn) &&
      !/^arn:[\w-]+:s3:::/.test(arn)
    )
      return 2 * rest;
    // (or right after its account's colon, its resource all on the next line: `…on resource: arn:aws:logs:us-east-1:
    // 123456789012:` / `log-group:/aws/lambda/my-function:log-stream:…`, a word-wrapping viewer's break)
    if (end === 58 && isValueChar(text.charCodeAt(restWord)) && ARN_WITHOUT_RESOURCE.test(arn))
      return 2 * rest;
    // (or inside an assumed role's name, the role's rest and the session on the next line: `…:assumed-role/AWSGlueService
    // RoleBulk` / `DynamoDB-DdbReadOnly-us-east-1/GlueJobRunnerSession is not authorized …`: awslabs/amazon-dynamodb-tools#327)
    if (ASSUMED_ROLE_WITHOUT_SESSION.test(arn) && ROLE_REST_AND_SESSION.test(firstWords(head, 1)[0] ?? ''))
      return 2 * rest;
  }
  if (!cut || field) {
    return NO_JOIN;
  }
  if (wrap.confirmed) {
    return 2 * rest;
  }
  const last = lastWords(tail, 3);
  const next = firstWords(head, 3);
  return showsCut(last, next) || !looksLikeNewLine(last, next) ? 2 * rest : NO_JOIN;
}

/**
 * Whether the line whose text starts at `at` opens a record of its own: a time stamp or log level, the
 * start of an earlier record again (a message repeated, as controllers and retries print them), or,
 * unless the width settles it (a `cut` line of a `confirmed` wrap), the start of a denial, of a client's
 * error line, of a stack frame, or a tab-indented line after a cut. `beforeEnd` ends the line before it.
 */
function startsRecord(
  text: string,
  at: number,
  lineEnd: number,
  beforeEnd: number,
  recordStarts: ReadonlySet<string>,
  cut: boolean,
  confirmed: boolean,
): boolean {
  if (matchesAt(LOG_RECORD, text, at)) {
    return true;
  }
  const key = recordKey(text, at, lineEnd);
  if (key !== '' && recordStarts.has(key)) {
    return true;
  }
  // a whole stack frame, even where two lines of a trace happen to be as long as the longest (`    at
  // Request.extractError (/…/json.js:52:27)`: peterkimzz/aws-ssm-send-command#13)
  if (text.startsWith('at ', at) && text.charCodeAt(lineEnd - 1) === 41 && matchesAt(STACK_FRAME, text, at)) {
    return true;
  }
  // the Go SDK v1's trailer, which it prints on a line of its own (`\tstatus code: 403, request id: …`), even after a
  // message line exactly as long as the width https://github.com/aws/aws-sdk-go/blob/main/aws/awserr/types.go
  if (text.startsWith('status code: ', at) && GO_V1_TRAILER.test(text.slice(at, at + 40))) {
    return true;
  }
  if (cut && confirmed) {
    return false;
  }
  // `* ` opens a Terraform 0.11 error, unless a value was cut before it (`user/***` / `* is`, `group:` / `*`)
  if (text.startsWith('* ', at)) {
    return !'*:/'.includes(text.charAt(beforeEnd - 1));
  }
  // and `Error: ` one, unless a qualified code was cut before it (`Client.Internal` / `Error: `)
  return (
    ((cut && text.charCodeAt(at - 1) === 9) || matchesAt(NEW_MESSAGE, text, at)) &&
    !(text.startsWith('Error', at) && endsWithQualifiedName(text, beforeEnd))
  );
}

/** An assumed role's ARN cut before its session: no `/` after the role's name. */
const ASSUMED_ROLE_WITHOUT_SESSION = /^arn:[\w-]+:sts::[^:\s]{0,40}:assumed-role\/[\w+=,.@-]{1,64}$/;
/** The rest of a role's name and the session after it, alone in a word. */
const ROLE_REST_AND_SESSION = /^[\w+=,.@-]{1,64}\/[\w+=,.@-]{2,64}$/;
/** An ARN through its account's colon and no further: its resource not yet begun. */
const ARN_WITHOUT_RESOURCE = /^["'(<[]?arn:aws[\w-]{0,12}:[a-z0-9-]{2,40}:[a-z0-9-]{0,30}:[\w*-]{0,40}:$/;
/** An ARN's start through its region's colon: partition, a service's prefix, a region or none. */
const ARN_HEAD = /^["'(<[]?arn:aws[\w-]{0,12}:[a-z0-9-]{2,40}:[a-z0-9-]{0,30}:/;

const GO_V1_TRAILER = /^status code: \d{3}, request id:/;

/** `….Internal`, `…:Name`: a capitalised name right after a dot or colon ends the text before `to`. */
function endsWithQualifiedName(text: string, to: number): boolean {
  let i = to;
  while (i > 0 && /[A-Za-z0-9]/.test(text.charAt(i - 1))) {
    i--;
  }
  return i < to && /[A-Z]/.test(text.charAt(i)) && /[.:]/.test(text.charAt(i - 1));
}

/**
 * The first characters of a record, its leading spaces skipped: seen again, it is the record again; `''` where they are
 * fewer than are compared.
 */
function recordKey(text: string, from: number, to: number): string {
  const at = skipSpace(text, from, to);
  return to - at < MIN_RECORD_KEY ? '' : text.slice(at, Math.min(to, at + RECORD_KEY_LENGTH));
}

function matchesAt(sticky: RegExp, text: string, at: number): boolean {
  sticky.lastIndex = at;
  return sticky.test(text);
}

// (also klog's header, the Kubernetes components' log line: `I0624 16:12:19.419885 …`, its severity letter and date before
// the time: kubernetes-sigs/aws-load-balancer-controller#413) https://github.com/kubernetes/klog
const LOG_RECORD =
  /(?:\[?\d{4}[-/]\d\d[-/]\d\d[T ]|[IWEF]\d{4} \d\d:\d\d:\d\d|\d\d:\d\d:\d\d|\[?(?:ERROR|WARN(?:ING)?|INFO|DEBUG|TRACE|FATAL)\]?[\s:]|(?:level|time|ts)=)/y;

/** A JavaScript, Java or .NET stack frame's start: `at Request.extractError (`, `at com.x.Y.z(`. */
const STACK_FRAME = /at (?:async )?[\w$<>.]{1,200}\.[\w$<>]{1,200} ?\(/y;

const NEW_MESSAGE =
  /(?:User: |An error occurred |A client error |Traceback |botocore\.|aws: \[|Error: |error: |ERROR |Caused by|at |File "|---|\+ |Unable to )/y;

/** The frame Terraform draws at the start of each line of a diagnostic. */
const FRAME_CHARS = new Set(['│', '╷', '╵'].map((c) => c.charCodeAt(0)));

function isLowerLetter(code: number): boolean {
  return code >= 97 && code <= 122;
}

/** Two lower-case pieces that are no phrase words alone and are one joined (`perf` + `orm:`, `autho` + `rized`). */
function splitsPhraseWord(head: string, tail: string): boolean {
  return (
    /^[a-z]{2,}$/.test(head) &&
    /^[a-z]{2,}:?$/.test(tail) &&
    !isPhraseWord(head) &&
    !isPhraseWord(tail) &&
    isPhraseWord(head + tail)
  );
}

/** The last `count` words of a line, last first; scans back from the end only. */
function lastWords(line: string, count: number): string[] {
  const words: string[] = [];
  let to = line.length;
  while (words.length < count && to > 0) {
    while (to > 0 && isSpace(line.charCodeAt(to - 1))) {
      to--;
    }
    let from = to;
    while (from > 0 && !isSpace(line.charCodeAt(from - 1))) {
      from--;
    }
    if (from < to) {
      words.push(line.slice(from, to));
    }
    to = from;
  }
  return words;
}

/** The first `count` words of a line that starts with a word. */
function firstWords(line: string, count: number): string[] {
  const words: string[] = [];
  let from = 0;
  while (words.length < count && from < line.length) {
    let to = from;
    while (to < line.length && !isSpace(line.charCodeAt(to))) {
      to++;
    }
    words.push(line.slice(from, to));
    from = skipSpace(line, to, line.length);
  }
  return words;
}

/** The index of the first character in `[from, to)` that is no space or tab, else `to`. */
function skipSpace(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isSpace(text.charCodeAt(i))) {
    i++;
  }
  return i;
}

function leadingSpaces(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && text.charCodeAt(i) === 32) {
    i++;
  }
  return i - from;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9;
}
