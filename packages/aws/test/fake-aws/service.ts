import type { Answer, FakeError, Input, Protocol, RestRoute } from './protocols.js';
import type { FakeWorld } from './world.js';

/** What an operation may read besides its input. */
export interface Context {
  readonly world: FakeWorld;
  /** The region of the request's credential scope. */
  readonly region: string;
  /** The fake's own address (SQS queue URLs point back to it). */
  readonly endpoint: string;
}

/** One read-only operation of a service. */
export interface FakeOperation {
  /** The IAM action that authorizes it, when not `<service>:<operation>` (ListObjectsV2: `s3:ListBucket`). */
  readonly action?: string;
  /** The ARN a denial names (`on resource: …`). */
  readonly resource: (input: Input, context: Context) => string;
  readonly answer: (input: Input, context: Context) => Answer;
}

/** An error code and status, the message left to the occasion. */
export interface ErrorKind {
  readonly code: string;
  readonly status: number;
  /** SQS's query-compatible code and fault, sent in `x-amzn-query-error`. */
  readonly queryError?: string;
}

/** A service of the fake: its protocol, its own denial and throttling errors, its operations. */
export interface FakeService {
  /** The SigV4 signing name, which is also the IAM action prefix (`iam`, `secretsmanager`). */
  readonly signingName: string;
  readonly protocol: Protocol;
  /** REST services: which operation a method and path name. */
  readonly route?: RestRoute;
  /** How the service spells its prefix in a denial message (SNS writes `SNS:GetTopicAttributes`). */
  readonly messagePrefix?: string;
  readonly denied: ErrorKind;
  readonly throttled: ErrorKind & { readonly message: string };
  readonly operations: Readonly<Record<string, FakeOperation>>;
}

/** A successful answer. */
export function ok(value: unknown): Answer {
  return { ok: true, value };
}

/** An error answer. */
export function fail(code: string, status: number, message: string, extra: Partial<FakeError> = {}): Answer {
  return { ok: false, error: { code, status, message, ...extra } };
}

/** A page of `items` and the IAM members that continue it (`IsTruncated`, `Marker`). */
export function iamPage<T>(
  items: readonly T[],
  input: Input,
  context: Context,
): { readonly items: T[]; readonly more: { IsTruncated: boolean; Marker?: string } } {
  const { slice, next } = cut(
    items,
    input.string('Marker'),
    input.number('MaxItems') ?? context.world.pageSize,
  );
  return {
    items: slice,
    more: next === undefined ? { IsTruncated: false } : { IsTruncated: true, Marker: next },
  };
}

/** A page of `items` and the `NextToken` that continues it (Organizations and the JSON services). */
export function tokenPage<T>(
  items: readonly T[],
  input: Input,
  context: Context,
): { readonly items: T[]; readonly NextToken?: string } {
  const { slice, next } = cut(
    items,
    input.string('NextToken'),
    input.number('MaxResults') ?? context.world.pageSize,
  );
  return next === undefined ? { items: slice } : { items: slice, NextToken: next };
}

/** Markers are opaque to clients; here they hold the offset of the next item. */
function cut<T>(
  items: readonly T[],
  marker: string | undefined,
  size: number | undefined,
): { slice: T[]; next: string | undefined } {
  const from = marker === undefined ? 0 : Number(Buffer.from(marker, 'base64url').toString('utf8').slice(5));
  const to = size === undefined ? items.length : from + size;
  const next = to < items.length ? Buffer.from(`page:${to}`).toString('base64url') : undefined;
  return { slice: items.slice(from, to), next };
}

/** The denial message services write for an identity-based implicit deny. */
export function deniedMessage(callerArn: string, action: string, resource: string): string {
  return `User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`;
}
