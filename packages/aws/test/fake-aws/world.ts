/**
 * What the fake AWS knows: the caller, the account's IAM, the organization, resource policies, and
 * the failures to stage (denials, throttling). Every answer of the fake is read from here.
 */

/** One decision of `iam:SimulatePrincipalPolicy`, as its `EvaluationResult` reports it. */
export interface FakeSimulation {
  readonly decision: 'allowed' | 'explicitDeny' | 'implicitDeny';
  readonly matched?: readonly { readonly sourcePolicyId: string; readonly sourcePolicyType: string }[];
}

/** The world the fake answers from. Only `caller` is required; what is absent answers as AWS does. */
export interface FakeWorld {
  /** What sts:GetCallerIdentity answers. */
  readonly caller: { readonly arn: string; readonly account: string; readonly userId: string };
  /**
   * The static credentials requests must be signed with (SigV4 is verified); the default is
   * {@link FAKE_CREDENTIALS}.
   */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /**
   * `aws iam get-account-authorization-details` output of the caller's account (documents as objects,
   * JSON text or URL-encoded text). Every IAM read is answered from it.
   */
  readonly accountDetails?: unknown;
  /**
   * Organization snapshot in whydenied's `--org` format: `{ managementAccountId, targets: { account:
   * [root, ou…] }, policies: [{ id, name, type, document, targets }] }`. Absent: the caller's account is
   * in no organization.
   */
  readonly organization?: unknown;
  /**
   * Accounts registered as delegated administrators of the organization: like the management
   * account, they may read its structure and policies; any other account is refused.
   */
  readonly delegatedAdministrators?: readonly string[];
  /**
   * Resource policies by ARN (document as object or JSON text): S3 bucket (`arn:aws:s3:::name`), KMS
   * key, Secrets Manager secret, SQS queue, SNS topic, Lambda function, ECR repository. A resource not
   * listed answers the service's own "no policy" error (an SQS queue: no `Policy` attribute).
   */
  readonly resourcePolicies?: Readonly<Record<string, unknown>>;
  /**
   * S3 objects by bucket and key (text or bytes), read by ListObjectsV2 and GetObject; a bucket not
   * listed answers NoSuchBucket.
   */
  readonly buckets?: Readonly<Record<string, Readonly<Record<string, string | Uint8Array>>>>;
  /** Decoded authorization messages by encoded message text. */
  readonly decoded?: Readonly<Record<string, string>>;
  /** IAM actions answered with the service's AccessDenied error, e.g. `iam:GetRole`. */
  readonly denied?: readonly string[];
  /** IAM actions answered with the service's throttling error this many times before succeeding. */
  readonly throttle?: Readonly<Record<string, number>>;
  /** iam:SimulatePrincipalPolicy answers by `"<action> <resource>"`; default `implicitDeny`. */
  readonly simulate?: Readonly<Record<string, FakeSimulation>>;
  /** Milliseconds every answer waits before it is sent (a remote service's latency, for benchmarks). */
  readonly latencyMs?: number;
  /** Page size used when a request gives none (MaxItems / MaxResults are always honoured). */
  readonly pageSize?: number;
}

/** One request the fake received. */
export interface FakeCall {
  /** The service that answered, by signing name (`iam`, `s3`…), or `unknown`. */
  readonly service: string;
  readonly operation: string;
  /** The IAM action of the operation, e.g. `iam:GetRole`. */
  readonly action: string;
  readonly status: number;
  /** The SigV4 credential scope's service, e.g. `iam`; `null` for an unsigned request. */
  readonly signedFor: string | null;
}

/**
 * The credentials the fake accepts by default: the example key pair of the AWS documentation.
 *
 * @see https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html
 */
export const FAKE_CREDENTIALS = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
} as const;

/** A JSON object read from the world (its shape is AWS's, checked where it is used). */
export type Rec = Readonly<Record<string, unknown>>;

/** `value` as a JSON object, or `undefined` when it is none. */
export function record(value: unknown): Rec | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Rec) : undefined;
}

/** The objects of the list at `key` (anything else in it is skipped). */
export function records(owner: Rec | undefined, key: string): Rec[] {
  const list = owner?.[key];
  if (!Array.isArray(list)) return [];
  return list.map(record).filter((r): r is Rec => r !== undefined);
}

/** The string at `key`, or `undefined`. */
export function text(owner: Rec | undefined, key: string): string | undefined {
  const value = owner?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** The strings of the list at `key`. */
export function texts(owner: Rec | undefined, key: string): string[] {
  const list = owner?.[key];
  return Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string') : [];
}

/** The entry of `map` at a key that came from a request (never an inherited member such as `constructor`). */
export function own<T>(map: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return map !== undefined && Object.hasOwn(map, key) ? map[key] : undefined;
}

/** A policy document as JSON text: objects are serialized, text is kept, URL-encoded text decoded. */
export function policyText(document: unknown): string {
  if (typeof document !== 'string') return JSON.stringify(document);
  return document.trimStart().startsWith('%') ? decodeURIComponent(document) : document;
}
