import { actionForOperation } from '../catalog/operations.js';
import type { PolicyLayer } from '../engine/layers.js';
import { type CloudTrailFailure, readCloudTrail } from '../errors/cloudtrail.js';
import { findDenialSentences } from '../errors/denial-sentence.js';
import type { DenyType, FailureKind } from '../errors/failure.js';
import { AUTHORIZATION_CODES, findLookalike, type LookalikeId } from '../errors/lookalikes.js';
import { parsePrincipal } from '../errors/principal.js';
import { normaliseAction } from '../errors/read-error.js';
import { stripFaultPrefix } from '../errors/surfaces.js';
import { isJsonObject } from '../json/is-json-object.js';

/**
 * One failed CloudTrail event that is an access failure or one of its look-alikes, reduced to what
 * grouping and filtering read. The grouping key is (principal, action, resourcePattern, errorCode,
 * reasonLayer).
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 */
export interface TrailDenial {
  /** `authorization` for a failed authorization, else the look-alike's kind. */
  readonly kind: FailureKind;
  /** The look-alike rule that classified the event; `null` for a failed authorization. */
  readonly lookalike: LookalikeId | null;
  /** The caller: the role of a role session (`sessionContext.sessionIssuer.arn`), never the session. */
  readonly principal: string | null;
  /** The caller as the record names it (a role session's `assumed-role` ARN). */
  readonly caller: string | null;
  /** The denied IAM action: the denial sentence's, else the operation's action. */
  readonly action: string | null;
  /** The resource the record names (its `resources` list or its request parameters), else the message's. */
  readonly resource: string | null;
  /** {@link resource} with an S3 object's key replaced by `*`: one group per bucket. */
  readonly resourcePattern: string | null;
  /** `errorCode` without a `Client.`/`Server.` prefix. */
  readonly errorCode: string;
  /** The policy type the error message blames (`because no identity-based policy allows`). */
  readonly reasonLayer: PolicyLayer | null;
  readonly denyType: DenyType | null;
  readonly eventTime: string | null;
  readonly eventId: string | null;
  readonly eventSource: string;
  /** The account whose trail holds the event (`recipientAccountId`), else the caller's account. */
  readonly account: string | null;
  readonly region: string | null;
}

/** What {@link readTrailDenial} makes of a value: a denial, or why it is none. */
export type TrailRecordReading =
  | { readonly ok: true; readonly denial: TrailDenial }
  | { readonly ok: false; readonly reason: 'not-a-record' | 'succeeded' | 'other-failure' };

/**
 * Reads one parsed CloudTrail record: a failed authorization (an authorization code of the error
 * reader, or a denial sentence in `errorMessage`) or a look-alike (the reader's look-alike rules), else
 * why it is neither. Uses the error reader's CloudTrail record reading for caller, resource and operation.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
 */
export function readTrailDenial(record: unknown): TrailRecordReading {
  if (!isJsonObject(record) || typeof record.eventSource !== 'string') {
    return { ok: false, reason: 'not-a-record' };
  }
  if (typeof record.errorCode !== 'string' || record.errorCode === '') {
    return { ok: false, reason: 'succeeded' };
  }
  const failure = readCloudTrail(record)?.failures[0];
  if (failure === undefined) {
    return { ok: false, reason: 'not-a-record' };
  }
  const errorCode = stripFaultPrefix(failure.errorCode) ?? failure.errorCode;
  const message = failure.errorMessage ?? '';
  const sentences = message === '' ? [] : findDenialSentences(message);
  const sentence = sentences.find((s) => s.action !== null) ?? sentences[0] ?? null;
  const lookalike = findLookalike(errorCode, `${errorCode}: ${message}`, sentence !== null);
  if (lookalike === null && sentence === null && !AUTHORIZATION_CODES.has(errorCode)) {
    return { ok: false, reason: 'other-failure' };
  }
  const identity = isJsonObject(record.userIdentity) ? record.userIdentity : {};
  const resource = failure.resource ?? sentence?.resource ?? null;
  return {
    ok: true,
    denial: {
      kind: lookalike?.kind ?? 'authorization',
      lookalike: lookalike?.id ?? null,
      principal: roleOrCaller(identity, failure.principal),
      caller: failure.principal,
      action: actionOf(sentence?.action ?? null, failure),
      resource,
      resourcePattern: resourcePattern(resource),
      errorCode,
      reasonLayer: sentence?.reasonLayer ?? null,
      denyType: sentence?.denyType ?? null,
      eventTime: text(record.eventTime),
      eventId: failure.eventId,
      eventSource: record.eventSource,
      account: text(record.recipientAccountId) ?? text(identity.accountId),
      region: failure.region,
    },
  };
}

/**
 * The role behind a role session: `userIdentity.sessionContext.sessionIssuer.arn` (which keeps the
 * role's path), else the role rebuilt from the `assumed-role` ARN; any other caller as it is.
 * @see https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-user-identity.html
 */
function roleOrCaller(identity: Readonly<Record<string, unknown>>, caller: string | null): string | null {
  if (identity.type === 'AssumedRole') {
    const session = isJsonObject(identity.sessionContext) ? identity.sessionContext : null;
    const issuer = session !== null && isJsonObject(session.sessionIssuer) ? session.sessionIssuer : null;
    const issuerArn = issuer === null ? null : text(issuer.arn);
    if (issuerArn !== null) return issuerArn;
  }
  if (caller === null) return null;
  const info = parsePrincipal(caller);
  return info.kind === 'assumed-role' && info.roleArn !== null ? info.roleArn : caller;
}

function actionOf(stated: string | null, failure: CloudTrailFailure): string | null {
  if (stated !== null) return normaliseAction(stated);
  if (failure.service === null || failure.operation === null) return null;
  return actionForOperation(failure.service, failure.operation).action;
}

/**
 * The resource as a group names it: an S3 object (`arn:aws:s3:::bucket/key`) as `arn:aws:s3:::bucket/*`,
 * any other ARN as it is.
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-arn-format.html
 */
export function resourcePattern(resource: string | null): string | null {
  const bucketAt = resource === null ? -1 : resource.indexOf(':s3:::');
  if (resource === null || bucketAt < 0 || !resource.startsWith('arn:')) return resource;
  const slash = resource.indexOf('/', bucketAt + ':s3:::'.length);
  return slash < 0 ? resource : `${resource.slice(0, slash)}/*`;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
