import ipaddr from 'ipaddr.js';
import { rewriteArn, rewriteS3Key, rewriteS3Path, sessionName } from './arn-rewrite.js';
import { type Found, PRIORITY, URL_END } from './found.js';
import { findHosts } from './hosts.js';
import type { RedactionKind } from './redaction-map.js';

export type { Found } from './found.js';

const ENCODED_MARKER = 'Encoded authorization failure message:';
const ARN_END = new Set([
  ' ',
  '\t',
  '\n',
  '\r',
  '"',
  "'",
  '`',
  ',',
  ';',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '<',
  '>',
  '\\',
  '|',
]);
const ARN_PARTITION = /^aws(?:-cn|-us-gov|-iso[a-z-]*|-eusc)?$/;
const ARN_FIELD = /^[a-z0-9-]*$/;

/** Fixed patterns; every quantifier is bounded or applies to one character class, none nested. */
const KEY_ID =
  /(?:AKIA|ASIA|ABIA|ACCA|AIDA|AROA|AIPA|ANPA|ANVA|AGPA|APKA|ASCA)[A-Z0-9]{8,28}(?![A-Za-z0-9])/g;
/** The first four groups of a UUID, whose last group may be twelve digits (request ids). */
const UUID_HEAD = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-$/i;
const SECRET_KEY = /[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
const SESSION_TOKEN = /(?:IQoJb3JpZ2lu|FwoGZXIvYXdz|FQoGZXIvYXdz|AQoDYXdz|AgoJb3JpZ2lu)[A-Za-z0-9/+=]{20,}/g;
const LABELLED =
  /(?:aws_secret_access_key|AWS_SECRET_ACCESS_KEY|SecretAccessKey|secretAccessKey|aws_session_token|AWS_SESSION_TOKEN|SessionToken|sessionToken|X-Amz-Security-Token|x-amz-security-token)["']?[ \t]{0,4}[:=][ \t]{0,4}["']?[A-Za-z0-9/+=]{16,}/g;
const IPV4 = /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?![\d])/g;
const IPV6 = /[0-9A-Fa-f:]{2,39}/g;
const EC2_ID =
  /(?:i|vol|snap|ami|sg|subnet|vpc|eni|lt|igw|rtb|eipalloc|nat|vpce|tgw|pcx|acl|fs|r|sir|fleet|dopt|lc|elb)-(?:[0-9a-f]{17}|[0-9a-f]{8})(?![0-9A-Za-z])/g;
const ACCOUNT = /\d{12}(?![\d])/g;
/** An account id as the console shows it: `1234-5678-9012`. */
const DASHED_ACCOUNT = /\d{4}-\d{4}-\d{4}(?![\d-])/g;
/** AWS Organizations ids: organization, organizational unit, root, policy (at least one digit each). */
const ORG_ID =
  /(?:o-[a-z0-9]{10,32}|ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}|r-[a-z0-9]{4,32}|p-[a-z0-9]{8,128})(?![\w-])/g;
/** A KMS alias; `alias/aws/...` names AWS managed keys and stays. */
const KMS_ALIAS = /alias\/[A-Za-z0-9/_-]{1,256}/g;
/** A home directory: `/home/NAME`, `/Users/NAME`, `C:\\Users\\NAME` (also with JSON's doubled `\\`). */
const HOME = /(?:\/home\/|\/Users\/|[A-Za-z]:\\{1,2}Users\\{1,2})[A-Za-z0-9._-]{1,64}/g;
/** CloudTrail's (and the SDKs') S3 object key field: `"key": "reports/q3.csv"`. */
const KEY_FIELD = /"(?:key|objectKey)"[ \t]{0,4}:[ \t]{0,4}"/g;
const SESSION_CHARS = /[\w+=,.@-]/;

/** Addresses that name no host: loopback, unspecified, broadcast, the instance metadata service. */
const KEPT_IPV4 = new Set(['0.0.0.0', '127.0.0.1', '255.255.255.255', '169.254.169.254']);

/**
 * Finds every secret and identifier in `text`: ARNs (account and names), access key ids, unique ids
 * with their session names, secret keys, session tokens, IPv4 and IPv6 addresses, e-mail addresses,
 * EC2 resource ids and bare account ids. EC2's encoded authorization message is kept as it is.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html
 */
export function detect(text: string): Found[] {
  const found: Found[] = [];
  protectEncodedMessages(text, found);
  findArns(text, found);
  findEmails(text, found);
  eachMatch(text, LABELLED, (m, at) => {
    // the value starts after the first `:` or `=` (labels hold neither) and any blanks or quote
    let cut = m.search(/[:=]/) + 1;
    while (cut < m.length && /[ \t"']/.test(m.charAt(cut))) cut++;
    const value = m.slice(cut);
    const kind: RedactionKind = /token/i.test(m) ? 'session-token' : 'secret-key';
    const start = at + m.length - value.length;
    found.push(fixed(start, at + m.length, PRIORITY.labelled, value, kind));
  });
  eachMatch(text, SESSION_TOKEN, (m, at) => {
    if (startsToken(text, at, /[A-Za-z0-9/+=]/)) {
      found.push(fixed(at, at + m.length, PRIORITY.sessionToken, m, 'session-token'));
    }
  });
  eachMatch(text, KEY_ID, (m, at) => {
    if (!startsToken(text, at, /[A-Za-z0-9]/)) return;
    const kind: RedactionKind = /^(?:AKIA|ASIA|ABIA|ACCA)/.test(m) ? 'access-key-id' : 'unique-id';
    found.push(fixed(at, at + m.length, PRIORITY.key, m, kind));
    if (kind === 'unique-id' && text.charAt(at + m.length) === ':')
      sessionAfter(text, at + m.length + 1, found);
  });
  eachMatch(text, SECRET_KEY, (m, at) => {
    if (startsToken(text, at, /[A-Za-z0-9/+=]/) && /[a-z]/.test(m) && /[A-Z]/.test(m) && /\d/.test(m)) {
      found.push(fixed(at, at + m.length, PRIORITY.secret, m, 'secret-key'));
    }
  });
  eachMatch(text, EC2_ID, (m, at) => {
    if (startsToken(text, at, /[A-Za-z0-9]/))
      found.push(fixed(at, at + m.length, PRIORITY.resourceId, m, 'resource-id'));
  });
  eachMatch(text, IPV4, (m, at) => {
    const octetsOk = m.split('.').every((o) => Number(o) <= 255);
    const before = text.charAt(at - 1);
    // a network keeps its prefix length with its address: `10.42.0.0/16` is one value
    const prefix = /^\/\d{1,2}(?![\d])/.exec(text.slice(at + m.length, at + m.length + 4))?.[0] ?? '';
    const value = Number(prefix.slice(1)) <= 32 ? m + prefix : m;
    const after = text.slice(at + value.length, at + value.length + 2);
    if (
      octetsOk &&
      !/[\w.]/.test(before) &&
      !/^\.\d/.test(after) &&
      !KEPT_IPV4.has(m) &&
      !m.startsWith('127.')
    ) {
      found.push({ ...fixed(at, at + value.length, PRIORITY.ip, value, 'ipv4'), address: value });
    }
  });
  eachMatch(text, IPV6, (m, at) => {
    const before = text.charAt(at - 1);
    const after = text.charAt(at + m.length);
    const colons = m.split(':').length - 1;
    if (/[\w:]/.test(before) || /[\w:]/.test(after) || !(m.includes('::') || colons === 7)) return;
    if (!/[0-9A-Fa-f]/.test(m) || !ipaddr.IPv6.isValid(m) || m === '::1') return;
    // a network keeps its prefix length with its address: `2001:db8:1234::/48` is one value
    const prefix = /^\/\d{1,3}(?![\d])/.exec(text.slice(at + m.length, at + m.length + 5))?.[0] ?? '';
    const value = prefix !== '' && Number(prefix.slice(1)) <= 128 ? m + prefix : m;
    found.push({ ...fixed(at, at + value.length, PRIORITY.ip, value, 'ipv6'), address: value });
  });
  eachMatch(text, ACCOUNT, (m, at) => {
    if (UUID_HEAD.test(text.slice(Math.max(0, at - 24), at))) return;
    if (startsToken(text, at, /[A-Za-z0-9.]/))
      found.push(fixed(at, at + m.length, PRIORITY.account, m, 'account-id'));
  });
  findNamesOutsideArns(text, found);
  findHosts(text, found);
  return found;
}

/**
 * What names a person or an organisation outside ARNs: dashed account ids, Organizations ids, KMS
 * aliases, home directories, S3 object keys (CloudTrail's `key`, `s3://` URLs). Each gets the stand-in
 * the same value gets inside an ARN.
 */
function findNamesOutsideArns(text: string, found: Found[]): void {
  eachMatch(text, DASHED_ACCOUNT, (m, at) => {
    if (!startsToken(text, at, /[A-Za-z0-9-]/)) return;
    found.push({
      start: at,
      end: at + m.length,
      priority: PRIORITY.account,
      rewrite: (standIn) => {
        const id = standIn(m.replace(/-/g, ''), 'account-id');
        return `${id.slice(0, 4)}-${id.slice(4, 8)}-${id.slice(8)}`;
      },
    });
  });
  eachMatch(text, ORG_ID, (m, at) => {
    if (startsToken(text, at, /[\w-]/) && /\d/.test(m.slice(m.indexOf('-'))))
      found.push(fixed(at, at + m.length, PRIORITY.resourceId, m, 'resource-id'));
  });
  eachMatch(text, KMS_ALIAS, (m, at) => {
    const name = m.slice('alias/'.length);
    if (!startsToken(text, at, /[A-Za-z0-9]/) || name.startsWith('aws/') || name === 'aws') return;
    found.push({
      start: at + 'alias/'.length,
      end: at + m.length,
      priority: PRIORITY.resourceId,
      rewrite: (standIn) => rewriteS3Key(name, standIn),
    });
  });
  eachMatch(text, HOME, (m, at) => {
    const name = /[A-Za-z0-9._-]+$/.exec(m)?.[0] ?? '';
    if (name === '' || name.startsWith('.')) return;
    found.push(fixed(at + m.length - name.length, at + m.length, PRIORITY.resourceId, name, 'user-name'));
  });
  eachMatch(text, KEY_FIELD, (m, at) => {
    const start = at + m.length;
    let end = start;
    while (end < text.length && text.charAt(end) !== '"' && end - start < 1024) {
      end += text.charAt(end) === '\\' ? 2 : 1;
    }
    if (text.charAt(end) !== '"' || end === start) return;
    const key = text.slice(start, end);
    // a condition key (`aws:ResourceTag/team`) is no object key
    if (key.includes(':')) return;
    found.push({ start, end, priority: PRIORITY.url, rewrite: (standIn) => rewriteS3Key(key, standIn) });
  });
  for (let at = text.indexOf('s3://'); at >= 0; at = text.indexOf('s3://', at + 1)) {
    const start = at + 's3://'.length;
    let end = start;
    while (end < text.length && !URL_END.has(text.charAt(end))) end++;
    while (end > start && '.,;:'.includes(text.charAt(end - 1))) end--;
    const path = text.slice(start, end);
    if (path === '') continue;
    found.push({ start, end, priority: PRIORITY.url, rewrite: (standIn) => rewriteS3Path(path, standIn) });
  }
}

/**
 * Whether position `at` starts a token: the character before it is not one of `chars`, or is the
 * letter of an escape such as `\n` in a JSON string.
 */
function startsToken(text: string, at: number, chars: RegExp): boolean {
  if (at === 0) return true;
  const before = text.charAt(at - 1);
  if (!chars.test(before)) return true;
  return 'nrt'.includes(before) && text.charAt(at - 2) === '\\';
}

function eachMatch(text: string, pattern: RegExp, visit: (match: string, at: number) => void): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    visit(m[0], m.index);
    if (m[0] === '') pattern.lastIndex++;
  }
}

function fixed(start: number, end: number, priority: number, value: string, kind: RedactionKind): Found {
  return { start, end, priority, rewrite: (standIn) => standIn(value, kind) };
}

/** The session name after `AROA…:` in an `aws:userid`. */
function sessionAfter(text: string, start: number, found: Found[]): void {
  let end = start;
  while (end < text.length && end - start < 64 && SESSION_CHARS.test(text.charAt(end))) end++;
  while (end > start && text.charAt(end - 1) === '.') end--;
  if (end - start < 2) return;
  const name = text.slice(start, end);
  found.push({
    start,
    end,
    priority: PRIORITY.key,
    rewrite: (standIn) => sessionName(name, standIn),
  });
}

function protectEncodedMessages(text: string, found: Found[]): void {
  for (let at = text.indexOf(ENCODED_MARKER); at >= 0; at = text.indexOf(ENCODED_MARKER, at + 1)) {
    let end = at + ENCODED_MARKER.length;
    while (text.charAt(end) === ' ') end++;
    while (end < text.length && /[A-Za-z0-9_\-+/=]/.test(text.charAt(end))) end++;
    const original = text.slice(at, end);
    found.push({ start: at, end, priority: PRIORITY.protected, rewrite: () => original });
  }
}

/** ARNs, scanned by hand: `arn:partition:service:region:account:resource`. */
function findArns(text: string, found: Found[]): void {
  let from = 0;
  for (let at = text.indexOf('arn:', from); at >= 0; at = text.indexOf('arn:', from)) {
    from = at + 4;
    if (!startsToken(text, at, /[A-Za-z0-9]/)) continue;
    const fields: string[] = [];
    let cursor = at + 4;
    let ok = true;
    for (let i = 0; i < 4 && ok; i++) {
      let end: number;
      if (i === 3 && (text.charAt(cursor) === '[' || text.charAt(cursor) === '<')) {
        // a hand-redacted account such as `[redacted:AWS_ACCOUNT]` or `<REMOVED>`
        const close = text.indexOf(text.charAt(cursor) === '[' ? ']' : '>', cursor);
        end = close < 0 || close - cursor > 64 ? -1 : text.indexOf(':', close);
        if (end !== close + 1) end = -1;
      } else {
        end = text.indexOf(':', cursor);
        if (end - cursor > 64) end = -1;
      }
      if (end < 0) {
        ok = false;
        break;
      }
      fields.push(text.slice(cursor, end));
      cursor = end + 1;
    }
    const [partition = '', service = '', region = ''] = fields;
    if (!ok || !ARN_PARTITION.test(partition) || !ARN_FIELD.test(service) || !ARN_FIELD.test(region))
      continue;
    let end = cursor;
    while (end < text.length && !ARN_END.has(text.charAt(end))) {
      // a policy variable (`${aws:PrincipalTag/team}`) belongs to the ARN pattern
      const close = text.charAt(end) === '$' && text.charAt(end + 1) === '{' ? text.indexOf('}', end) : -1;
      end = close > end && close - end <= 128 ? close + 1 : end + 1;
    }
    // a sentence's full stop or colon after an ARN is not part of it
    while (end > cursor && (text.charAt(end - 1) === '.' || text.charAt(end - 1) === ':')) end--;
    const account = fields[3] ?? '';
    const resource = text.slice(cursor, end);
    found.push({
      start: at,
      end,
      priority: PRIORITY.arn,
      rewrite: (standIn) => rewriteArn({ partition, service, region, account, resource }, standIn),
    });
    from = Math.max(from, end);
  }
}

const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const DOMAIN_CHAR = /[A-Za-z0-9.-]/;

/** E-mail addresses, found from each `@` outwards (linear: `@` ends both runs). */
function findEmails(text: string, found: Found[]): void {
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && LOCAL_CHAR.test(text.charAt(start - 1))) start--;
    while (start < at && text.charAt(start) === '.') start++;
    let end = at + 1;
    while (end < text.length && DOMAIN_CHAR.test(text.charAt(end))) end++;
    while (end > at + 1 && (text.charAt(end - 1) === '.' || text.charAt(end - 1) === '-')) end--;
    const value = text.slice(start, end);
    const domain = value.slice(value.indexOf('@') + 1);
    const top = domain.slice(domain.lastIndexOf('.') + 1);
    if (start < at && domain.includes('.') && /^[A-Za-z]{2,}$/.test(top)) {
      found.push(fixed(start, end, PRIORITY.email, value, 'email'));
    }
  }
}
