import type { PolicyLayer } from '../engine/layers.js';
import type { DenyType } from './failure.js';

/**
 * The denial sentence AWS services write, in all its observed forms:
 * `User: <principal> is not authorized to perform: <action> [on resource: <resource>] [<reason>] [: <policy ARN>]
 * [. Go to <url> ... authorization id: <id>]`, and the terse `Not authorized to perform <action>` and Athena's
 * `You are not authorized to perform: <action> on the resource` forms.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
 */
export interface DenialSentence {
  /** The principal as written, or `null` when absent or a placeholder (`<user-arn>`, `...`). */
  readonly principal: string | null;
  /** `true` when the sentence has a `User:` slot (even if its value is a placeholder). */
  readonly principalSlot: boolean;
  /** The action as written (`SNS:Publish`), or `null` for a placeholder or the literal `null`. */
  readonly action: string | null;
  readonly resource: string | null;
  /** `true` when the sentence has an `on resource:` slot. */
  readonly resourceSlot: boolean;
  readonly reasonLayer: PolicyLayer | null;
  readonly denyType: DenyType | null;
  readonly policyArn: string | null;
  readonly transitiveThroughScp: boolean;
  readonly authorizationId: string | null;
  readonly detailsUrl: string | null;
  /** Offset of the sentence in the text searched. */
  readonly offset: number;
}

/** Policy-type phrases of the reason clause, longest first so that alternatives never shadow each other. */
const POLICY_TYPES: readonly (readonly [string, PolicyLayer])[] = [
  ['identity-based policy', 'identity'],
  ['resource-based policy', 'resource'],
  ['permissions boundary', 'permissions-boundary'],
  ['permission boundary', 'permissions-boundary'],
  ['sessions policy', 'session'],
  ['session policy', 'session'],
  ['service control policy', 'scp'],
  ['resource control policy', 'rcp'],
  ['vpc endpoint policy', 'vpc-endpoint'],
  ['role trust policy', 'trust-policy'],
  ['trust policy', 'trust-policy'],
];

const ANCHOR = /not authorized to perform/gi;
/** How far around an anchor the sentence may reach; bounds the work per anchor. */
const WINDOW = 4096;
const MAX_SENTENCES = 64;

/** Finds every denial sentence in `text`, in order of appearance. Linear in the text length. */
export function findDenialSentences(text: string): DenialSentence[] {
  const found: DenialSentence[] = [];
  ANCHOR.lastIndex = 0;
  for (let m = ANCHOR.exec(text); m !== null && found.length < MAX_SENTENCES; m = ANCHOR.exec(text)) {
    const sentence = readAt(text, m.index);
    if (sentence !== null) {
      found.push(sentence);
    }
  }
  return found;
}

function readAt(text: string, anchor: number): DenialSentence | null {
  const windowEnd = Math.min(text.length, anchor + WINDOW);
  let pos = anchor + 'not authorized to perform'.length;
  if (text[pos] === ':') {
    pos++;
  }
  pos = skipSpace(text, pos, windowEnd);
  const actionToken = readToken(text, pos, windowEnd);
  const rawAction = trimPunctuation(actionToken.value);
  // EC2's fixed sentence `You are not authorized to perform this operation.` carries no action.
  if (rawAction === 'this' || rawAction === '') {
    return null;
  }
  const action = rawAction === 'null' || isPlaceholder(rawAction) ? null : rawAction;
  pos = actionToken.end;

  const { principal, principalSlot } = readPrincipal(text, anchor);

  let resource: string | null = null;
  let resourceSlot = false;
  let cursor = skipSpace(text, pos, windowEnd);
  if (startsWithAt(text, cursor, 'on resource:')) {
    resourceSlot = true;
    cursor = skipSpace(text, cursor + 'on resource:'.length, windowEnd);
    const token = readResourceToken(text, cursor, windowEnd);
    resource = token.value;
    cursor = token.end;
  } else if (startsWithAt(text, cursor, 'on the resource')) {
    cursor += 'on the resource'.length;
  }

  let reasonLayer: PolicyLayer | null = null;
  let denyType: DenyType | null = null;
  let transitiveThroughScp = false;
  let policyArn: string | null = null;
  cursor = skipSpace(text, cursor, windowEnd);
  if (startsWithAt(text, cursor, 'because no ')) {
    const layer = readPolicyType(text, cursor + 'because no '.length);
    if (layer !== null) {
      reasonLayer = layer.layer;
      denyType = 'implicit';
      cursor = layer.end;
      const allows = /^\s+allows the \S+ action\.?/i.exec(
        text.slice(cursor, Math.min(windowEnd, cursor + 300)),
      );
      if (allows) {
        cursor += allows[0].length;
      }
    }
  } else if (startsWithAt(text, cursor, 'with an explicit deny')) {
    denyType = 'explicit';
    cursor += 'with an explicit deny'.length;
    const inType = /^\s+in (?:an?|the)\s+/i.exec(text.slice(cursor, Math.min(windowEnd, cursor + 40)));
    if (inType) {
      const layer = readPolicyType(text, cursor + inType[0].length);
      if (layer !== null) {
        reasonLayer = layer.layer;
        cursor = layer.end;
        const transitive = /^\s+transitively through (?:an?|the)\s+service control polic(?:y|ies)/i.exec(
          text.slice(cursor, Math.min(windowEnd, cursor + 80)),
        );
        if (transitive) {
          transitiveThroughScp = true;
          cursor += transitive[0].length;
        }
      }
    }
  }
  if (denyType !== null) {
    const ref = /^(?::|,\s*with policy ARN:)\s*(\S+)/i.exec(
      text.slice(cursor, Math.min(windowEnd, cursor + 400)),
    );
    if (ref?.[1] !== undefined) {
      const arn = trimPunctuation(ref[1]);
      policyArn = arn.startsWith('arn:') ? arn : null;
      cursor += ref[0].length;
    }
  }
  const tail =
    /Go to (\S+) for complete details, or call the GetRequestAuthorizationDetails API with the following authorization id: ([\w-]+)/.exec(
      text.slice(cursor, Math.min(windowEnd, cursor + 1500)),
    );
  return {
    principal,
    principalSlot,
    action,
    resource,
    resourceSlot,
    reasonLayer,
    denyType,
    policyArn,
    transitiveThroughScp,
    authorizationId: tail?.[2] ?? null,
    detailsUrl: tail?.[1] ?? null,
    offset: anchor,
  };
}

/** Reads `User: <principal> is ` backwards from the anchor. */
function readPrincipal(text: string, anchor: number): { principal: string | null; principalSlot: boolean } {
  const before = text.slice(Math.max(0, anchor - 2048), anchor);
  const userAt = before.lastIndexOf('User: ');
  const isAt = userAt < 0 ? -1 : isVerbAt(before);
  if (userAt < 0 || isAt < 0 || isAt < userAt) {
    return { principal: null, principalSlot: false };
  }
  const value = before.slice(userAt + 'User: '.length, isAt).trim();
  if (value === '' || /\s/.test(withoutAngleGroups(value)) || isPlaceholder(value)) {
    // `<arn here>` and other placeholders, or a slot that spans text that is not one token
    return { principal: null, principalSlot: true };
  }
  return { principal: value, principalSlot: true };
}

/**
 * Where the ` is ` that ends `before` starts (its leading white space included), or -1. Scans back from
 * the end once: a regular expression anchored at the end (`/\s+is\s+$/`) retries from every space of a
 * long run of spaces, which is quadratic.
 */
function isVerbAt(before: string): number {
  let i = before.length;
  const afterVerb = i;
  while (i > 0 && isSpace(before.charCodeAt(i - 1))) i--;
  if (i === afterVerb || i < 2 || before.slice(i - 2, i) !== 'is') return -1;
  i -= 2;
  const beforeVerb = i;
  while (i > 0 && isSpace(before.charCodeAt(i - 1))) i--;
  return i === beforeVerb ? -1 : i;
}

function readPolicyType(text: string, at: number): { layer: PolicyLayer; end: number } | null {
  const slice = text.slice(at, at + 40).toLowerCase();
  for (const [phrase, layer] of POLICY_TYPES) {
    if (slice.startsWith(phrase)) {
      return { layer, end: at + phrase.length };
    }
  }
  // A pasted error cut inside the phrase (`in a service cont…`) still names the type when the cut prefix
  // belongs to one phrase only.
  const cut = /^([a-z -]{4,40}?)(?:…|\.\.\.|\[truncated)/.exec(slice);
  if (cut?.[1] !== undefined) {
    const prefix = cut[1];
    const layers = new Set(
      POLICY_TYPES.filter(([phrase]) => phrase.startsWith(prefix)).map(([, layer]) => layer),
    );
    const [only] = layers;
    if (layers.size === 1 && only !== undefined) {
      return { layer: only, end: at + prefix.length };
    }
  }
  return null;
}

function readResourceToken(text: string, at: number, end: number): { value: string | null; end: number } {
  const open = text[at];
  if (open === '"' || open === '<') {
    const close = text.indexOf(open === '"' ? '"' : '>', at + 1);
    if (close > at && close < end) {
      const inner = text.slice(at + 1, close).trim();
      const value = open === '<' || isPlaceholder(inner) ? null : inner;
      return { value, end: close + 1 };
    }
  }
  const token = readToken(text, at, end);
  const value = trimPunctuation(token.value);
  return { value: value === '' || isPlaceholder(value) ? null : value, end: token.end };
}

/** Reads up to the next white space; a `<placeholder with spaces>` inside the token is kept whole. */
function readToken(text: string, at: number, end: number): { value: string; end: number } {
  let i = at;
  while (i < end && !isSpace(text.charCodeAt(i))) {
    if (text[i] === '<') {
      const close = text.indexOf('>', i);
      if (close > i && close - i <= 40 && !text.slice(i, close).includes('\n')) {
        i = close;
      }
    }
    i++;
  }
  return { value: text.slice(at, i), end: i };
}

/** Removes `<...>` groups, which pasted errors use for redacted values that may contain spaces. */
function withoutAngleGroups(value: string): string {
  return value.replace(/<[^<>\n]{0,40}>/g, '');
}

function skipSpace(text: string, at: number, end: number): number {
  let i = at;
  while (i < end && isSpace(text.charCodeAt(i))) {
    i++;
  }
  return i;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 160;
}

function startsWithAt(text: string, at: number, phrase: string): boolean {
  return text.slice(at, at + phrase.length).toLowerCase() === phrase;
}

const TRAILING = new Set(['.', ',', ';', ')', '"', "'", '}', ']', '\\', '…', '`']);

/** Removes sentence punctuation and quoting that follows a token (`...key/abc.` → `...key/abc`). */
export function trimPunctuation(value: string): string {
  let end = value.length;
  while (end > 0 && TRAILING.has(value.charAt(end - 1))) {
    end--;
  }
  let start = 0;
  while (start < end && (value.charAt(start) === '"' || value.charAt(start) === "'")) {
    start++;
  }
  return value.slice(start, end);
}

/** Whether a token is a stand-in written by whoever pasted the error: `<user-arn>`, `...`, `***`, `XXXX`. */
export function isPlaceholder(value: string): boolean {
  if (value.startsWith('<') && value.endsWith('>')) {
    return true;
  }
  if (value === '*') {
    return false;
  }
  return /^[.*…xX_-]+$/.test(value) || /^\[?(redacted|removed|hidden)\]?$/i.test(value);
}
