import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { WireRequest } from './sigv4.js';
import { escapeXml, toXml } from './xml.js';

/**
 * The wire protocol of a service.
 *
 * @see https://smithy.io/2.0/aws/protocols/aws-query-protocol.html
 * @see https://smithy.io/2.0/aws/protocols/aws-json-1_1-protocol.html
 * @see https://smithy.io/2.0/aws/protocols/aws-restxml-protocol.html
 * @see https://smithy.io/2.0/aws/protocols/aws-restjson1-protocol.html
 */
export type Protocol =
  | { readonly kind: 'query'; readonly xmlns: string; readonly version: string }
  | { readonly kind: 'json'; readonly version: '1.0' | '1.1'; readonly target: string }
  | { readonly kind: 'rest-xml' }
  | { readonly kind: 'rest-json' };

/** An operation's parameters, whatever the protocol carried them in (form, JSON body, path, query). */
export interface Input {
  string(name: string): string | undefined;
  list(name: string): string[];
  number(name: string): number | undefined;
}

/** An error as a service reports it. */
export interface FakeError {
  readonly code: string;
  readonly status: number;
  readonly message: string;
  /** SQS's `x-amzn-query-error` header: the query-protocol code and fault (`AccessDenied;Sender`). */
  readonly queryError?: string;
  /** Members the error carries beside its code and message (S3's `BucketName`). */
  readonly fields?: Readonly<Record<string, string>>;
}

/** What an operation answers: its output shape, or an error. */
export type Answer =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: FakeError };

/** A REST answer's body as it is sent (S3's XML listings, an object's bytes), with its content type. */
export class RawBody {
  constructor(
    readonly contentType: string,
    readonly body: string | Uint8Array,
  ) {}
}

/** An operation's name and parameters, read off the wire. */
export interface Parsed {
  readonly operation: string;
  readonly input: Input;
}

/** A REST request's route: its operation and path labels. */
export type RestRoute = (
  method: string,
  segments: readonly string[],
  query: URLSearchParams,
) => {
  readonly operation: string;
  readonly labels: Readonly<Record<string, string>>;
};

/** The failures the protocol itself reports, before any operation runs. */
export type ProtocolFailure = 'unsigned' | 'unknown-key' | 'mismatch' | 'unknown-operation';

const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';
const INVALID_TOKEN = 'The security token included in the request is invalid.';

/**
 * Each protocol's errors for an unsigned request, an unknown access key, a wrong signature and an
 * operation the service does not have.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html
 * @see https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList
 */
export const PROTOCOL_FAILURES: Readonly<
  Record<
    Protocol['kind'],
    Readonly<Record<ProtocolFailure, { readonly code: string; readonly status: number }>>
  >
> = {
  query: {
    unsigned: { code: 'MissingAuthenticationToken', status: 403 },
    'unknown-key': { code: 'InvalidClientTokenId', status: 403 },
    mismatch: { code: 'SignatureDoesNotMatch', status: 403 },
    'unknown-operation': { code: 'InvalidAction', status: 400 },
  },
  json: {
    unsigned: { code: 'MissingAuthenticationTokenException', status: 403 },
    'unknown-key': { code: 'UnrecognizedClientException', status: 403 },
    mismatch: { code: 'InvalidSignatureException', status: 403 },
    'unknown-operation': { code: 'UnknownOperationException', status: 400 },
  },
  'rest-xml': {
    unsigned: { code: 'AccessDenied', status: 403 },
    'unknown-key': { code: 'InvalidAccessKeyId', status: 403 },
    mismatch: { code: 'SignatureDoesNotMatch', status: 403 },
    'unknown-operation': { code: 'NotImplemented', status: 400 },
  },
  'rest-json': {
    unsigned: { code: 'MissingAuthenticationTokenException', status: 403 },
    'unknown-key': { code: 'UnrecognizedClientException', status: 403 },
    mismatch: { code: 'InvalidSignatureException', status: 403 },
    'unknown-operation': { code: 'UnknownOperationException', status: 400 },
  },
};

/** The protocol's error for a failure of its own, with AWS's message. */
export function protocolFailure(protocol: Protocol, failure: ProtocolFailure, operation: string): FakeError {
  const { code, status } = PROTOCOL_FAILURES[protocol.kind][failure];
  const message = {
    unsigned: protocol.kind === 'rest-xml' ? 'Access Denied' : 'Missing Authentication Token',
    'unknown-key':
      protocol.kind === 'rest-xml'
        ? 'The AWS Access Key Id you provided does not exist in our records.'
        : INVALID_TOKEN,
    mismatch: SIGNATURE_MISMATCH,
    'unknown-operation':
      protocol.kind === 'query'
        ? `Could not find operation ${operation} for version ${protocol.version}`
        : `${operation} is not an operation of this service`,
  }[failure];
  return { code, status, message };
}

/** Reads the operation and its parameters off the wire. */
export function parseRequest(protocol: Protocol, request: WireRequest, route?: RestRoute): Parsed {
  switch (protocol.kind) {
    case 'query': {
      const form = new URLSearchParams(request.body.toString('utf8'));
      return { operation: form.get('Action') ?? '', input: formInput(form) };
    }
    case 'json': {
      const target = request.headers['x-amz-target'] ?? '';
      const body: unknown = request.body.length > 0 ? JSON.parse(request.body.toString('utf8')) : {};
      // a target of another service names no operation of this one
      const [prefix, operation = ''] = target.split('.');
      return { operation: prefix === protocol.target ? operation : target, input: jsonInput(body) };
    }
    default: {
      const segments = request.rawPath
        .split('/')
        .filter((s) => s !== '')
        .map(decodeURIComponent);
      const query = new URLSearchParams(request.rawQuery);
      const { operation, labels } = route?.(request.method, segments, query) ?? { operation: '', labels: {} };
      const flat = new URLSearchParams(query);
      for (const [name, value] of Object.entries(labels)) flat.set(name, value);
      return { operation, input: formInput(flat) };
    }
  }
}

/** Parameters of a form or a query string; a list is `Name.member.N` (the query protocol's form). */
function formInput(form: URLSearchParams): Input {
  return {
    string: (name) => form.get(name) ?? undefined,
    list: (name) =>
      [...form.entries()]
        .map(([key, value]) => ({ at: /^(.+)\.member\.(\d+)$/.exec(key), value }))
        .filter(({ at }) => at?.[1] === name)
        .sort((a, b) => Number(a.at?.[2]) - Number(b.at?.[2]))
        .map(({ value }) => value),
    number: (name) => {
      const value = form.get(name);
      return value === null ? undefined : Number(value);
    },
  };
}

function jsonInput(body: unknown): Input {
  const members = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  return {
    string: (name) => (typeof members[name] === 'string' ? members[name] : undefined),
    list: (name) => {
      const value = members[name];
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    },
    number: (name) => (typeof members[name] === 'number' ? members[name] : undefined),
  };
}

/** Writes an answer in the protocol's form, with a request id, and returns its status. */
export function writeAnswer(
  protocol: Protocol,
  operation: string,
  answer: Answer,
  res: ServerResponse,
): number {
  const requestId = randomUUID();
  const status = answer.ok ? 200 : answer.error.status;
  if (protocol.kind === 'rest-xml') {
    res.setHeader('x-amz-request-id', requestId);
    res.setHeader('x-amz-id-2', Buffer.from(requestId).toString('base64'));
  } else res.setHeader('x-amzn-RequestId', requestId);
  if (answer.ok) send(res, status, ...success(protocol, operation, answer.value, requestId));
  else send(res, status, ...failure(protocol, answer.error, requestId, res));
  return status;
}

function send(res: ServerResponse, status: number, contentType: string, body: string | Uint8Array): void {
  res.statusCode = status;
  res.setHeader('content-type', contentType);
  res.end(body);
}

function success(
  protocol: Protocol,
  operation: string,
  value: unknown,
  requestId: string,
): [string, string | Uint8Array] {
  if (value instanceof RawBody) return [value.contentType, value.body];
  switch (protocol.kind) {
    case 'query':
      return [
        'text/xml',
        `<${operation}Response xmlns="${protocol.xmlns}"><${operation}Result>${toXml(value)}</${operation}Result>` +
          `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`,
      ];
    case 'json':
      return [`application/x-amz-json-${protocol.version}`, JSON.stringify(value)];
    case 'rest-xml':
      // GetBucketPolicy's output is its payload, the policy text itself (S3's others are a RawBody)
      return ['application/json', typeof value === 'string' ? value : JSON.stringify(value)];
    case 'rest-json':
      return ['application/json', JSON.stringify(value)];
  }
}

function failure(
  protocol: Protocol,
  error: FakeError,
  requestId: string,
  res: ServerResponse,
): [string, string] {
  switch (protocol.kind) {
    case 'query': {
      const type = error.status >= 500 ? 'Receiver' : 'Sender';
      return [
        'text/xml',
        `<ErrorResponse xmlns="${protocol.xmlns}"><Error><Type>${type}</Type><Code>${escapeXml(error.code)}</Code>` +
          `<Message>${escapeXml(error.message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
      ];
    }
    case 'json':
      if (error.queryError !== undefined) res.setHeader('x-amzn-query-error', error.queryError);
      return [
        `application/x-amz-json-${protocol.version}`,
        JSON.stringify({ __type: error.code, message: error.message }),
      ];
    case 'rest-xml': {
      const fields = Object.entries(error.fields ?? {})
        .map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
        .join('');
      return [
        'application/xml',
        `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${escapeXml(error.code)}</Code>` +
          `<Message>${escapeXml(error.message)}</Message>${fields}<RequestId>${requestId}</RequestId>` +
          `<HostId>${Buffer.from(requestId).toString('base64')}</HostId></Error>`,
      ];
    }
    case 'rest-json':
      res.setHeader('x-amzn-ErrorType', error.code);
      return ['application/json', JSON.stringify({ Type: 'User', Message: error.message })];
  }
}
