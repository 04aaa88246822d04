import type { FailureKind } from './failure.js';

/**
 * Errors that look like access failures but are not caused by a missing Allow or a matching Deny
 * (spec A.5). Rules are tried in order; the first whose code or phrase matches classifies the error.
 * `id` is stable: renderers key their advice on it.
 */
export interface LookalikeRule {
  readonly id: string;
  readonly kind: FailureKind;
  /** Error codes (without `Client.`), compared exactly. */
  readonly codes?: readonly string[];
  /** Code suffixes, e.g. `LimitExceeded`. */
  readonly codeSuffixes?: readonly string[];
  /** Phrases searched case-insensitively in the whole text. */
  readonly phrases?: readonly string[];
  /** Whether the rule applies even when the text also holds a denial sentence. */
  readonly overridesDenial?: boolean;
}

/** The look-alike rules, most specific first. */
export const LOOKALIKE_RULES: readonly LookalikeRule[] = [
  {
    // The function's KMS grant still names the old role id after the role was re-created (C#92).
    id: 'lambda-stale-kms-grant',
    kind: 'kms-key-state',
    phrases: ['KMS Exception: UnrecognizedClientException'],
    overridesDenial: true,
  },
  {
    id: 'kms-ciphertext-ambiguous',
    kind: 'ambiguous-kms',
    phrases: [
      'ciphertext refers to a customer master key that does not exist',
      'ciphertext refers to a KMS key',
    ],
  },
  {
    id: 'session-credentials',
    kind: 'credential-type',
    phrases: ['with session credentials'],
  },
  {
    id: 'ami-not-shared',
    kind: 'not-shared',
    phrases: ['Not authorized for images'],
  },
  {
    id: 'image-not-found',
    kind: 'not-shared',
    codes: ['InvalidAMIID.NotFound', 'InvalidAMIID.Unavailable'],
  },
  {
    id: 'ebs-kms-key-inaccessible',
    kind: 'kms-key-state',
    codes: ['InvalidKMSKey.InvalidState'],
    phrases: [
      'encrypted with an inaccessible AWS KMS key',
      'Client error on launch',
      'InvalidKMSKey.InvalidState',
    ],
  },
  {
    id: 'kms-key-state',
    kind: 'kms-key-state',
    codes: [
      'DisabledException',
      'KMSDisabledException',
      'KMSInvalidStateException',
      'KMSInvalidStateFault',
      'KeyUnavailableException',
      'KMSKeyNotAccessibleFault',
    ],
    phrases: ['is pending deletion'],
  },
  {
    id: 'expired-token',
    kind: 'authentication',
    codes: ['ExpiredToken', 'ExpiredTokenException', 'TokenRefreshRequired'],
    phrases: ['security token included in the request is expired', 'The provided token has expired'],
  },
  {
    id: 'invalid-token',
    kind: 'authentication',
    codes: [
      'InvalidClientTokenId',
      'UnrecognizedClientException',
      'InvalidAccessKeyId',
      'InvalidToken',
      'MissingAuthenticationToken',
      'MissingAuthenticationTokenException',
      'IncompleteSignature',
      'IncompleteSignatureException',
    ],
    phrases: [
      'security token included in the request is invalid',
      'Access Key Id you provided does not exist',
    ],
  },
  {
    id: 'signature-mismatch',
    kind: 'authentication',
    codes: ['SignatureDoesNotMatch', 'InvalidSignatureException'],
    phrases: ['request signature we calculated does not match'],
  },
  {
    id: 'request-expired',
    kind: 'authentication',
    codes: ['RequestExpired', 'RequestTimeTooSkewed'],
    phrases: ['Signature expired:'],
  },
  {
    id: 'credentials-not-validated',
    kind: 'authentication',
    codes: ['AuthFailure'],
    phrases: ['was not able to validate the provided access credentials'],
  },
  {
    id: 'not-authenticated',
    kind: 'authentication',
    codes: ['NotAuthorizedException', 'NotAuthorized'],
  },
  {
    id: 'opt-in-required',
    kind: 'opt-in',
    codes: ['OptInRequired', 'SubscriptionRequiredException', 'PendingVerification'],
    phrases: [
      'You are not subscribed to this service',
      'needs a subscription for the service',
      'you need to accept terms and subscribe',
      'is not enabled for this account',
    ],
  },
  {
    id: 'account-blocked',
    kind: 'other',
    codes: ['Blocked'],
    phrases: ['This account is currently blocked'],
  },
  {
    id: 'insufficient-capacity',
    kind: 'capacity',
    codes: [
      'InsufficientInstanceCapacity',
      'InsufficientHostCapacity',
      'InsufficientReservedInstanceCapacity',
      'InsufficientCapacity',
      'InsufficientCapacityException',
      'InsufficientCapacityError',
    ],
    phrases: ['We currently do not have sufficient'],
  },
  {
    id: 'throttling',
    kind: 'throttling',
    codes: [
      'Throttling',
      'ThrottlingException',
      'ThrottledException',
      'RequestLimitExceeded',
      'TooManyRequestsException',
      'SlowDown',
      'RequestThrottled',
      'RequestThrottledException',
      'ProvisionedThroughputExceededException',
      'PriorRequestNotComplete',
      'EC2ThrottledException',
    ],
    phrases: ['Rate exceeded'],
  },
  {
    id: 'quota-exceeded',
    kind: 'quota',
    codes: ['TooManyBuckets', 'ServiceQuotaExceededException', 'MaxSpotInstanceCountExceeded'],
    codeSuffixes: ['LimitExceeded', 'LimitExceededException', 'QuotaExceeded', 'QuotaExceededException'],
    phrases: ['request an adjustment to this limit', 'than your current vCPU limit'],
  },
  {
    id: 'malformed-policy',
    kind: 'other',
    codes: ['MalformedPolicyDocument', 'MalformedPolicyDocumentException', 'MalformedPolicy'],
    phrases: ['Syntax errors in policy'],
  },
  {
    id: 'policy-validation',
    kind: 'other',
    phrases: [
      'for parameter Condition is invalid',
      'is not compatible with the ARN_LIKE condition',
      'Invalid principal in policy',
    ],
  },
  {
    id: 'dry-run-succeeded',
    kind: 'other',
    codes: ['DryRunOperation'],
    phrases: ['Request would have succeeded, but DryRun flag is set'],
  },
];

/** Codes that mean "no permission" across services (spec A.1). */
export const AUTHORIZATION_CODES: ReadonlySet<string> = new Set([
  'UnauthorizedOperation',
  'AccessDenied',
  'AccessDeniedException',
  'AuthorizationError',
  'KMSAccessDeniedException',
  'UnauthorizedException',
  'UnauthorizedOperationException',
  'UnauthorizedAccess',
  'Forbidden',
  'ForbiddenException',
  'InsufficientPermissionsException',
  'AccessDeniedFault',
]);

/** Finds the first look-alike rule that matches a code or a phrase of the text (given lower-cased). */
export function findLookalike(
  code: string | null,
  lower: string,
  hasDenialSentence: boolean,
): LookalikeRule | null {
  for (const rule of LOOKALIKE_RULES) {
    if (hasDenialSentence && rule.overridesDenial !== true) {
      continue;
    }
    if (code !== null) {
      if (rule.codes?.includes(code) || rule.codeSuffixes?.some((suffix) => code.endsWith(suffix))) {
        return rule;
      }
    }
    if (rule.phrases?.some((phrase) => lower.includes(phrase.toLowerCase()))) {
      return rule;
    }
  }
  return null;
}
