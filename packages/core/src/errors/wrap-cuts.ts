import { followsValueStart, isPhraseWord, precedesValueEnd } from './wrap-phrases.js';

// How a break after the single longest line of a text is told apart: a hard wrap's cut, to be undone, or
// the end of a line that a new one follows. Judged from the words on both sides of the break.

/**
 * Whether a break after the single longest line shows a hard wrap's cut, judged from the words around
 * it (`last`: last words of the line, last first; `next`: first words of the next line).
 */
export function showsCut(last: readonly string[], next: readonly string[]): boolean {
  const head = last[0] ?? '';
  const tail = next[0] ?? '';
  // an ARN cut before its account, the rest a placeholder (`arn:aws:sts::` / `<AWS_ACCOUNT_ID>:assumed-role/…`)
  if (/^(?:[<{][\w-]|\{\})/.test(tail) && /:$/.test(head) && isCutArn(head, tail)) return true;
  // a contraction cut at its apostrophe: `doesn'` / `t have permission`
  if (/[a-z]'$/.test(head) && /^(?:t|s|re|ve|ll|d|m)$/.test(tail)) return true;
  if (head === '' || tail === '' || !/[\w:/.-]$/.test(head) || !/^[\w:/.'"`)\]>-]/.test(tail)) {
    return false;
  }
  if (opensQualifiedException(head, tail)) return false;
  if (startsArnAfterWord(head, tail)) return false;
  // a rule of dashes or other marks alone on the next line is no value's rest (`…:table/my-table` / `--`), nor is a
  // stack frame (`…:ec2:____` / `    at Request.extractError (…)`)
  if (next.length === 1 && RULE_OF_MARKS.test(tail)) return false;
  if (isStackFrame(next)) return false;
  const joined = head + tail;
  return (
    // a word of the reader's phrases cut in two: `perf` / `orm:`, `autho` / `rized`
    (isPhraseWord(joined) && !isPhraseWord(head)) ||
    // a value after its phrase, cut, with its phrase going on in the next line (`… role/x is not`); a whole ARN and
    // a code alone on the next line are two lines (the C++ SDK prints the exception's name under the message)
    (followsValueStart(last, 1) &&
      (next.length === 1 || precedesValueEnd(next, 1)) &&
      !(isWholeValue(head) && isCodeName(tail))) ||
    // an ARN cut before all its parts, or in its resource with more of it following
    isCutArn(head, tail) ||
    // an action after `perform:` cut before its colon: `s` / `3:ListBucket`; or in its name, its phrase going on
    // (`iam:Get` / `Group on resource`, `ssm:PutPa` / `rameter on …`)
    (/^perform:?$/.test(last[1] ?? '') &&
      ((/^[a-z0-9-]+$/i.test(head) && /^[\w-]*:/.test(tail)) ||
        (/^[a-z0-9-]+:[A-Za-z0-9]+$/.test(head) &&
          /^[A-Za-z0-9]+$/.test(tail) &&
          /^(?:on|because|with)$/.test(next[1] ?? '')))) ||
    // a bracket, quote or tag opened and closed across the break: `(AccessDen` / `ied)`, `<Code>Unauth`
    closesAcross(head, tail) ||
    // an error code or class name cut in two: `UnauthorizedOp` / `eration:`
    (isCodeName(joined) && !isCodeName(head))
  );
}

/**
 * Whether the single longest line looks finished and the next one starts afresh: it ends with punctuation
 * and the next starts with a whole word or a label (`…',` / `code: 'X'`, `"code": …`), or it ends with a whole value
 * and the next with a whole word (`…:role/x` / `exit status 255`), or the next opens a body or an aside
 * (`<?xml`, `{`, `(Service: …`). A cut anywhere else is taken for a hard wrap.
 */
export function looksLikeNewLine(last: readonly string[], next: readonly string[]): boolean {
  const head = last[0] ?? '';
  const tail = next[0] ?? '';
  // (also the Go SDK v1's trailer, `status code: 400, request id: …`, on its own line however indented)
  // (and a rule of dashes or other marks alone: `…:table/my-table` / `--`)
  if (
    /^[<{(]/.test(tail) ||
    opensShellPrompt(next) ||
    isStackFrame(next) ||
    // (or a log line's source location: a browser console's `datatables.js:233 AccessDenied: …`)
    /^[\w.-]{1,80}\.(?:js|mjs|cjs|ts|jsx|tsx|py|go|java|kt|rb|php|cs|rs):\d{1,6}$/.test(tail) ||
    (tail === 'status' && next[1] === 'code:') ||
    // (or an HTTP status and its reason, as an error page's heading puts it under the exception's class: `Aws \ S3 \
    // Exception \ AccessDeniedException` / `403 Forbidden`, aws/aws-sdk-php-laravel#37)
    (/^[1-5]\d\d$/.test(tail) &&
      /^(?:Forbidden|Unauthorized|Not|Bad|Internal|Service|Gateway|Conflict|Too)$/.test(next[1] ?? '')) ||
    opensQualifiedException(head, tail) ||
    (next.length === 1 && RULE_OF_MARKS.test(tail)) ||
    startsArnAfterWord(head, tail)
  ) {
    return true;
  }
  // (or a field of .NET's exception details as Visual Studio copies them: `…:user/x)` / `Source=System.Private.CoreLib`)
  // (or a log's bracketed tag: `… (nothing deleted)` / `[executor] AccessDeniedException …`: awslabs/amazon-dynamodb-tools#325)
  if (/[.!?;:,)\]}>"'`]$/.test(head)) {
    return /^[A-Za-z][a-z]*$|^["']?[A-Za-z_]+["']?:$|^[A-Z][A-Za-z]{1,30}=\S|^\[[\w.-]{1,30}\]$/.test(tail);
  }
  // (a word and then a sentence that starts afresh, a capitalised word and a small one: `… the BatchWriteItem operation` /
  // `Job aborted due to stage failure …`; no word is cut so, its rest capitalised and then words of prose)
  if (/[a-z]$/.test(head) && /^[A-Z][a-z]{1,20}$/.test(tail) && /^[a-z]{2,20}$/.test(next[1] ?? ''))
    return true;
  // (two whole codes are two lines: the C++ SDK's `…Encountered AWSError` / `UnrecognizedClientException`; so are a
  // whole ARN and a label or an acronym that starts a line: `…:role/devopsL2analyst` / `panic: …`, `…:role/build` /
  // `IAM user or role …`: aws-cloudformation/rain#205, aws/aws-sdk-php#1976)
  // (nor is a whole code joined to a next line that is a header or a class: `x-amzn-errortype:
  // AuthorizerConfigurationException` / `x-cache: …`, `…IotDataPlaneException` / `software.amazon.awssdk.…`)
  return (
    isWholeValue(head) &&
    (/^[A-Za-z][a-z]*$/.test(tail) ||
      isCodeName(tail) ||
      (/^arn:/.test(head) && /^[A-Za-z][a-z]*:$|^[A-Z]{2,10}$/.test(tail)) ||
      (isCodeName(head) &&
        /^[A-Za-z][\w-]*:$|^[a-z]\w*(?:\.\w+){2,}/.test(tail) &&
        // (but not the rest of a longer code cut there: `InvalidClientToken` / `Id: …`)
        !isCodeName(head + tail)))
  );
}

/**
 * A Python exception by its module's name, with its colon, which opens a traceback's next line (`… Service Unavailable` /
 * `httpx.RemoteProtocolError: Server disconnected …`, cartography-cncf/cartography commit 266e326): never a cut word's rest.
 */
function opensQualifiedException(head: string, tail: string): boolean {
  return (
    (/^[a-z_][a-z0-9_]*(?:\.[A-Za-z_]\w*)*\.[A-Z]\w*(?:Error|Exception|Warning):$/.test(tail) ||
      // (or an unqualified one after a sentence's full stop: `Could not list certificates in Certificate Manager.` /
      // `CredentialsError: Missing credentials in config`, amplify-education/serverless-domain-manager#102)
      (/[a-z]\.$/.test(head) && /^[A-Z][A-Za-z0-9]{1,80}(?:Error|Exception):$/.test(tail))) &&
    // (not the rest of EC2's code with its fault's prefix, cut in it: `… Reason: C` / `lient.InternalError: …`)
    !/^(?:Client|Server)\./.test(head + tail)
  );
}

/** A line that is a rule of marks alone (`--`, `===`, a Markdown fence). */
// (or a list's mark alone, as pastes elide lines with it: `・`, `•`, `…` under `…:ledger/vehicle-registration`,
// aws/aws-sdk-js#3081)
const RULE_OF_MARKS = /^(?:-{2,40}|={2,40}|~{2,40}|`{3,40}|[・•…⋮]{1,3})$/;

/** A JavaScript, Java or .NET stack frame's line: `at Request.extractError (…)`, `at com.x.Y.z(Y.java:1)`. */
function isStackFrame(next: readonly string[]): boolean {
  return next[0] === 'at' && /^[\w$.<>`[\]]+(?:\(|$)/.test(next[1] ?? '') && /[.(]/.test(next[1] ?? '');
}

/**
 * A shell's prompt before the next command of a terminal paste: `$ aws …`, `/ # aws …`, `bash-4.2# …`,
 * `[root@host ~]# …`, `user@host:~$ …`, `PS C:\> …`.
 */
function opensShellPrompt(next: readonly string[]): boolean {
  const first = next[0] ?? '';
  const second = next[1] ?? '';
  return (
    /^(?:[$#%]|[\w.-]+[#$]|\[[\w.-]+@\S*|[\w.-]+@[\w.-]+:\S*[#$%])$/.test(first) ||
    (/^[~/][\w./-]*$/.test(first) && /^[#$%]$/.test(second)) ||
    (first === 'PS' && /^[A-Z]:\\/.test(second))
  );
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
  // (more of it follows a separator in the next line; a label there, `panic:`, is a line of its own)
  return colons < 5 || /^[\w.-]*[/:]\S/.test(tail);
}

/**
 * An ARN that starts the next line after a whole word, starting afresh (`… lambda:TagResource on` / `arn:aws:lambda:…`,
 * aws-samples/sample-autonomous-cloud-coding-agents#407): no word ends in `…arn:`.
 */
function startsArnAfterWord(head: string, tail: string): boolean {
  return tail.startsWith('arn:') && /^[A-Za-z]+$/.test(head);
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
