import { TextBuilder } from './text-builder.js';
import { cutWidth, unwrapPieces } from './unwrap-lines.js';

/**
 * Undoes what terminals, log shippers and serialisers do to an error before it is pasted:
 * colour codes, Windows line ends, Markdown quote markers, a log viewer's box, Terraform's box drawing,
 * lines wrapped at a fixed width, and one level of string escaping (`\"`, `\n`) from errors that were
 * printed inside a JSON or Python string.
 */
export function cleanErrorText(raw: string): string {
  return clean(raw, MOST_ESCAPE_LEVELS - 1);
}

/**
 * The most levels of escaping undone: a message that kept its own escaped quotes (`\"arn:…\"`), logged as a record's
 * string, and that record kept as Docker's log line's string.
 */
const MOST_ESCAPE_LEVELS = 3;

/**
 * The longest text whose records, their stamps removed, are rejoined inside the reader's phrases, and whose string
 * escaped twice is unescaped again.
 */
const MOST_CLEANED_AGAIN = 256 * 1024;

/**
 * An escape's backslash escaped itself (`\\n`, `\\"`, `\\t`): a string escaped twice, a log's record inside another
 * log's string.
 */
const ESCAPED_ESCAPE = /\\\\[n"t]/;

function clean(raw: string, levelsLeft: number): string {
  let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.includes('\u001b')) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escape sequences start with ESC
    text = text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '');
  }
  // (and the same sequences as a log viewer shows their ESC, in caret notation: `^[[31m│^[[0m`: appvia/terranetes-controller#353)
  if (text.includes('^[[')) {
    text = text.replace(/\^\[\[[0-9;?]*[A-Za-z]/g, '');
  }
  if (text.includes('\r')) {
    text = text.replace(/\r\n?/g, '\n');
  }
  if (text.includes("'\n") || text.includes('"\n')) {
    text = joinedLiterals(text);
  }
  // a message continued over lines as a shell's command is, a backslash ending each (`when calling \` / `  the
  // UpdateFunctionConfiguration operation: …`: aws/chalice commit f3664ea): one line again
  // (both rare marks looked for in one pass: a search of a large text for each costs as much as the pass)
  const rare = RARE_MARKS.exec(text)?.[0];
  if (rare !== undefined && text.includes('\\\n')) {
    text = withoutContinuations(text);
  }
  const prepared = withoutLineMarks(text);
  const unframed = unwrapAndUnframe(prepared);
  // (and the lines a string's escaped line breaks held, one line until they were unescaped: a tool's wrapped message
  // inside a JSON log's string, `"error": "…is not authorized to perf\norm: s3:ListBucket…"`; not where the text's own
  // lines were wrapped, which the repair has joined: a second repair of a wrapped megabyte cost 10 ms)
  const relined = prepared.includes('\\n') && !unframed.includes('\\n');
  // (and what starts the lines the unescaping made, which no line started with before it: a quoted paste inside a JSON
  // log's string, `{"msg": "> User: arn:…\n> is not authorized …"}`, sops' gutter, `\n      | is not authorized to
  // perform: …`)
  const unmarked = relined ? withoutLineMarks(unframed) : unframed;
  const unwrapped = relined && cutWidth(prepared) < 0 ? unwrapAfterUnescaping(unmarked) : unmarked;
  // a highlight's tags only once the wrap repair has measured the rows they are part of; bold markers last: a
  // wrap may have cut a mask (`****`) into two pairs of stars
  // (and where a record's stamp was removed, a phrase its message broke over two records gets its space back: a message
  // logged line by line, `… User arn:…` over `… is not authorized to perform: …`, each stamped, the wrap repair kept
  // apart as records; in a paste up to a quarter megabyte: a second repair of a megabyte of stamped records, every one
  // a phrase's start, cost 6–20 ms)
  const stampless = withoutStamps(unwrapped, RECORD_STAMP, 0);
  const unstamped = withoutDoubledSpaces(
    stampless === unwrapped || stampless.length > MOST_CLEANED_AGAIN
      ? stampless
      : unwrapPieces(stampless, { spacesOnly: true }).join(''),
  );
  const cleaned = withoutBold(
    rare !== undefined && text.includes('</mark>') ? withoutHighlights(unstamped) : unstamped,
  );
  // a string escaped twice (a JSON log's record kept as another's string, as Docker's json-file driver keeps each line:
  // `{"log": "{\"msg\": \"…\\n\\tstatus code: 403…\"}"}`), once unescaped and cleaned, is cleaned as the paste it
  // then is https://docs.docker.com/engine/logging/drivers/json-file/
  // (in a paste up to a quarter megabyte: a megabyte of Docker's lines is a log, its every level a copy)
  if (
    levelsLeft > 0 &&
    cleaned.length <= MOST_CLEANED_AGAIN &&
    (cleaned.includes('\\n') || cleaned.includes('\\"')) &&
    ESCAPED_ESCAPE.test(prepared)
  ) {
    return clean(cleaned, levelsLeft - 1);
  }
  return cleaned;
}

/**
 * The text without what a tool, a log or a paste puts at each line's start or end: a table's padding, comment and quote
 * markers, collectors' stamps, Compose's service prefixes, gutters, a box's borders, an indent all lines share.
 */
function withoutLineMarks(text: string): string {
  return withoutCommonIndent(
    withoutBoxBorders(
      withoutGutters(
        withoutServicePrefixes(
          withoutCollectorStamps(withoutQuoteMarkers(withoutCommentMarkers(withoutPadding(text)))),
        ),
      ),
    ),
  );
}

/**
 * A sentence's words with one space between them where a paste doubled one (`The security token included in the
 * request  is expired`: anthropics/claude-code#28032), between small letters only: a console's table keeps the runs
 * of spaces between its columns, which start with a capital or a digit.
 */
function withoutDoubledSpaces(text: string): string {
  // (found by `indexOf` and tested by hand: a pattern that starts with a look-behind is tried at every position)
  // (the kept parts joined one to the next: a megabyte copied into a buffer and made a string again cost 5–7 ms where
  // it held a single doubled space; joined, well under one, and no more than the buffer for one every four characters)
  let out: string | null = null;
  let from = 0;
  for (let at = text.indexOf('  '); at >= 0; at = text.indexOf('  ', at + 1)) {
    // (a run of spaces passed over whole: a column's padding of thousands is looked at once, its end found by the engine)
    let end = at + 2;
    if (text.charCodeAt(end) === 0x20) {
      NOT_SPACE.lastIndex = end;
      end = NOT_SPACE.exec(text)?.index ?? text.length;
    }
    if (end - at <= 3 && isSmallLetter(text.charCodeAt(at - 1)) && isSmallLetter(text.charCodeAt(end))) {
      out = (out ?? '') + text.slice(from, at + 1);
      from = end;
    }
    at = end - 1;
  }
  return out === null ? text : out + text.slice(from);
}

/** The first character that is no space, from `lastIndex` on. */
const NOT_SPACE = /[^ ]/g;

function isSmallLetter(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

/**
 * The highlight a page set around words of an error it shows (GitBook's `(<mark style="color:red;">ValidationError
 * </mark>)`): the words alone. The `mark` element only, never an error body's own elements (`<Code>`, `<Message>`).
 */
function withoutHighlights(text: string): string {
  return text.replace(/<mark(?: [^<>\n]{0,200})?>|<\/mark>/g, '');
}

/**
 * A shell's continuations (` \` ending a line, the next perhaps indented) joined into one line, but not where
 * a terminal's hard wrap cut the line right after a backslash (`on resource: \` / `"arn:aws:s3:::…\"`, a JSON
 * string's escaped quote): that line the wrap repair joins.
 */
function withoutContinuations(text: string): string {
  const width = cutWidth(text);
  // (found by `indexOf`, the kept parts copied into one buffer: a global replacement, native or with a callback,
  // took 100–200 ms over a megabyte of short continued lines, one match each)
  const out = new TextBuilder(text.length);
  let from = 0;
  for (let at = text.indexOf('\\\n'); at >= 0; at = text.indexOf('\\\n', at + 1)) {
    // a row exactly as long as the terminal's width ended at its edge: the terminal cut it there
    if (width >= 0 && at + 1 - (text.lastIndexOf('\n', at) + 1) === width) continue;
    // a string literal continued on the next line, Ruby's and Python's `'<Error><Code>'\` / `'ExpiredToken</Code>…'`
    // (aws/aws-sdk-ruby's S3 specs): one string again, its quotes between the parts gone
    const quote = text.charCodeAt(at - 1);
    if (quote === 0x27 || quote === 0x22) {
      let next = at + 2;
      while (isBlank(text.charCodeAt(next))) next++;
      if (text.charCodeAt(next) === quote) {
        out.appendRange(text, from, at - 1);
        from = next + 1;
        at = next;
        continue;
      }
    }
    if (text.charCodeAt(at - 1) === 0x20) {
      let next = at + 2;
      while (isBlank(text.charCodeAt(next))) next++;
      out.appendRange(text, from, at - 1);
      out.appendCode(0x20);
      from = next;
      at = next - 1;
    } else if (cutInParentheses(text, at)) {
      // a word the shell's continuation cut inside parentheses, which the shell joins again (`(XAmzContentSHA256Mism\` /
      // `atch)`: boto/boto3#4497); elsewhere a `\` ending a line may be Markdown's hard break or a Windows path's end
      out.appendRange(text, from, at);
      from = at + 2;
      at = from - 1;
    }
  }
  if (from === 0) return text;
  out.appendRange(text, from, text.length);
  return out.toString();
}

/** Whether the `\` at `at` ends a line inside a word in parentheses: `(` and letters before it, letters and `)` after. */
function cutInParentheses(text: string, at: number): boolean {
  let before = at;
  while (before > at - 100 && isWordChar(text.charCodeAt(before - 1))) before--;
  let after = at + 2;
  while (after < at + 102 && isWordChar(text.charCodeAt(after))) after++;
  return (
    before < at && after > at + 2 && text.charCodeAt(before - 1) === 0x28 && text.charCodeAt(after) === 0x29
  );
}

/** A letter or digit. */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A shell's line continuation, or a page's highlight closing. */
const RARE_MARKS = /\\\n|<\/mark>/;

/**
 * Python's pretty printer (`pprint`, and boto3 responses printed by it) cuts a long string into adjacent literals,
 * one per line, each under the first (`'FailureReason': 'ClientError: the pipeline '` / `    'execution role does
 * not have '`), which Python reads as one string: the literals joined again. Only where the line closes a literal
 * (its quotes pair up) and the next, indented to that literal's opening quote, opens one with the same quote.
 */
function joinedLiterals(text: string): string {
  // (the kept parts copied into one buffer: a string joined of each of a megabyte's 87,000 pairs cost 2 ms more)
  let out: TextBuilder | null = null;
  let from = 0;
  let lineStart = 0;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
    const quote = text.charCodeAt(nl - 1);
    const start = lineStart;
    lineStart = nl + 1;
    if (quote !== 39 && quote !== 34) continue;
    let k = nl + 1;
    while (text.charCodeAt(k) === 32) k++;
    if (k === nl + 1 || text.charCodeAt(k) !== quote || !closesLiteral(text, start, nl, quote)) continue;
    // the next literal opens under the one this line closes, as a pretty printer aligns them, or under the line's own
    // first quote, as Python's formatters continue a value under its key (`"Message": "User: arn:… "` / `"is not
    // authorized …"`: cartography-cncf/cartography's tests); a terminal's cut row does not (`… processing"` / ` "error"=…`)
    const column = k - (nl + 1);
    if (column !== text.lastIndexOf(String.fromCharCode(quote), nl - 2) - start) {
      // (the line's first quote looked for only where the literal it closes does not align)
      let first = start;
      while (text.charCodeAt(first) === 32) first++;
      if (column !== first - start || text.charCodeAt(first) !== quote) continue;
    }
    out ??= new TextBuilder(text.length);
    out.appendRange(text, from, nl - 1);
    from = k + 1;
  }
  if (out === null) return text;
  out.appendRange(text, from, text.length);
  return out.toString();
}

/** Whether the quotes `quote` between `start` and `end` pair up (the last one closes a literal). */
function closesLiteral(text: string, start: number, end: number, quote: number): boolean {
  const mark = String.fromCharCode(quote);
  let count = 0;
  for (let i = text.indexOf(mark, start); i >= 0 && i < end; i = text.indexOf(mark, i + 1)) count++;
  return count % 2 === 0;
}

/**
 * A log's marks before the lines that continue its first: an indented ASCII gutter on every line after the first
 * (a .NET Lambda log's `     | dynamodb:DescribeTable on resource:`: aws/aws-lambda-dotnet#853), and aws-nuke's
 * `    !!! ` before each line of the error it wraps (rebuy-de/aws-nuke#265). A `|` that also ends a row (a
 * Markdown table's) is no gutter.
 */
function withoutGutters(text: string): string {
  // (and a diff's `+` before every line of an error pasted into one: mattermost/mattermost-cloud-monitoring#446)
  if (text.startsWith('+') && everyLineLed(text, '+')) {
    text = text.slice(1).split('\n+').join('\n');
  }
  if (text.includes('!!! ') && /^[ \t]*!!! /m.test(text)) {
    text = text.replace(/^[ \t]*!!![ \t]+/gm, '');
  }
  if (!text.includes('| ') || !/\n[ \t]+(?:- )?\| /.test(text)) return text;
  const lines = text.split('\n');
  const gutter = /^[ \t]+\| /;
  const rest = lines.slice(1).filter((line) => line.trim() !== '');
  if (!rest.every((line) => gutter.test(line) && !/\|\s*$/.test(line)))
    return withoutItemGutters(text, lines);
  return lines.map((line, i) => (i === 0 ? line : line.replace(/^[ \t]+\| /, ''))).join('\n');
}

/**
 * SOPS's report of a key that failed, its error in a list item whose lines each stand behind a gutter (`    - |
 * failed to decrypt sops data key with AWS KMS: operation` / `      | error KMS: Decrypt, …`: fluxcd/kustomize-controller#673):
 * each such item's lines without the marks, the other lines kept. Only an item that opens with `- | ` and goes on
 * over lines led by `| ` that end in no bar (a Markdown table's rows do).
 */
function withoutItemGutters(text: string, lines: readonly string[]): string {
  if (!text.includes('- | ')) return text;
  const opens = /^[ \t]*- \| /;
  const goesOn = /^[ \t]+\| /;
  let inItem = false;
  let changed = false;
  const out = lines.map((line) => {
    const rowEnd = /\|\s*$/.test(line);
    if (!rowEnd && opens.test(line)) {
      inItem = true;
      changed = true;
      return line.replace(opens, '');
    }
    if (inItem && !rowEnd && goesOn.test(line)) return line.replace(goesOn, '');
    inItem = false;
    return line;
  });
  return changed ? out.join('\n') : text;
}

/**
 * The time stamp a log collector puts before each line a process printed (GitHub Actions' raw logs,
 * `2024-11-05T09:12:44.5310925Z `; `kubectl logs --timestamps` and `docker logs -t`, RFC 3339 with nanoseconds), without
 * the stamps, where every line that is not blank has one and one at least has six digits of a second or more: the
 * process's own lines, as a terminal showed them, so that a message its tool wrapped over rows (a CloudFormation event
 * in CDK's table: aws-amplify/amplify-backend#2092) is rejoined as it would be there, and no stamp is read into the
 * value that a row ends with (`…/x` then `2024-…Z is not authorized`, a caller's name run into the next row's stamp).
 * An application's own records (`2024-05-01 10:00:00,123 ERROR …`, milliseconds) keep their stamps: each is a record.
 * https://kubernetes.io/docs/reference/kubectl/generated/kubectl_logs/,
 * https://docs.docker.com/reference/cli/docker/container/logs/,
 * https://docs.github.com/en/actions/monitoring-and-troubleshooting-workflows/using-workflow-run-logs
 */
function withoutCollectorStamps(text: string): string {
  return withoutStamps(text, COLLECTOR_STAMP, 6);
}

/**
 * `text` without the stamp `stamp` (sticky) finds at each line's start, where every line that is not blank has one and
 * one at least has `digits` digits of a second (its first group) or more; else `text` as it is.
 */
function withoutStamps(text: string, stamp: RegExp, digits: number): string {
  const first = text.charCodeAt(0);
  if (!(first >= 0x30 && first <= 0x39) && first !== 0x5b) return text;
  let stamped = 0;
  let fine = digits === 0;
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    stamp.lastIndex = start;
    const found = stamp.exec(text);
    if (found !== null && stamp.lastIndex <= end) {
      stamped++;
      if ((found[1]?.length ?? 0) >= digits) fine = true;
    } else if (!isBlankRange(text, start, end)) return text;
    if (nl < 0) break;
    start = nl + 1;
  }
  if (stamped < 2 || !fine) return text;
  const out = new TextBuilder(text.length);
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    stamp.lastIndex = start;
    out.appendRange(text, stamp.test(text) ? stamp.lastIndex : start, end);
    if (nl < 0) break;
    out.appendCode(0x0a);
    start = nl + 1;
  }
  return out.toString();
}

/** A collector's UTC time stamp and the blank after it, at a line's start (sticky): the second's digits captured. */
const COLLECTOR_STAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.(\d{1,9}))?Z[ \t]/y;

/**
 * An application log's stamp before each of its records, once the wrap repair has kept the records apart (it joins no
 * row to a stamped one): without them, a sentence that the records broke where a space was (`… User: arn:…/test` /
 * `2024-05-01 10:00:01,123 is not authorized to perform: …`) reads as one, and no stamp is read as the value a row
 * ends or starts with (a caller's name run into the stamp, a resource slot's stamp taken for the resource).
 * ISO 8601's forms (`T` or a space, `.` or `,` before the fraction, `Z` or an offset, perhaps in brackets) and Go's
 * standard logger's (`2024/05/01 10:00:00`). https://pkg.go.dev/log#pkg-constants
 */
const RECORD_STAMP =
  /\[?\d{4}[-/]\d{2}[-/]\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,](\d{1,9}))?(?:Z|[+-]\d{2}:?\d{2})?\]?[ \t]+/y;

/**
 * Docker Compose's prefix before each line of a service's log (`ghost_1     | `, `web-1  | `: the service's name padded
 * to the longest one's, then a bar) without the prefixes: no part of the error, and between its lines they would read
 * as words (`Error Code: ghost_1 | AccessDenied`: colinmeinke/ghost-storage-adapter-s3#82). Only where every line that
 * is not blank has one, its bar at the same column, the first line excepted (a copy begun after its prefix); never a
 * table's rows, whose words end with a bar. https://docs.docker.com/reference/cli/docker/compose/logs/
 */
function withoutServicePrefixes(text: string): string {
  // (the bar looked for first: a search for ` |` tries every space of a text of spaces, 6 ms a megabyte)
  if (!text.includes('|') || !text.includes(' |')) return text;
  let column = -1;
  let prefixed = 0;
  let innerColumn = -1;
  // (the next ` | ` at or after a line's content, looked for again only once passed — none ends the search, the text
  // then no table —; a line's name sliced only where it is not the line before's: slices of each of a megabyte's
  // lines cost 10 ms)
  let nextInner = -1;
  let name = '';
  const names = new Map<string, number>();
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const content = servicePrefixEnd(text, start, end);
    if (content >= 0) {
      const bar = text.indexOf('|', start) - start;
      let last = end;
      while (last > content && isBlank(text.charCodeAt(last - 1))) last--;
      if ((column >= 0 && bar !== column) || (last > content && text.charCodeAt(last - 1) === 0x7c))
        return text;
      // (a table's rows, not a log's: the content's own next column at one place on every row, CDK's stack activity)
      if (innerColumn !== -2) {
        if (nextInner < content) nextInner = text.indexOf(' | ', content);
        const inner = nextInner >= 0 && nextInner + 3 <= end ? nextInner - content : -1;
        if (inner < 0) innerColumn = -2;
        else if (innerColumn === -1) innerColumn = inner;
        else if (innerColumn !== inner) innerColumn = -2;
      }
      let nameEnd = start + bar;
      while (nameEnd > start && isBlank(text.charCodeAt(nameEnd - 1))) nameEnd--;
      if (nameEnd - start !== name.length || !text.startsWith(name, start)) name = text.slice(start, nameEnd);
      names.set(name, (names.get(name) ?? 0) + 1);
      column = bar;
      prefixed++;
    } else if (start > 0 && !isBlankRange(text, start, end)) {
      return text;
    }
    if (nl < 0) break;
    start = nl + 1;
  }
  if (prefixed < 2 || innerColumn >= 0) return text;
  // (a service's name recurs, or carries Compose's replica number: a two-column table's first cells do neither)
  if ([...names].some(([name, count]) => count < 2 && !/[-_]\d+$/.test(name))) return text;
  const out = new TextBuilder(text.length);
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const content = servicePrefixEnd(text, start, end);
    out.appendRange(text, content >= 0 ? content : start, end);
    if (nl < 0) break;
    out.appendCode(0x0a);
    start = nl + 1;
  }
  return out.toString();
}

/** Where a line's content starts after a Compose prefix (`name` of `[A-Za-z0-9][\w.-]*`, blanks, `|`, a blank); -1 if none. */
function servicePrefixEnd(text: string, start: number, end: number): number {
  let i = start;
  while (i < end && i - start < 64 && isServiceNameChar(text.charCodeAt(i), i === start)) i++;
  if (i === start || i >= end || text.charCodeAt(i) !== 0x20) return -1;
  while (i < end && text.charCodeAt(i) === 0x20) i++;
  if (i >= end || text.charCodeAt(i) !== 0x7c) return -1;
  i++;
  if (i === end) return i;
  return text.charCodeAt(i) === 0x20 ? i + 1 : -1;
}

function isServiceNameChar(c: number, first: boolean): boolean {
  const alnum = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  return alnum || (!first && (c === 0x5f || c === 0x2d || c === 0x2e));
}

function isBlankRange(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isBlank(text.charCodeAt(i))) return false;
  return true;
}

/** Whether the text has lines and every one (empty ones aside) starts with `mark`: its line ends found by `indexOf`. */
function everyLineLed(text: string, mark: string): boolean {
  if (text.indexOf('\n') < 0) return false;
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
    const next = text.charAt(nl + 1);
    if (next !== mark && next !== '\n' && next !== '') return false;
  }
  return true;
}

/**
 * The spaces that pad a tool's rows to a fixed width (copilot's and other tables print a wrapped message
 * in a column, each row filled up with spaces): no part of the text, and a wrap's width is that of the
 * content. Only in a text most of whose rows end in two or more blanks: a hard wrap cut just after a space
 * leaves one, which belongs to the row. The line ends are found by `indexOf`, never by a pattern over the
 * runs of spaces (quadratic), and the text is copied once.
 */
function withoutPadding(text: string): string {
  // line ends found by their `\n` (a search for spaces meets a space-filled input everywhere); a text
  // whose rows are padded has most of them so, one with a stray pair of spaces is left as it is
  let lines = 0;
  let padded = 0;
  for (let nl = text.indexOf('\n'); ; nl = text.indexOf('\n', nl + 1)) {
    const end = nl < 0 ? text.length : nl;
    lines++;
    if (end >= 2 && isBlank(text.charCodeAt(end - 1)) && isBlank(text.charCodeAt(end - 2))) padded++;
    if (nl < 0) break;
  }
  if (padded < 2 || padded * 2 < lines) return text;
  const out: string[] = [];
  let from = 0;
  for (let nl = text.indexOf('\n'); ; nl = text.indexOf('\n', nl + 1)) {
    let end = nl < 0 ? text.length : nl;
    while (end > from && isBlank(text.charCodeAt(end - 1))) end--;
    out.push(text.slice(from, end));
    if (nl < 0) break;
    from = nl;
  }
  return out.join('');
}

/**
 * Rejoins wrapped lines, then removes Terraform's frames and undoes the escapes, copying the text once.
 */
export function unwrapAndUnframe(text: string): string {
  // before the frames go and before unescaping: what was wrapped is the framed, escaped text
  const pieces = unwrapPieces(text);
  // Terraform frames diagnostics with box-drawing characters at the start of each line (unwrapping
  // neither adds nor removes one).
  const framed = /[│╷╵]/.test(text);
  const escaped = holdsEscape(text, pieces);
  if (framed || escaped) {
    return removeFramesAndEscapes(pieces, framed, escaped);
  }
  return pieces.length === 1 ? (pieces[0] ?? '') : pieces.join('');
}

/**
 * The lines an unescaping made rejoined where a terminal or a tool wrapped them, and their frames removed: only where
 * rows of one width or Terraform's frames show a wrap (a log's own lines, each a record, are left as they are, but for
 * breaks where a space was).
 */
function unwrapAfterUnescaping(text: string): string {
  const framed = /[│╷╵]/.test(text);
  // (elsewhere a break where a space was, inside the reader's phrases, gets its space back: a message that kept its
  // line breaks in a log's string, `is not authorized to\nperform: s3:PutObject on resource:\n"arn:…"`)
  if (!framed && cutWidth(text) < 0) return unwrapPieces(text, { spacesOnly: true }).join('');
  const pieces = unwrapPieces(text);
  return framed ? removeFramesAndEscapes(pieces, true, false) : pieces.join('');
}

/**
 * A paste quoted in Markdown (`> ` before every line that is not blank, as in issues and chats) without the
 * markers, which the quoting added after the terminal had wrapped the lines; and so each run of two lines or more so
 * quoted among the writer's own lines (`I get this:` / `> An error occurred (AccessDenied) when` / `> calling …`). One
 * quoted line among unquoted ones is left as it is: a `>` may start a line of the error itself.
 */
function withoutQuoteMarkers(text: string): string {
  const quoted = markedLines(text, '>');
  if (quoted.length === 0) return text;
  if (!/(?:^|\n)[ \t]*[^>\s]/.test(text)) return text.replace(/^[ \t]*> ?/gm, '');
  return withoutMarkedRuns(text, QUOTE_MARKER, quoted);
}

/** A Markdown quote's marker and the space after it. */
const QUOTE_MARKER = /[ \t]*> ?/y;

/**
 * An error quoted in a program's comments (`// "AccessDenied: User: … is not authorized to perform:` / `//
 * iam:DeleteRole on resource: …"`, Python's `#   arn:aws:sts::…`, R's `#' `), `//` or `#` before every line that is not blank,
 * without the markers; and so each run of two lines or more so led among lines of code. One such line alone is left
 * as it is (a shell's `#` prompt before a command).
 */
function withoutCommentMarkers(text: string): string {
  if (!text.includes('\n')) return text;
  const commented = markedLines(text, '/#');
  if (commented.length === 0) return text;
  if (/^[ \t]*(?:\/\/|#)/.test(text) && !/(?:^|\n)[ \t]*(?:[^/#\s]|\/[^/])/.test(text))
    return text.replace(/^[ \t]*(?:\/\/|#'?)[ \t]?(?:\|[ \t])?/gm, '');
  return withoutMarkedRuns(text, COMMENT_MARKER, commented);
}

/** A comment's marker and the blank after it (R's documentation comments `#'` too: paws-r/paws's operations' docs). */
// (and the bar a comment's box or quote puts after it: `// | StsException: User: … is not authorized to perform:` /
// `// | sts:AssumeRole on resource: …`, aws/aws-sdk-kotlin's benchmark notes)
const COMMENT_MARKER = /[ \t]*(?:\/\/|#'?)[ \t]?(?:\|[ \t])?/y;

/**
 * The text with `marker` taken off the lines of each run of two or more consecutive lines that open with it; other
 * lines kept as they are. Only the marked lines are looked at, found by one search (`lead`, global): a megabyte of lines
 * split, tested and joined took 10 ms where a few of them are marked.
 */
function withoutMarkedRuns(text: string, marker: RegExp, lines: readonly number[]): string {
  // each marked line's start and its content's (after the marker)
  const starts: number[] = [];
  const contents: number[] = [];
  for (const start of lines) {
    marker.lastIndex = start;
    const marked = marker.exec(text);
    if (marked === null) continue;
    starts.push(start);
    contents.push(start + marked[0].length);
  }
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i] ?? 0;
    const nextLine = text.indexOf('\n', start) + 1;
    const previousLine = i > 0 ? text.indexOf('\n', starts[i - 1] ?? 0) + 1 : -1;
    // (in a run: the line before or the line after is marked too)
    const inRun = (i > 0 && previousLine === start) || (nextLine > 0 && starts[i + 1] === nextLine);
    if (!inRun) continue;
    parts.push(text.slice(from, start));
    from = contents[i] ?? start;
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(from));
  return parts.join('');
}

/**
 * The starts, in order, of the lines whose first character past blanks is one of `marks` (`/` only as `//`): each mark
 * found by `indexOf`, where a pattern led by `(?:^|\n)` is tried at every character (2 ms a megabyte each).
 */
function markedLines(text: string, marks: string): number[] {
  const found: number[] = [];
  for (const mark of marks) {
    for (let at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + 1)) {
      if (mark === '/' && text.charCodeAt(at + 1) !== 0x2f) continue;
      let start = at;
      while (start > 0 && isBlank(text.charCodeAt(start - 1))) start--;
      if (start === 0 || text.charCodeAt(start - 1) === 0x0a) found.push(start);
      if (mark === '/') at++;
    }
  }
  // (a line's first character is one mark only: each line once)
  return marks.length > 1 ? found.sort((a, b) => a - b) : found;
}

/**
 * Markdown's bold markers (`**failed to get … InvalidVolume**.NotFound`), which glue to a code; only where
 * they pair up, and never a run of three or more stars (a mask: `***`) — except one closing a token where
 * a marker lacks its pair: a value's own wildcard and the closing marker (`**User: … stack/app/***`).
 */
function withoutBold(text: string): string {
  if (!text.includes('**')) return text;
  const markers = text.match(BOLD_MARKER)?.length ?? 0;
  if (markers % 2 === 1) {
    const only = onlyClosingWildcard(text);
    if (only !== undefined) {
      return `${text.slice(0, only + 1)}${text.slice(only + 3)}`.replace(BOLD_MARKER, '');
    }
  }
  return markers >= 2 && markers % 2 === 0 ? text.replace(BOLD_MARKER, '') : text;
}

/** A pair of stars that is no part of a longer run. */
const BOLD_MARKER = /(?<!\*)\*\*(?!\*)/g;

/**
 * Where the only run of exactly three stars that ends a token (after a character that is no space, before
 * a space or the end) starts, else `undefined`. Found by `indexOf`: a pattern that starts with a look-behind
 * is tried at every position of a large input.
 */
function onlyClosingWildcard(text: string): number | undefined {
  let found: number | undefined;
  for (let at = text.indexOf('***'); at >= 0; at = text.indexOf('***', at + 3)) {
    let end = at + 3;
    while (text.charCodeAt(end) === 42) end++;
    const before = text.charAt(at - 1);
    const after = text.charAt(end);
    if (end - at === 3 && at > 0 && !/[\s*]/.test(before) && (after === '' || /\s/.test(after))) {
      if (found !== undefined) return undefined;
      found = at;
    }
    at = end - 3;
  }
  return found;
}

/**
 * How many rows (up to two) end in a border after content: `│` with only blanks after it on its row and, before it past
 * blanks, a character that is no blank and no border. (The pattern starts at the border, which the engine looks for
 * alone; one that started at the content before it was tried at every character, 3–4 ms a megabyte.)
 */
function rightBorders(text: string): number {
  let found = 0;
  RIGHT_BORDER.lastIndex = 0;
  for (let m = RIGHT_BORDER.exec(text); m !== null && found < 2; m = RIGHT_BORDER.exec(text)) {
    let before = m.index;
    while (before > 0 && isBlank(text.charCodeAt(before - 1))) before--;
    const c = before > 0 ? text.charCodeAt(before - 1) : -1;
    if (c >= 0 && c !== BORDER && !/\s/.test(String.fromCharCode(c))) found++;
  }
  return found;
}

/** A box's right border: `│` and the blanks after it to its row's end. */
const RIGHT_BORDER = /│[ \t]*(?=\n|$)/g;

/**
 * A log viewer's box (k9s, TUI panes): each row `│ content │`, a log line longer than the box cut into
 * rows (`AccessDeniedE │` / `│ xception: …`). Rows whose content reaches the right border were cut and
 * are joined as they are; a row padded before the border ended there and keeps its line end (the
 * unwrapping joins a phrase broken there). Only when at least two rows end in a border after their
 * content, or one where every row opens with one: Terraform's frame, drawn on the left alone, is left to the frame
 * removal.
 * @see https://github.com/crossplane-contrib/provider-aws/issues/1289
 */
function withoutBoxBorders(text: string): string {
  if (!text.includes('│')) return text;
  // a border after content on its row; Terraform's blank framed rows (`│`) have none
  const bordered = rightBorders(text);
  // (one such row is enough where every row opens with the left border: a paste of two rows, its last cut before its
  // border: aws-ia/terraform-aws-eks-blueprints-addons#475)
  if (bordered < 2 && !(bordered === 1 && /^[ \t]*│/.test(text))) return text;
  // (with one such row, every row that holds anything must open with the left border: checked as the rows are copied)
  const everyRowOpens = bordered < 2;
  // (each row's borders found from its ends by their characters, its content copied into one buffer: a megabyte of
  // rows each split, matched, trimmed and joined took a quarter of a second)
  const out = new TextBuilder(text.length);
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    let from = start;
    while (from < end && isBlank(text.charCodeAt(from))) from++;
    if (text.charCodeAt(from) === BORDER) {
      from++;
      if (text.charCodeAt(from) === 0x20) from++;
    } else {
      if (everyRowOpens && from < end && text.slice(from, end).trim() !== '') return text;
      from = start;
    }
    // the right border and the blanks around it, where the row's content ends in one
    let to = end;
    while (to > from && isBlank(text.charCodeAt(to - 1))) to--;
    if (to > from && text.charCodeAt(to - 1) === BORDER) {
      const border = to - 1;
      let inner = border;
      while (inner > from && isBlank(text.charCodeAt(inner - 1))) inner--;
      // one space (the box's margin) or none between the content and the border: the row was full (a box with one
      // bordered row shows no width: its line ends stay, for the wrap repair to judge)
      const full = bordered >= 2 && inner > from && border - inner <= 1;
      out.appendRange(text, from, inner);
      if (!full && nl >= 0) out.appendCode(0x0a);
    } else {
      let content = end;
      while (content > from && WHITE_SPACE.test(text.charAt(content - 1))) content--;
      out.appendRange(text, from, content);
      if (nl >= 0) out.appendCode(0x0a);
    }
    if (nl < 0) break;
    start = nl + 1;
  }
  return out.toString();
}

/**
 * The spaces that indent every line of a paste alike (a page's code block, a quote in a list: `   An error occurred
 * … lambda:AddPer` / `   mission on resource: …`): no part of the error, and no hanging indent of a wrap, which the
 * row before it lacks (awsdocs/aws-iot-docs, custom-auth-tutorial.md). Only where two lines at least sit at that indent:
 * one stray space before a first line is no block's, and taking it off would shift the rows' hanging indent off the
 * even counts the wrap repair rounds to. Blank lines lose what they have of them.
 */
function withoutCommonIndent(text: string): string {
  if (text.charCodeAt(0) !== 0x20 && text.charCodeAt(0) !== 0x0a) return text;
  let common = Number.POSITIVE_INFINITY;
  let atCommon = 0;
  for (let start = 0; start <= text.length && common > 0; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    let at = start;
    while (at < end && text.charCodeAt(at) === 0x20) at++;
    // (a line that holds more than white space, found by its characters: no string made of each line)
    let content = at;
    while (content < end && WHITE_SPACE.test(text.charAt(content))) content++;
    if (content < end) {
      if (at - start < common) {
        common = at - start;
        atCommon = 1;
      } else if (at - start === common) {
        atCommon++;
      }
    }
    if (nl < 0) break;
    start = nl + 1;
  }
  if (common === 0 || common === Number.POSITIVE_INFINITY || atCommon < 2) return text;
  const out = new TextBuilder(text.length);
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    let from = start;
    while (from < end && from - start < common && text.charCodeAt(from) === 0x20) from++;
    out.appendRange(text, from, end);
    if (nl < 0) break;
    out.appendCode(0x0a);
    start = nl + 1;
  }
  return out.toString();
}

/** One character of white space, as `trim` takes it. */
const WHITE_SPACE = /^\s$/;

/** A box's vertical border, `│`. */
const BORDER = 0x2502;

/** At most this many escapes are undone: an escaped error string has a few, not hundreds of thousands. */
const MAX_ESCAPES = 10_000;

/**
 * Replaces the escapes of a JSON or Python string literal (`\\n`, `\\"`, `\\\\`...) by the characters they
 * stand for, in one pass. Past {@link MAX_ESCAPES} the rest of the text is kept as it is.
 */
export function unescapeOnce(text: string): string {
  return removeFramesAndEscapes([text], false, true);
}

/**
 * Whether the text the pieces make holds `\n`, `\"` or `\t`, the mark of an escaped string: in a piece
 * of `text`, or made where a piece ending in a backslash meets the next.
 */
function holdsEscape(text: string, pieces: readonly string[]): boolean {
  if (text.includes('\\n') || text.includes('\\"') || text.includes('\\t')) {
    return true;
  }
  const reader = new Reader(pieces);
  for (let k = 0; k + 1 < pieces.length; k++) {
    const piece = pieces[k] ?? '';
    if (piece.endsWith('\\')) {
      const next = reader.at(k, piece.length);
      if (next === 0x6e || next === 0x22 || next === 0x74) {
        return true;
      }
    }
  }
  return false;
}

/**
 * Removes Terraform's frame (`[ \t]*[│╷╵][ \t]?`) from the start of every line, then undoes the escapes, of
 * the text that `pieces` make, in one pass that copies it once: a megabyte copied costs milliseconds, and
 * joining, removing frames and unescaping, each copying it again, were most of the reader's time on a
 * large paste. The same as the steps one after the other (a frame follows a line end and holds no
 * backslash, so removing it neither makes nor breaks an escape); a frame or an escape may run on from
 * one piece into the next.
 */
export function removeFramesAndEscapes(pieces: readonly string[], frames: boolean, escapes: boolean): string {
  const reader = new Reader(pieces);
  const otherLineEnds = frames && pieces.some((p) => p.includes('\u2028') || p.includes('\u2029'));
  const parts: string[] = [];
  let count = 0;
  let drop = 0; // characters of the pieces that follow still to remove (a frame's or escape's end)
  let lineStart = frames; // the next piece starts a line
  let escaping = escapes;
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k] ?? '';
    if (piece.length === 0) {
      continue;
    }
    if (drop >= piece.length) {
      // dropped whole: a frame's or escape's end, so no line end
      drop -= piece.length;
      lineStart = false;
      continue;
    }
    let from = drop;
    drop = 0;
    let line = lineStart ? from : frames ? nextLineStart(piece, from, otherLineEnds) : -1;
    let backslash = escaping ? piece.indexOf('\\', from) : -1;
    while (line >= 0 || backslash >= 0) {
      if (line >= 0 && (backslash < 0 || line < backslash)) {
        const length = frameLength(reader, k, line);
        let resume = line;
        if (length > 0) {
          parts.push(piece.slice(from, line));
          resume = line + length;
          from = Math.min(resume, piece.length);
          drop = resume - from;
        }
        line = resume < piece.length ? nextLineStart(piece, resume, otherLineEnds) : -1;
        continue;
      }
      const next = reader.at(k, backslash + 1);
      if (Number.isNaN(next) || count >= MAX_ESCAPES) {
        escaping = false;
        backslash = -1;
        continue;
      }
      const replacement = ESCAPES[String.fromCharCode(next)];
      if (replacement === undefined) {
        backslash = piece.indexOf('\\', backslash + 1);
        continue;
      }
      parts.push(piece.slice(from, backslash), replacement);
      count++;
      from = Math.min(backslash + 2, piece.length);
      drop = backslash + 2 - from;
      backslash = from < piece.length ? piece.indexOf('\\', from) : -1;
    }
    if (from < piece.length) {
      parts.push(from === 0 ? piece : piece.slice(from));
    }
    lineStart = frames && isLineEnd(piece.charCodeAt(piece.length - 1), otherLineEnds);
  }
  return parts.length === 1 ? (parts[0] ?? '') : parts.join('');
}

/** Reads the characters of the text that pieces make, by piece and offset (an offset past a piece's end reads on). */
class Reader {
  readonly #pieces: readonly string[];

  constructor(pieces: readonly string[]) {
    this.#pieces = pieces;
  }

  /** The code of the character `offset` characters into piece `k` and on; NaN past the end. */
  at(k: number, offset: number): number {
    let piece = k;
    let at = offset;
    while (piece < this.#pieces.length && at >= (this.#pieces[piece]?.length ?? 0)) {
      at -= this.#pieces[piece]?.length ?? 0;
      piece++;
    }
    return piece < this.#pieces.length ? (this.#pieces[piece]?.charCodeAt(at) ?? Number.NaN) : Number.NaN;
  }
}

/** The length of the frame `[ \t]*[│╷╵][ \t]?` at `at` of piece `k`, 0 when there is none. */
function frameLength(reader: Reader, k: number, at: number): number {
  let i = at;
  while (isBlank(reader.at(k, i))) {
    i++;
  }
  const c = reader.at(k, i);
  if (c !== 0x2502 && c !== 0x2577 && c !== 0x2575) {
    return 0;
  }
  return isBlank(reader.at(k, i + 1)) ? i + 2 - at : i + 1 - at;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

/** A line feed, or, as a multiline regular expression's `^` also matches after them, a line or paragraph separator. */
function isLineEnd(c: number, otherLineEnds: boolean): boolean {
  return c === 0x0a || (otherLineEnds && (c === 0x2028 || c === 0x2029));
}

/** Where the line after `from` starts in `piece`, -1 for none in it. */
function nextLineStart(piece: string, from: number, otherLineEnds: boolean): number {
  if (!otherLineEnds) {
    const nl = piece.indexOf('\n', from);
    return nl < 0 || nl + 1 === piece.length ? -1 : nl + 1;
  }
  for (let i = from; i + 1 < piece.length; i++) {
    if (isLineEnd(piece.charCodeAt(i), true)) {
      return i + 1;
    }
  }
  return -1;
}

/** Escaped character → the character it stands for (`\\r` becomes a line feed, as line ends are normalised). */
const ESCAPES: Readonly<Record<string, string>> = {
  n: '\n',
  r: '\n',
  t: '\t',
  '"': '"',
  '\\': '\\',
  '/': '/',
};
