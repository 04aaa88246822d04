/**
 * What a pasted AWS error says, as plain serialisable data.
 * The contract's `failure` object is {@link FailureFacts}; {@link ErrorReading} adds the details
 * behind it (principal kind, encoded message state, what could not be read).
 */
import type { PolicyLayer } from '../engine/layers.js';
import type { CloudTrailCall } from './cloudtrail.js';
import type { LookalikeId } from './lookalikes.js';
import type { RedactedPart } from './redacted-parts.js';
import type { StepCall } from './step-calls.js';

/** The categories of the contract's `diagnose` output. */
export type FailureKind =
  | 'authorization'
  | 'authentication'
  | 'credential-type'
  | 'quota'
  | 'capacity'
  | 'opt-in'
  | 'not-shared'
  | 'kms-key-state'
  | 'ambiguous-kms'
  | 'throttling'
  | 'other';

/** `explicit`: a Deny statement matched; `implicit`: no statement allowed. */
export type DenyType = 'explicit' | 'implicit';

/** The contract's `failure` object: what the error text itself says; absent facts are `null`. */
export interface FailureFacts {
  /** Wire error code with a `Client.`/`Server.` prefix removed, e.g. `UnauthorizedOperation`. */
  readonly code: string | null;
  /** API operation the client called, e.g. `CreateMultipartUpload`. */
  readonly operation: string | null;
  /** IAM service prefix of the service that answered (the operation's service), e.g. `s3`. */
  readonly service: string | null;
  /** IAM action that was denied, service prefix lower-cased, e.g. `s3:PutObject`. */
  readonly action: string | null;
  /** ARN of the caller, or `anonymous`. */
  readonly principal: string | null;
  /** ARN of the resource AWS evaluated (S3's quotes removed). */
  readonly resource: string | null;
  /** The policy type AWS named in its reason clause. */
  readonly reasonLayer: PolicyLayer | null;
  readonly denyType: DenyType | null;
  /** ARN of the policy AWS appended to the reason clause. */
  readonly policyArn: string | null;
  /** Whether an encoded authorization message (non-empty) is present. */
  readonly hasEncodedMessage: boolean;
}

/** How a derived fact was obtained: read from the text, or inferred from another fact. */
export type FactSource = 'message' | 'operation' | 'phrase' | 'signature' | 'cloudtrail' | 'option';

/** Kinds of principal ARN. */
export type PrincipalKind =
  | 'user'
  | 'role'
  | 'assumed-role'
  | 'federated-user'
  | 'root'
  | 'anonymous'
  | 'service'
  | 'unknown';

/** What a principal ARN tells about the caller. */
export interface PrincipalInfo {
  readonly arn: string;
  readonly kind: PrincipalKind;
  readonly partition: string | null;
  /** Twelve-digit account id; `null` when absent or redacted. */
  readonly account: string | null;
  /** Whether the account field was blanked or redacted (`''`, `XXXX`, `<REMOVED>`...). */
  readonly accountRedacted: boolean;
  /** User, role or federated-user name (role name for an assumed-role session). */
  readonly name: string | null;
  /** IAM path of a user or role, e.g. `/service-role/`. */
  readonly path: string | null;
  /** Session name of an assumed-role session. */
  readonly sessionName: string | null;
  /** The ARN of the IAM role behind an assumed-role session. */
  readonly roleArn: string | null;
  /** What the role or session name reveals about how the credentials were obtained. */
  readonly origin: PrincipalOrigin | null;
  /** IAM Identity Center permission set name, for `AWSReservedSSO_<set>_<hash>` roles. */
  readonly permissionSet: string | null;
  /** EC2 instance id, for instance-profile sessions. */
  readonly instanceId: string | null;
}

/** How a session was most likely created, read from role and session names. */
export type PrincipalOrigin =
  | 'identity-center'
  | 'ec2-instance-profile'
  | 'cognito-identity'
  | 'codebuild'
  | 'ecs-task'
  | 'web-identity-sdk'
  | 'service-linked-role';

/** State of the encoded authorization message. */
export type EncodedMessageState = 'present' | 'truncated' | 'empty' | 'absent';

/** The encoded authorization message, if the error carries the marker. */
export interface EncodedMessage {
  readonly state: EncodedMessageState;
  /** The blob as found (without any truncation marker); `null` when empty or absent. */
  readonly value: string | null;
}

/** A fact the tool could not establish, with a stable code for tests and renderers. */
export interface Unknown {
  readonly code: UnknownCode;
  readonly message: string;
}

/** Stable codes of {@link Unknown}. */
export type UnknownCode =
  | 'no-reason-clause'
  | 'one-policy-type-only'
  | 'deny-type-without-layer'
  | 'encoded-message-truncated'
  | 'encoded-message-empty'
  | 'no-encoded-message'
  | 'principal-not-named'
  | 'principal-redacted'
  | 'resource-rebuilt'
  | 'resource-not-named'
  | 'action-not-named'
  | 'action-inferred'
  | 'operation-unknown'
  | 'cross-account-resource-policy'
  | 'kms-ambiguous'
  | 'status-only'
  | 'layer-disagrees'
  | 'policy-disagrees'
  | 'evidence-allows'
  | 'no-checks';

/** The full reading of one error text. */
export interface ErrorReading {
  readonly kind: FailureKind;
  readonly failure: FailureFacts;
  /** Identifier of the look-alike rule that classified a non-permission error, e.g. `expired-token`. */
  readonly lookalike: LookalikeId | null;
  /** Wire code exactly as written, e.g. `Client.UnauthorizedOperation`. */
  readonly rawCode: string | null;
  readonly httpStatus: number | null;
  readonly requestId: string | null;
  readonly region: string | null;
  /** Action exactly as written in the message, e.g. `SNS:Publish`. */
  readonly actionAsWritten: string | null;
  readonly actionSource: FactSource | null;
  readonly operationSource: FactSource | null;
  /** The service message after every wrapper was removed. */
  readonly message: string | null;
  readonly principalInfo: PrincipalInfo | null;
  /** Parts of the principal's and the resource's ARNs that were replaced by stand-ins, in ARN order. */
  readonly redacted: readonly RedactedPart[];
  readonly encodedMessage: EncodedMessage;
  /** `true` for `... transitively through a service control policy`. */
  readonly transitiveThroughScp: boolean;
  /** IAM Access Troubleshooter authorization id and console link, when present. */
  readonly authorizationId: string | null;
  readonly detailsUrl: string | null;
  /** Which clients and wrappers were recognised, e.g. `aws-cli`, `go-v2`, `terraform`. */
  readonly surfaces: readonly string[];
  readonly unknowns: readonly Unknown[];
  /** Further denials found in the same input (CloudTrail files, repeated messages). */
  readonly otherFailures: number;
  /** The failed call's parameters and request context as a CloudTrail record logged them; `null` for other inputs. */
  readonly cloudTrail: CloudTrailCall | null;
  /**
   * Calls a tool's step may have made when the text names no operation (`creating SNS Topic` may be
   * `sns:CreateTopic`), in order: proposals the service catalog confirms or drops, never facts by themselves.
   */
  readonly stepCalls: readonly StepCall[];
}
