import type { EvaluatedFinding, FailedCondition } from '../diagnose/evaluate-checks.js';

/**
 * Which condition keys say how or where a call was made — values the caller chooses by making the
 * call differently — and the first remedy for a Deny that turns on them: make the call as the
 * statement allows. A policy change is the owner's decision and comes second.
 */

/**
 * Global keys whose value is the way the call was made: its region, its network, its MFA, its TLS.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-requestedregion
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-network-properties
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-multifactorauthpresent
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-securetransport
 */
export const ORIGIN_KEYS: ReadonlySet<string> = new Set(
  [
    'aws:RequestedRegion',
    'aws:SourceIp',
    'aws:VpcSourceIp',
    'aws:SourceVpc',
    'aws:SourceVpce',
    'aws:MultiFactorAuthPresent',
    'aws:MultiFactorAuthAge',
    'aws:SecureTransport',
  ].map((k) => k.toLowerCase()),
);

/**
 * Service keys that carry a request parameter whatever the action (encryption settings, ACL grants,
 * the boundary of a role being created, KMS's algorithm and encryption context).
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/amazon-s3-policy-keys.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#ck_PermissionsBoundary
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html
 */
const PARAMETER_KEYS: readonly RegExp[] = [
  /^s3:x-amz-/,
  /^s3:object-lock-/,
  /^iam:permissionsboundary$/,
  /^kms:encryptionalgorithm$/,
  /^kms:encryptioncontext/,
  /^kms:grantoperations$/,
  /^kms:keyspec$/,
  /^kms:keyusage$/,
  /^kms:signingalgorithm$/,
  /^kms:macalgorithm$/,
  /^ec2:encrypted$/,
];

/**
 * Actions that create what their check names: the attributes of the resource created (`ec2:InstanceType`
 * of `RunInstances`' instance, `rds:DatabaseEngine` of `CreateDBInstance`) are the call's parameters.
 * On any other action a service's resource keys describe an existing resource, which the caller
 * cannot choose by calling differently.
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html
 */
const CREATING_ACTION = /^[a-z0-9-]+:(Run|Create|Allocate|Import|Copy|Register|Request|Put|Purchase|Launch)/i;

/** Keys that never say how the call was made: who calls, what the resource already is, which service calls. */
const NEVER =
  /^(aws:(principal|userid|username|resource|calledvia|viaawsservice|source(arn|account|org|owner)|federatedprovider|tokenissuetime|ec2instancesource|currenttime|epochtime|sourceidentity|isawsservice)|[a-z0-9-]+:(resourcetag\/|existingobjecttag\/))/;

/**
 * Whether the caller chooses the value of `key` by how it makes a call to `action`: where and how it
 * calls (region, network, MFA, TLS), the tags it sends, a request parameter, or an attribute of the
 * resource the call creates.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-requesttag
 */
export function isCallProperty(key: string, action: string): boolean {
  const lower = key.toLowerCase();
  if (ORIGIN_KEYS.has(lower)) return true;
  if (NEVER.test(lower)) return false;
  if (lower.startsWith('aws:requesttag/') || lower === 'aws:tagkeys') return true;
  if (lower.startsWith('aws:')) return false;
  if (/^[a-z0-9-]+:requesttag\//.test(lower)) return true;
  if (PARAMETER_KEYS.some((p) => p.test(lower))) return true;
  return CREATING_ACTION.test(action);
}

/** What a call must carry for one condition of a Deny to stop matching. */
export type CallWant =
  | 'one-of'
  | 'matching'
  | 'none-of'
  | 'not-matching'
  | 'true'
  | 'false'
  | 'present'
  | 'absent'
  | 'in-network'
  | 'outside-network'
  | 'other';

/** One way to make the call so that a Deny's condition no longer holds. */
export interface CallCondition {
  readonly key: string;
  readonly operator: string;
  /** The statement's values. */
  readonly values: readonly string[];
  /** What the call carried; `null` when the key was absent. */
  readonly actual: readonly string[] | null;
  readonly want: CallWant;
}

/**
 * The first remedy for a Deny about how or where the call was made: make the call so that one of
 * these conditions no longer holds (a Deny applies only when all its conditions hold).
 */
export interface Remedy {
  readonly finding: number;
  readonly code: 'call-as-allowed';
  readonly conditions: readonly CallCondition[];
  readonly message: string;
}

/**
 * The remedy of an explicit deny whose conditions include ones on call properties; `null` for any
 * other finding (an unconditional Deny, one that turns only on who calls or on the resource).
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
 */
export function remedyOf(finding: EvaluatedFinding, index: number): Remedy | null {
  if (finding.decision !== 'ExplicitDeny' || finding.builtIn !== null) return null;
  const conditions = finding.conditions
    .filter((c) => isCallProperty(c.key, finding.action))
    .map(callCondition);
  if (conditions.length === 0) return null;
  const said = conditions.map(sayCondition);
  return {
    finding: index,
    code: 'call-as-allowed',
    conditions,
    message: `make the call ${said.join(', or ')}: the Deny then no longer applies, and no policy changes`,
  };
}

function callCondition(c: FailedCondition): CallCondition {
  return { key: c.key, operator: c.operator, values: c.expected, actual: c.actual, want: wantOf(c) };
}

/** The inverse of a condition operator, as what the call must carry (the `IfExists` suffix aside). */
function wantOf(c: FailedCondition): CallWant {
  const op = c.operator.replace(/IfExists$/, '');
  if (op.includes(':')) return 'other';
  if (/^(StringNotEquals|StringNotEqualsIgnoreCase|ArnNotEquals)$/.test(op)) return 'one-of';
  if (/^(StringNotLike|ArnNotLike)$/.test(op)) return 'matching';
  if (/^(StringEquals|StringEqualsIgnoreCase|ArnEquals)$/.test(op)) return 'none-of';
  if (/^(StringLike|ArnLike)$/.test(op)) return 'not-matching';
  if (op === 'NotIpAddress') return 'in-network';
  if (op === 'IpAddress') return 'outside-network';
  if (op === 'Bool' && c.expected.length === 1)
    return c.expected[0]?.toLowerCase() === 'true' ? 'false' : 'true';
  if (op === 'Null' && c.expected.length === 1) {
    return c.expected[0]?.toLowerCase() === 'true' ? 'present' : 'absent';
  }
  return 'other';
}

/** Plain words for one way to make the call. */
function sayCondition(c: CallCondition): string {
  const values = c.values.map((v) => `\`${v}\``).join(', ');
  const key = `\`${c.key}\``;
  const region = c.key.toLowerCase() === 'aws:requestedregion';
  switch (c.want) {
    case 'one-of':
      if (region) return `in ${c.values.length > 1 ? 'one of the regions' : 'the region'} ${values}`;
      return `with ${key} one of ${values}`;
    case 'matching':
      return `with ${key} matching ${values}`;
    case 'none-of':
      return `with ${key} other than ${values}`;
    case 'not-matching':
      return `with ${key} not matching ${values}`;
    case 'in-network':
      return `from an address in ${values}`;
    case 'outside-network':
      return `from an address outside ${values}`;
    case 'true':
      return c.key.toLowerCase().startsWith('aws:multifactorauth')
        ? 'with MFA session credentials (`aws sts get-session-token --serial-number MFA_ARN --token-code CODE`)'
        : `with ${key} true`;
    case 'false':
      return `with ${key} false`;
    case 'present':
      return `with ${key} set`;
    case 'absent':
      return `without ${key}`;
    default:
      return `with ${key} such that \`${c.operator}\` ${values} does not hold`;
  }
}
