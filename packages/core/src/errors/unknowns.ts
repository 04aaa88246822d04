import type { DenialSentence } from './denial-sentence.js';
import type { ErrorReading, Unknown, UnknownCode } from './failure.js';
import { splitArn } from './principal.js';

/** Message templates of {@link Unknown}, keyed by code; values in backticks are filled in by `listUnknowns`. */
const MESSAGES: Readonly<Record<UnknownCode, string>> = {
  'no-reason-clause': 'AWS gave no reason clause, so the policy type that denied is unknown',
  'one-policy-type-only':
    'AWS names only one policy type even when several deny; fixing it may reveal the next',
  'deny-type-without-layer': 'AWS says the deny is explicit but not which policy type holds it',
  'encoded-message-truncated':
    'the encoded authorization message is cut off and cannot be decoded; copy it whole',
  'encoded-message-empty': 'the encoded authorization message is empty',
  'no-encoded-message': 'the error carries no encoded authorization message',
  'principal-not-named': 'the error does not name the caller',
  'principal-redacted': 'the caller ARN has a redacted or malformed account id',
  'resource-rebuilt':
    'IAM named the resource by its name only: its ARN is rebuilt in the caller account and assumes the path `/`',
  'resource-not-named':
    'the error names no resource: the action may have no resource type, or the service omits it',
  'action-not-named': 'the error names no IAM action',
  'action-inferred': 'the IAM action is inferred from the operation or the wording, not stated by AWS',
  'operation-unknown': 'the API operation that failed is not named',
  'cross-account-resource-policy':
    'the caller and the resource are in different accounts: AWS reports `no resource-based policy` also when the caller lacks the identity-policy allow',
  'kms-ambiguous':
    'KMS says the same for a missing key, a key in another region or account, and a missing permission',
  'status-only':
    'only the HTTP status 403 is known: the response had no body (HEAD requests) or the client dropped it',
  'layer-disagrees':
    'AWS blamed another policy type than the one the given evidence denies in: some policies are missing from the evidence',
  'policy-disagrees': 'AWS named another policy than the one the given evidence finds',
  'evidence-allows':
    'the given policies allow every check: the policy that denied is missing from the evidence (SCPs, RCPs, a resource or session policy?)',
  'no-checks': 'the error does not tell enough (caller, action) to evaluate the given policies',
};

/** The message of an unknown, for stages after the reading. */
export function unknownOf(code: UnknownCode): { code: UnknownCode; message: string } {
  return { code, message: MESSAGES[code] };
}

/** Lists what the reading could not establish, in the order a person should care about it. */
export function listUnknowns(
  reading: Omit<ErrorReading, 'unknowns'>,
  sentence: DenialSentence | null,
): Unknown[] {
  const codes: UnknownCode[] = [];
  const { failure } = reading;
  if (reading.kind === 'ambiguous-kms') {
    codes.push('kms-ambiguous');
  }
  if (reading.kind === 'authorization') {
    if (failure.denyType === null) {
      codes.push('no-reason-clause');
    } else if (failure.reasonLayer === null) {
      codes.push('deny-type-without-layer');
    } else {
      codes.push('one-policy-type-only');
    }
    if (
      failure.code === null &&
      sentence === null &&
      reading.httpStatus === 403 &&
      reading.message === null
    ) {
      codes.push('status-only');
    }
    if (
      failure.reasonLayer === 'resource' &&
      failure.denyType === 'implicit' &&
      isCrossAccount(failure.principal, failure.resource)
    ) {
      codes.push('cross-account-resource-policy');
    }
    if (failure.action === null) {
      codes.push('action-not-named');
      if (failure.operation === null) {
        codes.push('operation-unknown');
      }
    } else if (
      reading.actionSource === 'operation' ||
      reading.actionSource === 'phrase' ||
      reading.actionSource === 'signature' ||
      reading.actionSource === 'cloudtrail'
    ) {
      codes.push('action-inferred');
    }
    if (failure.principal === null) {
      codes.push('principal-not-named');
    } else if (
      reading.principalInfo?.accountRedacted ||
      reading.redacted.some((p) => p.fact === 'principal')
    ) {
      codes.push('principal-redacted');
    }
    if (failure.resource === null) {
      codes.push('resource-not-named');
    } else if (sentence?.resourceRebuilt === true && sentence.resource === failure.resource) {
      codes.push('resource-rebuilt');
    }
  }
  if (reading.encodedMessage.state === 'truncated') {
    codes.push('encoded-message-truncated');
  } else if (reading.encodedMessage.state === 'empty') {
    codes.push('encoded-message-empty');
  }
  return codes.map((code) => ({ code, message: MESSAGES[code] }));
}

function isCrossAccount(principal: string | null, resource: string | null): boolean {
  if (principal === null || resource === null) {
    return false;
  }
  const p = splitArn(principal)?.account;
  const r = splitArn(resource)?.account;
  return p !== undefined && r !== undefined && /^\d{12}$/.test(p) && /^\d{12}$/.test(r) && p !== r;
}
