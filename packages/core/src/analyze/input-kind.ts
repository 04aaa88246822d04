import type { Result } from '../diagnostics/result.js';
import { isJsonObject } from '../json/is-json-object.js';
import { parseJson } from '../json/parse-json.js';
import { findPolicy } from '../policy/unwrap-policy.js';

/**
 * What one input holds: the error as pasted, a decoded authorization message, an account's
 * authorization details, an organization snapshot, or a resource-based policy.
 */
export type InputKind = 'error' | 'decoded' | 'account' | 'organization' | 'resource-policy';

/** Every {@link InputKind}. */
export const INPUT_KINDS: readonly InputKind[] = [
  'error',
  'decoded',
  'account',
  'organization',
  'resource-policy',
];

/** How messages name what an input of each kind holds. */
export const INPUT_KIND_NAME: Readonly<Record<InputKind, string>> = {
  error: 'an AWS error',
  decoded: 'a decoded authorization message',
  account: 'account authorization details (`aws iam get-account-authorization-details` output)',
  organization: 'an organization snapshot',
  'resource-policy': 'a resource-based policy',
};

/** Members only `get-account-authorization-details` prints at the top level. */
const ACCOUNT_LISTS = ['UserDetailList', 'GroupDetailList', 'RoleDetailList'];

/**
 * Recognises what an input holds from its content alone; `null` when it holds none of the kinds
 * (an empty text, JSON of another shape). Text that is not JSON is taken for an error as pasted: the
 * error reader decides whether it holds one.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html
 * @see https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html
 */
export function recognizeInput(text: string): InputKind | null {
  return recognizeParsed(text, parseJson(text));
}

/** {@link recognizeInput} for text whose JSON reading (`parseJson(text)`) is already at hand. */
export function recognizeParsed(text: string, parsed: Result<unknown>): InputKind | null {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return null;
  if (!parsed.ok) {
    if (!looksLikeJson(body)) return 'error';
    // JSON cut off or broken: a decoded message is read up to where it was cut, and a CloudTrail
    // record by its fields; a broken policy or snapshot is not guessed at
    if (/"allowed"\s*:/.test(body) && /"context"\s*:/.test(body)) return 'decoded';
    if (/"(?:Statement|UserDetailList|RoleDetailList|GroupDetailList|policies|targets)"\s*:/.test(body))
      return null;
    return 'error';
  }
  const kind = recognizeValue(parsed.value);
  // a CloudTrail record inside another tool's JSON (a SIEM alert, a log line) is read by its fields
  if (kind === null && /"errorCode"\s*:\s*"/.test(body) && /"(?:eventSource|eventName)"\s*:/.test(body)) {
    return 'error';
  }
  return kind;
}

/** {@link recognizeInput} for an already parsed JSON value. */
export function recognizeValue(value: unknown): InputKind | null {
  if (typeof value === 'string') return isDecodedText(value) ? 'decoded' : null;
  if (Array.isArray(value)) return value.some((v) => isJsonObject(v) && 'eventName' in v) ? 'error' : null;
  if (!isJsonObject(value)) return null;
  if (ACCOUNT_LISTS.some((key) => key in value) || isAccountPolicies(value.Policies)) return 'account';
  if ('policies' in value || 'targets' in value) return 'organization';
  if ('DecodedMessage' in value || ('allowed' in value && 'context' in value)) return 'decoded';
  if ('Records' in value || 'eventName' in value || 'errorCode' in value) return 'error';
  // `aws cloudtrail lookup-events` prints each record as a JSON string in `CloudTrailEvent`
  if (Array.isArray(value.Events) && value.Events.some((e) => isJsonObject(e) && 'CloudTrailEvent' in e)) {
    return 'error';
  }
  const found = findPolicy(value);
  if (found.ok && isJsonObject(found.value.document) && 'Statement' in found.value.document) {
    return found.value.kindHint === null || found.value.kindHint === 'resource' ? 'resource-policy' : null;
  }
  // an error body as a client printed it: `{"__type": …}`, `{"Error": {"Code": …}}`, Lambda's errorType
  if (
    '__type' in value ||
    'Error' in value ||
    'errorType' in value ||
    'Code' in value ||
    'message' in value
  ) {
    return 'error';
  }
  return null;
}

/** `get-account-authorization-details` lists managed policies with their versions; other commands do not. */
function isAccountPolicies(value: unknown): boolean {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((p) => isJsonObject(p) && ('PolicyVersionList' in p || 'DefaultVersionId' in p))
  );
}

function looksLikeJson(text: string): boolean {
  const start = text.trimStart()[0];
  return start === '{' || start === '[';
}

/** A JSON string holding a decoded message (a double-encoded paste). */
function isDecodedText(text: string): boolean {
  const parsed = parseJson(text);
  return parsed.ok && isJsonObject(parsed.value) && 'allowed' in parsed.value && 'context' in parsed.value;
}
