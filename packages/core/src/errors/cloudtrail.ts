import ipaddr from 'ipaddr.js';
import { serviceFromEventSource } from '../catalog/service-names.js';
import { isJsonObject } from '../json/is-json-object.js';
import { parseJson } from '../json/parse-json.js';

/** The facts of one failed CloudTrail event. */
export interface CloudTrailFailure {
  readonly errorCode: string;
  readonly errorMessage: string | null;
  readonly eventName: string | null;
  /** The API operation: `eventName` without the API version some services append (`CreateFunction20150331`). */
  readonly operation: string | null;
  readonly service: string | null;
  readonly region: string | null;
  readonly principal: string | null;
  readonly resource: string | null;
  readonly requestId: string | null;
  /** The record's `eventID`. */
  readonly eventId: string | null;
  readonly call: CloudTrailCall;
}

/** What a CloudTrail record tells of the request beyond the error: its parameters and context values. */
export interface CloudTrailCall {
  /** The request's parameters as CloudTrail logged them; `null` when it logged none. */
  readonly requestParameters: Readonly<Record<string, unknown>> | null;
  /** Request context values the record shows (`aws:SourceIp`, `aws:CurrentTime`...), by key. */
  readonly requestContext: Readonly<Record<string, string>>;
  /** Keys the record shows were not in the request (`aws:SourceIp` through a VPC endpoint). */
  readonly absentContext: readonly string[];
}

/**
 * The failed event `selector` names, by `eventID` or `requestID`, or by its 1-based position among
 * the failed events; `undefined` when none matches.
 */
export function selectFailure(
  failures: readonly CloudTrailFailure[],
  selector: string,
): CloudTrailFailure | undefined {
  const wanted = selector.trim();
  const byId = failures.find((f) => f.eventId === wanted || f.requestId === wanted);
  if (byId !== undefined || !/^[1-9]\d*$/.test(wanted)) return byId;
  return failures[Number(wanted) - 1];
}

/**
 * Failed events of a CloudTrail record, a `{"Records": [...]}` file, an array of records, or the
 * `{"Events": [...]}` that `aws cloudtrail lookup-events` prints.
 */
export interface CloudTrailFailures {
  readonly failures: readonly CloudTrailFailure[];
  readonly records: number;
}

type Json = Record<string, unknown>;

const DENIAL_CODE = /AccessDenied|UnauthorizedOperation|AuthorizationError|Unauthorized|Forbidden/;

/**
 * Reads CloudTrail events, or returns `null` when the value is not CloudTrail. Failed events come first
 * when they are access denials, then other failures, each group in file order.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 */
export function readCloudTrail(value: unknown): CloudTrailFailures | null {
  const records = recordsOf(value);
  if (records === null) {
    return null;
  }
  const failed = records.filter((r) => typeof r.errorCode === 'string').map(toFailure);
  const denials = failed.filter((f) => DENIAL_CODE.test(f.errorCode));
  const others = failed.filter((f) => !DENIAL_CODE.test(f.errorCode));
  return { failures: [...denials, ...others], records: records.length };
}

/**
 * The first failed console sign-in among CloudTrail events that hold no failed call: AWS Sign-In records one without
 * an `errorCode`, its `responseElements.ConsoleLogin` `Failure` and its reason in `errorMessage` (`Failed
 * authentication`, `No username found in supplied account`). `null` when there is none.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html
 */
export function readConsoleSignInFailure(value: unknown): CloudTrailFailure | null {
  const record = recordsOf(value)?.find(
    (r) =>
      r.eventName === 'ConsoleLogin' &&
      isJsonObject(r.responseElements) &&
      r.responseElements.ConsoleLogin === 'Failure' &&
      typeof r.errorMessage === 'string',
  );
  return record === undefined ? null : toFailure(record);
}

/**
 * The failed event of a CloudTrail record pasted as text that is no JSON: cut off, with `-- snip --` or
 * `...` lines, nested in another tool's JSON or wrapped in log text. Its string fields are read where
 * they stand (the record around its first `"errorCode"`); a string cut off at the end of the paste is
 * read up to the end of its line. `null` when the text holds no `"errorCode"` string with an
 * `"eventSource"` or `"eventName"` beside it. Linear in the text length.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 */
/**
 * A record printed by Python (`print(event)`: `{'eventName': 'CreateBucket', 'errorCode': 'AccessDenied', …}`, boto3's
 * `lookup_events` answers as scripts print them) or as a JavaScript object's literal (`errorCode: 'AccessDenied'`, a
 * template in backticks), its strings and keys in double quotes, as JSON writes them, so that {@link readCloudTrailText} reads it. A string in double
 * quotes (Python's where the text holds an apostrophe) is copied as it is. Linear in the text length.
 */
export function withJsonQuotes(text: string): string {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // (and a JavaScript template's backticks: `` errorMessage: `User: arn:…:${ACCOUNT}:…` ``)
    if (c !== 0x22 && c !== 0x27 && c !== 0x60) continue;
    // a string ends at its own quote not escaped, or at the line's end where a paste cut it
    let j = i + 1;
    while (j < text.length && text.charCodeAt(j) !== c && text.charCodeAt(j) !== 0x0a) {
      j += text.charCodeAt(j) === 0x5c ? 2 : 1;
    }
    out.push(withQuotedKeys(text.slice(from, i)));
    if (c === 0x22) {
      out.push(text.slice(i, Math.min(j + 1, text.length)));
    } else {
      const inner = text
        .slice(i + 1, Math.min(j, text.length))
        .replace(/\\(['`])/g, '$1')
        .replace(/"/g, '\\"');
      out.push(`"${inner}"`);
    }
    from = Math.min(j + 1, text.length);
    i = j;
  }
  out.push(withQuotedKeys(text.slice(from)));
  return out.join('');
}

/**
 * A record as YAML writes it (`aws cloudtrail lookup-events --output yaml`'s events, a detection rule's test cases:
 * `errorCode: AccessDenied`, `userIdentity:` / `  arn: "arn:…"`), each `key: value` line's key and plain value given
 * JSON's quotes, so that {@link readCloudTrailText} reads it; a value already quoted keeps its quotes. Line by line,
 * linear in the text length. https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-output-format.html
 */
export function withYamlQuotes(text: string): string {
  return text.replace(YAML_PAIR, (_, lead: string, key: string, value: string | undefined) => {
    const plain = (value ?? '').trimEnd();
    if (plain === '') return `${lead}"${key}":`;
    if (plain.startsWith('"')) return `${lead}"${key}": ${plain}`;
    const unquoted =
      plain.startsWith("'") && plain.endsWith("'") && plain.length > 1
        ? plain.slice(1, -1).replaceAll("''", "'")
        : plain;
    return `${lead}"${key}": ${JSON.stringify(unquoted)}`;
  });
}

/** A YAML mapping's `key: value` line (a sequence item's `- ` kept before its key). */
const YAML_PAIR = /^([ \t]*(?:- )?)([A-Za-z_][\w.]{0,60}):(?:[ \t]+([^\n]*))?$/gm;

/**
 * A JavaScript literal's keys, unquoted, given JSON's quotes (`errorCode: "…"`, `userIdentity: { arn: "…" }`, perhaps
 * quoted in Markdown), in text outside its strings only: a message's own `{A:` is no key.
 */
function withQuotedKeys(piece: string): string {
  return piece.replace(/(^|[{,\n][ \t>]*)([A-Za-z_][A-Za-z0-9_]{0,60}):(?=[ \t]*(?:["{[\d]|$))/g, '$1"$2":');
}

export function readCloudTrailText(text: string): CloudTrailFailure | null {
  const codeAt = text.indexOf('"errorCode"');
  if (codeAt < 0) {
    return null;
  }
  // the record around the error: from the start of its own record to the start of the next one, each record led by its
  // `eventVersion` (CloudTrail's first field); a record whose keys are sorted (`jq -S`, a detection rule's test cases:
  // panther-labs/panther-analysis, its `eventVersion` after `errorCode` and before `userIdentity`) has it within
  const start = Math.max(0, recordLeadBefore(text, codeAt), text.lastIndexOf('"Records"', codeAt));
  const next = recordLeadAfter(text, codeAt);
  const record = text.slice(start, next < 0 ? undefined : next);
  const errorCode = stringField(record, 'errorCode');
  // (or, where LookupEvents' item holds the record as its `CloudTrailEvent` string, the item's own `EventSource` and
  // `EventName`: `aws cloudtrail lookup-events` as printed, prowler-cloud/prowler's timeline tests)
  // https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_Event.html
  const item = text.includes('"CloudTrailEvent"');
  const eventSource = stringField(record, 'eventSource') ?? (item ? stringField(text, 'EventSource') : null);
  const eventName = stringField(record, 'eventName') ?? (item ? stringField(text, 'EventName') : null);
  if (errorCode === null || (eventSource === null && eventName === null)) {
    return null;
  }
  const identityAt = record.indexOf('"userIdentity"');
  // CloudWatch Logs Insights shows a row's fields, then the whole record as its `@message`, whose own
  // `"eventVersion"` starts it: the caller may stand there alone, the paste cut before its `errorCode`
  // (DataBiosphere/azul#6208)
  const nested =
    identityAt < 0 && next >= 0 && record.includes('"@message"')
      ? text.slice(next, next + 4000).split('"errorCode"', 1)[0]
      : undefined;
  const identityFrom = nested === undefined ? record : nested;
  const nestedAt = identityFrom.indexOf('"userIdentity"');
  const identityText = nestedAt < 0 ? '' : identityFrom.slice(nestedAt, nestedAt + 4000);
  const sessionAt = identityText.indexOf('"sessionContext"');
  // the caller's own fields come before its session's issuer, whose `arn` is the role's
  const own = sessionAt < 0 ? identityText : identityText.slice(0, sessionAt);
  const identity: Json = {};
  for (const key of IDENTITY_KEYS) {
    // (or flattened, as CloudWatch Logs Insights shows a record's fields: `"userIdentity.arn": "arn:…"`)
    const value = stringField(own, key) ?? stringField(record, `userIdentity.${key}`);
    if (value !== null) identity[key] = value;
  }
  const partial: Json = {
    errorCode,
    eventSource: eventSource === null ? '' : withoutMarkdownLink(eventSource),
    eventName: eventName ?? '',
    userIdentity: identity,
  };
  for (const key of [
    'errorMessage',
    'awsRegion',
    'eventTime',
    'sourceIPAddress',
    'vpcEndpointId',
    'requestID',
    'eventID',
    'recipientAccountId',
  ]) {
    const value = stringField(record, key);
    if (value !== null) partial[key] = value;
  }
  // (and the message a record keeps in its response, as a whole record's is read: `responseMessage`)
  const responseAt = partial.errorMessage === undefined ? record.indexOf('"responseElements"') : -1;
  const message = responseAt < 0 ? null : stringField(record.slice(responseAt, responseAt + 8200), 'message');
  if (message !== null) partial.responseElements = { message };
  const resourceArn = stringField(record, 'ARN');
  if (resourceArn !== null) partial.resources = [{ ARN: resourceArn }];
  const paramsAt = record.indexOf('"requestParameters"');
  if (paramsAt >= 0) {
    const paramsText = record.slice(paramsAt, paramsAt + 4000);
    const params: Json = {};
    for (const key of [...RESOURCE_PARAMETERS, 'bucketName', 'key']) {
      const value = stringField(paramsText, key);
      if (value !== null) params[key] = value;
    }
    partial.requestParameters = params;
  }
  return toFailure(partial);
}

/** Where the last record led by its `"eventVersion"` (after a `{`, blanks aside) starts before `at`; -1 if none. */
function recordLeadBefore(text: string, at: number): number {
  for (
    let i = text.lastIndexOf('"eventVersion"', at);
    i >= 0;
    i = text.lastIndexOf('"eventVersion"', i - 1)
  ) {
    if (opensRecord(text, i)) return i;
    if (i === 0) break;
  }
  return -1;
}

/** Where the next record led by its `"eventVersion"` starts after `at`; -1 if none. */
function recordLeadAfter(text: string, at: number): number {
  for (let i = text.indexOf('"eventVersion"', at); i >= 0; i = text.indexOf('"eventVersion"', i + 1)) {
    if (opensRecord(text, i)) return i;
  }
  return -1;
}

/** Whether the key at `at` is its object's first (a `{` before it, blanks aside), as CloudTrail writes `eventVersion`. */
function opensRecord(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && at - i < 200 && /\s/.test(text.charAt(i))) i--;
  // (or a YAML sequence's item, `- "eventVersion": …` once its keys are quoted)
  return (
    i < 0 ||
    text.charCodeAt(i) === 0x7b ||
    (text.charCodeAt(i) === 0x2d && /\s/.test(text.charAt(i - 1) || ' '))
  );
}

/**
 * The first `"key": "value"` string of `text`, its escapes undone; a string cut off by the end of the
 * paste runs to the end of its line. Each match is bounded.
 */
export function stringField(text: string, key: string): string | null {
  const at = text.indexOf(`"${key}"`);
  if (at < 0) {
    return null;
  }
  const slice = text.slice(at, at + key.length + 8040);
  const m = /^"[^"]*"\s*:\s*"((?:[^"\\\n]|\\.){0,8000})/.exec(slice);
  if (m?.[1] === undefined || m[1] === '') {
    return null;
  }
  // a line break inside the string (JSON has none there) that a terminal or table cut the record at, the
  // string closed on a later line: `"errorCode":"AccessDenie` / `d","errorMessage":…`
  // (or a YAML folded string's, its next line indented, which YAML reads as one space: a record kept as a detection
  // rule's `example_log: '{… "errorMessage": "Policy arn:…/AtomicRedTeam` / `  was not found." …}'`,
  // splunk/security_content) https://yaml.org/spec/1.2.2/#73-flow-scalar-styles
  const cut =
    slice.charAt(m[0].length) === '\n'
      ? /^"[^"]*"\s*:\s*"((?:[^"\\\n]|\\.|\n[ \t]{0,40}(?=[^\s"])){0,8000})"/.exec(slice)
      : null;
  const raw = cut?.[1] === undefined ? m[1] : cut[1].replace(/\n[ \t]+/g, ' ').replaceAll('\n', '');
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

function recordsOf(value: unknown): Json[] | null {
  if (isRecord(value)) {
    return [value];
  }
  if (isJsonObject(value) && Array.isArray(value.Events)) {
    return lookedUpRecords(value.Events);
  }
  const list =
    isJsonObject(value) && Array.isArray(value.Records) ? value.Records : Array.isArray(value) ? value : null;
  if (list === null || list.length === 0) {
    return null;
  }
  const records = list.filter(isRecord);
  return records.length === list.length ? records : null;
}

/**
 * The records of `aws cloudtrail lookup-events` output: each event carries its record as a JSON string
 * in `CloudTrailEvent`. `null` when no event holds a record.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html
 */
function lookedUpRecords(events: readonly unknown[]): Json[] | null {
  const records: Json[] = [];
  for (const event of events) {
    if (!isJsonObject(event) || typeof event.CloudTrailEvent !== 'string') continue;
    const parsed = parseJson(event.CloudTrailEvent);
    if (parsed.ok && isRecord(parsed.value)) records.push(parsed.value);
  }
  return records.length > 0 ? records : null;
}

function isRecord(value: unknown): value is Json {
  return isJsonObject(value) && typeof value.eventSource === 'string' && typeof value.eventName === 'string';
}

/** The fields of `userIdentity` a failure reads. */
const IDENTITY_KEYS = ['type', 'arn', 'accountId', 'accessKeyId', 'invokedBy', 'principalId'] as const;

/**
 * A value a Markdown renderer made a link of, copied from a rendered page (`[s3.amazonaws.com](http://s3.amazonaws.com/)`:
 * DataBiosphere/azul#8118): the text alone, when the link's address is that text.
 */
function withoutMarkdownLink(value: string): string {
  const m = /^\[([^[\]\s]{1,200})\]\((?:https?:\/\/)?([^()\s]{1,250}?)\/?\)$/.exec(value);
  const text = m?.[1];
  return text !== undefined && text === m?.[2] ? text : value;
}

/**
 * The message a failed call's record keeps in its response rather than in `errorMessage` (Amazon MWAA's
 * `"responseElements": {"message": "User: … is not authorized to perform: airflow:CreateCliToken on resource: …"}`:
 * 094459/blog's MWAA notes): only where the record names an error.
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 */
function responseMessage(record: Json): string | null {
  if (str(record.errorCode) === null || !isJsonObject(record.responseElements)) return null;
  return str(record.responseElements.message);
}

function toFailure(record: Json): CloudTrailFailure {
  const service = serviceFromEventSource(withoutMarkdownLink(str(record.eventSource) ?? ''));
  const region = str(record.awsRegion);
  const identity = isJsonObject(record.userIdentity) ? record.userIdentity : flattenedIdentity(record);
  const eventName = str(record.eventName);
  return {
    errorCode: str(record.errorCode) ?? '',
    errorMessage: str(record.errorMessage) ?? responseMessage(record),
    eventName,
    operation: eventName === null ? null : operationOf(service, eventName),
    service,
    region,
    principal: principalOf(identity),
    resource: resourceOf(record, service, region),
    requestId: str(record.requestID) ?? str(record.requestId),
    eventId: str(record.eventID),
    call: {
      requestParameters:
        isJsonObject(record.requestParameters) && shallowerThan(record.requestParameters, MAX_PARAMETER_DEPTH)
          ? record.requestParameters
          : null,
      requestContext: requestContextOf(record, identity),
      absentContext: absentContextOf(record, identity),
    },
  };
}

/**
 * The request context values a record shows: the source address (`aws:SourceIp`, or through a VPC
 * endpoint `aws:SourceVpce` and `aws:VpcSourceIp`, as `aws:SourceIp` is then absent), `aws:ViaAWSService`
 * `false` for a call made from an address with no `invokedBy` service, the time, TLS,
 * and for temporary credentials MFA, token issue time and source identity. A `sourceIPAddress` that is
 * a service name (`cloudformation.amazonaws.com`) or `AWS Internal` gives no address.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 */
function requestContextOf(record: Json, identity: Json): Record<string, string> {
  const context: Record<string, string> = {};
  const address = str(record.sourceIPAddress);
  const isAddress =
    address !== null && (ipaddr.IPv4.isValidFourPartDecimal(address) || ipaddr.IPv6.isValid(address));
  const endpoint = str(record.vpcEndpointId);
  if (endpoint !== null) {
    context['aws:SourceVpce'] = endpoint;
    if (isAddress) context['aws:VpcSourceIp'] = address;
  } else if (isAddress) {
    context['aws:SourceIp'] = address;
  }
  // called from an address and not by a service on the caller's behalf: no forward access session
  if (isAddress && str(identity.invokedBy) === null) context['aws:ViaAWSService'] = 'false';
  const time = str(record.eventTime);
  const epoch = time === null ? Number.NaN : Date.parse(time);
  if (time !== null && Number.isFinite(epoch)) {
    context['aws:CurrentTime'] = time;
    context['aws:EpochTime'] = String(Math.floor(epoch / 1000));
  }
  if (isJsonObject(record.tlsDetails) && str(record.tlsDetails.tlsVersion) !== null) {
    context['aws:SecureTransport'] = 'true';
  }
  const session = isJsonObject(identity.sessionContext) ? identity.sessionContext : null;
  const attributes =
    session !== null && isJsonObject(session.attributes) && !longTermKey(identity)
      ? session.attributes
      : null;
  const mfa = attributes === null ? null : String(attributes.mfaAuthenticated);
  if (mfa === 'true' || mfa === 'false') context['aws:MultiFactorAuthPresent'] = mfa;
  const issued = attributes === null ? null : str(attributes.creationDate);
  if (issued !== null && Number.isFinite(Date.parse(issued))) context['aws:TokenIssueTime'] = issued;
  const sourceIdentity = session === null ? null : str(session.sourceIdentity);
  if (sourceIdentity !== null) context['aws:SourceIdentity'] = sourceIdentity;
  return context;
}

/**
 * Keys the record shows the request did not carry: `aws:SourceIp` through a VPC endpoint; MFA and
 * token keys for a long-term access key (`AKIA...`), which only temporary credentials carry.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent
 */
function absentContextOf(record: Json, identity: Json): string[] {
  const absent: string[] = [];
  if (str(record.vpcEndpointId) !== null) absent.push('aws:SourceIp');
  if (longTermKey(identity)) {
    absent.push('aws:MultiFactorAuthPresent', 'aws:MultiFactorAuthAge', 'aws:TokenIssueTime');
  }
  return absent;
}

/** Whether the call was signed with a long-term access key (IAM user or root `AKIA...` key). */
function longTermKey(identity: Json): boolean {
  return str(identity.accessKeyId)?.startsWith('AKIA') === true;
}

/**
 * Logged parameters nest a few levels (EC2's `networkInterfaceSet.items[].groupSet.items[]` is the
 * deepest common shape); deeper ones are no real record and are left out, so that nothing downstream
 * walks an unbounded depth.
 */
const MAX_PARAMETER_DEPTH = 32;

/** Whether `value` nests fewer than `limit` levels of objects and arrays (checked without recursion). */
function shallowerThan(value: unknown, limit: number): boolean {
  const stack: { readonly value: unknown; readonly depth: number }[] = [{ value, depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth >= limit) return false;
    for (const child of Object.values(item.value)) stack.push({ value: child, depth: item.depth + 1 });
  }
  return true;
}

/**
 * API versions that services append to CloudTrail event names: Lambda's `20150331` / `20150331v2`
 * (`UpdateFunctionConfiguration20150331v2`), CloudFront's `2020_05_31` (`UpdateDistribution2020_05_31`),
 * as their CloudTrail records show; the operation is the name before it.
 */
const VERSION_SUFFIX: Readonly<Record<string, RegExp>> = {
  lambda: /^([A-Za-z]+)\d{8}(?:v\d+)?$/,
  cloudfront: /^([A-Za-z]+)\d{4}_\d{2}_\d{2}$/,
};

function operationOf(service: string | null, eventName: string): string {
  const suffix = service === null ? undefined : VERSION_SUFFIX[service];
  return suffix?.exec(eventName)?.[1] ?? eventName;
}

/** The identity of a record whose fields CloudWatch Logs Insights flattened (`"userIdentity.arn": "arn:…"`). */
function flattenedIdentity(record: Json): Json {
  const identity: Json = {};
  for (const key of IDENTITY_KEYS) {
    const value = str(record[`userIdentity.${key}`]);
    if (value !== null) identity[key] = value;
  }
  return identity;
}

function principalOf(identity: Json): string | null {
  const arn = str(identity.arn);
  if (arn !== null) {
    return arn;
  }
  // S3 records an anonymous request's caller as an account named `anonymous` (`ANONYMOUS_PRINCIPAL` in older records:
  // aws/amazon-ssm-agent#299) https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html
  const account = str(identity.accountId);
  if (account === 'anonymous' || account === 'ANONYMOUS_PRINCIPAL') {
    return 'anonymous';
  }
  const type = str(identity.type);
  if (type === 'AWSService') {
    return str(identity.invokedBy);
  }
  // (another account's caller: its root where its principal ID is the account's own, else a user or a role's session of
  // it that the record does not name, `"principalId": "AROA…:session-name"`, unknown)
  const principalId = str(identity.principalId);
  if (
    type === 'AWSAccount' &&
    str(identity.accountId) !== null &&
    (principalId === null || principalId === str(identity.accountId))
  ) {
    return `arn:aws:iam::${str(identity.accountId)}:root`;
  }
  if (type === 'Anonymous' || str(identity.principalId) === 'anonymous') {
    return 'anonymous';
  }
  return null;
}

/** Request parameters that name the resource by its ARN in common services' records. */
export const RESOURCE_PARAMETERS = [
  'roleArn',
  'functionName',
  'keyId',
  'secretId',
  'topicArn',
  'queueUrl',
  'name',
  'resourceArn',
  // (ACM Private CA's CA, `{"certificateAuthorityArn": "arn:aws:acm-pca:…:certificate-authority/…"}`)
  // https://docs.aws.amazon.com/privateca/latest/userguide/PcaCtIntro.html
  'certificateAuthorityArn',
] as const;

/** The resource of the event: the `resources` list, else what `requestParameters` names for common services. */
function resourceOf(record: Json, service: string | null, region: string | null): string | null {
  if (Array.isArray(record.resources)) {
    for (const r of record.resources) {
      if (isJsonObject(r) && typeof r.ARN === 'string') {
        return r.ARN;
      }
    }
  }
  const params = isJsonObject(record.requestParameters) ? record.requestParameters : null;
  if (params === null) {
    return null;
  }
  for (const key of RESOURCE_PARAMETERS) {
    const v = str(params[key]);
    if (v?.startsWith('arn:')) {
      return v;
    }
  }
  if (service === 's3') {
    const bucket = str(params.bucketName);
    if (bucket !== null) {
      const key = str(params.key);
      return key === null ? `arn:aws:s3:::${bucket}` : `arn:aws:s3:::${bucket}/${key}`;
    }
  }
  const account = str(record.recipientAccountId);
  if (service === 'ssm' && account !== null && region !== null) {
    const name = str(params.name);
    if (name !== null) {
      return `arn:aws:ssm:${region}:${account}:parameter${name.startsWith('/') ? '' : '/'}${name}`;
    }
  }
  return null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
