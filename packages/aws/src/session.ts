import { ECRClient } from '@aws-sdk/client-ecr';
import { IAMClient } from '@aws-sdk/client-iam';
import { KMSClient } from '@aws-sdk/client-kms';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';
import { STSClient } from '@aws-sdk/client-sts';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { type ClientName, OPERATIONS, type Operation, type OperationName } from './operations.js';

/** How live mode reaches AWS. */
export interface SessionOptions {
  /** A named profile of the shared config and credentials files (`--profile`). */
  readonly profile?: string;
  /** The region for regional services (`--region`); else the SDK's (environment, profile). */
  readonly region?: string;
  /** Credentials to use instead of the standard chain (tests). */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /**
   * One endpoint for every service (tests). Without it, the SDK's own endpoint settings apply:
   * `AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_<SERVICE>` and a profile's `endpoint_url`.
   * @see https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html
   */
  readonly endpoint?: string;
  /**
   * Address S3 buckets by path (`https://host/bucket`), as AWS-compatible endpoints expect; implied by
   * `endpoint`.
   */
  readonly pathStyle?: boolean;
  /** Milliseconds a call may take, per attempt (default 10,000). */
  readonly timeoutMs?: number;
  /** Attempts per call, retried with the SDK's standard backoff on throttling (default 5). */
  readonly maxAttempts?: number;
}

/** What happened to one call. */
export type CallOutcome = 'ok' | 'denied' | 'not-found' | 'error';

/** One call made, for the report and the least-privilege policy. */
export interface CallRecord {
  readonly action: OperationName;
  readonly outcome: CallOutcome;
  readonly ms: number;
  /** The error code AWS answered, for a call that failed. */
  readonly code?: string;
}

/** The answer of a call: the SDK's output, or why there is none. */
export type CallResult<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      readonly outcome: Exclude<CallOutcome, 'ok'>;
      readonly code: string;
      readonly message: string;
    };

/** Error codes meaning the caller may not make the call. */
const DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'AuthorizationError',
  // SNS
  'AuthorizationErrorException',
]);
/** Error codes meaning the thing asked for does not exist (or has no policy). */
const NOT_FOUND =
  /^(NoSuchEntity|NoSuchBucket|NoSuchBucketPolicy|NoSuchKey|NotFound|NotFoundException|ResourceNotFoundException|RepositoryNotFoundException|RepositoryPolicyNotFoundException|AWS\.SimpleQueueService\.NonExistentQueue|QueueDoesNotExist|PolicyNotFoundException|TargetNotFoundException|ChildNotFoundException|AWSOrganizationsNotInUseException)$/;

type AnyClient = { send(command: unknown): Promise<unknown>; destroy(): void };

/**
 * The one way live mode calls AWS: a lazily created SDK client per service, sharing credentials,
 * timeouts and retries; every call goes through {@link AwsSession.call}, which accepts only the
 * read operations of `OPERATIONS` and records what it did.
 */
export class AwsSession {
  readonly calls: CallRecord[] = [];
  private readonly clients = new Map<string, AnyClient>();
  private readonly credentials;

  constructor(private readonly options: SessionOptions = {}) {
    this.credentials =
      options.credentials ??
      fromNodeProviderChain(options.profile === undefined ? {} : { profile: options.profile });
  }

  /** The region calls go to when none is asked for: the option, else the SDK's, else us-east-1. */
  get region(): string | undefined {
    return this.options.region;
  }

  /** Calls one allowed operation; never throws for an AWS error (it is recorded and returned). */
  async call<T = Record<string, unknown>>(
    action: OperationName,
    input: Record<string, unknown>,
    region?: string,
  ): Promise<CallResult<T>> {
    const operation: Omit<Operation, 'action'> = OPERATIONS[action];
    const client = this.client(operation.client, region);
    const started = performance.now();
    try {
      const value = (await client.send(new operation.command(input as never))) as T;
      this.calls.push({ action, outcome: 'ok', ms: Math.round(performance.now() - started) });
      return { ok: true, value };
    } catch (error) {
      const code = errorCode(error);
      const message = error instanceof Error ? error.message : String(error);
      const outcome = DENIED.has(code) ? 'denied' : NOT_FOUND.test(code) ? 'not-found' : 'error';
      this.calls.push({ action, outcome, ms: Math.round(performance.now() - started), code });
      return { ok: false, outcome, code, message };
    }
  }

  /** Releases every client's sockets. */
  close(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }

  private client(name: ClientName, region?: string): AnyClient {
    const where = region ?? this.options.region ?? '';
    const key = `${name} ${where}`;
    const existing = this.clients.get(key);
    if (existing !== undefined) return existing;
    const config = {
      ...(where === '' ? {} : { region: where }),
      ...(this.options.profile === undefined ? {} : { profile: this.options.profile }),
      ...(this.options.endpoint === undefined ? {} : { endpoint: this.options.endpoint }),
      credentials: this.credentials,
      maxAttempts: this.options.maxAttempts ?? 5,
      retryMode: 'standard',
      requestHandler: {
        requestTimeout: this.options.timeoutMs ?? 10_000,
        connectionTimeout: this.options.timeoutMs ?? 10_000,
      },
    };
    const client = createClient(
      name,
      config,
      this.options.endpoint !== undefined || this.options.pathStyle === true,
    );
    this.clients.set(key, client);
    return client;
  }
}

function createClient(name: ClientName, config: Record<string, unknown>, pathStyle: boolean): AnyClient {
  switch (name) {
    case 'sts':
      return new STSClient(config);
    case 'iam':
      return new IAMClient(config);
    case 'organizations':
      return new OrganizationsClient(config);
    case 's3':
      // a custom endpoint (an AWS-compatible server) serves buckets by path, not by host name; a
      // bucket in another region than the client's answers with a redirect the client follows
      return new S3Client({ ...config, forcePathStyle: pathStyle, followRegionRedirects: true });
    case 'kms':
      return new KMSClient(config);
    case 'secretsmanager':
      return new SecretsManagerClient(config);
    case 'sqs':
      return new SQSClient(config);
    case 'sns':
      return new SNSClient(config);
    case 'lambda':
      return new LambdaClient(config);
    case 'ecr':
      return new ECRClient(config);
  }
}

function errorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'Error';
  const e = error as { name?: unknown; Code?: unknown; code?: unknown };
  for (const v of [e.Code, e.name, e.code]) if (typeof v === 'string' && v !== '' && v !== 'Error') return v;
  return 'Error';
}
